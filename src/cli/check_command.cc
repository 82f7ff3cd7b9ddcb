// glossa check: each TBX file read strictly, its problems printed as a
// compiler prints them, in line order, with a count per file.

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <system_error>
#include <tuple>
#include <vector>

#include "cli/command.h"
#include "core/diagnostics.h"
#include "core/document.h"
#include "core/edition_index.h"
#include "core/file_io.h"
#include "core/glossary.h"
#include "core/glossary_check.h"
#include "core/tbx_check.h"
#include "core/tei.h"

namespace glossa::cli {
namespace {

std::string Plural(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// The files a glossary's relative targets name, read beside the glossary
// at `path`: for each, whether it exists or, when targets point into it,
// the edition with the glossary indexed against it. I/O for
// CheckGlossaryContent, which reads nothing itself.
class LinkedEditions {
 public:
  LinkedEditions(const Glossary& glossary, const std::string& path) {
    std::filesystem::path folder = std::filesystem::path(path).parent_path();
    for (const auto& [file, edition] : LinkedFiles(glossary)) {
      std::string resolved = (folder / file).lexically_normal().string();
      LinkedFile& linked = files_[file];
      if (!edition) {
        std::error_code error;
        if (!std::filesystem::exists(resolved, error))
          linked.error = "no file '" + resolved + "'";
        continue;
      }
      std::string bytes;
      if (!ReadRegularFile(resolved, &bytes, &linked.error)) continue;
      auto document = std::make_unique<Document>();
      Diagnostics tei;
      if (!ReadTei(bytes, resolved, tei, document.get())) {
        linked.error = "cannot read '" + resolved + "' as a TEI edition";
        if (!tei.all().empty()) linked.error += ": " + tei.all()[0].message;
        continue;
      }
      indexes_.push_back(std::make_unique<EditionIndex>(glossary, *document));
      documents_.push_back(std::move(document));
      linked.edition = indexes_.back().get();
    }
  }
  const std::map<std::string, LinkedFile>& files() const { return files_; }

 private:
  std::map<std::string, LinkedFile> files_;
  std::vector<std::unique_ptr<Document>> documents_;
  std::vector<std::unique_ptr<EditionIndex>> indexes_;
};

}  // namespace

void AddCheckOptions(CLI::App* check, Options& options) {
  check->add_option("FILE", options.files,
                    "The files to check (default: the loaded glossaries)");
}

int Check(const Options& options, const Environment& env, std::ostream& out,
          std::ostream& err) {
  std::vector<std::string> files =
      options.files.empty() ? GlossaryPaths(options, env) : options.files;
  bool unreadable = false;
  bool problems = false;
  for (const std::string& path : files) {
    std::string bytes, error;
    if (!ReadFile(path, &bytes, &error)) {
      err << "glossa: error: " << error << '\n';
      unreadable = true;
      continue;
    }
    Diagnostics diags;
    std::string name = Shown(path, env);
    Glossary glossary;
    CheckResult result = CheckTbx(bytes, name, diags, &glossary);
    if (result.readable) {
      LinkedEditions linked(glossary, path);
      CheckGlossaryContent(glossary, linked.files(), diags);
    }
    std::vector<Diagnostic> sorted = diags.all();
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Diagnostic& a, const Diagnostic& b) {
                       return std::tie(a.location.line, a.location.column) <
                              std::tie(b.location.line, b.location.column);
                     });
    for (const Diagnostic& diagnostic : sorted)
      out << FormatDiagnostic(diagnostic) << '\n';
    out << name << ": " << Plural(result.entries, "entry", "entries") << ", "
        << Plural(diags.errors(), "error", "errors") << ", "
        << Plural(diags.warnings(), "warning", "warnings") << '\n';
    if (!result.readable) unreadable = true;
    if (diags.errors() > 0 || diags.warnings() > 0) problems = true;
  }
  if (unreadable) return kError;
  return problems ? kNotFound : kSuccess;
}

}  // namespace glossa::cli
