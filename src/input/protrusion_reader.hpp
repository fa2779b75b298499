#pragma once
// A font family's protrusion table (model::ProtrusionTable): a file of its own
// (schemas/protrusion.rng), shipped beside the font, and <protrude> entries in a
// layout's <family> that override it.
#include "core/diagnostics.hpp"
#include "input/xml_file.hpp"
#include "model/layout.hpp"

#include <optional>
#include <string>

namespace quire::input {

// Sets `table`'s entries for each character of a <protrude> element's `chars`: the
// amounts it gives replace those entries' left or right, the others stay.
void apply_protrude(const XmlFile& file, const xmlNode* protrude, model::ProtrusionTable& table, DiagnosticSink& sink);

// Reads a protrusion file: its entries, nothing from the default table. nullopt, with
// the problems reported, when it cannot be read or is not valid.
std::optional<model::ProtrusionTable> read_protrusion(const std::string& path, DiagnosticSink& sink);

}  // namespace quire::input
