#include "verify/pdfa_check.hpp"

#include "verify/file_syntax.hpp"
#include "verify/catalog_rules.hpp"
#include "verify/cid_set.hpp"
#include "verify/content_ops.hpp"
#include "verify/graphics_rules.hpp"
#include "verify/limits_check.hpp"
#include "verify/pdfx_rules.hpp"
#include "verify/pdf_access.hpp"
#include "verify/tagged_rules.hpp"
#include "verify/xmp_access.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <podofo/podofo.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <set>

namespace quire::verify {

using namespace PoDoFo;

namespace {

// PoDoFo tells literal (...) from hex <...> strings: either is a string here.
bool is_string(const PdfVariant* v) { return v && (v->IsString() || v->IsHexString()); }

std::string ref_text(const PdfObject* o) {
    if (!o || o->Reference().ObjectNumber() == 0) return "";
    return " (object " + std::to_string(o->Reference().ObjectNumber()) + ")";
}

class Checker {
public:
    Checker(PdfMemDocument& doc, std::vector<Failure>& failures, const Options& options, bool file_has_info)
        : doc_(doc), failures_(failures), level_u_(options.level_u || options.level_a), level_a_(options.level_a),
          claims_from_xmp_(options.claims_from_xmp), house_rules_(options.house_rules),
          file_has_info_(file_has_info) {}

    void run();

private:
    // -- plumbing
    void fail(const std::string& clause, const std::string& message) {
        if (said_.insert(clause + message).second) failures_.push_back({clause, message});
    }
    // `fail` for the rules kept in their own files (graphics_rules, limits_check, ...).
    const Fail report_ = [this](const std::string& clause, const std::string& message) { fail(clause, message); };
    PdfObject* resolve(PdfObject* o) { return pdf_.resolve(o); }
    PdfObject* key(PdfObject* dict, const char* name) { return pdf_.key(dict, name); }
    std::string name_of(PdfObject* o) { return PdfAccess::name_of(o); }
    std::optional<long long> integer(PdfObject* o) {
        if (o && o->IsNumber()) return o->GetNumber();
        if (o && o->IsReal()) return static_cast<long long>(o->GetReal());
        return std::nullopt;
    }
    std::string stream_bytes(PdfObject* o) { return PdfAccess::stream_bytes(o); }
    bool type_is(PdfObject* o, const char* type) { return name_of(key(o, "Type")) == type; }

    // -- the rules
    void check_catalog();
    void check_metadata(PdfObject* catalog);
    void check_claims(xmlNodePtr root);
    void check_output_intents(PdfObject* catalog);
    void check_annotation(PdfObject* annot);
    void check_action(PdfObject* action, const std::string& where);
    void check_font(PdfObject* font);
    void check_pages();
    void check_page_text(PdfPage* page, int number);
    // A content stream (a page's or a form's): its inline images and its limits.
    void check_content(PdfObject* stream, const std::string& where) {
        const std::string bytes = stream_bytes(stream);
        check_inline_images(bytes, where, report_);
        check_content_limits(bytes, where, report_);
    }

