#pragma once
// The words of tagged PDF: ISO 32000-1's standard structure types (14.8.4), a
// structure tree's RoleMap followed to them, and language tags (14.9.2).
#include "verify/pdf_access.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace quire::verify {

bool standard_structure_type(const std::string& type);

// A RoleMap read once: each type it names mapped, transitively, to a standard type.
class RoleMap {
public:
    RoleMap(const PdfAccess& pdf, PoDoFo::PdfObject* role_map);

    // The standard type `type` stands for: itself when standard (a standard type's
    // own entry, which UA forbids, is reported by `problems`, not followed), else its
    // mapping's end; nullopt when the chain ends in a non-standard type or loops.
    std::optional<std::string> standard_of(const std::string& type) const;

    struct Problem {
        std::string type;
        std::string what;      // "is a standard type remapped to /X", "maps in a circle", ...
        const char* matterhorn;
    };
    // Each entry's trouble: a standard type remapped, a chain that loops or that ends
    // in a type neither standard nor mapped.
    std::vector<Problem> problems() const;

private:
    std::map<std::string, std::string> map_;
    // Where following `type` ends: the standard type, or nullopt with why.
    std::optional<std::string> follow(const std::string& type, std::string* why) const;
};

// A language tag as RFC 3066 / BCP 47 spells one: subtags of letters and digits, 1 to
// 8 long, joined by hyphens, the first 2 or 3 letters, or "x" or "i" (private, grandfathered).
bool well_formed_language(const std::string& tag);

}  // namespace quire::verify
