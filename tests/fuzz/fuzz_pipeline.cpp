// libFuzzer target: the whole pipeline, from one article's XML to PDF bytes. The
// input is the article of a one-article issue with the sample layout; the PDF goes
// to a scratch file that is overwritten each run.
#include "fuzz_scratch.hpp"
#include "pipeline.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string manifest = [] {
        const std::string text =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<issue version=\"1\" layout=\"../../layouts/review.xml\" xml:lang=\"en-GB\">\n"
            "  <meta><title>Fuzz</title><number>1</number><date>2025-04-01</date><publisher>Fuzz</publisher></meta>\n"
            "  <article href=\"articles/fuzz.xml\"/>\n"
            "</issue>\n";
        return quire::fuzz::write_input("issues/2025-spring/fuzz-issue.xml",
                                        reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
    }();
    static const bool checked = [] {
        // The harness itself must typeset a plain article, or nothing past the
        // readers would be fuzzed.
        const std::string plain = "<article version=\"1\"><title>T</title><body><p>Hello.</p></body></article>";
        quire::fuzz::write_input("issues/2025-spring/articles/fuzz.xml", reinterpret_cast<const std::uint8_t*>(plain.data()),
                                 plain.size());
        quire::BuildRequest request;
        request.input.manifest = manifest;
        request.output = (quire::fuzz::scratch() / "fuzz.pdf").string();
        quire::DiagnosticSink sink;
        if (quire::build_issue(request, sink) != quire::exit_ok) {
            quire::print_diagnostics(std::cerr, sink);
            std::abort();
        }
        return true;
    }();
    (void)checked;
    quire::fuzz::write_input("issues/2025-spring/articles/fuzz.xml", data, size);
    quire::BuildRequest request;
    request.input.manifest = manifest;
    request.output = (quire::fuzz::scratch() / "fuzz.pdf").string();
    quire::DiagnosticSink sink;
    quire::build_issue(request, sink);
    quire::fuzz::debug_print(sink);
    return 0;
}
