#include "input/protrusion_reader.hpp"

#include "core/utf8.hpp"
#include "input/schema.hpp"

#include <cstdlib>

namespace quire::input {

namespace {

// "70%" or "12.5%" (the schema checks the form) in thousandths: 700, 125.
std::optional<int> thousandths(const XmlFile& file, const xmlNode* e, const char* name, DiagnosticSink& sink) {
    const std::optional<std::string> v = attribute(e, name);
    if (!v) return std::nullopt;
    const double percent = std::strtod(v->c_str(), nullptr);
    if (percent < -100 || percent > 100) {
        sink.error(file.attr_loc(e, name), std::string(name) + "=\"" + *v +
                                               "\" is out of range: a glyph hangs from -100% to 100% of its width");
        return std::nullopt;
    }
    return static_cast<int>(percent * 10 + (percent < 0 ? -0.5 : 0.5));
}

}  // namespace

void apply_protrude(const XmlFile& file, const xmlNode* protrude, model::ProtrusionTable& table, DiagnosticSink& sink) {
    const std::optional<int> left = thousandths(file, protrude, "left", sink);
    const std::optional<int> right = thousandths(file, protrude, "right", sink);
    for (const CodePoint& c : decode_utf8(attribute(protrude, "chars").value_or(""))) {
        model::Protrusion& entry = table[c.value];
        if (left) entry.left = *left;
        if (right) entry.right = *right;
    }
}

std::optional<model::ProtrusionTable> read_protrusion(const std::string& path, DiagnosticSink& sink) {
    std::optional<XmlFile> file = XmlFile::read(path, sink);
    if (!file || !validate(*file, SchemaKind::protrusion, sink)) return std::nullopt;
    const int errors_before = sink.error_count();
    model::ProtrusionTable table;
    for (const xmlNode* e = file->root()->children; e; e = e->next) {
        if (e->type == XML_ELEMENT_NODE) apply_protrude(*file, e, table, sink);
    }
    if (sink.error_count() > errors_before) return std::nullopt;
    return table;
}

}  // namespace quire::input
