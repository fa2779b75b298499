// libFuzzer target: a layout file, with the project's fonts beside it.
#include "fuzz_scratch.hpp"
#include "input/file_limits.hpp"
#include "input/layout_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace input = quire::input;
    static input::PathPolicy paths = [] {
        input::PathPolicy p;
        p.allow_tree(quire::fuzz::scratch() / "layouts");
        p.allow_tree(quire::fuzz::scratch() / "fonts");
        return p;
    }();
    const std::string path = quire::fuzz::write_input("layouts/fuzz.xml", data, size);
    quire::DiagnosticSink sink;
    input::read_layout(path, paths, sink);
    quire::fuzz::debug_print(sink);
    return 0;
}
