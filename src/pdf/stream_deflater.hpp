#pragma once
// Page content streams deflated on a second thread while the writer goes on making the
// next pages: compression is a fifth of a build, and on two cores it can overlap the
// rest. The bytes are those of PoDoFo's own /FlateDecode (zlib's default level, one
// zlib stream per PDF stream), so a file is the same whichever thread compressed it.
#include <podofo/podofo.h>

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

    // Queues `data` to become `object`'s stream. The object must outlive finish().
    void add(PoDoFo::PdfObject* object, std::string data);

    // Compresses what is left (the calling thread helps), then sets every queued
    // object's stream, /Filter /FlateDecode, in the order added. PoDoFo is touched
    // only here, on the calling thread.
    void finish();

private:
    struct Job {
        PoDoFo::PdfObject* object = nullptr;
        std::string data;      // until compressed
        std::string deflated;
    };
    void work();
    // Takes the next job not yet taken and compresses it, without the lock held while
    // compressing; false when none is waiting. Called with `lock` held.
    bool run_one(std::unique_lock<std::mutex>& lock);

    std::mutex mutex_;
    std::condition_variable wake_;  // a job was added, or stopping
    std::condition_variable done_;  // a job was finished
    std::deque<Job> jobs_;          // a deque: references stay valid as jobs are added
    std::size_t taken_ = 0;         // jobs_[0, taken_) are being or have been compressed
    std::size_t finished_ = 0;
    bool stopping_ = false;
    std::thread worker_;
};

}  // namespace quire::pdf
