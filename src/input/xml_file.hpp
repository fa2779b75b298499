#pragma once
// Reads one XML file safely and knows where every element, attribute and text node
// came from (line and column), so readers can point diagnostics at them.
//
// Safety (design §5b): no network, no DTD loading, no external entities, no entity
// substitution, and any DOCTYPE refused before libxml2 sees the text, which rules
// out entity expansion attacks entirely. Files are regular files with a size cap.
#include "core/diagnostics.hpp"

#include <libxml/tree.h>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace quire::input {

struct XmlDocFree {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

class XmlFile {
public:
    // Reads and parses `path`; on failure reports why (with location) and returns nullopt.
    static std::optional<XmlFile> read(const std::string& path, DiagnosticSink& sink);

    const std::string& path() const { return path_; }
    xmlNode* root() const { return xmlDocGetRootElement(doc_.get()); }
    xmlDoc* doc() const { return doc_.get(); }

    // Location of an element's start tag, a text node's first character, or a
    // comment; the file alone if the node is unknown.
    SourceLoc loc(const xmlNode* node) const;
    // Location of attribute `name` in element `element`'s start tag (its name), or of
    // the element if it has no such attribute.
    SourceLoc attr_loc(const xmlNode* element, std::string_view name) const;
    // Location of a byte offset in the file.
    SourceLoc offset_loc(std::size_t offset) const;

private:
    struct Span {
        std::size_t begin = 0;  // first byte of the node in the text
        std::size_t end = 0;    // one past the start tag's '>' (elements only)
    };
    void index_positions();

    std::string path_;
    std::string text_;
    std::vector<std::size_t> line_starts_;
    std::unique_ptr<xmlDoc, XmlDocFree> doc_;
    std::unordered_map<const xmlNode*, Span> spans_;
};

// Helpers for readers: attribute value (nullopt if absent) and the text content of a
// node with every descendant's text, exactly as written.
std::optional<std::string> attribute(const xmlNode* element, const char* name);
// The element's own xml:lang (not one it inherits).
std::optional<std::string> own_language(const xmlNode* element);
// `text` as a whole number (digits only) that an int holds; nothing for anything else
// (an attribute the schema refused, or one too large: readers run on invalid files).
std::optional<int> whole_number(std::string_view text);
std::string text_content(const xmlNode* node);
bool is_element(const xmlNode* node, const char* name = nullptr);

}  // namespace quire::input
