// glossa import: text extracted from a PDF, judged with a German word list
// and a corrections file, written out as a TEI edition.

#include <ostream>
#include <string>
#include <vector>

#include "cli/command.h"
#include "core/diagnostics.h"
#include "core/document.h"
#include "core/file_io.h"
#include "core/tei.h"
#include "core/text_import.h"
#include "core/vocabulary.h"

namespace glossa::cli {
namespace {

// Reads FILE, or standard input for "-".
bool ReadInput(const std::string& path, const Environment& env,
               std::string* bytes, std::string* error) {
  if (path != "-") return ReadFile(path, bytes, error);
  if (env.in == nullptr) {
    *error = "cannot read standard input";
    return false;
  }
  return ReadStream(*env.in, "<stdin>", bytes, error);
}

}  // namespace

void AddImportOptions(CLI::App* import, Options& options) {
  import
      ->add_option("FILE", options.input,
                   "The extracted text (\"-\" for standard input)")
      ->required();
  AddOutputFileOption(import, options);
  import
      ->add_option("--corrections", options.corrections,
                   "Apply this corrections file (what the heuristics get "
                   "wrong; see the README)")
      ->type_name("FILE");
  import
      ->add_option(
          "--wordlist", options.wordlists,
          "Judge words with this word list, one word per line (default: "
          "/usr/share/dict/ngerman from Debian's wngerman); repeatable")
      ->type_name("FILE")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

int Import(const Options& options, const Environment& env, std::ostream& out,
           std::ostream& err) {
  std::string bytes, error;
  if (!ReadInput(options.input, env, &bytes, &error)) {
    err << "glossa: error: " << error << '\n';
    return kError;
  }
  Vocabulary vocabulary;
  std::vector<std::string> lists = options.wordlists.empty()
                                       ? std::vector<std::string>{env.wordlist}
                                       : options.wordlists;
  for (const std::string& list : lists) {
    std::string words;
    if (!ReadFile(list, &words, &error)) {
      err << "glossa: error: " << error
          << (options.wordlists.empty()
                  ? " (install Debian's wngerman, or give --wordlist)"
                  : "")
          << '\n';
      return kError;
    }
    vocabulary.AddWordList(words);
  }
  ImportOptions import;
  import.name = options.input == "-" ? "<stdin>" : Shown(options.input, env);
  import.vocabulary = &vocabulary;
  if (!options.corrections.empty()) {
    if (!ReadFile(options.corrections, &import.corrections, &error)) {
      err << "glossa: error: " << error << '\n';
      return kError;
    }
    import.corrections_name = Shown(options.corrections, env);
  }
  Diagnostics diags;
  Document document;
  bool imported = ImportText(bytes, import, diags, &document);
  Print(diags, 0, err);
  if (!imported || diags.errors() > 0) return kError;
  std::string tei = WriteTei(document);
  if (options.output == "-") {
    out << tei;
    return kSuccess;
  }
  if (!WriteFileAtomically(options.output, tei, &error)) {
    err << "glossa: error: " << error << '\n';
    return kError;
  }
  return kSuccess;
}

}  // namespace glossa::cli
