#pragma once
// A content stream read as operators, each with the operands written before it: the
// one reading of content streams that the checks share (limits, text, marked content).
#include <podofo/podofo.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace quire::verify {

// `operands` are those since the previous operator; an inline image is one operator,
// "BI", its operands the keys and values of its dictionary (its data skipped).
using OperatorVisit = std::function<void(const std::string& op, const std::vector<PoDoFo::PdfVariant>& operands)>;

// Every operator of `content`, in order. False when the stream could not be read to
// its end (what was read before was visited).
bool for_each_operator(std::string_view content, const OperatorVisit& visit);

// A page's content: its one stream, or its streams joined as a reader joins them.
std::string page_content(PoDoFo::PdfObject* contents, const std::function<PoDoFo::PdfObject*(PoDoFo::PdfObject*)>& resolve);

}  // namespace quire::verify
