#include "input/xml_file.hpp"

#include "core/utf8.hpp"
#include "input/file_limits.hpp"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <charconv>
#include <cctype>
#include <limits>
#include <cstring>
#include <fstream>
#include <mutex>
#include <sstream>
#include <vector>

namespace quire::input {
namespace {

// External entities and DTDs are never loaded: the loader refuses every request.
xmlParserInputPtr deny_external_entity(const char* /*url*/, const char* /*id*/, xmlParserCtxtPtr /*ctxt*/) {
    return nullptr;
}

void install_entity_loader_once() {
    static std::once_flag once;
    std::call_once(once, [] {
        xmlInitParser();
        xmlSetExternalEntityLoader(deny_external_entity);
    });
}

std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    const std::size_t start = text.find_first_not_of(' ');
    return start == std::string::npos ? std::string() : text.substr(start);
}

// libxml2's message in one line of plain words: it continues some messages on further
// lines ("Bytes: 0xFF 0xFE ..." after an encoding error), and the README promises one
// line per problem.
std::string one_line_message(const char* message) {
    std::vector<std::string> lines;
    std::istringstream in(message ? message : "");
    for (std::string line; std::getline(in, line);) {
        if (!trimmed(line).empty()) lines.push_back(trimmed(line));
    }
    if (lines.empty()) return "no message";
    if (lines[0].rfind("Input is not proper UTF-8", 0) == 0) {
        std::string bytes;
        for (const std::string& line : lines) {
            if (line.rfind("Bytes: ", 0) == 0) bytes = line.substr(7);
        }
        return "the text is not UTF-8 here" + (bytes.empty() ? std::string() : " (bytes " + bytes + ")") +
               "; save the file as UTF-8";
    }
    std::string out = lines[0];
    for (std::size_t i = 1; i < lines.size(); ++i) out += "; " + lines[i];
    return out;
}

struct ParseErrors {
    std::string path;
    DiagnosticSink* sink;
};

void on_parse_error(void* user, xmlErrorPtr error) {
    auto* errors = static_cast<ParseErrors*>(user);
    SourceLoc loc{errors->path, error->line, error->int2};
    std::string message = one_line_message(error->message);
    if (error->level == XML_ERR_WARNING) {
        errors->sink->warning(loc, "XML: " + message);
    } else {
        errors->sink->error(loc, "malformed XML: " + message);
    }
}

// Finds "<!DOCTYPE" in the prolog (before the first element), skipping comments and
// processing instructions. Returns its offset or npos.
std::size_t find_doctype(const std::string& text) {
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t lt = text.find('<', i);
        if (lt == std::string::npos) return std::string::npos;
        if (text.compare(lt, 4, "<!--") == 0) {
            std::size_t end = text.find("-->", lt + 4);
            if (end == std::string::npos) return std::string::npos;
            i = end + 3;
        } else if (text.compare(lt, 2, "<?") == 0) {
            std::size_t end = text.find("?>", lt + 2);
            if (end == std::string::npos) return std::string::npos;
            i = end + 2;
        } else if (text.compare(lt, 9, "<!DOCTYPE") == 0) {
            return lt;
        } else {
            return std::string::npos;  // the root element: no DOCTYPE can follow
        }
    }
    return std::string::npos;
}

}  // namespace

std::optional<XmlFile> XmlFile::read(const std::string& path, DiagnosticSink& sink) {
    install_entity_loader_once();
    XmlFile file;
    file.path_ = path;
    if (!read_regular_file(path, max_xml_file_bytes, file.text_, sink, SourceLoc{path, 0, 0})) {
        return std::nullopt;
    }
    file.line_starts_.push_back(0);
    for (std::size_t i = 0; i < file.text_.size(); ++i) {
        if (file.text_[i] == '\n') file.line_starts_.push_back(i + 1);
    }

    if (std::size_t doctype = find_doctype(file.text_); doctype != std::string::npos) {
        sink.error(file.offset_loc(doctype),
                   "DOCTYPE declarations are not allowed (quire reads no DTDs or entities); remove it");
        return std::nullopt;
    }
    if (file.text_.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
        sink.error(SourceLoc{path, 0, 0}, "file too large");
        return std::nullopt;
    }

    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        sink.error(SourceLoc{path, 0, 0}, "out of memory creating the XML parser");
        return std::nullopt;
    }
    ParseErrors errors{path, &sink};
    xmlSetStructuredErrorFunc(&errors, on_parse_error);
    // No NOENT, DTDLOAD, DTDATTR, DTDVALID, XINCLUDE, HUGE or RECOVER: see design §5b.
    const int options = XML_PARSE_NONET | XML_PARSE_BIG_LINES;
    const int error_count_before = sink.error_count();
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, file.text_.data(), static_cast<int>(file.text_.size()),
                                      path.c_str(), nullptr, options);
    xmlSetStructuredErrorFunc(nullptr, nullptr);
    xmlFreeParserCtxt(ctxt);
    file.doc_.reset(doc);
    if (!doc || sink.error_count() > error_count_before) {
        if (sink.error_count() == error_count_before) sink.error(SourceLoc{path, 0, 0}, "could not parse XML");
        return std::nullopt;
    }
    if (doc->intSubset || doc->extSubset) {  // belt and braces: find_doctype should have caught it
        sink.error(SourceLoc{path, 1, 1}, "DOCTYPE declarations are not allowed");
        return std::nullopt;
    }
    if (!file.root()) {
        sink.error(SourceLoc{path, 1, 1}, "the file has no root element");
        return std::nullopt;
    }
    file.index_positions();
    return file;
}

