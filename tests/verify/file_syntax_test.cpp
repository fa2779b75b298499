// The byte-level rules of PDF/A-2 §6.1 (verify/file_syntax), on small hand-made files.
#include "verify/file_syntax.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace quire::verify;

namespace {

// One stream object with the dictionary `dict` in an otherwise minimal file.
std::string file_with_stream(const std::string& dict) {
    const std::string data = "q Q";
    return "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n" + dict + "\nstream\n" + data + "\nendstream\nendobj\n" +
           "trailer\n<< /Size 2 >>\nstartxref\n0\n%%EOF\n";
}

bool says_external(const std::string& bytes) {
    std::vector<Failure> failures;
    check_file_syntax(bytes, failures);
    for (const Failure& f : failures) {
        if (f.clause == "6.1.7.1" && f.message.find("external file") != std::string::npos) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("a stream that names an external file is refused, a font named /F inside it is not", "[verify][unit]") {
    CHECK(says_external(file_with_stream("<< /Length 3 /F (data.bin) >>")));
    CHECK(says_external(file_with_stream("<< /Length 3 /FFilter /FlateDecode >>")));
    CHECK(says_external(file_with_stream("<< /F 5 0 R /Length 3 >>")));
    // A form XObject whose resources call a font /F, private data with an /F key, an
    // /F inside an array, a string or a name value: none is the stream's own key.
    CHECK_FALSE(says_external(file_with_stream(
        "<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /Font << /F 4 0 R >> >> /Length 3 >>")));
    CHECK_FALSE(says_external(file_with_stream("<< /PieceInfo << /App << /Private << /F 1 >> >> >> /Length 3 >>")));
    CHECK_FALSE(says_external(file_with_stream("<< /Length 3 /Filter [/F] /Note (/F x) /Name /F >>")));
    CHECK_FALSE(says_external(file_with_stream("<< /Length 2 0 R /Fonts 3 >>")));
}
