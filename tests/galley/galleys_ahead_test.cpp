// Galleys set on a thread of their own, ahead of the composer: in order, each once, by
// the thread or (when it has not begun one) by the caller; with their diagnostics
// handed over when taken, and freed where they were made.
#include "galley/galleys_ahead.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace quire;
using namespace quire::galley;

namespace {

// Records the thread it is destroyed on: put in a galley, it tells where the galley
// was freed.
struct FreedOn {
    std::thread::id* where;
    ~FreedOn() { *where = std::this_thread::get_id(); }
};

ArticleGalley galley_named(const std::string& id) {
    ArticleGalley g;
    g.id = id;
    return g;
}

const GalleysAhead::Set set_here = [](std::size_t i) { return galley_named("here-" + std::to_string(i)); };
DiagnosticSink unused_here_sink;

// Waits (a little) until `done` holds: the setting thread goes at its own pace.
template <typename Pred>
bool eventually(Pred done) {
    for (int i = 0; i < 400 && !done(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    return done();
}

}  // namespace

TEST_CASE("galleys are set on another thread, in the order given, no more than `ahead` waiting", "[galley][threads]") {
    DiagnosticSink setting_sink;
    std::mutex seen_lock;
    std::vector<std::size_t> set_order;
    std::vector<std::thread::id> set_on;
    GalleysAhead ahead({2, 0, 1, 3}, [&](std::size_t i) {
        const std::lock_guard<std::mutex> lock(seen_lock);
        set_order.push_back(i);
        set_on.push_back(std::this_thread::get_id());
        return galley_named("there-" + std::to_string(i));
    }, setting_sink, set_here, unused_here_sink, 2);
    auto count = [&] {
        const std::lock_guard<std::mutex> lock(seen_lock);
        return set_order.size();
    };
    REQUIRE(eventually([&] { return count() == 2; }));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(count() == 2);  // two wait; the thread waits for one to be taken
    DiagnosticSink sink;
    CHECK(ahead.take(2, sink).id == "there-2");
    REQUIRE(eventually([&] { return count() == 3; }));
    CHECK(ahead.take(0, sink).id == "there-0");
    REQUIRE(eventually([&] { return count() == 4; }));
    CHECK(ahead.take(1, sink).id == "there-1");
    CHECK(ahead.take(3, sink).id == "there-3");
    const std::lock_guard<std::mutex> lock(seen_lock);
    CHECK(set_order == std::vector<std::size_t>{2, 0, 1, 3});
    for (std::thread::id on : set_on) CHECK(on != std::this_thread::get_id());
}

TEST_CASE("every galley is set once, by the thread or by the caller when the thread has not begun it",
          "[galley][threads]") {
    DiagnosticSink setting_sink;
    std::atomic<int> there{0};
    std::atomic<int> here{0};
    const std::size_t n = 12;
    std::vector<std::size_t> order(n);
    for (std::size_t i = 0; i < n; ++i) order[i] = i;
    const GalleysAhead::Set counted_here = [&](std::size_t i) {
        ++here;
        return galley_named("here-" + std::to_string(i));
    };
    DiagnosticSink here_sink;
    GalleysAhead ahead(order, [&](std::size_t i) {
        ++there;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));  // a slow setter: the caller catches up
        return galley_named("there-" + std::to_string(i));
    }, setting_sink, counted_here, here_sink, 1);
    DiagnosticSink sink;
    for (std::size_t i = 0; i < n; ++i) {
        const ArticleGalley g = ahead.take(i, sink);
        CHECK((g.id == "there-" + std::to_string(i) || g.id == "here-" + std::to_string(i)));
    }
    // Which thread sets which depends on timing; that each is set once does not.
    CHECK(there + here == static_cast<int>(n));
}

TEST_CASE("a galley's diagnostics reach the build's sink when it is taken, not before", "[galley][threads]") {
    DiagnosticSink setting_sink;
    std::atomic<int> set{0};
    GalleysAhead ahead({0, 1}, [&](std::size_t i) {
        setting_sink.warning({"a.xml", static_cast<int>(i) + 1, 1}, "from galley " + std::to_string(i));
        ++set;
        return galley_named(std::to_string(i));
    }, setting_sink, set_here, unused_here_sink, 2);
    REQUIRE(eventually([&] { return set == 2; }));
    DiagnosticSink sink;
    sink.error({"b.xml", 1, 1}, "before");
    ahead.take(0, sink);
    REQUIRE(sink.all().size() == 2);
    CHECK(sink.all()[1].message == "from galley 0");
    sink.error({"b.xml", 2, 1}, "between");
    ahead.take(1, sink);
    REQUIRE(sink.all().size() == 4);
    CHECK(sink.all()[2].message == "between");
    CHECK(sink.all()[3].message == "from galley 1");
    CHECK(sink.all()[3].severity == Severity::warning);
}

