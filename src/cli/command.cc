#include "cli/command.h"

#include <algorithm>
#include <optional>
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

namespace {

struct GlossaryFile {
  std::string shown;  // the path as the user sees it (Shown)
  std::string bytes;
  std::string path;  // where it is read from
  bool read = true;  // false: known by its hash alone, bytes still empty
};

// The content hashes of the glossary files (--glossary, or the built-in
// one), in order, into *hashes, with the files into *files: a file
// unchanged since its hash was recorded in `cache` (dictionary_cache.h) is
// not read (its `read` is false; the edition cache of its hash holds what
// reading it gave); any other is read, hashed and recorded. Reading the
// built-in TBX and hashing it was a sixth of a lookup's instructions. A file
// that cannot be read is reported to `err`; false if one could not.
bool HashGlossaryFiles(const Options& options, const Environment& env,
                       const DictionaryCache& cache, std::ostream& err,
                       std::vector<GlossaryFile>* files,
                       std::vector<ContentHash>* hashes) {
  bool ok = true;
  for (const std::string& path : GlossaryPaths(options, env)) {
    GlossaryFile file{Shown(path, env), "", path, false};
    std::optional<SourceKey> key = KeySource(path);
    std::optional<ContentHash> hash;
    if (key && !cache.dir.empty()) hash = RecordedHash(cache, *key);
    if (!hash) {
      std::string error;
      if (!ReadFile(path, &file.bytes, &error)) {
        err << "glossa: error: " << error << '\n';
        ok = false;
        continue;
      }
      file.read = true;
      hash = HashContent(file.bytes);
      if (key && !cache.dir.empty()) RecordHash(cache, *key, *hash);
    }
    hashes->push_back(*hash);
    files->push_back(std::move(file));
  }
  return ok;
}

// Reads the files HashGlossaryFiles did not read; false, having reported
// why to `err`, if one cannot be read now.
bool ReadUnread(std::vector<GlossaryFile>& files, std::ostream& err) {
  for (GlossaryFile& file : files) {
    if (file.read) continue;
    std::string error;
    if (!ReadFile(file.path, &file.bytes, &error)) {
      err << "glossa: error: " << error << '\n';
      return false;
    }
    file.read = true;
  }
  return true;
}

// Reads `files` (TBX, or CC-CEDICT) into one glossary; what reading them
// reports goes to `diags`. False if one could not be read at all.
bool ParseGlossaries(const std::vector<GlossaryFile>& files, Glossary* out,
                     Diagnostics* diags) {
  bool ok = true;
  bool first = true;
  for (const GlossaryFile& file : files) {
    Glossary glossary;
    bool read = LooksLikeCedict(file.bytes)
                    ? ReadCedict(file.bytes, file.shown, *diags, &glossary)
                    : ReadTbx(file.bytes, file.shown, *diags, &glossary);
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
  return ok;
}

// When a glossary file could not be read: what reading the others reports,
// so that one run names every problem of every file. Nothing is loaded or
// cached.
void ReportTheOthers(std::vector<GlossaryFile>& files, std::ostream& err) {
  if (!ReadUnread(files, err)) return;
  Glossary unused;
  Diagnostics diags;
  ParseGlossaries(files, &unused, &diags);
  Print(diags, 0, err);
}

}  // namespace

bool LoadGlossaries(const Options& options, const Environment& env,
                    std::ostream& err, Glossary* out, bool* had_errors) {
  const DictionaryCache cache{env.dictionary_cache};
  std::vector<GlossaryFile> files;
  std::vector<ContentHash> hashes;
  *had_errors = true;
  if (!HashGlossaryFiles(options, env, cache, err, &files, &hashes)) {
    ReportTheOthers(files, err);
    return false;
  }
  std::vector<std::string> shown;
  for (const GlossaryFile& file : files) shown.push_back(file.shown);
  Diagnostics reported, diags;
  const bool read = OpenGlossary(
      GlossaryKey(hashes, env.build), shown,
      [&](Glossary* glossary, Diagnostics* report) {
        return ReadUnread(files, err) &&
               ParseGlossaries(files, glossary, report);
      },
      cache, out, &reported, diags);
  Print(reported, 0, err);
  Print(diags, 0, err);
  *had_errors = !read || reported.errors() > 0;
  return read;
}

Style MakeStyle(const Options& options, const Environment& env) {
  Style style;
  style.color =
      options.color == "always" ||
      (options.color == "auto" && env.out_is_terminal && !env.no_color);
  style.width = std::clamp(env.terminal_width, 40, 120);
  return style;
}

void KeepUntilExit(std::unique_ptr<Edition> edition, const Environment& env) {
  if (!env.ends_process) return;
  static auto* kept = new std::vector<std::unique_ptr<Edition>>();
  kept->push_back(std::move(edition));
}

// Loads *edition, printing problems to `err`; false if nothing loaded.
bool LoadEdition(const Options& options, const Environment& env,
                 std::ostream& err, Edition* edition) {
  const DictionaryCache cache{env.dictionary_cache};
  std::vector<GlossaryFile> files;
  std::vector<ContentHash> hashes;
  ContentHash document;
  if (!HashGlossaryFiles(options, env, cache, err, &files, &hashes)) {
    ReportTheOthers(files, err);
    return false;
  }
  if (!LoadDocument(options, env, err, &edition->document, &document))
    return false;
  std::vector<std::string> shown;
  for (const GlossaryFile& file : files) shown.push_back(file.shown);
  Diagnostics reported, diags;
  edition->index = OpenEdition(
      EditionKey(hashes, document, env.build), shown, edition->document,
      [&](Glossary* glossary, Diagnostics* report) {
        return ReadUnread(files, err) &&
               ParseGlossaries(files, glossary, report);
      },
      cache, &edition->glossary, &reported, diags);
  Print(reported, 0, err);
  Print(diags, 0, err);
  edition->had_errors = reported.errors() > 0;
  return edition->index != nullptr;
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
  const ContentHash content = HashContent(bytes);
  if (hash != nullptr) *hash = content;
  // Parsed once per edition and build, then decoded from the cache.
  const std::string shown = Shown(path, env);
  Diagnostics reported, diags;
  const bool read = OpenDocument(
      DocumentKey(content, env.build), shown,
      [&](Document* out, Diagnostics* report) {
        return ReadTei(bytes, shown, *report, out);
      },
      DictionaryCache{env.dictionary_cache}, document, &reported, diags);
  Print(reported, 0, err);
  Print(diags, 0, err);
  return read && reported.errors() == 0;
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