SourceLoc XmlFile::offset_loc(std::size_t offset) const {
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    std::size_t line_index = static_cast<std::size_t>(it - line_starts_.begin()) - 1;
    std::size_t line_start = line_starts_[line_index];
    // Columns count characters, not bytes, as an editor shows them.
    const std::size_t end = std::min(offset, text_.size());
    const std::size_t column = 1 + (end > line_start ? count_code_points(std::string_view(text_).substr(line_start, end - line_start)) : 0);
    return SourceLoc{path_, static_cast<int>(line_index) + 1, static_cast<int>(column)};
}

SourceLoc XmlFile::loc(const xmlNode* node) const {
    auto it = spans_.find(node);
    if (it != spans_.end()) return offset_loc(it->second.begin);
    if (node && node->type == XML_ATTRIBUTE_NODE && node->parent) {
        return attr_loc(node->parent, reinterpret_cast<const char*>(node->name));
    }
    if (node) {
        long line = xmlGetLineNo(node);
        if (line > 0) return SourceLoc{path_, static_cast<int>(line), 0};
    }
    return SourceLoc{path_, 0, 0};
}

SourceLoc XmlFile::attr_loc(const xmlNode* element, std::string_view name) const {
    auto it = spans_.find(element);
    if (it == spans_.end()) return loc(element);
    const Span span = it->second;
    std::string_view tag(text_.data() + span.begin, span.end - span.begin);
    // Skip the element name, then look for ` name=` (with optional blanks around '=')
    // outside attribute values.
    std::size_t i = 1;
    while (i < tag.size() && !std::isspace(static_cast<unsigned char>(tag[i])) && tag[i] != '>' && tag[i] != '/') ++i;
    while (i < tag.size()) {
        while (i < tag.size() && std::isspace(static_cast<unsigned char>(tag[i]))) ++i;
        std::size_t name_begin = i;
        while (i < tag.size() && tag[i] != '=' && !std::isspace(static_cast<unsigned char>(tag[i])) && tag[i] != '>' && tag[i] != '/') ++i;
        std::string_view found = tag.substr(name_begin, i - name_begin);
        while (i < tag.size() && std::isspace(static_cast<unsigned char>(tag[i]))) ++i;
        if (i >= tag.size() || tag[i] != '=') break;
        ++i;
        while (i < tag.size() && std::isspace(static_cast<unsigned char>(tag[i]))) ++i;
        if (i >= tag.size()) break;
        char quote = tag[i];
        std::size_t close = tag.find(quote, i + 1);
        if (close == std::string_view::npos) break;
        if (found == name) return offset_loc(span.begin + name_begin);
        i = close + 1;
    }
    return offset_loc(span.begin);
}

