// SHA-256 (nettle, through archive/sha256) against FIPS 180-4's examples and against sha256sum.
#include "archive/sha256.hpp"
#include "tool_run.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace quire::archive;
using namespace quire::test;

TEST_CASE("SHA-256 gives the digests of FIPS 180-4's examples", "[archive][unit]") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("SHA-256 of a file agrees with sha256sum", "[archive][unit]") {
    ScratchDir dir;
    // Longer than sha256_file's read buffer (64 KiB), so the file is hashed in pieces.
    std::string bytes;
    for (int i = 0; i < 200000; ++i) bytes += static_cast<char>(i * 7919 % 256);
    std::ofstream(dir.file("data.bin"), std::ios::binary) << bytes;
    const ToolResult r = run_tool("sha256sum " + quoted(dir.file("data.bin")));
    REQUIRE(r.exit_code == 0);
    CHECK(sha256_file(dir.file("data.bin")) == r.out.substr(0, 64));
    CHECK(sha256_file(dir.file("data.bin")) == sha256_hex(bytes));
    CHECK_FALSE(sha256_file(dir.file("missing.bin")));
}