    PdfMemDocument& doc_;
    PdfAccess pdf_{doc_};
    std::vector<Failure>& failures_;
    bool level_u_;
    bool level_a_;          // asked for, or claimed by the XMP (then level U's rules too)
    bool claims_from_xmp_;
    bool ua_ = false;       // the XMP claims PDF/UA-1
    bool xmp_title_ = false;
    bool house_rules_;
    bool file_has_info_;  // PoDoFo makes an Info dictionary when the file has none
    std::set<std::string> said_;
    std::set<const PdfObject*> seen_resources_, seen_fonts_;
    void visit_resources(PdfObject* resources, int depth = 0);
    void visit_appearance(PdfObject* annot);
    std::set<std::string> intent_spaces_;  // "RGB ", "CMYK", "GRAY"
    std::string xmp_;
};

// ---------------------------------------------------------------- metadata

struct XmlDoc {
    xmlDocPtr doc = nullptr;
    ~XmlDoc() {
        if (doc) xmlFreeDoc(doc);
    }
};

void silent(void*, xmlErrorPtr) {}

void Checker::check_metadata(PdfObject* catalog) {
    PdfObject* metadata = key(catalog, "Metadata");
    if (!metadata || !metadata->HasStream()) {
        fail("6.6.2.1", "the catalog has no metadata stream");
        return;
    }
    xmp_ = stream_bytes(metadata);
    // 6.6.2.1: the XMP packet header carries neither bytes nor encoding attributes.
    const std::size_t header = xmp_.find("<?xpacket begin=");
    if (header != std::string::npos) {
        const std::size_t end = xmp_.find("?>", header);
        const std::string h = xmp_.substr(header, end == std::string::npos ? std::string::npos : end - header);
        if (h.find("bytes=") != std::string::npos || h.find("encoding=") != std::string::npos) {
            fail("6.6.2.1", "the XMP packet header has a bytes or encoding attribute");
        }
    }
    xmlSetStructuredErrorFunc(nullptr, silent);
    XmlDoc xml;
    xml.doc = xmlReadMemory(xmp_.data(), static_cast<int>(xmp_.size()), "metadata.xmp", nullptr,
                            XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    xmlSetStructuredErrorFunc(nullptr, nullptr);
    if (!xml.doc) {
        fail("6.6.2.1", "the metadata stream is not well-formed XML");
        return;
    }
    xmlNodePtr root = xmlDocGetRootElement(xml.doc);
    const char* pdfaid = "http://www.aiim.org/pdfa/ns/id/";
    const auto part = xmp_value(root, pdfaid, "part");
    const auto conformance = xmp_value(root, pdfaid, "conformance");
    // 6.6.4: the identification schema's prefix is pdfaid.
    for (std::size_t at = 0; (at = xmp_.find("\"http://www.aiim.org/pdfa/ns/id/\"", at)) != std::string::npos; ++at) {
        const std::size_t xmlns = xmp_.rfind("xmlns:", at);
        if (xmlns != std::string::npos && at - xmlns < 40) {
            const std::string prefix = xmp_.substr(xmlns + 6, xmp_.find('=', xmlns) - xmlns - 6);
            if (prefix != "pdfaid") fail("6.6.4", "the PDF/A identification schema has the prefix \"" + prefix + "\", not pdfaid");
        }
    }
    // 6.6.4: pdfaid:part 2 and a conformance level (U for level U).
    if (!part || *part != "2") {
        fail("6.6.4", "the XMP metadata does not identify the file as PDF/A-2 (pdfaid:part " +
                          (part ? "\"" + *part + "\"" : std::string("missing")) + ")");
    }
    if (!conformance || (*conformance != "A" && *conformance != "B" && *conformance != "U")) {
        fail("6.6.4", "the XMP metadata has no valid pdfaid:conformance (A, B or U)");
    } else if (level_a_ && *conformance != "A") {
        fail("6.6.4", "pdfaid:conformance is " + *conformance + ", not A (level A was asked for)");
    } else if (level_u_ && *conformance == "B") {
        fail("6.6.4", "pdfaid:conformance is B, not U (level U was asked for)");
    }
    check_claims(root);

    // quire's house rule (PDF/A-1 6.7.3; ISO 19005-2 6.1.5 no longer asks it): Info
    // entries with an XMP analogue say the same in the XMP. ModDate is left out:
    // PoDoFo rewrites it while loading a file with incremental updates.
    if (!house_rules_) return;
    PdfObject* info = file_info(doc_, pdf_, file_has_info_);
    if (!info) return;
    struct Pair {
        const char* info_key;
        const char* ns;
        const char* name;
        bool date;
    };
    const char* dc = "http://purl.org/dc/elements/1.1/";
    const char* pdf = "http://ns.adobe.com/pdf/1.3/";
    const char* xmp = "http://ns.adobe.com/xap/1.0/";
    for (const Pair& p : {Pair{"Title", dc, "title", false}, Pair{"Author", dc, "creator", false},
                          Pair{"Subject", dc, "description", false}, Pair{"Keywords", pdf, "Keywords", false},
                          Pair{"Creator", xmp, "CreatorTool", false}, Pair{"Producer", pdf, "Producer", false},
                          Pair{"CreationDate", xmp, "CreateDate", true}}) {
        PdfObject* value = key(info, p.info_key);
        if (!value || !is_string(value)) continue;
        const std::string text = value->GetString().GetStringUtf8();
        const auto in_xmp = xmp_value(root, p.ns, p.name);
        bool same = in_xmp && *in_xmp == text;
        if (p.date && in_xmp) {
            const auto a = date_seconds(text), b = date_seconds(*in_xmp);
            same = a && b && *a == *b;
        }
        if (!same) {
            fail("6.1.5", std::string("(house rule) the Info entry ") + p.info_key + " does not agree with the XMP metadata (" +
                              (in_xmp ? "\"" + *in_xmp + "\"" : std::string("missing")) + " there)");
        }
    }
}

// What the XMP claims beyond the flavour asked for: level A, PDF/UA-1. A PDF/A file
// that says so with the pdfuaid schema describes it in a PDF/A extension schema
// (6.6.2.3: properties outside XMP's and PDF/A's own schemas are described there).
void Checker::check_claims(xmlNodePtr root) {
    const char* pdfaid = "http://www.aiim.org/pdfa/ns/id/";
    const char* pdfuaid = "http://www.aiim.org/pdfua/ns/id/";
    const auto conformance = xmp_value(root, pdfaid, "conformance");
    if (claims_from_xmp_ && conformance && *conformance == "A") level_a_ = level_u_ = true;
    const auto ua_part = xmp_value(root, pdfuaid, "part");
    ua_ = claims_from_xmp_ && ua_part && *ua_part == "1";
    const auto title = xmp_value(root, "http://purl.org/dc/elements/1.1/", "title");
    xmp_title_ = title && !title->empty();
    if (uses_namespace(root, pdfuaid) && !described_namespaces(root).count(pdfuaid)) {
        fail("6.6.2.3", "the XMP uses the PDF/UA identification schema (pdfuaid) without describing it in a PDF/A extension schema");
    }
}

// ---------------------------------------------------------------- output intents

void Checker::check_output_intents(PdfObject* catalog) {
    PdfObject* intents = key(catalog, "OutputIntents");
    if (!intents || !intents->IsArray()) return;
    std::optional<PdfReference> profile_ref;
    for (PdfObject& item : intents->GetArray()) {
        PdfObject* intent = resolve(&item);
        PdfObject* raw_profile = intent && intent->IsDictionary() ? intent->GetDictionary().GetKey(PdfName("DestOutputProfile")) : nullptr;
        // 6.2.3: the PDF/A output intent carries its profile in the file; no intent
        // refers to one outside it (DestOutputProfileRef).
        if (intent && intent->IsDictionary() && intent->GetDictionary().HasKey("DestOutputProfileRef")) {
            fail("6.2.3", "an OutputIntent refers to an external profile (DestOutputProfileRef)");
        }
        if (!raw_profile) {
            if (name_of(key(intent, "S")) == "GTS_PDFA1") fail("6.2.3", "the PDF/A OutputIntent (GTS_PDFA1) has no DestOutputProfile");
            continue;
        }
        // 6.2.3: every OutputIntent with a profile uses the same profile.
        if (raw_profile->IsReference()) {
            if (profile_ref && !(*profile_ref == raw_profile->GetReference())) {
                fail("6.2.3", "the OutputIntents have different DestOutputProfiles");
            }
            profile_ref = raw_profile->GetReference();
        }
        PdfObject* profile = resolve(raw_profile);
        const std::string data = stream_bytes(profile);
        if (data.size() < 128 || data.compare(36, 4, "acsp") != 0) {
            fail("6.2.3", "the DestOutputProfile is not an ICC profile");
            continue;
        }
        const std::string device_class = data.substr(12, 4);
        const std::string space = data.substr(16, 4);
        if (device_class != "prtr" && device_class != "mntr") {
            fail("6.2.3", "the DestOutputProfile is a '" + device_class + "' profile, not an output ('prtr') or monitor ('mntr') one");
        }
        const int components = space == "RGB " ? 3 : space == "CMYK" ? 4 : space == "GRAY" ? 1 : 0;
        if (components == 0) fail("6.2.3", "the DestOutputProfile's colour space '" + space + "' is not Gray, RGB or CMYK");
        const auto n = integer(key(profile, "N"));
        if (n && components && *n != components) {
            fail("6.2.3", "the DestOutputProfile's /N " + std::to_string(*n) + " does not match its colour space");
        }
        if (static_cast<unsigned char>(data[8]) > 4) {
            fail("6.2.3", "the DestOutputProfile's ICC version is above 4");
        }
        if (name_of(key(intent, "S")) == "GTS_PDFA1") intent_spaces_.insert(space);
    }
}

// ---------------------------------------------------------------- annotations, actions

void Checker::check_action(PdfObject* action, const std::string& where) {
    for (int chain = 0; action && action->IsDictionary() && chain < 64; ++chain) {
        const std::string s = name_of(key(action, "S"));
        static const std::set<std::string> forbidden = {"Launch", "Sound",  "Movie",      "ResetForm", "ImportData", "Hide",
                                                        "SetOCGState", "Rendition", "Trans", "GoTo3DView", "JavaScript"};
        static const std::set<std::string> allowed = {"GoTo", "GoToR", "GoToE", "Thread", "URI", "Named", "SubmitForm"};
        if (forbidden.count(s)) {
            fail("6.5.1", where + ": a " + s + " action, which PDF/A forbids");
        } else if (!allowed.count(s)) {
            fail("6.5.1", where + ": an action of unknown type \"" + s + "\"");
        } else if (s == "Named") {
            const std::string n = name_of(key(action, "N"));
            if (n != "NextPage" && n != "PrevPage" && n != "FirstPage" && n != "LastPage") {
                fail("6.5.1", where + ": a named action \"" + n + "\" other than NextPage, PrevPage, FirstPage, LastPage");
            }
        }
        PdfObject* next = key(action, "Next");
        if (next && next->IsArray()) {
            for (PdfObject& n : next->GetArray()) check_action(resolve(&n), where);
            break;
        }
        action = next;
    }
}

void Checker::check_annotation(PdfObject* annot) {
    const std::string subtype = name_of(key(annot, "Subtype"));
    const std::string where = "annotation" + ref_text(annot);
    static const std::set<std::string> known = {
        "Text",     "Link",      "FreeText", "Line",      "Square",      "Circle",  "Polygon", "PolyLine",
        "Highlight", "Underline", "Squiggly", "StrikeOut", "Stamp",       "Caret",   "Ink",     "Popup",
        "FileAttachment", "Widget", "PrinterMark", "TrapNet", "Watermark", "Redact"};
    // 6.3.1: only the types of ISO 32000-1 Table 169, less 3D, Sound, Screen, Movie.
    if (!known.count(subtype)) {
        fail("6.3.1", where + ": annotation type \"" + subtype + "\" is not permitted");
    }
    // 6.3.2: a printable, visible annotation.
    if (subtype != "Popup") {
        const auto flags = integer(key(annot, "F"));
        if (!flags) {
            fail("6.3.2", where + ": no /F flags (Print must be set)");
        } else {
            if (!(*flags & 4)) fail("6.3.2", where + ": the Print flag is not set");
            if (*flags & (1 | 2 | 32 | 256)) fail("6.3.2", where + ": Invisible, Hidden, NoView or ToggleNoView is set");
        }
    }
    // 6.3.3: an appearance (only /N) for all but Popup, Link and zero-size annotations.
    PdfObject* ap = key(annot, "AP");
    bool zero = false;
    if (PdfObject* rect = key(annot, "Rect"); rect && rect->IsArray() && rect->GetArray().size() == 4) {
        auto v = [&](int i) {
            PdfObject* o = resolve(&rect->GetArray()[i]);
            return o && o->IsNumber() ? static_cast<double>(o->GetNumber()) : o && o->IsReal() ? o->GetReal() : 0.0;
        };
        zero = v(0) == v(2) && v(1) == v(3);
    }
    if (!ap) {
        if (subtype != "Popup" && subtype != "Link" && !zero) fail("6.3.3", where + ": no appearance stream (/AP)");
    } else if (ap->IsDictionary()) {
        for (const auto& [k, value] : ap->GetDictionary().GetKeys()) {
            if (k.GetName() != "N") fail("6.3.3", where + ": the appearance dictionary has /" + k.GetName() + " besides /N");
        }
        PdfObject* n = key(ap, "N");
        PdfObject* parent = key(annot, "Parent");
        std::string ft = name_of(key(annot, "FT"));
        if (ft.empty()) ft = name_of(key(parent, "FT"));
        if (!n) {
            fail("6.3.3", where + ": the appearance dictionary has no /N");
        } else if (subtype == "Widget" && ft == "Btn") {
            if (!n->IsDictionary() || n->HasStream()) fail("6.3.3", where + ": a button's normal appearance is not a subdictionary");
        } else if (!n->HasStream()) {
            fail("6.3.3", where + ": the normal appearance is not a stream");
        }
    }
    if (PdfObject* a = key(annot, "A")) check_action(a, where);
    // 6.5.2: no additional actions on widgets.
    if (subtype == "Widget" && key(annot, "AA")) fail("6.5.2", where + ": a widget with additional actions (/AA)");
}

// ---------------------------------------------------------------- fonts

struct FtLibrary {
    FT_Library lib = nullptr;
    FtLibrary() { FT_Init_FreeType(&lib); }
    ~FtLibrary() {
        if (lib) FT_Done_FreeType(lib);
    }
};

// The font program's glyph count and advance widths (in 1/1000 em) by glyph id.
struct FontProgram {
    bool loaded = false;
    long glyphs = 0;
    std::vector<double> widths;
};

FontProgram read_program(const std::string& data) {
    static FtLibrary ft;
    FontProgram out;
    FT_Face face = nullptr;
    if (!ft.lib || data.empty() ||
        FT_New_Memory_Face(ft.lib, reinterpret_cast<const FT_Byte*>(data.data()), static_cast<FT_Long>(data.size()), 0, &face)) {
        return out;
    }
    out.loaded = true;
    out.glyphs = face->num_glyphs;
    const double upem = face->units_per_EM ? face->units_per_EM : 1000;
    out.widths.resize(static_cast<std::size_t>(face->num_glyphs), -1);
    for (long g = 0; g < face->num_glyphs && g < 70000; ++g) {
        if (FT_Load_Glyph(face, static_cast<FT_UInt>(g), FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING) == 0) {
            out.widths[static_cast<std::size_t>(g)] = face->glyph->metrics.horiAdvance * 1000.0 / upem;
        }
    }
    FT_Done_Face(face);
    return out;
}

// bfchar / bfrange of a ToUnicode CMap, 2-byte or 1-byte codes: code -> UTF-16 units.
std::map<unsigned, std::u16string> parse_to_unicode(const std::string& cmap) {
    std::map<unsigned, std::u16string> out;
    auto hex_value = [](const std::string& h) {
        std::u16string units;
        for (std::size_t i = 0; i + 4 <= h.size(); i += 4) units.push_back(static_cast<char16_t>(std::stoul(h.substr(i, 4), nullptr, 16)));
        if (h.size() == 2) units.push_back(static_cast<char16_t>(std::stoul(h, nullptr, 16)));
        return units;
    };
    std::vector<std::string> tokens;
    for (std::size_t i = 0; i < cmap.size();) {
        const char c = cmap[i];
        if (c == '<') {
            const std::size_t e = cmap.find('>', i);
            if (e == std::string::npos) break;
            std::string h;
            for (std::size_t k = i + 1; k < e; ++k) {
                if (std::isxdigit(static_cast<unsigned char>(cmap[k]))) h += cmap[k];
            }
            tokens.push_back("<" + h);
            i = e + 1;
        } else if (c == '[' || c == ']') {
            tokens.push_back(std::string(1, c));
            ++i;
        } else if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
        } else {
            std::size_t e = i;
            while (e < cmap.size() && !std::isspace(static_cast<unsigned char>(cmap[e])) && cmap[e] != '<' && cmap[e] != '[' && cmap[e] != ']') ++e;
            tokens.push_back(cmap.substr(i, e - i));
            i = e;
        }
    }
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i] == "beginbfchar") {
            for (++i; i + 1 < tokens.size() && tokens[i] != "endbfchar"; i += 2) {
                if (tokens[i][0] != '<' || tokens[i + 1][0] != '<') continue;
                out[static_cast<unsigned>(std::stoul("0" + tokens[i].substr(1), nullptr, 16))] = hex_value(tokens[i + 1].substr(1));
            }
        } else if (tokens[i] == "beginbfrange") {
            for (++i; i + 2 < tokens.size() && tokens[i] != "endbfrange";) {
                const unsigned lo = static_cast<unsigned>(std::stoul("0" + tokens[i].substr(1), nullptr, 16));
                const unsigned hi = static_cast<unsigned>(std::stoul("0" + tokens[i + 1].substr(1), nullptr, 16));
                if (tokens[i + 2] == "[") {
                    std::size_t k = i + 3;
                    for (unsigned code = lo; k < tokens.size() && tokens[k] != "]"; ++k, ++code) out[code] = hex_value(tokens[k].substr(1));
                    i = k + 1;
                } else {
                    std::u16string base = hex_value(tokens[i + 2].substr(1));
                    for (unsigned code = lo; code <= hi && code - lo < 65536; ++code) {
                        out[code] = base;
                        if (!base.empty()) ++base.back();
                    }
                    i += 3;
                }
            }
        }
    }
    return out;
}

