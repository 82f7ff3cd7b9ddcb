#include "cli/command.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "core/cedict.h"
#include "core/dictionary_open.h"
#include "core/edition_cache.h"
#include "core/file_io.h"
#include "core/tbx_reader.h"
#include "core/tei.h"

namespace glossa::cli {

// Flags that more than one command has, each defined once.
void AddJsonFlag(CLI::App* command, Options& options, const std::string& what) {
  command->add_flag("--json", options.json,
                    "Print " + what + " as JSON (see the README)");
}

// -o, --output: what a command writes (a file, or a folder), spelt the same
// for every command. `alias` is another name it keeps accepting.
CLI::Option* AddOutputOption(CLI::App* command, std::string& target,
                             const std::string& type,
                             const std::string& description,
                             const std::string& alias) {
  return command
      ->add_option("-o,--output" + (alias.empty() ? "" : "," + alias), target,
                   description)
      ->type_name(type);
}

// The output option of a command that writes a file or standard output.
void AddOutputFileOption(CLI::App* command, Options& options) {
  AddOutputOption(command, options.output, "FILE",
                  "Write to FILE instead of standard output (- is standard "
                  "output); a file is replaced only once it is complete");
}

// A path as the user should see it: relative to the working folder when it
// lies inside it.
std::string Shown(const std::string& path, const Environment& env) {
  if (env.working_dir.empty() || env.working_dir == "/") return path;
  std::string prefix = env.working_dir;
  if (prefix.back() != '/') prefix += '/';
  if (path.rfind(prefix, 0) == 0) return path.substr(prefix.size());
  return path;
}

void Print(const Diagnostics& diags, std::size_t from, std::ostream& err) {
  for (std::size_t i = from; i < diags.all().size(); ++i) {
    err << FormatDiagnostic(diags.all()[i]) << '\n';
  }
}

// The glossary files the user asked for, or the built-in one.
std::vector<std::string> GlossaryPaths(const Options& options,
                                       const Environment& env) {
  if (!options.glossaries.empty()) return options.glossaries;
  return {env.data_dir + "/" + kBuiltInGlossary};
}

// Loads every glossary file into one. Problems go to `err`. Returns false
// if a file could not be read at all; *had_errors tells whether any error
// was reported.
bool LoadGlossaries(const Options& options, const Environment& env,
                    std::ostream& err, Glossary* out, bool* had_errors,
                    std::vector<ContentHash>* hashes) {
  bool ok = true;
  bool first = true;
  Diagnostics diags;
  for (const std::string& path : GlossaryPaths(options, env)) {
    std::string bytes, error;
    if (!ReadFile(path, &bytes, &error)) {
      err << "glossa: error: " << error << '\n';
      ok = false;
      continue;
    }
    if (hashes != nullptr) hashes->push_back(HashContent(bytes));
    Glossary glossary;
    std::size_t before = diags.all().size();
    bool read = LooksLikeCedict(bytes)
                    ? ReadCedict(bytes, Shown(path, env), diags, &glossary)
                    : ReadTbx(bytes, Shown(path, env), diags, &glossary);
    Print(diags, before, err);
    if (!read) {
      ok = false;
      continue;
    }
    if (first) {
      *out = std::move(glossary);
      first = false;
    } else {
      Merge(std::move(glossary), out);
    }
  }
  *had_errors = !ok || diags.errors() > 0;
  return ok;
}

Style MakeStyle(const Options& options, const Environment& env) {
  Style style;
  style.color =
      options.color == "always" ||
      (options.color == "auto" && env.out_is_terminal && !env.no_color);
  style.width = std::clamp(env.terminal_width, 40, 120);
  return style;
}

// Loads *edition, printing problems to `err`; false if nothing loaded.
bool LoadEdition(const Options& options, const Environment& env,
                 std::ostream& err, Edition* edition) {
  std::vector<ContentHash> glossary_files;
  ContentHash document;
  if (!LoadGlossaries(options, env, err, &edition->glossary,
                      &edition->had_errors, &glossary_files) ||
      !LoadDocument(options, env, err, &edition->document, &document))
    return false;
  Diagnostics diags;
  edition->index =
      OpenEditionIndex(edition->glossary, edition->document,
                       EditionKey(glossary_files, document, env.build),
                       DictionaryCache{env.dictionary_cache}, diags);
  Print(diags, 0, err);
  return true;
}

// Loads the edition: --document, or the built-in one.
bool LoadDocument(const Options& options, const Environment& env,
                  std::ostream& err, Document* document, ContentHash* hash) {
  std::string path = options.document.empty()
                         ? env.data_dir + "/" + kBuiltInEdition
                         : options.document;
  std::string bytes, error;
  if (!ReadFile(path, &bytes, &error)) {
    err << "glossa: error: " << error << '\n';
    return false;
  }
  if (hash != nullptr) *hash = HashContent(bytes);
  Diagnostics diags;
  bool read = ReadTei(bytes, Shown(path, env), diags, document);
  Print(diags, 0, err);
  return read && diags.errors() == 0;
}

bool OpenDictionaries(const Options& options, const Environment& env,
                      bool installed_by_default, std::ostream& err,
                      std::vector<std::unique_ptr<Dictionary>>* out) {
  std::vector<std::string> names = options.dicts;
  if (names.empty() && installed_by_default)
    names = InstalledDictionaries(env.dictionaries);
  if (names.size() == 1 && names[0] == "none") return true;
  DictionaryCache cache{env.dictionary_cache};  // warns once if unwritable
  for (const std::string& name : names) {
    if (name == "none") {
      err << "glossa: error: --dict none turns the dictionaries off; it "
             "cannot stand with others\n";
      return false;
    }
    Diagnostics diags;
    std::unique_ptr<Dictionary> dictionary =
        OpenDictionary(name, env.dictionaries, diags,
                       Shown(DictionaryPath(name, env.dictionaries), env),
                       env.dictionary_cache.empty() ? nullptr : &cache);
    Print(diags, 0, err);
    if (!dictionary) return false;
    out->push_back(std::move(dictionary));
  }
  return true;
}

}  // namespace glossa::cli
