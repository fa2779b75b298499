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
// whether the document is valid. Invalid documents must not be read further.
bool validate(const XmlFile& file, SchemaKind kind, DiagnosticSink& sink);

}  // namespace quire::input
