#include "input/schema.hpp"

#include "input/schema_rules.hpp"
#include "input/suggest.hpp"

#include <libxml/parser.h>
#include <libxml/relaxng.h>

#include <algorithm>
#include <cstring>
#include <mutex>
#include <vector>

namespace quire::input {

// Defined in the generated schema_sources.cpp (from src/input/schemas/*.rng).
extern const std::string_view issue_schema_source;
extern const std::string_view article_schema_source;
extern const std::string_view layout_schema_source;
extern const std::string_view protrusion_schema_source;

namespace {

struct CompiledSchema {
    xmlDocPtr rng_doc = nullptr;
    xmlRelaxNGPtr relaxng = nullptr;
    SchemaRules rules;
};

// Schemas are compiled once per process and never freed: they are part of the program.
const CompiledSchema& compiled(SchemaKind kind) {
    constexpr int kinds = static_cast<int>(SchemaKind::protrusion) + 1;
    static CompiledSchema schemas[kinds];
    static std::once_flag once[kinds];
    int index = static_cast<int>(kind);
    std::call_once(once[index], [&] {
        CompiledSchema& s = schemas[index];
        std::string_view text = schema_text(kind);
        s.rng_doc = xmlReadMemory(text.data(), static_cast<int>(text.size()), "schema.rng", nullptr, XML_PARSE_NONET);
        if (!s.rng_doc) return;
        s.rules = read_schema_rules(s.rng_doc);
        xmlRelaxNGParserCtxtPtr parser = xmlRelaxNGNewDocParserCtxt(s.rng_doc);
        s.relaxng = xmlRelaxNGParse(parser);
        xmlRelaxNGFreeParserCtxt(parser);
    });
    return schemas[index];
}

std::string node_name(const xmlNode* node) {
    std::string name;
    if (node->ns && node->ns->prefix) name = std::string(reinterpret_cast<const char*>(node->ns->prefix)) + ":";
    return name + reinterpret_cast<const char*>(node->name);
}

std::vector<std::string> listed(const std::set<std::string>& names) { return {names.begin(), names.end()}; }

bool is_blank(const xmlChar* text) {
    for (; text && *text; ++text) {
        if (!std::strchr(" \t\r\n", *text)) return false;
    }
    return true;
}

// Checks one element against the rules; returns how many problems it reported.
int explain_element(const XmlFile& file, const xmlNode* element, const SchemaRules& rules, DiagnosticSink& sink) {
    int problems = 0;
    const std::string name = node_name(element);
    auto rule_it = rules.elements.find(name);
    if (rule_it == rules.elements.end()) return 0;  // reported by the parent
    const ElementRule& rule = rule_it->second;

    std::set<std::string> allowed_attributes;
    for (const auto& [attr_name, attr_rule] : rule.attributes) allowed_attributes.insert(attr_name);
    for (const xmlAttr* a = element->properties; a; a = a->next) {
        std::string attr_name = node_name(reinterpret_cast<const xmlNode*>(a));
        SourceLoc loc = file.attr_loc(element, attr_name);
        auto it = rule.attributes.find(attr_name);
        if (it == rule.attributes.end()) {
            sink.error(loc, "unknown attribute '" + attr_name + "' on <" + name + ">" +
                                did_you_mean(attr_name, listed(allowed_attributes), "expected",
                                             allowed_attributes.size()));
            ++problems;
            continue;
        }
        xmlChar* raw = xmlNodeGetContent(reinterpret_cast<const xmlNode*>(a));
        std::string value = raw ? reinterpret_cast<const char*>(raw) : "";
        xmlFree(raw);
        if (!value_fits(it->second.value, value)) {
            sink.error(loc, "bad value '" + value + "' for attribute '" + attr_name + "' of <" + name +
                                ">: expected " + describe_value(it->second.value));
            ++problems;
        }
    }
    for (const auto& [attr_name, attr_rule] : rule.attributes) {
        if (!attr_rule.required) continue;
        bool present = false;
        for (const xmlAttr* a = element->properties; a; a = a->next) {
            if (node_name(reinterpret_cast<const xmlNode*>(a)) == attr_name) present = true;
        }
        if (!present) {
            sink.error(file.loc(element), "<" + name + "> needs the attribute '" + attr_name + "'");
            ++problems;
        }
    }

    // Children in document order, each explained where it stands, so messages come
    // out in the order of the file.
    std::set<std::string> present_children;
    for (const xmlNode* child = element->children; child; child = child->next) {
        if (child->type == XML_ELEMENT_NODE) {
            std::string child_name = node_name(child);
            present_children.insert(child_name);
            if (!rule.children.count(child_name)) {
                sink.error(file.loc(child), "unknown element <" + child_name + "> in <" + name + ">" +
                                                suggest_element(child_name, listed(rule.children)));
                ++problems;
            } else {
                problems += explain_element(file, child, rules, sink);
            }
        } else if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) && !rule.text &&
                   !is_blank(child->content)) {
            sink.error(file.loc(child), "<" + name + "> cannot hold text; put it inside an element");
            ++problems;
        }
    }
    for (const std::string& required : rule.required_children) {
        if (!present_children.count(required)) {
            sink.error(file.loc(element), "<" + name + "> needs a <" + required + "> element");
            ++problems;
        }
    }
    if (rule.text_value && !rule.text_value->any && rule.children.empty()) {
        std::string value = text_content(element);
        if (!value_fits(*rule.text_value, value)) {
            sink.error(file.loc(element), "bad content '" + value + "' in <" + name + ">: expected " +
                                              describe_value(*rule.text_value));
            ++problems;
        }
    }
    return problems;
}

