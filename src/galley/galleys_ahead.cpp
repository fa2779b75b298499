#include "galley/galleys_ahead.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace quire::galley {

GalleysAhead::GalleysAhead(std::vector<std::size_t> order, Set there, DiagnosticSink& sink, std::size_t ahead)
    : order_(std::move(order)), there_(std::move(there)), sink_(sink), ahead_(std::max<std::size_t>(ahead, 1)),
      thread_([this] { run(); }) {}

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
        const std::size_t article = order_[place];
        set_there_.insert(article);
        lock.unlock();
        SetGalley done;
        const std::size_t before = sink_.all().size();
        try {
            done.galley = there_(article);
        } catch (...) {
            done.failure = std::current_exception();
        }
        done.diagnostics.assign(sink_.all().begin() + static_cast<std::ptrdiff_t>(before), sink_.all().end());
        lock.lock();
        ready_.emplace(place, std::move(done));
        changed_.notify_all();
    }
}

ArticleGalley GalleysAhead::take(std::size_t article, DiagnosticSink& to, const Set& here) {
    SetGalley done;
    {
        std::unique_lock<std::mutex> lock(lock_);
        const std::size_t place = taken_;
        if (place >= order_.size() || article != order_[place]) {
            throw std::logic_error("galley " + std::to_string(article) + " asked for out of turn");
        }
        ++taken_;
        if (claimed_ == place) {  // not begun there: set it here
            ++claimed_;
            lock.unlock();
            changed_.notify_all();
            return here(article);
        }
        changed_.wait(lock, [&] { return ready_.count(place) > 0; });
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
