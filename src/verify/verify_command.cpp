#include "verify/verify_command.hpp"

#include "verify/pdfa_check.hpp"

#include <ostream>

namespace quire::verify {

int verify_command(const std::vector<std::string>& files, const Options& options, std::ostream& out, std::ostream& err) {
    bool failed = false, unreadable = false;
    for (const std::string& file : files) {
        const Report report = check_pdfa(file, options);
        if (!report.readable) {
            err << file << ": error: cannot read this file as a PDF\n";
            unreadable = true;
            continue;
        }
        for (const Failure& f : report.failures) {
            out << file << ": error: clause " << f.clause << ": " << f.message << "\n";
            failed = true;
        }
    }
    if (unreadable) return 3;
    return failed ? 1 : 0;
}

}  // namespace quire::verify
