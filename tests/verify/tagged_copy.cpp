#include "tagged_copy.hpp"

#include "tool_run.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

namespace quire::test {

using namespace PoDoFo;

namespace {

bool is_type(PdfObject* o, const std::string& type) {
    if (!o || !o->IsDictionary()) return false;
    const PdfObject* s = o->GetDictionary().GetKey("S");
    return s && s->IsName() && s->GetName().GetName() == type;
}

}  // namespace

TaggedCopy::TaggedCopy(const std::string& pdf) {
    PdfError::EnableDebug(false);
    PdfError::EnableLogging(false);
    doc.Load(pdf.c_str());
    doc.SetWriteMode(ePdfWriteMode_Clean);  // as quire writes PDF/A
}

PdfObject* TaggedCopy::resolve(PdfObject* o) {
    return o && o->IsReference() ? doc.GetObjects().GetObject(o->GetReference()) : o;
}

PdfObject* TaggedCopy::root() {
    PdfObject* r = resolve(catalog()->GetDictionary().GetKey("StructTreeRoot"));
    REQUIRE(r);
    return r;
}

PdfObject* TaggedCopy::element(const std::string& type, int nth) {
    std::set<PdfObject*> seen;
    PdfObject* found = nullptr;
    std::function<void(PdfObject*)> walk = [&](PdfObject* e) {
        if (found || !e || !e->IsDictionary() || !seen.insert(e).second) return;
        if (is_type(e, type) && nth-- == 0) {
            found = e;
            return;
        }
        PdfObject* k = e->GetDictionary().GetKey("K");
        if (!k) return;
        if (k->IsArray()) {
            for (PdfObject& kid : k->GetArray()) {
                if (kid.IsReference()) walk(resolve(&kid));
            }
        } else if (k->IsReference()) {
            walk(resolve(k));
        }
    };
    walk(root());
    INFO("a " << type << " element");
    REQUIRE(found);
    return found;
}

PdfObject* TaggedCopy::add_element(const std::string& type, PdfObject* parent) {
    PdfObject* e = doc.GetObjects().CreateObject("StructElem");
    e->GetDictionary().AddKey("S", PdfName(type));
    e->GetDictionary().AddKey("P", parent->Reference());
    PdfObject* k = parent->GetDictionary().GetKey("K");
    if (!k || !k->IsArray()) {
        PdfArray kids;
        if (k) kids.push_back(*k);
        parent->GetDictionary().AddKey("K", kids);
        k = parent->GetDictionary().GetKey("K");
    }
    k->GetArray().push_back(e->Reference());
    return e;
}

namespace {

// The parent tree's entry for `key` (quire writes one /Nums array).
PdfObject* parent_entry(TaggedCopy& t, long long key) {
    PdfObject* tree = t.resolve(t.root()->GetDictionary().GetKey("ParentTree"));
    REQUIRE(tree);
    PdfObject* nums = t.resolve(tree->GetDictionary().GetKey("Nums"));
    REQUIRE(nums);
    PdfArray& a = nums->GetArray();
    for (std::size_t i = 0; i + 1 < a.size(); i += 2) {
        if (a[i].IsNumber() && a[i].GetNumber() == key) return t.resolve(&a[i + 1]);
    }
    FAIL("no parent tree entry " << key);
    return nullptr;
}

}  // namespace

PdfArray& TaggedCopy::page_parents(int index) {
    PdfObject* key = page(index)->GetDictionary().GetKey("StructParents");
    REQUIRE(key);
    PdfObject* entry = parent_entry(*this, key->GetNumber());
    REQUIRE(entry->IsArray());
    return entry->GetArray();
}

TaggedCopy::Annotation TaggedCopy::annotation(const std::string& subtype) {
    for (int i = 0; i < doc.GetPageCount(); ++i) {
        PdfObject* annots = resolve(page(i)->GetDictionary().GetKey("Annots"));
        if (!annots) continue;
        for (PdfObject& item : annots->GetArray()) {
            PdfObject* annot = resolve(&item);
            const PdfObject* s = annot->GetDictionary().GetKey("Subtype");
            const PdfObject* key = annot->GetDictionary().GetKey("StructParent");
            if (s && s->GetName().GetName() == subtype && key) return {annot, i, parent_entry(*this, key->GetNumber())};
        }
    }
    FAIL("no " << subtype << " annotation with a /StructParent");
    return {};
}

void TaggedCopy::append_content(int index, const std::string& content) {
    PdfPage* p = doc.GetPage(index);
    std::vector<PdfObject*> parts;
    PdfObject* contents = resolve(p->GetObject()->GetDictionary().GetKey("Contents"));
    if (contents && contents->IsArray()) {
        for (PdfObject& part : contents->GetArray()) parts.push_back(resolve(&part));
    } else if (contents) {
        parts.push_back(contents);
    }
    std::string all;
    for (PdfObject* part : parts) {
        char* buffer = nullptr;
        pdf_long length = 0;
        part->GetStream()->GetFilteredCopy(&buffer, &length);
        all.append(buffer, static_cast<std::size_t>(length));
        all += "\n";
        podofo_free(buffer);
    }
    all += content;
    PdfObject* stream = doc.GetObjects().CreateObject();
    stream->GetStream()->Set(all.data(), static_cast<pdf_long>(all.size()));
    p->GetObject()->GetDictionary().AddKey("Contents", stream->Reference());
}

void TaggedCopy::edit_xmp(const std::function<void(std::string&)>& edit) {
    PdfObject* metadata = resolve(catalog()->GetDictionary().GetKey("Metadata"));
    REQUIRE(metadata);
    char* buffer = nullptr;
    pdf_long length = 0;
    metadata->GetStream()->GetFilteredCopy(&buffer, &length);
    std::string xmp(buffer, static_cast<std::size_t>(length));
    podofo_free(buffer);
    edit(xmp);
    metadata->GetStream()->Set(xmp.data(), static_cast<pdf_long>(xmp.size()), TVecFilters());
}

std::string TaggedCopy::write() {
    static ScratchDir dir;
    static int n = 0;
    const std::string out = dir.file("tagged-" + std::to_string(++n) + ".pdf");
    doc.Write(out.c_str());
    return out;
}

std::vector<verify::Failure> TaggedCopy::verify(const verify::Options& options) {
    return verify::check_pdfa(write(), options).failures;
}

std::vector<verify::Failure> verify_changed(const std::string& pdf, const std::function<void(TaggedCopy&)>& change,
                                            const verify::Options& options) {
    TaggedCopy t(pdf);
    change(t);
    return t.verify(options);
}

void untag(TaggedCopy& t) {
    t.catalog()->GetDictionary().RemoveKey("StructTreeRoot");
    t.catalog()->GetDictionary().RemoveKey("MarkInfo");
    t.edit_xmp([](std::string& xmp) {
        replace(xmp, "<pdfaid:conformance>A</pdfaid:conformance>", "<pdfaid:conformance>U</pdfaid:conformance>");
        replace(xmp, "<pdfuaid:part>1</pdfuaid:part>", "");
    });
}

void replace(std::string& text, const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    INFO("looking for " << from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
}

bool fails_under(const std::vector<verify::Failure>& failures, const std::string& clause, const std::string& words) {
    for (const verify::Failure& f : failures) UNSCOPED_INFO(f.clause << ": " << f.message);
    return std::any_of(failures.begin(), failures.end(), [&](const verify::Failure& f) {
        return f.clause == clause && f.message.find(words) != std::string::npos;
    });
}

bool has_ua_clause(const std::vector<verify::Failure>& failures) {
    return std::any_of(failures.begin(), failures.end(), [](const verify::Failure& f) { return f.clause.rfind("UA ", 0) == 0; });
}

}  // namespace quire::test
