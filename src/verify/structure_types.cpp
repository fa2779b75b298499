#include "verify/structure_types.hpp"

#include <cctype>
#include <set>

namespace quire::verify {

using namespace PoDoFo;

bool standard_structure_type(const std::string& type) {
    // ISO 32000-1 14.8.4, Tables 333 to 340.
    static const std::set<std::string> types = {
        "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index", "NonStruct",
        "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH",
        "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Link", "Annot",
        "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP", "Figure", "Formula", "Form"};
    return types.count(type) > 0;
}

RoleMap::RoleMap(const PdfAccess& pdf, PdfObject* role_map) {
    if (!role_map || !role_map->IsDictionary()) return;
    for (const auto& [k, v] : role_map->GetDictionary().GetKeys()) {
        map_[k.GetName()] = PdfAccess::name_of(pdf.resolve(v));
    }
}

std::optional<std::string> RoleMap::follow(const std::string& type, std::string* why) const {
    std::set<std::string> seen;
    std::string at = type;
    while (true) {
        if (standard_structure_type(at)) return at;
        if (!seen.insert(at).second) {
            if (why) *why = "maps in a circle";
            return std::nullopt;
        }
        auto next = map_.find(at);
        if (next == map_.end() || next->second.empty()) {
            if (why) *why = at == type ? "is neither a standard type nor in the RoleMap"
                                       : "is mapped to /" + at + ", neither a standard type nor mapped further";
            return std::nullopt;
        }
        at = next->second;
    }
}

std::optional<std::string> RoleMap::standard_of(const std::string& type) const { return follow(type, nullptr); }

std::vector<RoleMap::Problem> RoleMap::problems() const {
    std::vector<Problem> out;
    for (const auto& [from, to] : map_) {
        if (standard_structure_type(from)) {
            out.push_back({from, "is a standard type remapped to /" + to, "02-004"});
            continue;
        }
        std::string why;
        if (!follow(from, &why)) out.push_back({from, why, why == "maps in a circle" ? "02-003" : "02-001"});
    }
    return out;
}

bool well_formed_language(const std::string& tag) {
    std::vector<std::string> subtags(1);
    for (const char c : tag) {
        if (c == '-') {
            subtags.emplace_back();
        } else if (std::isalnum(static_cast<unsigned char>(c))) {
            subtags.back() += c;
        } else {
            return false;
        }
    }
    for (const std::string& s : subtags) {
        if (s.empty() || s.size() > 8) return false;
    }
    const std::string& primary = subtags.front();
    if (primary == "x" || primary == "i" || primary == "X" || primary == "I") return subtags.size() > 1;
    if (primary.size() < 2 || primary.size() > 3) return false;
    for (const char c : primary) {
        if (!std::isalpha(static_cast<unsigned char>(c))) return false;
    }
    return true;
}

}  // namespace quire::verify
