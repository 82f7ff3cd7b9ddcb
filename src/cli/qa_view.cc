#include "cli/qa_view.h"

#include "core/diagnostics.h"

namespace glossa {
namespace {

std::string Counted(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::string_view QaKindName(QaKind kind) {
  switch (kind) {
    case QaKind::kMissing:
      return "missing";
    case QaKind::kDeprecated:
      return "deprecated";
    case QaKind::kInconsistent:
      return "inconsistent";
  }
  return "";
}

void PrintQa(const std::vector<QaFileResult>& results, std::ostream& out) {
  for (const QaFileResult& result : results) {
    if (!result.read) continue;
    for (const QaProblem& problem : result.report.problems) {
      Diagnostic diagnostic;
      diagnostic.location = problem.at;
      diagnostic.severity = Severity::kWarning;
      diagnostic.message = problem.message;
      out << FormatDiagnostic(diagnostic) << '\n';
    }
    const QaReport& report = result.report;
    out << result.name << ": "
        << Counted(report.checked, "segment checked", "segments checked")
        << ", " << report.skipped << " skipped, "
        << Counted(report.problems.size(), "problem", "problems") << '\n';
  }
}

nlohmann::ordered_json QaJson(const std::vector<QaFileResult>& results) {
  nlohmann::ordered_json files = nlohmann::ordered_json::array();
  nlohmann::ordered_json problems = nlohmann::ordered_json::array();
  std::size_t checked = 0, skipped = 0, found = 0, read = 0;
  for (const QaFileResult& result : results) {
    nlohmann::ordered_json file;
    file["file"] = result.name;
    file["read"] = result.read;
    if (result.read) {
      ++read;
      file["format"] = result.file.format;
      file["source"] = result.file.source_lang;
      file["target"] = result.file.target_lang;
      file["checked"] = result.report.checked;
      file["skipped"] = result.report.skipped;
      file["problems"] = result.report.problems.size();
      checked += result.report.checked;
      skipped += result.report.skipped;
      found += result.report.problems.size();
      for (const QaProblem& problem : result.report.problems) {
        nlohmann::ordered_json item;
        item["file"] = problem.at.file;
        item["line"] = problem.at.line;
        item["column"] = problem.at.column;
        item["segment"] = problem.segment;
        item["kind"] = QaKindName(problem.kind);
        item["entry"] = problem.entry;
        item["source_term"] = problem.source_term;
        item["expected"] = problem.expected;
        item["found"] = problem.found;
        item["message"] = problem.message;
        problems.push_back(std::move(item));
      }
    }
    files.push_back(std::move(file));
  }
  nlohmann::ordered_json out;
  out["files"] = std::move(files);
  out["problems"] = std::move(problems);
  out["summary"] = {{"files", results.size()},
                    {"read", read},
                    {"checked", checked},
                    {"skipped", skipped},
                    {"problems", found}};
  return out;
}

}  // namespace glossa
