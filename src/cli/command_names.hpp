#pragma once
// The command word, checked before CLI11 parses the rest: `quire help [COMMAND]` is
// `quire [COMMAND] --help`, and a word that is no command is a usage error that names
// the nearest command (CLI11 would only say that a subcommand is required).
#include <string>
#include <vector>

namespace quire::cli {

struct CommandWord {
    std::vector<std::string> args;  // the arguments to parse, argv[0] first
    std::string error;              // "unknown command 'frob'; did you mean 'build'?", or ""
};

// `args` is argv as given; `commands` every command's name.
CommandWord check_command_word(std::vector<std::string> args, const std::vector<std::string>& commands);

}  // namespace quire::cli
