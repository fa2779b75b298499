// Every file of the veraPDF corpus for the clauses quire verify claims: each -fail-
// file is flagged under its clause, no -pass- file is flagged at all.
#include "verify/pdfa_check.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

using namespace quire::verify;
namespace fs = std::filesystem;

namespace {

struct Counts {
    int fail_files = 0, flagged = 0, pass_files = 0, clean = 0;
};

Counts run_clause(const std::string& clause) {
    Counts counts;
    for (const char* flavour : {"2b", "2u"}) {
        const fs::path dir = fs::path(QUIRE_CORPUS_DIR) / flavour / clause;
        if (!fs::is_directory(dir)) continue;
        std::vector<fs::path> files;
        for (const auto& entry : fs::directory_iterator(dir)) files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        for (const fs::path& file : files) {
            const std::string name = file.filename().string();
            Options options;
            options.level_u = std::string(flavour) == "2u";
            options.house_rules = false;  // the corpus is held to ISO 19005-2 alone
            const Report report = check_pdfa(file.string(), options);
            INFO(clause << ": " << name);
            for (const Failure& f : report.failures) UNSCOPED_INFO("clause " << f.clause << ": " << f.message);
            CHECK(report.readable);
            if (name.find("-fail-") != std::string::npos) {
                ++counts.fail_files;
                const bool flagged = std::any_of(report.failures.begin(), report.failures.end(),
                                                 [&](const Failure& f) { return f.clause == clause; });
                CHECK(flagged);
                counts.flagged += flagged;
            } else if (name.find("-pass-") != std::string::npos) {
                ++counts.pass_files;
                CHECK(report.failures.empty());
                counts.clean += report.failures.empty();
            }
        }
    }
    return counts;
}

}  // namespace

TEST_CASE("every corpus file of a claimed clause is judged as veraPDF judges it", "[verify][corpus]") {
    REQUIRE(fs::is_directory(QUIRE_CORPUS_DIR));
    int total = 0;
    for (const std::string& clause : claimed_clauses()) {
        const Counts c = run_clause(clause);
        INFO("clause " << clause << ": " << c.flagged << "/" << c.fail_files << " fail files flagged, " << c.clean << "/"
                       << c.pass_files << " pass files clean");
        CHECK(c.fail_files > 0);  // a claimed clause is one the corpus can fail
        CHECK(c.flagged == c.fail_files);
        CHECK(c.clean == c.pass_files);
        total += c.fail_files + c.pass_files;
    }
    CHECK(total > 100);
}