struct FontInfo {
    bool composite = false;
    bool identity = false;         // Identity-H/V encoding: 2-byte codes = CIDs
    bool cid_to_gid_identity = true;
    std::string cid_to_gid;        // stream CIDToGIDMap (2 bytes per CID)
    std::optional<std::map<unsigned, std::u16string>> to_unicode;
    FontProgram program;
    std::map<unsigned, double> widths;  // CID -> /W width
    double default_width = 1000;
    bool has_program = false;
    bool simple = false;
    std::string name;
};

void Checker::check_font(PdfObject* font) {
    const std::string subtype = name_of(key(font, "Subtype"));
    const std::string where = "font " + name_of(key(font, "BaseFont")) + ref_text(font);
    if (subtype == "Type0") {
        PdfObject* descendants = key(font, "DescendantFonts");
        PdfObject* cid = descendants && descendants->IsArray() && !descendants->GetArray().empty()
                             ? resolve(&descendants->GetArray()[0])
                             : nullptr;
        PdfObject* encoding = key(font, "Encoding");
        // 6.2.11.3.3: a predefined CMap name, or an embedded CMap whose WMode agrees.
        if (encoding && encoding->HasStream()) {
            const std::string cmap = stream_bytes(encoding);
            const auto dict_wmode = integer(key(encoding, "WMode")).value_or(0);
            std::size_t at = cmap.find("/WMode");
            if (at != std::string::npos) {
                std::size_t i = at + 6;
                while (i < cmap.size() && std::isspace(static_cast<unsigned char>(cmap[i]))) ++i;
                if (i < cmap.size() && std::isdigit(static_cast<unsigned char>(cmap[i])) && cmap[i] - '0' != dict_wmode) {
                    fail("6.2.11.3.3", where + ": the embedded CMap's WMode differs from its dictionary's");
                }
            }
            PdfObject* use = key(encoding, "UseCMap");
            if (use && !use->IsName() && !use->HasStream()) fail("6.2.11.3.3", where + ": UseCMap is neither a name nor a stream");
            // 6.2.11.3.1: the CMap's and the CIDFont's character collections agree.
            PdfObject* csi_cmap = key(encoding, "CIDSystemInfo");
            PdfObject* csi_font = key(cid, "CIDSystemInfo");
            if (csi_cmap && csi_font) {
                auto str = [&](PdfObject* d, const char* k) {
                    PdfObject* o = key(d, k);
                    return o && is_string(o) ? o->GetString().GetStringUtf8() : std::string();
                };
                if (str(csi_cmap, "Registry") != str(csi_font, "Registry") || str(csi_cmap, "Ordering") != str(csi_font, "Ordering")) {
                    fail("6.2.11.3.1", where + ": the CMap's CIDSystemInfo does not match the CIDFont's");
                }
            }
        } else if (encoding && encoding->IsName()) {
            static const std::set<std::string> predefined = {
                "Identity-H", "Identity-V", "GB-EUC-H", "GB-EUC-V", "GBpc-EUC-H", "GBpc-EUC-V", "GBK-EUC-H", "GBK-EUC-V",
                "GBK2K-H", "GBK2K-V", "UniGB-UCS2-H", "UniGB-UCS2-V", "UniGB-UTF16-H", "UniGB-UTF16-V", "B5pc-H",
                "B5pc-V", "HKscs-B5-H", "HKscs-B5-V", "ETen-B5-H", "ETen-B5-V", "ETenms-B5-H", "ETenms-B5-V",
                "CNS-EUC-H", "CNS-EUC-V", "UniCNS-UCS2-H", "UniCNS-UCS2-V", "UniCNS-UTF16-H", "UniCNS-UTF16-V",
                "83pv-RKSJ-H", "90ms-RKSJ-H", "90ms-RKSJ-V", "90msp-RKSJ-H", "90msp-RKSJ-V", "90pv-RKSJ-H", "Add-RKSJ-H",
                "Add-RKSJ-V", "EUC-H", "EUC-V", "Ext-RKSJ-H", "Ext-RKSJ-V", "H", "V", "UniJIS-UCS2-H", "UniJIS-UCS2-V",
                "UniJIS-UCS2-HW-H", "UniJIS-UCS2-HW-V", "UniJIS-UTF16-H", "UniJIS-UTF16-V", "KSC-EUC-H", "KSC-EUC-V",
                "KSCms-UHC-H", "KSCms-UHC-V", "KSCms-UHC-HW-H", "KSCms-UHC-HW-V", "KSCpc-EUC-H", "UniKS-UCS2-H",
                "UniKS-UCS2-V", "UniKS-UTF16-H", "UniKS-UTF16-V"};
            if (!predefined.count(encoding->GetName().GetName())) {
                fail("6.2.11.3.3", where + ": encoding " + encoding->GetName().GetName() + " is not a predefined CMap and not embedded");
            }
            // 6.2.11.3.1: a predefined CMap's character collection is the CIDFont's.
            const std::string cmap = encoding->GetName().GetName();
            std::string ordering;
            if (cmap.find("GB") != std::string::npos) ordering = "GB1";
            else if (cmap.find("CNS") != std::string::npos || cmap.find("B5") != std::string::npos) ordering = "CNS1";
            else if (cmap.find("KS") != std::string::npos) ordering = "Korea1";
            else if (cmap.rfind("Identity", 0) != 0 && predefined.count(cmap)) ordering = "Japan1";
            PdfObject* csi_font = key(cid, "CIDSystemInfo");
            if (!ordering.empty() && csi_font) {
                PdfObject* reg = key(csi_font, "Registry");
                PdfObject* ord = key(csi_font, "Ordering");
                if (!reg || !is_string(reg) || reg->GetString().GetStringUtf8() != "Adobe" || !ord || !is_string(ord) ||
                    ord->GetString().GetStringUtf8() != ordering) {
                    fail("6.2.11.3.1", where + ": the CIDFont's character collection is not Adobe-" + ordering + ", the CMap " + cmap + "'s");
                }
            }
        }
        return;
    }
    if (subtype == "CIDFontType2") {
        // 6.2.11.3.2: a CIDFontType2 maps CIDs to glyphs.
        PdfObject* map = key(font, "CIDToGIDMap");
        if (!map || !((map->IsName() && map->GetName().GetName() == "Identity") || map->HasStream())) {
            fail("6.2.11.3.2", where + ": a CIDFontType2 without a CIDToGIDMap (Identity or a stream)");
        }
    }
    if (subtype == "Type1" || subtype == "MMType1" || subtype == "TrueType" || subtype == "CIDFontType0" ||
        subtype == "CIDFontType2") {
        // 6.2.11.4.1: the font program is embedded.
        PdfObject* descriptor = key(font, "FontDescriptor");
        if (!key(descriptor, "FontFile") && !key(descriptor, "FontFile2") && !key(descriptor, "FontFile3")) {
            fail("6.2.11.4.1", where + ": the font program is not embedded");
        }
        // 6.2.11.4.2: a CIDSet lists the program's CIDs. Read for TrueType and OpenType
        // programs, whose CIDs are glyph ids (through CIDToGIDMap for TrueType); a bare
        // CFF's charset is not.
        PdfObject* file = key(descriptor, "FontFile2");
        if (!file && name_of(key(key(descriptor, "FontFile3"), "Subtype")) == "OpenType") file = key(descriptor, "FontFile3");
        if (file && key(descriptor, "CIDSet") && (subtype == "CIDFontType2" || subtype == "CIDFontType0")) {
            const FontProgram program = read_program(stream_bytes(file));
            if (program.loaded) check_cid_set(pdf_, font, program.glyphs, where, report_);
        }
    }
}

