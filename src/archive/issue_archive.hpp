#pragma once
// `quire build --articles DIR`: beside the issue's PDF, one PDF/A per article and the
// issue's archive record (Dublin Core XML with every file's SHA-256).
//
// Article files are named <issue>-<NN>-<article id>.pdf: the issue's directory name,
// the article's first page number (two digits; its position in the issue when the
// page has no number) and its id, e.g. 2025-spring-03-scam-compounds.pdf. The record
// is <issue>.dc.xml in DIR; it names the issue PDF by its path relative to DIR.
#include "core/diagnostics.hpp"
#include "model/issue.hpp"
#include "pdf/pdf_writer.hpp"
#include "render/display_list.hpp"

#include <string>

namespace quire::archive {

struct ArchiveRequest {
    std::string directory;       // where the article PDFs and the record go
    std::string issue_pdf;       // the issue's PDF, already written
    std::string manifest;        // the issue manifest (its directory names the issue)
    pdf::PdfOptions options;     // as for the issue PDF
};

// The file name stem of the issue: its manifest's directory name ("2025-spring").
std::string issue_name(const std::string& manifest);

// Writes the article PDFs and the record; false after reporting errors.
bool write_issue_archive(const model::Issue& issue, const render::DisplayList& list, const ArchiveRequest& request,
                         DiagnosticSink& sink);

}  // namespace quire::archive