struct ValidationErrors {
    const XmlFile* file;
    std::vector<Diagnostic> found;
};

void on_validation_error(void* user, xmlErrorPtr error) {
    auto* errors = static_cast<ValidationErrors*>(user);
    SourceLoc loc = error->node ? errors->file->loc(static_cast<const xmlNode*>(error->node))
                                : SourceLoc{errors->file->path(), error->line, 0};
    std::string message = error->message ? error->message : "invalid document";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    errors->found.push_back({Severity::error, loc, "does not match the schema: " + message});
}

}  // namespace

std::string_view schema_text(SchemaKind kind) {
    switch (kind) {
        case SchemaKind::issue: return issue_schema_source;
        case SchemaKind::article: return article_schema_source;
        case SchemaKind::layout: return layout_schema_source;
        case SchemaKind::protrusion: return protrusion_schema_source;
    }
    return {};
}

namespace {

// The root element each kind of file has.
const char* root_name(SchemaKind kind) {
    switch (kind) {
        case SchemaKind::issue: return "issue";
        case SchemaKind::article: return "article";
        case SchemaKind::layout: return "layout";
        case SchemaKind::protrusion: return "protrusion";
    }
    return "";
}

}  // namespace

bool validate(const XmlFile& file, SchemaKind kind, DiagnosticSink& sink) {
    const CompiledSchema& schema = compiled(kind);
    if (!schema.relaxng) {
        sink.error(SourceLoc{file.path(), 0, 0}, "internal error: the built-in schema did not compile");
        return false;
    }
    const char* expected_root = root_name(kind);
    if (!is_element(file.root(), expected_root)) {
        const bool vowel = std::string_view("aeiou").find(expected_root[0]) != std::string_view::npos;
        sink.error(file.loc(file.root()), std::string("expected ") + (vowel ? "an <" : "a <") + expected_root + "> file, found <" +
                                              node_name(file.root()) + ">");
        return false;
    }

    ValidationErrors errors{&file, {}};
    xmlRelaxNGValidCtxtPtr ctxt = xmlRelaxNGNewValidCtxt(schema.relaxng);
    xmlRelaxNGSetValidStructuredErrors(ctxt, on_validation_error, &errors);
    int result = xmlRelaxNGValidateDoc(ctxt, file.doc());
    xmlRelaxNGFreeValidCtxt(ctxt);
    if (result == 0) return true;

    if (explain_element(file, file.root(), schema.rules, sink) == 0) {
        // Nothing more precise to say (an element out of order, say): use libxml2's words.
        if (errors.found.empty()) errors.found.push_back({Severity::error, file.loc(file.root()), "does not match the schema"});
        for (Diagnostic& d : errors.found) sink.report(d.severity, std::move(d.loc), std::move(d.message));
    }
    return false;
}

bool is_style_name(std::string_view name) {
    auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    if (name.empty() || !letter(name[0])) return false;
    return std::all_of(name.begin(), name.end(), [&](char c) { return letter(c) || digit(c) || c == '-' || c == '_'; });
}

}  // namespace quire::input
