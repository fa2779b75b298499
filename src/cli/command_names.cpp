#include "command_names.hpp"

#include "input/suggest.hpp"

#include <algorithm>

namespace quire::cli {

namespace {

bool is_command(const std::string& word, const std::vector<std::string>& commands) {
    return std::find(commands.begin(), commands.end(), word) != commands.end();
}

std::string unknown(const std::string& word, const std::vector<std::string>& commands) {
    // Nothing listed when nothing is close: `quire --help` lists them all.
    return "unknown command '" + word + "'" + input::did_you_mean(word, commands, "", 0);
}

}  // namespace

CommandWord check_command_word(std::vector<std::string> args, const std::vector<std::string>& commands) {
    CommandWord result;
    // Options before the command are quire's own (--help, --version): CLI11's to judge.
    if (args.size() < 2 || args[1].starts_with("-")) {
        result.args = std::move(args);
        return result;
    }
    const std::string word = args[1];
    if (word == "help") {
        // `quire help`, and `quire help help` (or --help): quire's own help.
        const bool about_quire = args.size() == 2 || args[2] == "help" || args[2] == "--help" || args[2] == "-h";
        if (args.size() > 3) {
            result.error = "quire help takes one command: quire help COMMAND";
        } else if (!about_quire && !is_command(args[2], commands)) {
            result.error = unknown(args[2], commands);
        } else {
            result.args = {args[0]};
            if (!about_quire) result.args.push_back(args[2]);
            result.args.push_back("--help");
        }
        return result;
    }
    if (!is_command(word, commands)) result.error = unknown(word, commands);
    result.args = std::move(args);
    return result;
}

}  // namespace quire::cli
