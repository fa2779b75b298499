#include "core/run_program.hpp"

#include <catch2/catch.hpp>

using namespace quire;

TEST_CASE("a program's output, errors and exit are collected", "[core][program]") {
    const ProgramResult r = run_program(ProgramRun{{"sh", "-c", "echo out; echo err >&2; exit 3"}, {}});
    CHECK(r.status == ProgramResult::Status::failed);
    CHECK(r.out == "out\n");
    CHECK(r.err == "err\n");
    const ProgramResult ok = run_program(ProgramRun{{"sh", "-c", "printf 'a b'"}, {}});
    CHECK(ok.status == ProgramResult::Status::ok);
    CHECK(ok.out == "a b");
}

TEST_CASE("arguments reach the program as they are, with no shell between", "[core][program]") {
    const ProgramResult r = run_program(ProgramRun{{"printf", "%s|", "two words", "$HOME", "; rm -rf x"}, {}});
    CHECK(r.status == ProgramResult::Status::ok);
    CHECK(r.out == "two words|$HOME|; rm -rf x|");
}

TEST_CASE("a program runs in the directory asked for", "[core][program]") {
    const ProgramResult r = run_program(ProgramRun{{"pwd"}, "/"});
    CHECK(r.out == "/\n");
}

TEST_CASE("much on stderr does not block the program's stdout", "[core][program]") {
    // 1 MB on stderr before a word on stdout: more than a pipe holds.
    const ProgramResult r = run_program(ProgramRun{{"sh", "-c", "head -c 1000000 /dev/zero >&2; echo done"}, {}});
    CHECK(r.status == ProgramResult::Status::ok);
    CHECK(r.err.size() == 1000000);
    CHECK(r.out == "done\n");
}

TEST_CASE("a program that is not installed says so", "[core][program]") {
    const ProgramResult r = run_program(ProgramRun{{"quire-test-no-such-program"}, {}});
    CHECK(r.status == ProgramResult::Status::not_installed);
    CHECK_FALSE(r.reason.empty());
    CHECK(run_program(ProgramRun{}).status == ProgramResult::Status::cannot_run);
}
