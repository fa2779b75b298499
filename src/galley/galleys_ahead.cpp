#include "galley/galleys_ahead.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace quire::galley {

GalleysAhead::GalleysAhead(std::vector<std::size_t> order, Set there, DiagnosticSink& there_sink, Set here,
                           DiagnosticSink& here_sink, std::size_t ahead)
    : order_(std::move(order)), there_(std::move(there)), there_sink_(there_sink), here_(std::move(here)),
      here_sink_(here_sink), ahead_(std::max<std::size_t>(ahead, 1)), thread_([this] { run(); }) {}

GalleysAhead::~GalleysAhead() {
    {
        const std::lock_guard<std::mutex> lock(lock_);
        stopping_ = true;
    }
    changed_.notify_all();
    thread_.join();
}

// Frees what was given back, without the lock held while freeing. Called with it held.
void GalleysAhead::free_spent(std::unique_lock<std::mutex>& lock) {
    std::vector<ArticleGalley> spent = std::move(spent_);
    spent_.clear();
    lock.unlock();
    spent.clear();
    lock.lock();
}

void GalleysAhead::set_one(std::size_t place, const Set& set, DiagnosticSink& sink, std::unique_lock<std::mutex>& lock) {
    lock.unlock();
    SetGalley done;
    const std::size_t before = sink.all().size();
    try {
        done.galley = set(order_[place]);
    } catch (...) {
        done.failure = std::current_exception();
    }
    done.diagnostics.assign(sink.all().begin() + static_cast<std::ptrdiff_t>(before), sink.all().end());
    lock.lock();
    ready_.emplace(place, std::move(done));
    changed_.notify_all();
}

void GalleysAhead::run() {
    std::unique_lock<std::mutex> lock(lock_);
    while (true) {
        changed_.wait(lock, [this] { return stopping_ || !spent_.empty() || may_claim(); });
        if (!spent_.empty()) {
            free_spent(lock);
            continue;
        }
        if (!may_claim()) {
            if (stopping_) return;  // and nothing left to free
            continue;
        }
        const std::size_t place = claimed_++;
        set_there_.insert(order_[place]);
        set_one(place, there_, there_sink_, lock);
    }
}

ArticleGalley GalleysAhead::take(std::size_t article, DiagnosticSink& to) {
    SetGalley done;
    {
        std::unique_lock<std::mutex> lock(lock_);
        const std::size_t place = taken_;
        if (place >= order_.size() || article != order_[place]) {
            throw std::logic_error("galley " + std::to_string(article) + " asked for out of turn");
        }
        ++taken_;
        // Not set yet: set it here if the thread has not begun it; while the thread
        // sets it, set the next one here (one more than `ahead` may then wait).
        while (!ready_.count(place)) {
            if (claimed_ < order_.size() && (claimed_ == place || ready_.size() <= ahead_)) {
                set_one(claimed_++, here_, here_sink_, lock);
            } else {
                changed_.wait(lock);
            }
        }
        auto it = ready_.find(place);
        done = std::move(it->second);
        ready_.erase(it);
    }
    changed_.notify_all();
    for (Diagnostic& d : done.diagnostics) to.report(d.severity, std::move(d.loc), std::move(d.message));
    if (done.failure) std::rethrow_exception(done.failure);
    return std::move(*done.galley);
}

void GalleysAhead::give_back(std::size_t article, ArticleGalley&& spent) {
    {
        const std::lock_guard<std::mutex> lock(lock_);
        if (!set_there_.count(article)) return;  // made here: freed here, as `spent` goes
        spent_.push_back(std::move(spent));
    }
    changed_.notify_all();
}

}  // namespace quire::galley
