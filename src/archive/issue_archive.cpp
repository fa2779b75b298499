#include "archive/issue_archive.hpp"

#include "archive/article_document.hpp"
#include "archive/oai_dc.hpp"
#include "archive/sha256.hpp"
#include "pdf/safe_output.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace quire::archive {

namespace fs = std::filesystem;

namespace {

std::string page_span(const render::DisplayList& list, const PageRange& range, const char* dash) {
    const std::string& first = list.pages[static_cast<std::size_t>(range.first)].label;
    const std::string& last = list.pages[static_cast<std::size_t>(range.last)].label;
    if (first.empty() || last.empty()) return "";
    return first == last ? first : first + dash + last;
}

bool is_number(const std::string& s) {
    if (s.empty() || s.size() > 6) return false;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

std::string two_digits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

std::vector<std::string> split_keywords(const std::string& keywords) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= keywords.size()) {
        std::size_t end = keywords.find(';', start);
        if (end == std::string::npos) end = keywords.size();
        std::string word = keywords.substr(start, end - start);
        while (!word.empty() && word.front() == ' ') word.erase(word.begin());
        while (!word.empty() && word.back() == ' ') word.pop_back();
        if (!word.empty()) out.push_back(word);
        start = end + 1;
    }
    return out;
}

std::string issue_title(const model::IssueMeta& meta) {
    return meta.number.empty() ? meta.title : meta.title + ", " + meta.number;
}

}  // namespace

std::string issue_name(const std::string& manifest) {
    fs::path dir = fs::path(manifest).parent_path();
    if (dir.empty() || dir.filename().empty() || dir.filename() == "." || dir.filename() == "..") {
        std::error_code ec;
        dir = fs::absolute(manifest, ec).parent_path();
    }
    std::string name = dir.filename().string();
    return name.empty() ? fs::path(manifest).stem().string() : name;
}

bool write_issue_archive(const model::Issue& issue, const render::DisplayList& list, const ArchiveRequest& request,
                         DiagnosticSink& sink) {
    std::error_code ec;
    fs::create_directories(request.directory, ec);
    if (ec || !fs::is_directory(request.directory)) {
        sink.error({request.directory, 0, 0}, "cannot make the directory for the article PDFs: " + ec.message());
        return false;
    }
    const std::string stem = issue_name(request.manifest);
    const model::IssueMeta& meta = issue.meta;

    IssueRecord record;
    RecordEntry& whole = record.issue;
    whole.title = issue_title(meta);
    whole.creators = meta.editors;
    whole.publisher = meta.publisher;
    whole.date = meta.date;
    whole.language = issue.language;
    whole.subjects = split_keywords(meta.keywords);
    whole.description = meta.subtitle;
    whole.identifier = meta.issn.empty() ? "" : "ISSN " + meta.issn;
    whole.page_count = static_cast<int>(list.pages.size());
    if (!list.pages.empty()) whole.pages = page_span(list, {0, static_cast<int>(list.pages.size()) - 1}, "-");
    whole.file = fs::path(request.issue_pdf).lexically_proximate(request.directory).generic_string();
    if (auto sum = sha256_file(request.issue_pdf)) {
        whole.sha256 = *sum;
    } else {
        sink.error({request.issue_pdf, 0, 0}, "cannot read the issue PDF back for its checksum");
        return false;
    }

    bool ok = true;
    for (std::size_t i = 0; i < issue.articles.size(); ++i) {
        const model::Article& article = issue.articles[i];
        const std::optional<PageRange> range = article_pages(list, static_cast<int>(i));
        if (!range) {
            sink.warning(article.loc, "article \"" + article.id + "\" has no pages of its own; no PDF written for it");
            continue;
        }
        const std::string& first_label = list.pages[static_cast<std::size_t>(range->first)].label;
        const std::string number = is_number(first_label) ? two_digits(std::stoi(first_label)) : two_digits(static_cast<int>(i) + 1);
        const std::string file = stem + "-" + number + "-" + article.id + ".pdf";

        RecordEntry entry;
        entry.title = model::plain_text(article.title.text);
        for (const model::TextBlock& byline : article.bylines) entry.creators.push_back(model::plain_text(byline.text));
        entry.publisher = meta.publisher;
        entry.date = meta.date;
        entry.language = article.language.empty() ? issue.language : article.language;
        entry.pages = page_span(list, *range, "-");
        entry.page_count = range->last - range->first + 1;
        if (!article.section.empty()) entry.subjects.push_back(article.section);
        // The article's own keywords only: the issue's describe the whole issue, not this piece.
        for (const std::string& k : split_keywords(article.keywords)) {
            if (std::find(entry.subjects.begin(), entry.subjects.end(), k) == entry.subjects.end()) entry.subjects.push_back(k);
        }
        if (article.standfirst) {
            entry.description = model::plain_text(article.standfirst->text);
        } else if (article.subtitle) {
            entry.description = model::plain_text(article.subtitle->text);
        }
        entry.identifier = article.id;
        entry.file = file;

        render::DocumentInfo info;
        info.title = entry.title;
        for (const std::string& c : entry.creators) info.author += (info.author.empty() ? "" : "; ") + c;
        if (info.author.empty()) info.author = meta.publisher;
        info.subject = entry.description;
        for (const std::string& s : entry.subjects) info.keywords += (info.keywords.empty() ? "" : "; ") + s;
        info.language = entry.language;
        info.date = meta.date;
        info.producer = list.info.producer;
        info.publisher = meta.publisher;
        info.source = issue_title(meta) + (entry.pages.empty() ? "" : ", pages " + page_span(list, *range, "\u2013"));

        const render::DisplayList document = article_document(list, static_cast<int>(i), info);
        const std::string path = (fs::path(request.directory) / file).string();
        if (!pdf::write_pdf(document, request.options, path, sink)) {
            ok = false;
            continue;
        }
        if (auto sum = sha256_file(path)) {
            entry.sha256 = *sum;
        } else {
            sink.error({path, 0, 0}, "cannot read the article PDF back for its checksum");
            ok = false;
            continue;
        }
        record.articles.push_back(std::move(entry));
    }
    if (!ok) return false;
    // Each PDF's catalogue record beside it (the issue's named after the issue).
    auto write_record = [&](const std::string& name, const RecordEntry& entry, const PartOf& part_of) {
        return pdf::replace_file((fs::path(request.directory) / (name + ".dc.xml")).string(), oai_dc_xml(entry, part_of), sink);
    };
    ok = write_record(stem, record.issue, {});
    for (const RecordEntry& entry : record.articles) {
        ok = write_record(fs::path(entry.file).stem().string(), entry, {record.issue.title, record.issue.file}) && ok;
    }
    return ok;
}

}  // namespace quire::archive
