#pragma once
// Streams deflated on worker threads while the writer goes on with the next pages:
// compression was a fifth of a build, and the pages are independent of each other.
// Each stream is one zlib stream compressed alone by libdeflate at `deflate_level`,
// written into its own destination, so a file's bytes do not depend on which thread
// compressed what, nor on how many threads there are.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace quire::pdf {

// libdeflate's level for every /FlateDecode stream quire writes. Measured on the
// 100-page bench issue (tests/bench/make_issue.py 100, 103 pages): its 113 deflated
// streams, 5.12 MB, compressed one after another on one core (best of 5, CPU time):
//   zlib 6 (before)   125 ms   960 kB      libdeflate 5    41 ms  1018 kB
//   libdeflate 1       16 ms  1209 kB      libdeflate 6    60 ms   978 kB
//   libdeflate 2       23 ms  1130 kB      libdeflate 7   105 ms   942 kB
//   libdeflate 3       29 ms  1079 kB      libdeflate 9   337 ms   921 kB
//   libdeflate 4       33 ms  1052 kB      libdeflate 12 1338 ms   855 kB
// Up to 4 each millisecond more saves 7 kB or more; after it 4 kB, then 2 kB. A build
// is to take about 0.1 s per 100 pages, so 4: a quarter of zlib's time, 10% larger.
inline constexpr int deflate_level = 4;

// `data` as a zlib stream (RFC 1950) at `level` (libdeflate's 1-12), what a
// /FlateDecode filter reads. The same input gives the same bytes on every run.
std::string deflate_bytes(std::string_view data, int level = deflate_level);

// Workers for a deflater on this machine: one fewer than the hardware's threads, as
// the calling thread writes pages (and helps when the workers are behind); at least 1.
std::size_t default_deflate_workers();

class StreamDeflater {
public:
    // With no workers the calling thread deflates everything, a few streams behind.
    explicit StreamDeflater(std::size_t workers = default_deflate_workers(), int level = deflate_level);
    ~StreamDeflater();  // stops the workers; what is still queued is dropped
    StreamDeflater(const StreamDeflater&) = delete;
    StreamDeflater& operator=(const StreamDeflater&) = delete;

    // Queues `data` to be deflated into `*destination`, which must stay where it is
    // until finish() and is not to be read before. When the workers are behind by more
    // than a few streams each the calling thread deflates one itself, so what waits
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

    const int level_;
    std::size_t max_waiting_;

    std::mutex mutex_;
    std::condition_variable wake_;  // a job was added, or stopping
    std::condition_variable done_;  // a job was finished
    std::deque<Job> waiting_;       // added, not yet taken
    std::size_t running_ = 0;       // taken, being compressed
    bool stopping_ = false;
    std::vector<std::thread> workers_;
};

}  // namespace quire::pdf
