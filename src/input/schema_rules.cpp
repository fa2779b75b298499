#include "input/schema_rules.hpp"

#include "core/length.hpp"

#include <libxml/xmlregexp.h>

#include <cstring>
#include <memory>
#include <utility>

namespace quire::input {
namespace {

bool named(const xmlNode* node, const char* name) {
    return node && node->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(node->name), name) == 0;
}

std::string attr(const xmlNode* node, const char* name) {
    xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
    std::string out = value ? reinterpret_cast<const char*>(value) : "";
    xmlFree(value);
    return out;
}

std::string trimmed_content(const xmlNode* node) {
    xmlChar* value = xmlNodeGetContent(node);
    std::string out = value ? reinterpret_cast<const char*>(value) : "";
    xmlFree(value);
    std::size_t b = out.find_first_not_of(" \t\r\n");
    std::size_t e = out.find_last_not_of(" \t\r\n");
    return b == std::string::npos ? std::string() : out.substr(b, e - b + 1);
}

class RuleBuilder {
public:
    explicit RuleBuilder(xmlDoc* schema) {
        xmlNode* grammar = xmlDocGetRootElement(schema);
        for (xmlNode* n = grammar ? grammar->children : nullptr; n; n = n->next) {
            if (named(n, "define")) defines_[attr(n, "name")] = n;
        }
        for (xmlNode* n = grammar ? grammar->children : nullptr; n; n = n->next) {
            if (named(n, "start")) {
                ElementRule top;
                walk_children(n, top, false);
            }
        }
    }
    SchemaRules take() { return std::move(rules_); }

private:
    void walk_children(const xmlNode* parent, ElementRule& into, bool optional) {
        for (const xmlNode* n = parent->children; n; n = n->next) walk(n, into, optional);
    }

    void walk(const xmlNode* n, ElementRule& into, bool optional) {
        if (n->type != XML_ELEMENT_NODE) return;
        if (named(n, "element")) {
            std::string name = attr(n, "name");
            into.children.insert(name);
            if (!optional) into.required_children.insert(name);
            if (!visited_.insert(n).second) return;  // recursive content (inline markup) seen already
            ElementRule& rule = rules_.elements[name];
            ElementRule content;
            // An element starts its content afresh: a define being expanded around it
            // (<em> inside "inline") is still this element's content to read. Guarding
            // it here left <em> with no text and no children, so once anything else in
            // the file was wrong, valid <em> was reported too. Recursion through
            // elements stops at `visited_`.
            std::set<std::string> outer = std::exchange(expanding_, {});
            walk_children(n, content, false);
            expanding_ = std::move(outer);
            merge(rule, content);
        } else if (named(n, "attribute")) {
            std::string name = attr(n, "name");
            AttributeRule& rule = into.attributes[name];
            rule.required = rule.required || !optional;
            rule.value = value_rule(n);
        } else if (named(n, "optional") || named(n, "zeroOrMore") || named(n, "choice")) {
            walk_children(n, into, true);
        } else if (named(n, "oneOrMore") || named(n, "group") || named(n, "interleave") || named(n, "mixed")) {
            if (named(n, "mixed")) into.text = true;
            walk_children(n, into, optional);
        } else if (named(n, "ref")) {
            auto it = defines_.find(attr(n, "name"));
            if (it == defines_.end()) return;
            // A define that is only a datatype describes text content.
            if (is_datatype(it->second)) {
                into.text = true;
                into.text_value = value_rule(it->second);
                into.text_value->define_name = it->first;
                return;
            }
            if (!expanding_.insert(it->first).second) return;
            walk_children(it->second, into, optional);
            expanding_.erase(it->first);
        } else if (named(n, "text")) {
            into.text = true;
        } else if (named(n, "data") || named(n, "value") || named(n, "list")) {
            into.text = true;
            into.text_value = value_rule(n->parent);
        }
    }

    // A define or attribute whose content is values, not structure.
    static bool is_datatype(const xmlNode* n) {
        for (const xmlNode* c = n->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            if (named(c, "data") || named(c, "value") || named(c, "list") || named(c, "text")) return true;
            if (named(c, "choice")) return is_datatype(c);
            return false;
        }
        return false;
    }

    ValueRule value_rule(const xmlNode* holder) {
        ValueRule rule;
        fill_value(holder, rule);
        return rule;
    }

    void fill_value(const xmlNode* holder, ValueRule& rule) {
        for (const xmlNode* c = holder->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            if (named(c, "text")) {
                rule.any = true;
            } else if (named(c, "value")) {
                rule.choices.push_back(trimmed_content(c));
            } else if (named(c, "choice")) {
                fill_value(c, rule);
            } else if (named(c, "list")) {
                rule.list = true;
                fill_value(c, rule);
            } else if (named(c, "oneOrMore") || named(c, "zeroOrMore")) {
                fill_value(c, rule);
            } else if (named(c, "ref")) {
                auto it = defines_.find(attr(c, "name"));
                if (it != defines_.end()) {
                    if (rule.define_name.empty()) rule.define_name = it->first;
                    fill_value(it->second, rule);
                }
            } else if (named(c, "data")) {
                rule.xsd_type = attr(c, "type");
                for (const xmlNode* p = c->children; p; p = p->next) {
                    if (!named(p, "param")) continue;
                    std::string param = attr(p, "name");
                    std::string value = trimmed_content(p);
                    if (param == "pattern") rule.pattern = value;
                    else if (param == "minLength") rule.min_length = std::stol(value);
                    else if (param == "minInclusive") rule.min_inclusive = std::stol(value);
                    else if (param == "maxInclusive") rule.max_inclusive = std::stol(value);
                }
            }
        }
    }

