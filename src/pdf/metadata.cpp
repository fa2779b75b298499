#include "pdf/metadata.hpp"

#include "pdf/content_hash.hpp"

#include "core/xml_text.hpp"

#include "pdf/text_string.hpp"

#include <cstdio>

namespace quire::pdf {

namespace {

// Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar
// (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms", days_from_civil).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct Civil {
    std::int64_t year;
    unsigned month, day, hour, minute, second;
};

Civil civil_from_epoch(std::int64_t epoch) {
    std::int64_t days = epoch / 86400;
    std::int64_t rest = epoch % 86400;
    if (rest < 0) { rest += 86400; --days; }
    // civil_from_days, same source as above.
    const std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2), m, d, static_cast<unsigned>(rest / 3600),
            static_cast<unsigned>(rest % 3600 / 60), static_cast<unsigned>(rest % 60)};
}

bool digits(std::string_view s, std::size_t at, std::size_t n, int& value) {
    if (at + n > s.size()) return false;
    value = 0;
    for (std::size_t i = at; i < at + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        value = value * 10 + (s[i] - '0');
    }
    return true;
}


}  // namespace

std::optional<std::int64_t> parse_iso8601(std::string_view s) {
    int year, month, day, hour = 0, minute = 0, second = 0;
    if (!digits(s, 0, 4, year) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, month) || s[7] != '-' ||
        !digits(s, 8, 2, day)) {
        return std::nullopt;
    }
    if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
    std::size_t i = 10;
    std::int64_t offset = 0;
    if (i < s.size()) {
        if (s[i] != 'T' || !digits(s, i + 1, 2, hour) || i + 3 >= s.size() || s[i + 3] != ':' ||
            !digits(s, i + 4, 2, minute)) {
            return std::nullopt;
        }
        i += 6;
        if (i < s.size() && s[i] == ':') {
            if (!digits(s, i + 1, 2, second)) return std::nullopt;
            i += 3;
        }
        if (i < s.size() && s[i] == 'Z') {
            ++i;
        } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
            int oh, om;
            if (!digits(s, i + 1, 2, oh) || i + 3 >= s.size() || s[i + 3] != ':' || !digits(s, i + 4, 2, om)) {
                return std::nullopt;
            }
            offset = (s[i] == '+' ? 1 : -1) * (oh * 3600 + om * 60);
            i += 6;
        }
        if (i != s.size() || hour > 23 || minute > 59 || second > 60) return std::nullopt;
    }
    return days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400 + hour * 3600 +
           minute * 60 + second - offset;
}

std::string pdf_date(std::int64_t epoch) {
    const Civil c = civil_from_epoch(epoch);
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "D:%04lld%02u%02u%02u%02u%02uZ", static_cast<long long>(c.year), c.month,
                  c.day, c.hour, c.minute, c.second);
    return buffer;
}

std::string xmp_date(std::int64_t epoch) {
    const Civil c = civil_from_epoch(epoch);
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02uT%02u:%02u:%02uZ", static_cast<long long>(c.year), c.month,
                  c.day, c.hour, c.minute, c.second);
    return buffer;
}

namespace {

// PDF/UA's identification (ISO 14289-1 §5) is not among the schemas PDF/A predefines,
// so a PDF/A file that carries it describes it (ISO 19005-2 6.6.2.3.2).
const char* const pdfua_extension_schema =
    "<rdf:Description rdf:about=\"\"\n"
    "  xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
    "  xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
    "  xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
    "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
    "<pdfaSchema:schema>PDF/UA identification schema</pdfaSchema:schema>\n"
    "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
    "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
    "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
    "<pdfaProperty:name>part</pdfaProperty:name>\n"
    "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
    "<pdfaProperty:category>internal</pdfaProperty:category>\n"
    "<pdfaProperty:description>The part of ISO 14289 the file conforms to</pdfaProperty:description>\n"
    "</rdf:li></rdf:Seq></pdfaSchema:property>\n"
    "</rdf:li></rdf:Bag></pdfaExtension:schemas>\n"
    "</rdf:Description>\n";

}  // namespace

