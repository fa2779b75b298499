#include "pdf/stream_deflater.hpp"

#include <libdeflate.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

namespace quire::pdf {

namespace {

struct CompressorFree {
    void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};
using Compressor = std::unique_ptr<libdeflate_compressor, CompressorFree>;

// A compressor costs up to a megabyte of tables to set up: each thread keeps one for
// the level it last used.
libdeflate_compressor* compressor_for(int level) {
    thread_local Compressor compressor;
    thread_local int compressor_level = 0;
    if (!compressor || compressor_level != level) {
        compressor.reset(libdeflate_alloc_compressor(level));
        if (!compressor) throw std::runtime_error("libdeflate: cannot allocate a compressor");
        compressor_level = level;
    }
    return compressor.get();
}

}  // namespace

std::string deflate_bytes(std::string_view data, int level) {
    libdeflate_compressor* c = compressor_for(level);
    std::string out(libdeflate_zlib_compress_bound(c, data.size()), '\0');
    const std::size_t size = libdeflate_zlib_compress(c, data.data(), data.size(), out.data(), out.size());
    if (size == 0) throw std::runtime_error("libdeflate: compression failed");
    out.resize(size);
    out.shrink_to_fit();  // held until the document is written: not at the bound's size
    return out;
}

std::size_t default_deflate_workers() {
    const unsigned threads = std::thread::hardware_concurrency();  // 0: unknown
    return threads > 1 ? threads - 1 : 1;
}

StreamDeflater::StreamDeflater(std::size_t workers, int level)
    : level_(level), max_waiting_(4 * std::max<std::size_t>(workers, 1)) {
    workers_.reserve(workers);
    for (std::size_t i = 0; i < workers; ++i) workers_.emplace_back([this] { work(); });
}

StreamDeflater::~StreamDeflater() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    for (std::thread& worker : workers_) worker.join();
}

void StreamDeflater::add(std::string* destination, std::string data) {
    std::unique_lock<std::mutex> lock(mutex_);
    waiting_.push_back(Job{destination, std::move(data)});
    wake_.notify_one();
    while (waiting_.size() > max_waiting_ && run_one(lock)) {
    }
}

bool StreamDeflater::run_one(std::unique_lock<std::mutex>& lock) {
    if (waiting_.empty()) return false;
    Job job = std::move(waiting_.front());
    waiting_.pop_front();
    ++running_;
    lock.unlock();
    std::string deflated = deflate_bytes(job.data, level_);
    std::string().swap(job.data);
    lock.lock();
    *job.destination = std::move(deflated);
    --running_;
    done_.notify_all();
    return true;
}

void StreamDeflater::work() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (true) {
        wake_.wait(lock, [this] { return stopping_ || !waiting_.empty(); });
        if (stopping_) return;
        run_one(lock);
    }
}

void StreamDeflater::finish() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (run_one(lock)) {
    }
    done_.wait(lock, [this] { return waiting_.empty() && running_ == 0; });
}

}  // namespace quire::pdf
