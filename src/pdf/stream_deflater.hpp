#pragma once
// Page content streams deflated on a second thread while the writer goes on with the
// next pages: compression is a fifth of a build, and on two cores it can overlap the
// rest. The bytes are those of PoDoFo's own /FlateDecode (zlib's default level, one
// zlib stream per PDF stream), so a file is the same whichever thread compressed it.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace quire::pdf {

// `data` as a zlib stream at zlib's default level, as PoDoFo's Flate filter writes it.
std::string deflate_bytes(std::string_view data);

class StreamDeflater {
public:
    StreamDeflater();
    ~StreamDeflater();  // stops the worker; what is still queued is dropped
    StreamDeflater(const StreamDeflater&) = delete;
    StreamDeflater& operator=(const StreamDeflater&) = delete;

    // Queues `data` to be deflated into `*destination`, which must stay where it is
    // until finish() and is not to be read before. When the worker is behind by more
    // than a few streams the calling thread deflates one itself, so what waits
    // uncompressed stays small however fast pages come.
    void add(std::string* destination, std::string data);

    // Returns once every queued stream is in its destination (the calling thread helps).
    void finish();

private:
    struct Job {
        std::string* destination = nullptr;
        std::string data;
    };
    void work();
    // Takes the next job not yet taken and compresses it, without the lock held while
    // compressing; false when none is waiting. Called with `lock` held.
    bool run_one(std::unique_lock<std::mutex>& lock);

    static constexpr std::size_t max_waiting = 4;

    std::mutex mutex_;
    std::condition_variable wake_;  // a job was added, or stopping
    std::condition_variable done_;  // a job was finished
    std::deque<Job> waiting_;       // added, not yet taken
    std::size_t running_ = 0;       // taken, being compressed
    bool stopping_ = false;
    std::thread worker_;
};

}  // namespace quire::pdf
