#pragma once
// How the tagged-PDF rules report: one finding can break PDF/A-2 level A (ISO 19005-2
// clause 6.7.x) and PDF/UA-1 (ISO 14289-1, reported as "UA 7.x" with the Matterhorn
// Protocol's failure condition in the message), and is said under each the file claims.
#include "verify/graphics_rules.hpp"

#include <string>

namespace quire::verify {

struct TaggedLevels {
    bool level_a = false;  // pdfaid:conformance A, or --flavour 2a
    bool ua = false;       // pdfuaid:part 1
};

class TaggedFail {
public:
    TaggedFail(TaggedLevels levels, Fail fail) : levels_(levels), fail_(std::move(fail)) {}

    // `level_a_clause` or `ua_clause` empty: not a rule of that standard.
    // `matterhorn`: the failure condition ("01-005"), or empty where it has none.
    void operator()(const char* level_a_clause, const char* ua_clause, const char* matterhorn,
                    const std::string& message) const {
        if (levels_.level_a && *level_a_clause) fail_(level_a_clause, message);
        if (levels_.ua && *ua_clause) {
            fail_(std::string("UA ") + ua_clause,
                  *matterhorn ? message + " (Matterhorn " + matterhorn + ")" : message);
        }
    }
    const TaggedLevels& levels() const { return levels_; }

private:
    TaggedLevels levels_;
    Fail fail_;
};

}  // namespace quire::verify