// Text shown with composite (Identity) fonts: every code maps to Unicode (6.2.11.7.2),
// draws no .notdef (6.2.11.8), and its width agrees with the font program (6.2.11.5).
void Checker::check_page_text(PdfPage* page, int number) {
    std::map<std::string, std::unique_ptr<FontInfo>> cache;
    PdfObject* resources = page->GetResources();
    PdfObject* fonts = resolve(key(resources, "Font"));
    auto font_info = [&](const std::string& resource) -> FontInfo* {
        auto found = cache.find(resource);
        if (found != cache.end()) return found->second.get();
        auto info = std::make_unique<FontInfo>();
        PdfObject* font = key(fonts, resource.c_str());
        info->name = name_of(key(font, "BaseFont"));
        if (name_of(key(font, "Subtype")) == "Type0") {
            info->composite = true;
            const std::string enc = name_of(key(font, "Encoding"));
            info->identity = enc == "Identity-H" || enc == "Identity-V";
            if (PdfObject* tu = key(font, "ToUnicode"); tu && tu->HasStream()) info->to_unicode = parse_to_unicode(stream_bytes(tu));
            PdfObject* descendants = key(font, "DescendantFonts");
            PdfObject* cid = descendants && descendants->IsArray() && !descendants->GetArray().empty()
                                 ? resolve(&descendants->GetArray()[0])
                                 : nullptr;
            if (PdfObject* map = key(cid, "CIDToGIDMap"); map && map->HasStream()) {
                info->cid_to_gid_identity = false;
                info->cid_to_gid = stream_bytes(map);
            }
            PdfObject* descriptor = key(cid, "FontDescriptor");
            PdfObject* file = key(descriptor, "FontFile2");
            if (!file) file = key(descriptor, "FontFile3");
            const bool cff_cid = name_of(key(cid, "Subtype")) == "CIDFontType0";
            // A bare CID-keyed CFF maps CIDs through its charset: leave it to others.
            if (file && !(cff_cid && name_of(key(file, "Subtype")) != "OpenType")) {
                info->program = read_program(stream_bytes(file));
                info->has_program = info->program.loaded;
            }
            if (auto dw = integer(key(cid, "DW"))) info->default_width = static_cast<double>(*dw);
            if (PdfObject* w = key(cid, "W"); w && w->IsArray()) {
                const PdfArray& a = w->GetArray();
                auto num = [&](std::size_t i) {
                    PdfObject* o = resolve(const_cast<PdfObject*>(&a[i]));
                    return o && o->IsNumber() ? static_cast<double>(o->GetNumber()) : o && o->IsReal() ? o->GetReal() : 0.0;
                };
                for (std::size_t i = 0; i + 1 < a.size();) {
                    const unsigned first = static_cast<unsigned>(num(i));
                    PdfObject* second = resolve(const_cast<PdfObject*>(&a[i + 1]));
                    if (second && second->IsArray()) {
                        const PdfArray& ws = second->GetArray();
                        for (std::size_t k = 0; k < ws.size(); ++k) {
                            PdfObject* o = resolve(const_cast<PdfObject*>(&ws[k]));
                            info->widths[first + static_cast<unsigned>(k)] =
                                o && o->IsNumber() ? static_cast<double>(o->GetNumber()) : o && o->IsReal() ? o->GetReal() : 0.0;
                        }
                        i += 2;
                    } else if (i + 2 < a.size()) {
                        const unsigned last = static_cast<unsigned>(num(i + 1));
                        for (unsigned c = first; c <= last && c - first < 65536; ++c) info->widths[c] = num(i + 2);
                        i += 3;
                    } else {
                        break;
                    }
                }
            }
        }
        FontInfo* raw = info.get();
        cache.emplace(resource, std::move(info));
        return raw;
    };

    std::set<std::string> reported;
    auto show = [&](FontInfo* f, const std::string& bytes) {
        if (!f || !f->composite || !f->identity) return;
        for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
            const unsigned cid = (static_cast<unsigned char>(bytes[i]) << 8) | static_cast<unsigned char>(bytes[i + 1]);
            const std::string tag = f->name + "/" + std::to_string(cid);
            if (reported.count(tag)) continue;
            if (level_u_) {
                bool mapped = false;
                if (f->to_unicode) {
                    auto it = f->to_unicode->find(cid);
                    mapped = it != f->to_unicode->end() && !it->second.empty() && it->second != u"\u0000" &&
                             it->second != u"\uFEFF" && it->second != u"\uFFFE";
                }
                if (!mapped) {
                    reported.insert(tag);
                    fail("6.2.11.7.2", "page " + std::to_string(number) + ": font " + f->name + " draws CID " +
                                           std::to_string(cid) + ", which its ToUnicode map does not map to text");
                }
            }
            unsigned gid = cid;
            if (!f->cid_to_gid_identity) {
                gid = 2 * cid + 1 < f->cid_to_gid.size()
                          ? (static_cast<unsigned char>(f->cid_to_gid[2 * cid]) << 8) | static_cast<unsigned char>(f->cid_to_gid[2 * cid + 1])
                          : 0;
            }
            if (f->has_program && (gid == 0 || static_cast<long>(gid) >= f->program.glyphs)) {
                reported.insert(tag);
                fail("6.2.11.8", "page " + std::to_string(number) + ": font " + f->name + " draws CID " + std::to_string(cid) +
                                     ", the .notdef glyph");
                continue;
            }
            if (f->has_program && gid < f->program.widths.size() && f->program.widths[gid] >= 0) {
                auto w = f->widths.find(cid);
                const double declared = w == f->widths.end() ? f->default_width : w->second;
                if (std::fabs(declared - f->program.widths[gid]) > 1.0) {
                    reported.insert(tag);
                    char buffer[160];
                    std::snprintf(buffer, sizeof buffer, ": font %s gives CID %u the width %g, its font program %g",
                                  f->name.c_str(), cid, declared, f->program.widths[gid]);
                    fail("6.2.11.5", "page " + std::to_string(number) + buffer);
                }
            }
        }
    };

    FontInfo* current = nullptr;
    const std::string content = page_content(key(page->GetObject(), "Contents"), [&](PdfObject* o) { return resolve(o); });
    const bool read = for_each_operator(content, [&](const std::string& op, const std::vector<PdfVariant>& operands) {
        if (op == "Tf" && operands.size() >= 2 && operands[operands.size() - 2].IsName()) {
            current = font_info(operands[operands.size() - 2].GetName().GetName());
        } else if ((op == "Tj" || op == "'" || op == "\"") && !operands.empty() && is_string(&operands.back())) {
            const PdfString& s = operands.back().GetString();
            show(current, std::string(s.GetString(), s.GetLength()));
        } else if (op == "TJ" && !operands.empty() && operands.back().IsArray()) {
            for (const PdfObject& item : operands.back().GetArray()) {
                if (is_string(&item)) show(current, std::string(item.GetString().GetString(), item.GetString().GetLength()));
            }
        }
    });
    if (!read) fail("6.2.2", "page " + std::to_string(number) + ": the content stream cannot be read");
}

