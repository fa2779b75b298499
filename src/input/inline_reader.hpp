#pragma once
// Reads inline markup (text, <em>, <strong>, <span style>, <a href>, <literal>, <br/>) into
// runs, collapsing whitespace as XML text is read: runs of blanks become one space,
// none at the start or end of the block.
#include "core/diagnostics.hpp"
#include "input/xml_file.hpp"
#include "model/article.hpp"
#include "model/inline_text.hpp"
#include "model/layout.hpp"

namespace quire::input {

// The notes of an article as its text is read: each <note> gets the next number.
// Where none is given, a <note> is an error (notes belong in the running text).
struct NoteCollector {
    std::vector<model::Note> notes;
};

// `layout` may be null (when it failed to read); character style names are then not checked.
model::InlineText read_inline(const XmlFile& file, const xmlNode* element, const model::Layout* layout,
                              DiagnosticSink& sink, NoteCollector* notes = nullptr);

}  // namespace quire::input
