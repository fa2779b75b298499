#include "verify/limits_check.hpp"

#include "verify/content_ops.hpp"

#include <cmath>
#include <cstdint>
#include <sstream>

namespace quire::verify {

using namespace PoDoFo;

namespace {

constexpr long long max_integer = 2147483647;
constexpr long long min_integer = -2147483648LL;
constexpr double max_real = 3.403e38;
constexpr std::size_t max_string = 32767;
constexpr std::size_t max_name = 127;
constexpr int max_nesting = 28;
constexpr long long max_cid = 65535;

void check_value(const PdfVariant& v, const std::string& where, const Fail& fail, int depth) {
    if (depth > 64) return;
    if (v.IsNumber()) {
        const long long n = v.GetNumber();
        if (n > max_integer || n < min_integer) fail("6.1.13", where + ": the integer " + std::to_string(n) + " is out of range");
    } else if (v.IsReal()) {
        if (std::fabs(v.GetReal()) > max_real) fail("6.1.13", where + ": a real number is out of range");
    } else if (v.IsString() || v.IsHexString()) {
        const std::size_t length = static_cast<std::size_t>(v.GetString().GetLength());
        if (length > max_string) fail("6.1.13", where + ": a string of " + std::to_string(length) + " bytes (at most 32767)");
    } else if (v.IsName()) {
        const std::size_t length = v.GetName().GetName().size();  // as decoded from #xx escapes
        if (length > max_name) fail("6.1.13", where + ": a name of " + std::to_string(length) + " bytes (at most 127)");
    } else if (v.IsArray()) {
        for (const PdfObject& item : v.GetArray()) check_value(item, where, fail, depth + 1);
    } else if (v.IsDictionary()) {
        for (const auto& [key, value] : v.GetDictionary().GetKeys()) {
            if (key.GetName().size() > max_name) {
                fail("6.1.13", where + ": a name of " + std::to_string(key.GetName().size()) + " bytes (at most 127)");
            }
            if (value) check_value(*value, where, fail, depth + 1);
        }
    }
}

// A CMap's hexadecimal code (<3f00>) as a number.
long long hex_code(const std::string& token) {
    if (token.size() < 3 || token.front() != '<' || token.back() != '>') return -1;
    long long v = 0;
    for (std::size_t i = 1; i + 1 < token.size(); ++i) {
        const char c = token[i];
        const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0 || v > (1LL << 40)) return -1;
        v = v * 16 + d;
    }
    return v;
}

}  // namespace

void check_object_limits(const PdfObject& object, const std::string& where, const Fail& fail) {
    check_value(object, where, fail, 0);
}

void check_content_limits(std::string_view content, const std::string& where, const Fail& fail) {
    int depth = 0, deepest = 0;
    for_each_operator(content, [&](const std::string& op, const std::vector<PdfVariant>& operands) {
        for (const PdfVariant& operand : operands) check_value(operand, where, fail, 0);
        if (op == "q") deepest = std::max(deepest, ++depth);
        else if (op == "Q") --depth;
    });
    if (deepest > max_nesting) {
        fail("6.1.13", where + ": graphics states nested " + std::to_string(deepest) + " deep (q; at most 28)");
    }
}

void check_cmap_limits(std::string_view cmap, const std::string& where, const Fail& fail) {
    std::istringstream in{std::string(cmap)};
    std::string token;
    enum class Section { none, range, single } section = Section::none;
    std::vector<std::string> row;
    while (in >> token) {
        if (token == "begincidrange") { section = Section::range; row.clear(); continue; }
        if (token == "begincidchar") { section = Section::single; row.clear(); continue; }
        if (token == "endcidrange" || token == "endcidchar") { section = Section::none; continue; }
        if (section == Section::none) continue;
        row.push_back(token);
        const std::size_t width = section == Section::range ? 3 : 2;
        if (row.size() < width) continue;
        long long cid = -1;
        try {
            cid = std::stoll(row.back());
        } catch (const std::exception&) {
        }
        if (section == Section::range) {
            const long long lo = hex_code(row[0]), hi = hex_code(row[1]);
            if (lo >= 0 && hi >= lo) cid += hi - lo;
        }
        if (cid > max_cid) fail("6.1.13", where + ": a CMap maps a code to CID " + std::to_string(cid) + " (at most 65535)");
        row.clear();
    }
}

void check_box_limits(const PdfRect& box, const std::string& where, const Fail& fail) {
    const double w = box.GetWidth(), h = box.GetHeight();
    if (std::fabs(w) < 3 || std::fabs(h) < 3 || std::fabs(w) > 14400 || std::fabs(h) > 14400) {
        std::ostringstream size;
        size << std::fabs(w) << " x " << std::fabs(h);
        fail("6.1.13", where + " is " + size.str() + " units (from 3 to 14400)");
    }
}

}  // namespace quire::verify
