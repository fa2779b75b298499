#pragma once
// Typographer's punctuation: what a writer types on a keyboard (" ' -- --- ...) turned
// into what a compositor sets (“ ” ‘ ’ – — …), by the text's language. Used on import
// and for issues whose manifest asks for punctuation="typographic".
//
// Quotes (outer, then inner: what a writer's " and ' become):
//   en, nl and any other language:  “ ”  ‘ ’
//   de, and de-AT:                  „ “  ‚ ‘
//   de-CH:                          « »  ‹ ›
//   fr (all regions):               « »  “ ”   with U+202F NARROW NO-BREAK SPACE inside « »
//                                              and before ; : ! ? (a space typed there is replaced)
//   es, it, pt (Portugal):          « »  “ ”
//   pt-BR:                          “ ”  ‘ ’
//   pl:                             „ ”  « »
//   ru:                             « »  „ “
// An apostrophe (don't, l'homme, '90s, the students') is ’ in every language.
// `--` becomes an en dash, `---` an em dash, `...` an ellipsis; longer runs of hyphens
// or dots are left as typed (they are rules or leaders, not dashes).
//
// Left as typed: runs marked as_typed (<literal>) and URLs and e-mail addresses in the
// text (http://x--y, www.a--b.org, a--b@c.org). Already typographic characters are kept;
// in French the spaces inside typed « » become narrow no-break spaces too.
// Known limits: a word that begins with an elision ('tis, rock 'n' roll) gets an
// opening quote, and inch and foot marks (5'10") become closing quotes.
#include "model/inline_text.hpp"

#include <string>
#include <string_view>

namespace quire::input {

// `text` with typographic punctuation for `language` (BCP 47, e.g. "en-GB"). Quote
// direction is decided across the runs, as a reader sees the paragraph: the runs keep
// their number, styles, links and locations; only their characters change.
model::InlineText typographic_punctuation(model::InlineText text, std::string_view language);

// The same for one string of plain text (a paragraph of its own).
std::string typographic_punctuation(std::string_view text, std::string_view language);

}  // namespace quire::input