    static void merge(ElementRule& into, const ElementRule& from) {
        for (const auto& [name, rule] : from.attributes) into.attributes.insert({name, rule});
        into.children.insert(from.children.begin(), from.children.end());
        into.required_children.insert(from.required_children.begin(), from.required_children.end());
        into.text = into.text || from.text;
        if (from.text_value) into.text_value = from.text_value;
    }

    std::map<std::string, const xmlNode*> defines_;
    std::set<const xmlNode*> visited_;
    std::set<std::string> expanding_;
    SchemaRules rules_;
};

struct RegexpFree {
    void operator()(xmlRegexp* re) const { xmlRegFreeRegexp(re); }
};

bool matches_pattern(const std::string& pattern, const std::string& value) {
    std::unique_ptr<xmlRegexp, RegexpFree> re(xmlRegexpCompile(reinterpret_cast<const xmlChar*>(pattern.c_str())));
    if (!re) return true;  // a schema bug, not the user's: do not blame their value
    return xmlRegexpExec(re.get(), reinterpret_cast<const xmlChar*>(value.c_str())) == 1;
}

bool all_of_chars(const std::string& s, bool (*ok)(char)) {
    if (s.empty()) return false;
    for (char c : s) if (!ok(c)) return false;
    return true;
}

bool single_value_fits(const ValueRule& rule, const std::string& value) {
    if (rule.any) return true;
    if (!rule.choices.empty()) {
        for (const std::string& choice : rule.choices) if (choice == value) return true;
        return false;
    }
    if (rule.min_length && static_cast<long>(value.size()) < *rule.min_length) return false;
    if (!rule.pattern.empty() && !matches_pattern(rule.pattern, value)) return false;
    const std::string& t = rule.xsd_type;
    if (t == "positiveInteger" || t == "nonNegativeInteger" || t == "integer") {
        std::string digits = (t == "integer" && !value.empty() && value[0] == '-') ? value.substr(1) : value;
        if (!all_of_chars(digits, [](char c) { return c >= '0' && c <= '9'; }) || digits.size() > 9) return false;
        long n = std::stol(value);
        if (t == "positiveInteger" && n < 1) return false;
        if (rule.min_inclusive && n < *rule.min_inclusive) return false;
        if (rule.max_inclusive && n > *rule.max_inclusive) return false;
    } else if (t == "date") {
        if (!matches_pattern("[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])", value)) return false;
    } else if (t == "language") {
        if (!matches_pattern("[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*", value)) return false;
    } else if (t == "NCName") {
        if (!matches_pattern("[A-Za-z_][A-Za-z0-9_.\\-]*", value)) return false;
    }
    return true;
}

}  // namespace

SchemaRules read_schema_rules(xmlDoc* schema) { return RuleBuilder(schema).take(); }

bool value_fits(const ValueRule& rule, const std::string& value) {
    if (!rule.list) return single_value_fits(rule, value);
    std::size_t i = 0;
    while (i < value.size()) {
        std::size_t b = value.find_first_not_of(" \t\r\n", i);
        if (b == std::string::npos) break;
        std::size_t e = value.find_first_of(" \t\r\n", b);
        if (e == std::string::npos) e = value.size();
        if (!single_value_fits(rule, value.substr(b, e - b))) return false;
        i = e;
    }
    return true;
}

std::string describe_value(const ValueRule& rule) {
    const std::string& d = rule.define_name;
    if (d == "length") return dimension_syntax_hint(true);
    if (d == "spacing-length") return dimension_syntax_hint(true, true);
    if (d == "absolute-length") return dimension_syntax_hint(false);
    if (d == "name" || d == "style-name") return "a name: a letter, then letters, digits, '-' or '_'";
    if (d == "iso-date") return "a date written YYYY-MM-DD";
    if (d == "language") return "a language tag such as en-GB";
    if (d == "page-size") return "A3, A4, A5, B5, letter, or a width and a height such as \"170mm 240mm\"";
    if (d == "feature") return "OpenType feature tags such as smcp, onum or -liga, separated by spaces";
    if (d == "color") return "a colour written #RRGGBB or cmyk(c, m, y, k) (inks 0..1 or 0%..100%)";
    if (d == "issn") return "an ISSN written 1234-567X";
    if (d == "yes-no") return "yes or no";
    std::string out;
    if (!rule.choices.empty()) {
        out = "one of: ";
        for (std::size_t i = 0; i < rule.choices.size(); ++i) {
            if (i) out += ", ";
            out += rule.choices[i];
        }
    } else if (rule.xsd_type == "positiveInteger" || rule.xsd_type == "nonNegativeInteger" || rule.xsd_type == "integer") {
        out = rule.xsd_type == "positiveInteger" ? "a whole number from 1" : rule.xsd_type == "integer" ? "a whole number" : "a whole number from 0";
        if (rule.min_inclusive) out = "a whole number from " + std::to_string(*rule.min_inclusive);
        if (rule.max_inclusive) out += " to " + std::to_string(*rule.max_inclusive);
    } else if (rule.xsd_type == "date") {
        out = "a date written YYYY-MM-DD";
    } else if (rule.xsd_type == "language") {
        out = "a language tag such as en-GB";
    } else if (!rule.pattern.empty()) {
        out = "text matching " + rule.pattern;
    } else if (rule.min_length) {
        out = "non-empty text";
    } else {
        out = "text";
    }
    if (rule.list) out = "a space-separated list, each " + out;
    return out;
}

}  // namespace quire::input
