#pragma once
// Sets the articles' galleys on a thread of its own, in article order, while the
// caller composes pages from the galleys already set. Setting paragraphs is about half
// of a build; on a machine with a second core it runs beside page composition and PDF
// writing instead of before each article's pages. The caller helps: asked for a galley
// the thread is still setting, it sets the next one itself rather than wait (and one
// the thread has not begun, it sets itself), so neither thread idles while the other
// has work. A few galleys wait, set and not yet taken: memory holds a few articles,
// never the issue.
//
// Each side sets with its own text engine (shaper, break finder, hyphenator,
// paragraph setter) and reports to its own diagnostic sink: `there` and `there_sink`
// on the setting thread, `here` and `here_sink` on the caller's. What they share must
// be safe to share (the font registry and family table are). A galley's diagnostics
// are handed over with it, so the build's sink receives them in the order it would
// have if each galley had been set when asked for. Spent galleys come back
// (give_back) to be freed on the thread that made them: freeing another thread's
// memory costs the allocator more than making it.
#include "core/diagnostics.hpp"
#include "galley/galley.hpp"

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <vector>

namespace quire::galley {

class GalleysAhead {
public:
    using Set = std::function<ArticleGalley(std::size_t article)>;

    // Sets the galleys of `order`'s articles, in that order, with `there` (and `here`).
    GalleysAhead(std::vector<std::size_t> order, Set there, DiagnosticSink& there_sink, Set here,
                 DiagnosticSink& here_sink, std::size_t ahead = 2);
    // Stops the thread after the galley it is setting, and waits for it.
    ~GalleysAhead();
    GalleysAhead(const GalleysAhead&) = delete;
    GalleysAhead& operator=(const GalleysAhead&) = delete;

    // Article `article`'s galley, once set (here or there), its diagnostics reported to
    // `to`. Articles are taken in the constructor's order, each once (std::logic_error
    // otherwise). What setting it threw is thrown here.
    ArticleGalley take(std::size_t article, DiagnosticSink& to);
    // Article `article`'s galley, taken and done with: freed by the thread that set it.
    void give_back(std::size_t article, ArticleGalley&& spent);

private:
    struct SetGalley {
        std::optional<ArticleGalley> galley;
        std::vector<Diagnostic> diagnostics;
        std::exception_ptr failure;
    };
    void run();
    void free_spent(std::unique_lock<std::mutex>& lock);
    // Sets order_[place] with `set`, its diagnostics from `sink`, without the lock
    // held, and leaves it in ready_. Called with the lock held.
    void set_one(std::size_t place, const Set& set, DiagnosticSink& sink, std::unique_lock<std::mutex>& lock);
    bool may_claim() const { return !stopping_ && claimed_ < order_.size() && ready_.size() < ahead_; }

    const std::vector<std::size_t> order_;
    const Set there_;
    DiagnosticSink& there_sink_;
    const Set here_;
    DiagnosticSink& here_sink_;
    const std::size_t ahead_;
    std::mutex lock_;
    std::condition_variable changed_;
    std::size_t claimed_ = 0;              // order_[0, claimed_) are set, or being set, by one thread or the other
    std::size_t taken_ = 0;                // order_[0, taken_) are taken
    std::map<std::size_t, SetGalley> ready_;  // by place in order_: set there, not yet taken
    std::set<std::size_t> set_there_;      // articles the thread set
    std::vector<ArticleGalley> spent_;     // given back, not yet freed
    bool stopping_ = false;                // the owner is done: set no more
    std::thread thread_;  // last: it starts once the rest is made
};

}  // namespace quire::galley