void Checker::check_pages() {
    const bool has_intent = !intent_spaces_.empty();
    for_each_page(doc_, [&](PdfPage& page, int number) {
        PdfObject* object = page.GetObject();
        // 6.5.2: no additional actions on pages.
        if (key(object, "AA")) fail("6.5.2", "page " + std::to_string(number) + " has additional actions (/AA)");
        // 6.2.10: without an OutputIntent, a page with transparency needs a group
        // with a blending colour space. quire's pages with soft-masked images carry
        // one anyway; a soft mask on an image is what we look for.
        if (!has_intent) {
            bool transparent = false;
            if (PdfObject* xobjects = key(page.GetResources(), "XObject"); xobjects && xobjects->IsDictionary()) {
                for (const auto& [k, v] : xobjects->GetDictionary().GetKeys()) {
                    PdfObject* x = resolve(v);
                    if (key(x, "SMask")) transparent = true;
                }
            }
            PdfObject* group = key(object, "Group");
            if (transparent && !key(group, "CS")) {
                fail("6.2.10", "page " + std::to_string(number) +
                                   " has transparency but no group colour space, and the file no OutputIntent");
            }
        }
        visit_resources(page.GetResources());
        check_page_text(&page, number);
        PdfObject* contents = key(object, "Contents");
        const std::string page_name = "page " + std::to_string(number) + "'s ";
        check_box_limits(page.GetMediaBox(), page_name + "MediaBox", report_);
        check_box_limits(page.GetCropBox(), page_name + "CropBox", report_);
        check_box_limits(page.GetBleedBox(), page_name + "BleedBox", report_);
        check_box_limits(page.GetTrimBox(), page_name + "TrimBox", report_);
        check_box_limits(page.GetArtBox(), page_name + "ArtBox", report_);
        if (contents && contents->IsArray()) {
            for (PdfObject& part : contents->GetArray()) check_content(resolve(&part), page_name + "content");
        } else if (contents) {
            check_content(contents, page_name + "content");
        }
    });
}

