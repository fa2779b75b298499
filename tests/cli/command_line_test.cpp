// Issue 21: the command line's conventions. `quire help [COMMAND]` prints what --help
// prints; -V is --version; a word that is no command is a usage error (exit 2) that
// names the nearest command when one is close.
#include "tool_run.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace quire::test;

namespace {

ToolResult quire_run(const std::string& args) { return run_tool(quoted(QUIRE_BINARY) + " " + args); }

}  // namespace

TEST_CASE("quire help prints quire --help, and quire help COMMAND prints quire COMMAND --help", "[cli][conventions]") {
    const ToolResult help = quire_run("help"), dash_help = quire_run("--help");
    REQUIRE(dash_help.exit_code == 0);
    CHECK(help.exit_code == 0);
    CHECK(help.out == dash_help.out);
    CHECK(help.out.find("init") != std::string::npos);
    CHECK(help.out.find("QUIRE_HYPHEN_PATH") != std::string::npos);  // the environment, documented
    CHECK(help.out.find("QUIRE_SRGB_PROFILE") != std::string::npos);
    for (const char* command : {"build", "check", "watch", "preview", "verify", "import", "init", "paths"}) {
        INFO(command);
        const ToolResult of_command = quire_run(std::string("help ") + command);
        const ToolResult dashed = quire_run(std::string(command) + " --help");
        CHECK(of_command.exit_code == 0);
        CHECK(of_command.out == dashed.out);
        CHECK(of_command.out != dash_help.out);
        CHECK(of_command.err.empty());
    }
    CHECK(quire_run("help build").out.find("--srgb-profile") != std::string::npos);
    CHECK(quire_run("help build").out.find("--hyphen-dir") != std::string::npos);
}

TEST_CASE("quire help of no command is a usage error", "[cli][conventions]") {
    const ToolResult frob = quire_run("help frob");
    CHECK(frob.exit_code == 2);
    CHECK(frob.out.empty());
    CHECK(frob.err.starts_with("quire: error: unknown command 'frob'\n"));
    const ToolResult close = quire_run("help biuld");
    CHECK(close.exit_code == 2);
    CHECK(close.err.starts_with("quire: error: unknown command 'biuld'; did you mean 'build'?\n"));
}

TEST_CASE("quire -V prints what quire --version prints", "[cli][conventions]") {
    const ToolResult v = quire_run("-V"), version = quire_run("--version");
    CHECK(v.exit_code == 0);
    CHECK(v.out.starts_with("quire "));
    CHECK(v.out == version.out);
}

TEST_CASE("an unknown command exits 2 and names the nearest command when one is close", "[cli][conventions]") {
    struct Case {
        const char* typed;
        const char* message;
    };
    for (const Case& c : {Case{"biuld issues/2025-spring/issue.xml", "unknown command 'biuld'; did you mean 'build'?"},
                          Case{"chek", "unknown command 'chek'; did you mean 'check'?"},
                          Case{"veryfy x.pdf", "unknown command 'veryfy'; did you mean 'verify'?"},
                          Case{"inti mag", "unknown command 'inti'; did you mean 'init'?"},
                          Case{"frob", "unknown command 'frob'"},
                          Case{"typeset issue.xml", "unknown command 'typeset'"}}) {
        INFO(c.typed);
        const ToolResult run = quire_run(c.typed);
        CHECK(run.exit_code == 2);
        CHECK(run.out.empty());
        CHECK(run.err == std::string("quire: error: ") + c.message + "\nRun 'quire --help' for the commands.\n");
    }
}
