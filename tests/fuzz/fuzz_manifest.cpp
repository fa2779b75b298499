// libFuzzer target: an issue manifest (issue.xml) read with the sample's layout and
// articles beside it.
#include "fuzz_scratch.hpp"
#include "input/issue_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path = quire::fuzz::write_input("issues/2025-spring/fuzz-issue.xml", data, size);
    quire::DiagnosticSink sink;
    quire::input::read_issue(path, {}, sink);
    quire::fuzz::debug_print(sink);
    return 0;
}
