#include "verify/marked_content.hpp"

#include "verify/content_ops.hpp"

#include <algorithm>
#include <vector>

namespace quire::verify {

using namespace PoDoFo;

namespace {

bool paints(const std::string& op) {
    static const std::set<std::string> painting = {"Tj", "TJ", "'", "\"", "S", "s", "f", "F", "f*", "B",
                                                   "B*", "b", "b*", "sh", "BI"};
    return painting.count(op) > 0;
}

// What an open BMC/BDC makes of the content inside it.
enum class Mark { other, real, artifact };

// The marked-content state a stream starts in: a form drawn inside real content or
// an artifact is inside it too.
struct Context {
    bool real = false;
    bool artifact = false;
};

class Walker {
public:
    Walker(const PdfAccess& pdf, const TaggedFail& fail, MarkedContentUse& use) : pdf_(pdf), fail_(fail), use_(use) {}

    void walk(const std::string& content, PdfObject* resources, const PdfObject* holder, Context context,
              const std::string& where, int depth);

private:
    const PdfAccess& pdf_;
    const TaggedFail& fail_;
    MarkedContentUse& use_;
    std::set<const PdfObject*> drawing_;  // forms being walked: a form drawing itself stops

    // The property list of a BDC: inline, or named in the resources' /Properties.
    PdfObject* properties(const PdfVariant& operand, PdfObject* resources, PdfObject& scratch) const {
        if (operand.IsDictionary()) {
            scratch = PdfObject(operand.GetDictionary());
            return &scratch;
        }
        if (operand.IsName()) return pdf_.key(pdf_.key(resources, "Properties"), operand.GetName().GetName().c_str());
        return nullptr;
    }
    Mark open(const std::vector<PdfVariant>& operands, bool bdc, PdfObject* resources, const PdfObject* holder, bool real,
              bool artifact, const std::string& where);
    void draw(const std::string& name, PdfObject* resources, const PdfObject* holder, Context context,
              const std::string& where, int depth);
};

// What a BMC or BDC opens, with the nesting rules: no artifact inside real content
// (01-003), no real content inside an artifact (01-004), each MCID once a holder.
Mark Walker::open(const std::vector<PdfVariant>& operands, bool bdc, PdfObject* resources, const PdfObject* holder,
                  bool real, bool artifact, const std::string& where) {
    const std::string tag = !operands.empty() && operands.front().IsName() ? operands.front().GetName().GetName() : "";
    PdfObject scratch;
    PdfObject* props = bdc && operands.size() >= 2 ? properties(operands[1], resources, scratch) : nullptr;
    PdfObject* mcid = pdf_.key(props, "MCID");
    if (tag == "Artifact") {
        if (real) fail_("", "7.1", "01-003", where + ": an artifact is marked inside tagged content");
        return Mark::artifact;
    }
    if (!mcid || !mcid->IsNumber()) return Mark::other;
    const std::string id = std::to_string(mcid->GetNumber());
    if (artifact) fail_("", "7.1", "01-004", where + ": tagged content (MCID " + id + ") is inside an artifact");
    if (!use_[holder].insert(mcid->GetNumber()).second) fail_("6.7.3.3", "7.1", "", where + ": MCID " + id + " marks two sequences");
    return Mark::real;
}

void Walker::walk(const std::string& content, PdfObject* resources, const PdfObject* holder, Context context,
                  const std::string& where, int depth) {
    std::vector<Mark> marks;  // the BMC/BDC open here
    bool said_untagged = false;
    auto inside = [&](Mark m) { return std::find(marks.begin(), marks.end(), m) != marks.end(); };
    for_each_operator(content, [&](const std::string& op, const std::vector<PdfVariant>& operands) {
        const bool real = context.real || inside(Mark::real);
        const bool artifact = context.artifact || inside(Mark::artifact);
        if (op == "BMC" || op == "BDC") {
            marks.push_back(open(operands, op == "BDC", resources, holder, real, artifact, where));
        } else if (op == "EMC") {
            if (marks.empty()) fail_("", "7.1", "", where + ": an EMC closes no marked content (ISO 32000-1 14.6)");
            else marks.pop_back();
        } else if (op == "Do" && !operands.empty() && operands.back().IsName()) {
            draw(operands.back().GetName().GetName(), resources, holder, {real, artifact}, where, depth);
        } else if (paints(op) && !real && !artifact && !said_untagged) {
            said_untagged = true;  // once a stream: the first is where to look
            fail_("", "7.1", "01-005", where + ": the operator " + op + " paints content neither tagged (a BDC with an MCID) nor marked as an artifact");
        }
    });
    if (!marks.empty()) {
        fail_("", "7.1", "", where + ": " + std::to_string(marks.size()) + " BMC/BDC without EMC (ISO 32000-1 14.6)");
    }
}

void Walker::draw(const std::string& name, PdfObject* resources, const PdfObject* holder, Context context,
                  const std::string& where, int depth) {
    PdfObject* xobject = pdf_.key(pdf_.key(resources, "XObject"), name.c_str());
    const std::string subtype = PdfAccess::name_of(pdf_.key(xobject, "Subtype"));
    if (subtype == "Image") {
        if (!context.real && !context.artifact) {
            fail_("", "7.1", "01-005", where + ": the image /" + name + " is drawn neither as tagged content nor as an artifact");
        }
        return;
    }
    if (subtype != "Form" || depth > 16 || !drawing_.insert(xobject).second) return;
    PdfObject* own = pdf_.key(xobject, "Resources");
    const PdfObject* form_holder = pdf_.key(xobject, "StructParents") ? xobject : holder;
    walk(PdfAccess::stream_bytes(xobject), own ? own : resources, form_holder, context, where + ", form /" + name, depth + 1);
    drawing_.erase(xobject);
}

}  // namespace

void check_marked_content(const PdfAccess& pdf, PdfObject* page, PdfObject* resources, const std::string& where,
                          const TaggedFail& fail, MarkedContentUse& use) {
    Walker walker(pdf, fail, use);
    const std::string content = page_content(pdf.key(page, "Contents"), [&](PdfObject* o) { return pdf.resolve(o); });
    walker.walk(content, resources, page, {}, where, 0);
}

}  // namespace quire::verify
