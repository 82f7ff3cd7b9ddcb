// glossa export: the glossary (or the report, as XLIFF) in the formats
// other tools read.

#include <filesystem>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "cli/command.h"
#include "core/export.h"
#include "core/file_io.h"
#include "core/glossary_matcher.h"
#include "core/tbx_writer.h"
#include "core/unicode.h"
#include "core/xliff_export.h"

namespace glossa::cli {
namespace {

// Every form the matcher finds (not readings, not deprecated terms), one per
// line, each once: a term list for grep, CAT tools and the benchmark.
std::string TermList(const Glossary& glossary) {
  const GlossaryMatcher matcher(glossary);
  std::set<std::string> seen;
  std::string out;
  for (int form = 0; form < static_cast<int>(matcher.forms()); ++form) {
    std::string text = CollapseSpace(matcher.TermOf(form).text);
    if (!text.empty() && seen.insert(text).second) out += text + "\n";
  }
  return out;
}

// The edition's file name, for an XLIFF file's `original`.
std::string EditionFileName(const Options& options) {
  return std::filesystem::path(options.document.empty()
                                   ? std::string(kBuiltInEdition)
                                   : options.document)
      .filename();
}

// The target-language tag an XLIFF file names: zh-CN (or zh-Hans with
// --chinese-tags script) for Chinese.
std::string XliffTarget(const ExportOptions& chosen) {
  if (chosen.target != "zh") return chosen.target;
  return chosen.chinese_tags == ExportOptions::ChineseTags::kScript ? "zh-Hans"
                                                                    : "zh-CN";
}

// The name of a StarDict export: its folder's.
std::string StarDictName(const Options& options) {
  std::string name = std::filesystem::path(options.output).filename();
  if (name.empty() || name == "." || name == "..") name = "glossa";
  return name;
}

// The export the options ask for, as the files to write: one with an
// empty name for the formats that are one file.
std::vector<SiteFile> Exported(const Options& options, const Edition& edition) {
  ExportOptions chosen;
  chosen.source = options.source;
  chosen.target = options.target;
  chosen.languages = options.langs;
  chosen.chinese_tags = options.chinese_tags == "script"
                            ? ExportOptions::ChineseTags::kScript
                            : ExportOptions::ChineseTags::kRegion;
  const Glossary& glossary = edition.glossary;
  const std::string& format = options.format;
  if (format == "stardict") {
    std::vector<SiteFile> files;
    for (auto& [file, contents] :
         WriteStarDict(glossary, chosen, StarDictName(options)))
      files.push_back({file, std::move(contents)});
    return files;
  }
  std::string text =
      format == "terms"     ? TermList(glossary)
      : format == "tbx2008" ? WriteTbx2008(glossary, chosen)
      : format == "tsv"     ? WriteOmegaTsv(glossary, chosen)
      : format == "csv"     ? WriteCsv(glossary, chosen)
      : format == "anki"  ? WriteAnkiText(glossary, edition.index.get(), chosen)
      : format == "xliff" ? WriteXliff(*edition.index, XliffTarget(chosen),
                                       EditionFileName(options))
      : format == "xliff2" ? WriteXliff2(*edition.index, XliffTarget(chosen),
                                         EditionFileName(options))
                           : WriteTbx(glossary);
  return {{"", std::move(text)}};
}

}  // namespace

void AddExportOptions(CLI::App* export_command, Options& options) {
  export_command
      ->add_option(
          "--format", options.format,
          "tbx (TBX-Basic, TBX v3), tbx2008 (TBX-Basic in the 2008 "
          "martif layout: OmegaT, translate-toolkit, CAT tools), tsv "
          "(OmegaT's glossary), csv (memoQ, Phrase, Matecat), "
          "stardict (a dictionary folder for GoldenDict, KOReader, "
          "sdcv), anki (Anki's text import), xliff (the report as an "
          "XLIFF 1.2 file to translate, with the glossary's terms of "
          "each sentence), xliff2 (the same as XLIFF 2.0, the terms in "
          "its glossary module), terms (every form annotate and passages "
          "find, one per line)")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"tbx", "tbx2008", "tsv", "csv", "stardict", "anki",
                             "xliff", "xliff2", "terms"}));
  const auto language = CLI::IsMember({"de", "en", "zh"});
  export_command
      ->add_option("--source", options.source,
                   "tsv, anki: the language of the source terms (de, en, "
                   "zh; default de)")
      ->type_name("LANG")
      ->check(language);
  export_command
      ->add_option("--target", options.target,
                   "tsv, anki, xliff, xliff2: the language of the target terms "
                   "(default en)")
      ->type_name("LANG")
      ->check(language);
  export_command
      ->add_option("--langs", options.langs,
                   "tbx2008, csv, stardict: the languages to write, "
                   "comma-separated (default: all)")
      ->type_name("LANG,...")
      ->delimiter(',')
      ->check(language);
  export_command
      ->add_option("--chinese-tags", options.chinese_tags,
                   "tbx2008, csv: region writes zh-CN and zh-TW, as CAT tools "
                   "expect (default); script writes zh-Hans and zh-Hant")
      ->type_name("TAGS")
      ->check(CLI::IsMember({"region", "script"}));
  AddOutputOption(export_command, options.output, "PATH",
                  "Write to PATH instead of standard output (- is standard "
                  "output; stardict needs a folder); a file or folder is "
                  "replaced only once it is complete");
}

int Export(const Options& options, const Environment& env, std::ostream& out,
           std::ostream& err) {
  if (options.format == "stardict" && options.output == "-") {
    err << "glossa: error: export: a StarDict dictionary is a folder of "
           "files and cannot go to standard output; give the folder with -o "
           "DIR\n";
    return kError;
  }
  Edition edition;
  if (options.format == "anki" || options.format == "xliff" ||
      options.format == "xliff2") {
    // Anki's notes quote the report; xliff is the report.
    if (!LoadEdition(options, env, err, &edition)) return kError;
  } else if (!LoadGlossaries(options, env, err, &edition.glossary,
                             &edition.had_errors)) {
    return kError;
  }
  if (edition.had_errors) {
    err << "glossa: error: nothing written, because the glossary has errors "
           "(see above)\n";
    return kError;
  }
  std::vector<SiteFile> files = Exported(options, edition);
  std::string error;
  bool written = false;
  if (options.format == "stardict") {
    written =
        WriteDirectoryAtomically(options.output, files, &error,
                                 StarDictReaderCaches(StarDictName(options)));
  } else if (options.output == "-") {
    out << files.front().contents;
    return kSuccess;
  } else {
    written =
        WriteFileAtomically(options.output, files.front().contents, &error);
  }
  if (!written) {
    err << "glossa: error: " << error << '\n';
    return kError;
  }
  return kSuccess;
}

}  // namespace glossa::cli
