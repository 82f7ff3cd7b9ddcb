// glossa qa, and reading a translation of the report (read and site
// --translation).

#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/qa_view.h"
#include "core/bilingual.h"
#include "core/file_io.h"
#include "core/qa.h"

namespace glossa::cli {

void AddQaOptions(CLI::App* qa, Options& options) {
  qa->add_option("FILE", options.translations,
                 "XLIFF 1.2 or 2.0, TMX, gettext PO or two-column TSV files "
                 "to check")
      ->required();
  qa->add_option("--source", options.qa_source,
                 "The source language, instead of the file's (de, en, "
                 "zh-CN, ...)")
      ->type_name("LANG");
  qa->add_option("--target", options.qa_target,
                 "The target language, instead of the file's")
      ->type_name("LANG");
  AddJsonFlag(qa, options, "the problems and a summary");
}

// Reads and checks each file; a file that cannot be read is reported and
// the others are still checked. Exit: 0 clean, 1 problems, 2 an error.
int Qa(const Options& options, const Environment& env, std::ostream& out,
       std::ostream& err) {
  Glossary glossary;
  bool had_errors = false;
  if (!LoadGlossaries(options, env, err, &glossary, &had_errors)) return kError;
  QaOptions languages{options.qa_source, options.qa_target};
  std::vector<QaFileResult> results;
  bool failed = had_errors;
  for (const std::string& path : options.translations) {
    QaFileResult& result = results.emplace_back();
    result.name = Shown(path, env);
    std::string bytes, error;
    if (!ReadFile(path, &bytes, &error)) {
      err << "glossa: error: " << error << '\n';
      failed = true;
      continue;
    }
    Diagnostics diags;
    result.read = ReadBilingual(bytes, result.name, options.qa_target, diags,
                                &result.file);
    if (result.read)
      result.report = CheckTranslation(glossary, result.file, languages, diags);
    Print(diags, 0, err);
    if (diags.errors() > 0) {  // not checked: no findings, no summary
      failed = true;
      result.read = false;
    }
  }
  if (options.json) {
    out << QaJson(results).dump(2) << '\n';
  } else {
    PrintQa(results, out);
  }
  if (failed) return kError;
  for (const QaFileResult& result : results) {
    if (!result.report.problems.empty()) return kNotFound;
  }
  return kSuccess;
}

// --translation: the report's translation, read beside it.
void AddTranslationOption(CLI::App* command, Options& options,
                          const std::string& what) {
  command
      ->add_option("--translation", options.translation,
                   "A translation of the report: the XLIFF file glossa "
                   "export --format xliff wrote, translated; " +
                       what)
      ->type_name("FILE");
}

// Reads --translation against `index`, printing problems to `err`; false
// when it cannot be used.
bool LoadTranslation(const Options& options, const Environment& env,
                     const EditionIndex& index, std::ostream& err,
                     Translation* translation) {
  std::string bytes, error;
  if (!ReadFile(options.translation, &bytes, &error)) {
    err << "glossa: error: " << error << '\n';
    return false;
  }
  Diagnostics diags;
  bool read = ReadTranslation(index, bytes, Shown(options.translation, env),
                              diags, translation);
  Print(diags, 0, err);
  return read;
}

// "the translation (en): 36 of 365 sentences, 3 qa findings"
std::string TranslationSummary(const Translation& translation) {
  std::size_t findings = translation.qa.problems.size();
  return "the translation (" + translation.target_lang +
         "): " + std::to_string(translation.translated_units) + " of " +
         std::to_string(translation.units.size()) + " sentences, " +
         std::to_string(findings) +
         (findings == 1 ? " qa finding" : " qa findings");
}

}  // namespace glossa::cli
