#include "verify/verify_command.hpp"

#include "verify/pdfa_check.hpp"
#include "verify/pdfx_check.hpp"

#include <ostream>

namespace quire::verify {

int verify_command(const std::vector<std::string>& files, const Options& options, std::ostream& out, std::ostream& err) {
    bool failed = false, unreadable = false;
    for (const std::string& file : files) {
        const Report report = options.pdfx4 ? check_pdfx4(file, options) : check_pdfa(file, options);
        if (!report.readable) {
            err << file << ": error: cannot read this file as a PDF\n";
            unreadable = true;
            continue;
        }
        if (!report.print_file.empty()) {
            out << file << ": error: this is a PDF/X print file (" << report.print_file
                << "), not PDF/A: check it with --flavour x4\n";
            failed = true;
            continue;
        }
        for (const Failure& f : report.failures) {
            // PDF/X-4's failures carry descriptive tags ("X-4 metadata"), not clause numbers.
            const bool tagged = f.clause.rfind("X-4", 0) == 0;
            out << file << ": error: " << (tagged ? "" : "clause ") << f.clause << ": " << f.message << "\n";
            failed = true;
        }
    }
    if (unreadable) return 3;
    return failed ? 1 : 0;
}

}  // namespace quire::verify
