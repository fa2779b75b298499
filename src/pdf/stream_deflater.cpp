#include "pdf/stream_deflater.hpp"

#include <zlib.h>

#include <stdexcept>

namespace quire::pdf {

std::string deflate_bytes(std::string_view data) {
    z_stream z{};
    if (deflateInit(&z, Z_DEFAULT_COMPRESSION) != Z_OK) throw std::runtime_error("zlib: deflateInit failed");
    std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    const int result = deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    out.shrink_to_fit();  // held until the document is written: not at deflateBound's size
    deflateEnd(&z);
    if (result != Z_STREAM_END) throw std::runtime_error("zlib: deflate failed");
    return out;
}

StreamDeflater::StreamDeflater() : worker_([this] { work(); }) {}

StreamDeflater::~StreamDeflater() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    worker_.join();
}

void StreamDeflater::add(std::string* destination, std::string data) {
    std::unique_lock<std::mutex> lock(mutex_);
    waiting_.push_back(Job{destination, std::move(data)});
    wake_.notify_one();
    while (waiting_.size() > max_waiting && run_one(lock)) {
    }
}

bool StreamDeflater::run_one(std::unique_lock<std::mutex>& lock) {
    if (waiting_.empty()) return false;
    Job job = std::move(waiting_.front());
    waiting_.pop_front();
    ++running_;
    lock.unlock();
    std::string deflated = deflate_bytes(job.data);
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