std::string xmp_packet(const render::DocumentInfo& info, const std::string& producer,
                       std::optional<std::int64_t> date, const Conformance& claims) {
    const bool pdfa = claims.pdfa, tagged = claims.tagged, pdfx = claims.pdfx;
    // The begin attribute's U+FEFF and the trailing padding are what XMP asks of a
    // packet embedded in a file (XMP Specification Part 3, §1.1).
    std::string x =
        "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        "<rdf:Description rdf:about=\"\"\n"
        "  xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
        "  xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
        "  xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"";
    if (pdfa) x += "\n  xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"";
    if (pdfa && tagged) x += "\n  xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"";
    if (pdfx) {
        x += "\n  xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\""
             "\n  xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\"";
    }
    x += ">\n<dc:format>application/pdf</dc:format>\n";
    if (pdfa) {
        x += std::string("<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>") + (tagged ? "A" : "U") +
             "</pdfaid:conformance>\n";
    }
    if (pdfa && tagged) x += "<pdfuaid:part>1</pdfuaid:part>\n";
    if (pdfx) {
        // ISO 15930-7 6.7.2: the version, trapping as the Info says, and the xmpMM ids
        // a workflow tracks the file by. The ids name this document in every build
        // of it: a content hash would change with every correction.
        x += "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>\n<pdf:Trapped>False</pdf:Trapped>\n";
        x += "<xmpMM:DocumentID>" + document_uuid(info) + "</xmpMM:DocumentID>\n";
        x += "<xmpMM:InstanceID>" + document_uuid(info) + "</xmpMM:InstanceID>\n";
        x += "<xmpMM:VersionID>1</xmpMM:VersionID>\n<xmpMM:RenditionClass>default</xmpMM:RenditionClass>\n";
    }
    auto alt = [&x](const char* name, const std::string& value) {
        x += std::string("<") + name + "><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escape(value) +
             "</rdf:li></rdf:Alt></" + name + ">\n";
    };
    if (!info.title.empty()) alt("dc:title", info.title);
    if (!info.author.empty()) {
        x += "<dc:creator><rdf:Seq><rdf:li>" + xml_escape(info.author) + "</rdf:li></rdf:Seq></dc:creator>\n";
    }
    if (!info.subject.empty()) alt("dc:description", info.subject);
    if (!info.language.empty()) {
        x += "<dc:language><rdf:Bag><rdf:li>" + xml_escape(info.language) + "</rdf:li></rdf:Bag></dc:language>\n";
    }
    if (!info.publisher.empty()) {
        x += "<dc:publisher><rdf:Bag><rdf:li>" + xml_escape(info.publisher) + "</rdf:li></rdf:Bag></dc:publisher>\n";
    }
    if (!info.source.empty()) x += "<dc:source>" + xml_escape(info.source) + "</dc:source>\n";
    if (!info.keywords.empty()) {
        // dc:subject as a bag of the keywords; pdf:Keywords is the Info entry's twin.
        x += "<dc:subject><rdf:Bag>";
        std::size_t start = 0;
        while (start <= info.keywords.size()) {
            std::size_t end = info.keywords.find(';', start);
            if (end == std::string::npos) end = info.keywords.size();
            std::string word = info.keywords.substr(start, end - start);
            while (!word.empty() && word.front() == ' ') word.erase(word.begin());
            while (!word.empty() && word.back() == ' ') word.pop_back();
            if (!word.empty()) x += "<rdf:li>" + xml_escape(word) + "</rdf:li>";
            start = end + 1;
        }
        x += "</rdf:Bag></dc:subject>\n";
    }
    if (!info.keywords.empty()) x += "<pdf:Keywords>" + xml_escape(info.keywords) + "</pdf:Keywords>\n";
    x += "<pdf:Producer>" + xml_escape(producer) + "</pdf:Producer>\n";
    x += "<xmp:CreatorTool>" + xml_escape(producer) + "</xmp:CreatorTool>\n";
    if (date) {
        const std::string d = xmp_date(*date);
        x += "<xmp:CreateDate>" + d + "</xmp:CreateDate>\n<xmp:ModifyDate>" + d +
             "</xmp:ModifyDate>\n<xmp:MetadataDate>" + d + "</xmp:MetadataDate>\n";
    }
    x += "</rdf:Description>\n";
    if (pdfa && tagged) x += pdfua_extension_schema;
    x += "</rdf:RDF>\n</x:xmpmeta>\n";
    for (int i = 0; i < 20; ++i) x += std::string(99, ' ') + '\n';
    x += "<?xpacket end=\"w\"?>";
    return x;
}

std::string document_uuid(const render::DocumentInfo& info) {
    ContentHash hash;
    for (const std::string* field : {&info.title, &info.date, &info.source, &info.publisher}) {
        hash.update(*field);
        hash.update(std::string_view("\0", 1));
    }
    std::array<std::uint8_t, 16> d = hash.digest();
    d[6] = static_cast<std::uint8_t>((d[6] & 0x0F) | 0x50);  // RFC 4122 name-based layout
    d[8] = static_cast<std::uint8_t>((d[8] & 0x3F) | 0x80);
    static constexpr char digits[] = "0123456789abcdef";
    std::string out = "uuid:";
    for (std::size_t i = 0; i < d.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
        out += digits[d[i] >> 4];
        out += digits[d[i] & 0xF];
    }
    return out;
}

void fill_info(PoDoFo::PdfDictionary& d, const render::DocumentInfo& info, const std::string& producer,
               std::optional<std::int64_t> date, const Conformance& claims) {
    d.Clear();
    auto put = [&d](const char* key, const std::string& value) {
        if (!value.empty()) d.AddKey(key, text_string(value));
    };
    put("Title", info.title);
    put("Author", info.author);
    put("Subject", info.subject);
    put("Keywords", info.keywords);
    put("Creator", producer);
    put("Producer", producer);
    if (date) {
        d.AddKey("CreationDate", PoDoFo::PdfString(pdf_date(*date)));
        d.AddKey("ModDate", PoDoFo::PdfString(pdf_date(*date)));
    }
    if (claims.pdfx) {
        d.AddKey("GTS_PDFXVersion", PoDoFo::PdfString("PDF/X-4"));
        d.AddKey("Trapped", PoDoFo::PdfName("False"));  // quire traps nothing; the printer may
    }
}

}  // namespace quire::pdf