// The fonts a reader may draw with: those of the pages' resources, of the forms,
// patterns, soft masks and Type 3 glyphs they use, and of annotation appearances.
// (A form's default resources, /DR, are not drawn with, so not checked.)
void Checker::visit_resources(PdfObject* resources, int depth) {
    resources = resolve(resources);
    if (!resources || !resources->IsDictionary() || depth > 32 || !seen_resources_.insert(resources).second) return;
    if (PdfObject* fonts = key(resources, "Font"); fonts && fonts->IsDictionary()) {
        for (const auto& [k, v] : fonts->GetDictionary().GetKeys()) {
            PdfObject* font = resolve(v);
            if (!font || !font->IsDictionary() || !seen_fonts_.insert(font).second) continue;
            check_font(font);
            if (PdfObject* d = key(font, "DescendantFonts"); d && d->IsArray()) {
                for (PdfObject& cid : d->GetArray()) {
                    PdfObject* c = resolve(&cid);
                    if (c && c->IsDictionary() && seen_fonts_.insert(c).second) check_font(c);
                }
            }
            if (name_of(key(font, "Subtype")) == "Type3") visit_resources(key(font, "Resources"), depth + 1);
        }
    }
    if (PdfObject* patterns = key(resources, "Pattern"); patterns && patterns->IsDictionary()) {
        for (const auto& [k, v] : patterns->GetDictionary().GetKeys()) visit_resources(key(resolve(v), "Resources"), depth + 1);
    }
    if (PdfObject* xobjects = key(resources, "XObject"); xobjects && xobjects->IsDictionary()) {
        for (const auto& [k, v] : xobjects->GetDictionary().GetKeys()) {
            PdfObject* xobject = resolve(v);
            visit_resources(key(xobject, "Resources"), depth + 1);
            const std::string where = "XObject /" + k.GetName() + ref_text(xobject);
            check_xobject(pdf_, xobject, where, report_);
            if (name_of(key(xobject, "Subtype")) == "Form") check_content(xobject, where);
        }
    }
    if (PdfObject* states = key(resources, "ExtGState"); states && states->IsDictionary()) {
        for (const auto& [k, v] : states->GetDictionary().GetKeys()) {
            check_graphics_state(pdf_, resolve(v), "graphics state /" + k.GetName() + ref_text(resolve(v)), report_);
            PdfObject* mask = key(resolve(v), "SMask");
            if (mask && mask->IsDictionary()) visit_resources(key(key(mask, "G"), "Resources"), depth + 1);
        }
    }
}