// Pairs each node of the tree with its place in the text. libxml2 2.9 keeps only
// line numbers, so we walk the text alongside the tree: the k-th start tag in the
// text is the k-th element in document order (no DTD means no entity can add any).
void XmlFile::index_positions() {
    std::size_t cursor = 0;
    const std::string& t = text_;

    auto skip_to_after = [&](std::size_t from, const char* terminator) {
        std::size_t end = t.find(terminator, from);
        return end == std::string::npos ? t.size() : end + std::strlen(terminator);
    };
    // Moves the cursor past comments, PIs and CDATA until the next tag of the wanted
    // kind; returns its offset.
    auto next_markup = [&](bool want_end_tag) -> std::size_t {
        while (cursor < t.size()) {
            std::size_t lt = t.find('<', cursor);
            if (lt == std::string::npos) { cursor = t.size(); return std::string::npos; }
            if (t.compare(lt, 4, "<!--") == 0) { cursor = skip_to_after(lt + 4, "-->"); continue; }
            if (t.compare(lt, 9, "<![CDATA[") == 0) { cursor = skip_to_after(lt + 9, "]]>"); continue; }
            if (t.compare(lt, 2, "<?") == 0) { cursor = skip_to_after(lt + 2, "?>"); continue; }
            bool is_end = t.compare(lt, 2, "</") == 0;
            if (is_end != want_end_tag) {
                if (!want_end_tag) { cursor = skip_to_after(lt, ">"); continue; }
                return std::string::npos;  // a start tag where an end tag was due: give up quietly
            }
            return lt;
        }
        return std::string::npos;
    };
    // End of a start tag: the '>' outside quoted attribute values.
    auto tag_end = [&](std::size_t lt) {
        char quote = 0;
        for (std::size_t i = lt + 1; i < t.size(); ++i) {
            char c = t[i];
            if (quote) { if (c == quote) quote = 0; }
            else if (c == '"' || c == '\'') quote = c;
            else if (c == '>') return i + 1;
        }
        return t.size();
    };

    struct Walker {
        XmlFile& self;
        std::size_t& cursor;
        decltype(next_markup)& next;
        decltype(tag_end)& end_of_tag;
        decltype(skip_to_after)& skip;
        void element(const xmlNode* node) {
            std::size_t lt = next(false);
            if (lt == std::string::npos) return;
            std::size_t end = end_of_tag(lt);
            self.spans_[node] = Span{lt, end};
            cursor = end;
            bool empty_tag = end >= 2 && self.text_[end - 2] == '/';
            if (empty_tag) return;
            for (const xmlNode* child = node->children; child; child = child->next) {
                if (child->type == XML_ELEMENT_NODE) {
                    element(child);
                } else if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
                    self.spans_[child] = Span{cursor, cursor};
                    // The cursor stays: the next markup search moves past this text.
                    if (child->type == XML_CDATA_SECTION_NODE) {
                        std::size_t open = self.text_.find("<![CDATA[", cursor);
                        if (open != std::string::npos) cursor = skip(open + 9, "]]>");
                    }
                } else if (child->type == XML_COMMENT_NODE) {
                    std::size_t open = self.text_.find("<!--", cursor);
                    if (open != std::string::npos) {
                        self.spans_[child] = Span{open, open};
                        cursor = skip(open + 4, "-->");
                    }
                }
            }
            std::size_t close = next(true);
            if (close != std::string::npos) cursor = end_of_tag(close);
        }
    };
    Walker walker{*this, cursor, next_markup, tag_end, skip_to_after};
    walker.element(root());
}

std::optional<int> whole_number(std::string_view text) {
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || text.empty() || text.front() == '-') return std::nullopt;
    return value;
}

std::optional<std::string> own_language(const xmlNode* element) {
    for (const xmlAttr* a = element->properties; a; a = a->next) {
        if (a->ns != nullptr && a->ns->href != nullptr && xmlStrEqual(a->ns->href, XML_XML_NAMESPACE) &&
            std::strcmp(reinterpret_cast<const char*>(a->name), "lang") == 0) {
            xmlChar* value = xmlNodeGetContent(reinterpret_cast<const xmlNode*>(a));
            std::string out = value ? reinterpret_cast<const char*>(value) : "";
            xmlFree(value);
            return out;
        }
    }
    return std::nullopt;
}

std::optional<std::string> attribute(const xmlNode* element, const char* name) {
    for (const xmlAttr* a = element->properties; a; a = a->next) {
        if (a->ns == nullptr && std::strcmp(reinterpret_cast<const char*>(a->name), name) == 0) {
            xmlChar* value = xmlNodeGetContent(reinterpret_cast<const xmlNode*>(a));
            std::string out = value ? reinterpret_cast<const char*>(value) : "";
            xmlFree(value);
            return out;
        }
    }
    return std::nullopt;
}

std::string text_content(const xmlNode* node) {
    xmlChar* value = xmlNodeGetContent(node);
    std::string out = value ? reinterpret_cast<const char*>(value) : "";
    xmlFree(value);
    return out;
}

bool is_element(const xmlNode* node, const char* name) {
    if (!node || node->type != XML_ELEMENT_NODE) return false;
    return name == nullptr || std::strcmp(reinterpret_cast<const char*>(node->name), name) == 0;
}

}  // namespace quire::input
