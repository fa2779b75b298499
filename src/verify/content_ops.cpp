#include "verify/content_ops.hpp"

#include "verify/pdf_access.hpp"

namespace quire::verify {

using namespace PoDoFo;

namespace {

// The tokenizer's own loop: each token to `token`. PoDoFo hands an inline image's data
// as one token of its own, so BI ... ID data EI never misreads image bytes.
bool tokens(std::string_view content, const std::function<void(EPdfContentsType, const char*, const PdfVariant&)>& token) {
    if (content.empty()) return true;
    try {
        PdfContentsTokenizer tokenizer(content.data(), static_cast<long>(content.size()));
        EPdfContentsType type;
        const char* keyword = nullptr;
        PdfVariant operand;
        while (tokenizer.ReadNext(type, keyword, operand)) token(type, keyword, operand);
    } catch (const PdfError&) {
        return false;  // what cannot be read is 6.2.2's business, reported elsewhere
    }
    return true;
}

}  // namespace

bool for_each_operator(std::string_view content, const OperatorVisit& visit) {
    std::vector<PdfVariant> operands;
    return tokens(content, [&](EPdfContentsType type, const char* keyword, const PdfVariant& operand) {
        if (type == ePdfContentsType_Variant) {
            operands.push_back(operand);
            return;
        }
        if (type != ePdfContentsType_Keyword || keyword == nullptr) return;  // inline image data
        const std::string op = keyword;
        // An inline image is one operation, BI, whose operands are its dictionary's keys
        // and values, seen at ID; EI after the data is not an operator of its own.
        if (op == "BI" || op == "EI") {
            operands.clear();
            return;
        }
        visit(op == "ID" ? "BI" : op, operands);
        operands.clear();
    });
}

std::string page_content(PdfObject* contents, const std::function<PdfObject*(PdfObject*)>& resolve) {
    if (contents && contents->IsArray()) {
        std::string joined;
        for (PdfObject& part : contents->GetArray()) joined += PdfAccess::stream_bytes(resolve(&part)) + "\n";
        return joined;
    }
    return PdfAccess::stream_bytes(contents);
}

}  // namespace quire::verify