TEST_CASE("what setting a galley throws is thrown by take", "[galley][threads]") {
    DiagnosticSink setting_sink;
    std::atomic<int> set{0};
    GalleysAhead ahead({0, 1, 2}, [&](std::size_t i) -> ArticleGalley {
        ++set;
        if (i == 1) throw std::runtime_error("galley 1 failed");
        return galley_named(std::to_string(i));
    }, setting_sink, set_here, unused_here_sink, 2);
    REQUIRE(eventually([&] { return set == 2; }));
    DiagnosticSink sink;
    CHECK(ahead.take(0, sink).id == "0");
    CHECK_THROWS_WITH(ahead.take(1, sink), "galley 1 failed");
}

TEST_CASE("a galley asked for out of turn is a logic error, not a wait for ever", "[galley][threads]") {
    DiagnosticSink setting_sink;
    GalleysAhead ahead({0, 1}, [&](std::size_t i) { return galley_named(std::to_string(i)); }, setting_sink, set_here,
                       unused_here_sink);
    DiagnosticSink sink;
    CHECK_THROWS_AS(ahead.take(1, sink), std::logic_error);
    ahead.take(0, sink);
    CHECK_THROWS_AS(ahead.take(0, sink), std::logic_error);
}

TEST_CASE("a galley given back is freed on the thread that set it", "[galley][threads]") {
    DiagnosticSink setting_sink;
    std::atomic<int> set{0};
    std::thread::id set_on;
    std::thread::id freed_on[2];
    auto with_probe = [&](std::size_t i) {
        ArticleGalley g = galley_named(std::to_string(i));
        TextBlock block;
        auto probe = std::make_shared<FreedOn>(&freed_on[i]);
        block.longer = LazyLines([probe] { return std::vector<Line>{}; });
        g.body.emplace_back(std::move(block));
        return g;
    };
    {
        GalleysAhead ahead({0, 1}, [&](std::size_t i) {
            set_on = std::this_thread::get_id();
            ++set;
            return with_probe(i);
        }, setting_sink, set_here, unused_here_sink, 2);
        REQUIRE(eventually([&] { return set == 2; }));
        DiagnosticSink sink;
        for (std::size_t i : {0, 1}) ahead.give_back(i, ahead.take(i, sink));
    }  // the thread frees what it was given before it ends
    CHECK(set_on != std::this_thread::get_id());
    CHECK(freed_on[0] == set_on);
    CHECK(freed_on[1] == set_on);

    // One the caller set is freed by the caller.
    bool made_here = false;
    freed_on[0] = std::thread::id{};
    {
        GalleysAhead ahead({0}, [&](std::size_t i) { return with_probe(i); }, setting_sink, [&](std::size_t i) {
            made_here = true;
            return with_probe(i);
        }, unused_here_sink, 1);
        DiagnosticSink sink;
        ahead.give_back(0, ahead.take(0, sink));
    }
    // (When the thread was first, it set and freed it: checked above.)
    if (made_here) CHECK(freed_on[0] == std::this_thread::get_id());
}

TEST_CASE("while the thread sets the galley asked for, the caller sets the next, its diagnostics kept for its turn",
          "[galley][threads]") {
    DiagnosticSink setting_sink, here_sink;
    std::timed_mutex gate;
    gate.lock();  // holds the thread inside galley 0 until the caller has set galley 1 (or 5 s: a failure)
    std::atomic<bool> inside{false};
    std::thread::id set_1_on;
    GalleysAhead ahead({0, 1}, [&](std::size_t i) {
        inside = true;
        if (i == 0 && gate.try_lock_for(std::chrono::seconds(5))) gate.unlock();
        setting_sink.warning({"a.xml", 1, 1}, "there " + std::to_string(i));
        return galley_named("there-" + std::to_string(i));
    }, setting_sink, [&](std::size_t i) {
        set_1_on = std::this_thread::get_id();
        here_sink.warning({"a.xml", 2, 1}, "here " + std::to_string(i));
        if (i == 1) gate.unlock();  // galley 1 is set: let the thread finish galley 0
        return galley_named("here-" + std::to_string(i));
    }, here_sink, 2);
    REQUIRE(eventually([&] { return inside.load(); }));
    DiagnosticSink sink;
    CHECK(ahead.take(0, sink).id == "there-0");
    CHECK(set_1_on == std::this_thread::get_id());
    REQUIRE(sink.all().size() == 1);
    CHECK(sink.all()[0].message == "there 0");  // galley 1's warning waits for its turn
    CHECK(ahead.take(1, sink).id == "here-1");
    REQUIRE(sink.all().size() == 2);
    CHECK(sink.all()[1].message == "here 1");
}
