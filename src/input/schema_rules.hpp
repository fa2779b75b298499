#pragma once
// What a RELAX NG schema says about each element, flattened for explaining errors:
// its attributes (required or not, and what values fit), the child elements it may
// have and must have, and whether it holds text. Built from schemas written in
// quire's plain style (element, attribute, optional, zeroOrMore, oneOrMore, choice,
// interleave, group, ref, data, value, list, text, empty).
#include <libxml/tree.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace quire::input {

struct ValueRule {
    std::string define_name;           // the schema define it came from, for hints
    std::vector<std::string> choices;  // <value> alternatives
    std::string xsd_type;              // <data type>, e.g. "positiveInteger"
    std::string pattern;               // <param name="pattern">
    std::optional<long> min_length, min_inclusive, max_inclusive;
    bool list = false;                 // whitespace-separated list of such values
    bool any = false;                  // <text/>: anything goes
};

struct AttributeRule {
    bool required = false;
    ValueRule value;
};

struct ElementRule {
    std::map<std::string, AttributeRule> attributes;
    std::set<std::string> children;
    std::set<std::string> required_children;
    bool text = false;
    std::optional<ValueRule> text_value;  // when the content is a datatype
};

struct SchemaRules {
    std::map<std::string, ElementRule> elements;
};

// Reads the rules from a parsed RELAX NG document.
SchemaRules read_schema_rules(xmlDoc* schema);

// Whether `value` fits `rule`.
bool value_fits(const ValueRule& rule, const std::string& value);

// What fits `rule`, in words: "yes or no", "a length such as 3mm", ...
std::string describe_value(const ValueRule& rule);

}  // namespace quire::input
