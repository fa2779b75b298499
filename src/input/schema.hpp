#pragma once
// RELAX NG validation of quire's three file formats, with messages a designer can act
// on. libxml2 validates against the schemas that ship in src/input/schemas/ (built into
// the binary); where it fails, quire explains the failure from the same schema:
// unknown elements and attributes (with "did you mean"), missing ones, and values
// that do not fit, naming what would. libxml2's own message is used only when the
// explanation finds nothing more precise.
#include "core/diagnostics.hpp"
#include "input/xml_file.hpp"

#include <memory>
#include <string_view>

namespace quire::input {

enum class SchemaKind { issue, article, layout, protrusion };

// The schema's source text (RELAX NG XML syntax), as built into the binary.
std::string_view schema_text(SchemaKind kind);

// Validates `file` against the schema; reports every problem found and returns
// whether the document is valid. An invalid document may be read further only to
// report problems the schema cannot see; what is read from it must not be used.
// The schema's problems are reported once: readers of an invalid document must not
// report them again (see is_style_name).
bool validate(const XmlFile& file, SchemaKind kind, DiagnosticSink& sink);

// Whether `name` has the form the schemas give a style name (a letter, then letters,
// digits, '-' or '_'): a name without it was reported by the schema, so a reader of
// an invalid document does not report it again as an unknown style.
bool is_style_name(std::string_view name);

}  // namespace quire::input