void Checker::visit_appearance(PdfObject* annot) {
    PdfObject* ap = key(annot, "AP");
    if (!ap || !ap->IsDictionary()) return;
    for (const auto& [k, v] : ap->GetDictionary().GetKeys()) {
        PdfObject* appearance = resolve(v);
        if (!appearance) continue;
        if (appearance->HasStream()) {
            visit_resources(key(appearance, "Resources"), 1);
        } else if (appearance->IsDictionary()) {
            for (const auto& [state, stream] : appearance->GetDictionary().GetKeys()) visit_resources(key(resolve(stream), "Resources"), 1);
        }
    }
}

void Checker::check_catalog() {
    PdfObject* catalog = doc_.GetCatalog();
    if (!catalog) {
        fail("6.1.3", "no document catalog");
        return;
    }
    check_output_intents(catalog);
    check_metadata(catalog);
    check_optional_content(pdf_, catalog, report_);
    check_embedded_files(pdf_, doc_, report_);
    if (key(catalog, "AA")) fail("6.5.2", "the catalog has additional actions (/AA)");
    if (PdfObject* open = key(catalog, "OpenAction"); open && open->IsDictionary()) check_action(open, "the open action");
    if (PdfObject* form = key(catalog, "AcroForm")) {
        PdfObject* need = key(form, "NeedAppearances");
        if (need && need->IsBool() && need->GetBool()) fail("6.4.1", "the interactive form sets NeedAppearances true");
        if (key(form, "XFA")) fail("6.4.2", "the interactive form has an XFA entry");
    }
    PdfObject* needs_rendering = key(catalog, "NeedsRendering");
    if (needs_rendering && needs_rendering->IsBool() && needs_rendering->GetBool()) fail("6.4.2", "the catalog sets NeedsRendering true");
    if (PdfObject* perms = key(catalog, "Perms"); perms && perms->IsDictionary()) {
        for (const auto& [k, v] : perms->GetDictionary().GetKeys()) {
            if (k.GetName() != "UR3" && k.GetName() != "DocMDP") fail("6.1.12", "the permissions dictionary has /" + k.GetName());
        }
    }
    // 6.1.3: the trailer's ID and no encryption (when the bytes had no classic trailer).
    const PdfObject* trailer = doc_.GetTrailer();
    const bool said_by_bytes = std::any_of(failures_.begin(), failures_.end(), [](const Failure& f) { return f.clause == "6.1.3"; });
    if (trailer && trailer->IsDictionary() && !said_by_bytes) {
        if (!trailer->GetDictionary().HasKey("ID")) fail("6.1.3", "the trailer has no /ID");
        if (trailer->GetDictionary().HasKey("Encrypt")) fail("6.1.3", "the trailer has /Encrypt: the file is encrypted");
    }
}

void Checker::run() {
    check_catalog();
    unsigned highest = 0;
    for (PdfObject* object : doc_.GetObjects()) {
        if (!object) continue;
        highest = std::max(highest, object->Reference().ObjectNumber());
        check_object_limits(*object, "object" + ref_text(object), report_);
        if (!object->IsDictionary()) continue;
        if (object->HasStream()) check_filters(pdf_, object, "object" + ref_text(object), report_);
        if (object->HasStream() && (type_is(object, "CMap") || object->GetDictionary().HasKey("CMapName"))) {
            check_cmap_limits(stream_bytes(object), "object" + ref_text(object), report_);
        }
        const std::string type = name_of(key(object, "Type"));
        if (type == "Annot" || (type.empty() && object->GetDictionary().HasKey("Subtype") && object->GetDictionary().HasKey("Rect"))) {
            check_annotation(object);
            visit_appearance(object);
        } else if (type == "Outlines" || object->GetDictionary().HasKey("Title")) {
            if (PdfObject* a = key(object, "A")) check_action(a, "outline item" + ref_text(object));
        }
        // 6.5.2: form fields carry no additional actions either.
        if (object->GetDictionary().HasKey("FT") && key(object, "AA")) {
            fail("6.5.2", "form field" + ref_text(object) + " has additional actions (/AA)");
        }
        if (type == "Action") check_action(object, "action" + ref_text(object));
    }
    check_pages();
    if (level_a_ || ua_) check_tagged(pdf_, doc_, TaggedClaims{{level_a_, ua_}, xmp_title_}, report_);
    if (highest > 8388607) fail("6.1.13", "the file has " + std::to_string(highest) + " indirect objects (at most 8388607)");
}

}  // namespace

const std::vector<std::string>& claimed_clauses() {
    static const std::vector<std::string> clauses = {"6.1.2", "6.1.3", "6.1.7.1", "6.1.9", "6.1.13", "6.2.5", "6.2.8.1",
                                                     "6.2.9.1", "6.2.9.2", "6.2.9.3", "6.2.11.3.2", "6.3.1", "6.3.2",
                                                     "6.3.3", "6.4.2", "6.5.1", "6.5.2", "6.6.4"};
    return clauses;
}

Report check_pdfa(const std::string& path, const Options& options) {
    std::string bytes;
    if (!read_bytes(path, bytes)) return Report{};
    return check_pdfa_bytes(bytes, options);
}

Report check_pdfa_bytes(const std::string& bytes, const Options& options) {
    Report report;
    if (bytes.find("%PDF-") == std::string::npos) return report;
    check_file_syntax(bytes, report.failures);
    PdfError::EnableDebug(false);
    PdfError::EnableLogging(false);
    try {
        PdfMemDocument doc;
        doc.LoadFromBuffer(bytes.data(), static_cast<long>(bytes.size()));
        report.readable = true;
        if (options.detect_print_file) {
            const PdfAccess pdf(doc);
            report.print_file = print_file_reason(PdfxFile{doc, pdf, file_info(doc, pdf, names_info(bytes)), options.house_rules});
            if (!report.print_file.empty()) {
                report.failures.clear();  // the file syntax's, PDF/A's business
                return report;
            }
        }
        Checker(doc, report.failures, options, names_info(bytes)).run();
    } catch (const PdfError& e) {
        if (e.GetError() == ePdfError_InvalidPassword) {
            report.readable = true;
            report.failures.push_back({"6.1.3", "the file is encrypted"});
        } else {
            // The bytes were read; what PoDoFo cannot parse is a structure failure
            // when one was found, else an unreadable file.
            report.readable = !report.failures.empty();
        }
    }
    return report;
}

}  // namespace quire::verify
