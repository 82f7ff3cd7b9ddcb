// What glossa's commands share: the options the flags set, the exit
// statuses, and the loading and printing every command does the same way.
// Internal to the command-line layer: cli.cc holds the flag table and the
// commands of reading, lookup has a file of its own (lookup_command.cc), and
// the commands that work on other files have a file each
// (export_command.cc, qa_command.cc, check_command.cc, import_command.cc).

#ifndef GLOSSA_CLI_COMMAND_H_
#define GLOSSA_CLI_COMMAND_H_

#include <CLI/CLI.hpp>
#include <cstddef>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "cli/environment.h"
#include "cli/style.h"
#include "core/diagnostics.h"
#include "core/dictionary.h"
#include "core/dictionary_index.h"
#include "core/document.h"
#include "core/edition_index.h"
#include "core/glossary.h"
#include "core/lookup.h"
#include "core/translation.h"

namespace glossa::cli {

inline constexpr int kSuccess = 0;
inline constexpr int kNotFound = 1;
inline constexpr int kError = 2;
inline constexpr const char* kBuiltInGlossary = "social-credit.tbx";
inline constexpr const char* kBuiltInEdition = "sources/merics-2017-de.tei.xml";

// Everything the flags set; each flag is defined once, by BuildApp and the
// functions kCommands names.
struct Options {
  std::vector<std::string> glossaries;
  std::string document;  // an edition to read instead of the built-in one
  std::string color = "auto";
  // lookup, annotate: the general dictionaries (names or files); "none"
  // turns them off. Empty: lookup uses the installed ones, annotate none.
  std::vector<std::string> dicts;
  std::vector<std::string> query;  // lookup: the words of the query
  bool json = false;
  std::vector<std::string> files;         // check
  std::string format = "tbx";             // export
  std::string source = "de";              // export tsv, anki
  std::string target = "en";              // export tsv, anki
  std::vector<std::string> langs;         // export tbx2008, csv, stardict
  std::string chinese_tags = "region";    // export tbx2008, csv
  std::vector<std::string> translations;  // qa: the bilingual files
  std::string qa_source;                  // qa: override the files'
  std::string qa_target;                  //     languages
  std::string output = "-";               // export, import
  std::string input = "-";                // import, annotate
  std::string corrections;                // import
  std::vector<std::string> wordlists;     // import
  std::string section;                    // read
  std::string notes = "section";          // read
  std::string pages = "margin";           // read
  std::string sort = "position";          // passages
  int context = 0;                        // passages
  std::string annotate_format = "text";   // annotate
  std::string encoding;                   // annotate
  unsigned threads = 0;                   // annotate
  std::string site_dir;                   // site: its -o, --output
  std::string translation;                // site, read: a translated XLIFF
};

// The loaded glossaries read against the edition (--document or the
// built-in one), for the commands that show where entries stand.
struct Edition {
  Glossary glossary;
  Document document;
  bool had_errors = false;  // a glossary had errors, yet loaded
  std::unique_ptr<EditionIndex> index;
};

// Frees `edition` now, or, when env.ends_process, leaves it to the end of
// the process: the kernel takes the memory back at once, while freeing the
// glossary's tens of thousands of strings one by one was an eighth of a
// lookup's instructions (5 M of 42 M). It stays reachable from a static
// list, so a leak checker does not report it.
void KeepUntilExit(std::unique_ptr<Edition> edition, const Environment& env);

// Flags that more than one command has, each defined once.
void AddJsonFlag(CLI::App* command, Options& options, const std::string& what);
// -o, --output: what a command writes (a file, or a folder), spelt the same
// for every command. `alias` is another name it keeps accepting.
CLI::Option* AddOutputOption(CLI::App* command, std::string& target,
                             const std::string& type,
                             const std::string& description,
                             const std::string& alias = "");
// The output option of a command that writes a file or standard output.
void AddOutputFileOption(CLI::App* command, Options& options);

// A path as the user should see it: relative to the working folder when it
// lies inside it.
std::string Shown(const std::string& path, const Environment& env);
// Prints the diagnostics from the `from`-th on, one per line.
void Print(const Diagnostics& diags, std::size_t from, std::ostream& err);
// Colour and width for `out`, from --color and the terminal.
Style MakeStyle(const Options& options, const Environment& env);

// The glossary files the user asked for (--glossary), or the built-in one.
std::vector<std::string> GlossaryPaths(const Options& options,
                                       const Environment& env);
// Loads every glossary file (--glossary, or the built-in one) into one,
// from the glossary cache (OpenGlossary, edition_cache.h) when it has them:
// the files are then neither read nor parsed while they are unchanged.
// Problems go to `err`, from the cache as from the files. Returns false if
// a file could not be read at all; *had_errors tells whether any error was
// reported.
bool LoadGlossaries(const Options& options, const Environment& env,
                    std::ostream& err, Glossary* out, bool* had_errors);
// Loads the edition: --document, or the built-in one; false (reported) if
// it cannot be read or has errors. `hash`, when given, gets its content
// hash.
bool LoadDocument(const Options& options, const Environment& env,
                  std::ostream& err, Document* document,
                  ContentHash* hash = nullptr);
// Loads *edition, printing problems to `err`; false if nothing loaded. The
// glossary, its lookup keys and its passages come from the edition cache
// (edition_cache.h) in the folder of the dictionary indexes when it has
// them: the glossary files and the edition are then read and hashed, and
// the edition parsed, but the glossary files are not parsed.
bool LoadEdition(const Options& options, const Environment& env,
                 std::ostream& err, Edition* edition);

// The general dictionaries --dict names, opened, in the order given; when
// --dict is not given, the installed ones if `installed_by_default`, else
// none; "--dict none": none. False, with the problem printed to `err`,
// when one cannot be opened; warnings about broken lines are printed and
// the rest loads.
bool OpenDictionaries(const Options& options, const Environment& env,
                      bool installed_by_default, std::ostream& err,
                      std::vector<std::unique_ptr<Dictionary>>* out);

// glossa lookup (lookup_command.cc).
void AddLookupOptions(CLI::App* lookup, Options& options);
int Lookup(const Options& options, const Environment& env, std::ostream& out,
           std::ostream& err);
// The words of QUERY as one query.
std::string QueryText(const Options& options);
// Says that the glossary has no entry for `query`, with the nearest
// entries: "glossa: no entry for 'xyz'", "did you mean 'a' (...)?".
void ReportNoEntry(const std::string& query,
                   const std::vector<Suggestion>& suggestions,
                   const Glossary& glossary, std::ostream& err);

// glossa export (export_command.cc).
void AddExportOptions(CLI::App* export_command, Options& options);
int Export(const Options& options, const Environment& env, std::ostream& out,
           std::ostream& err);

// glossa check: validates TBX files and what their links point to
// (check_command.cc).
void AddCheckOptions(CLI::App* check, Options& options);
int Check(const Options& options, const Environment& env, std::ostream& out,
          std::ostream& err);

// glossa import: text extracted from a PDF to a TEI edition
// (import_command.cc).
void AddImportOptions(CLI::App* import, Options& options);
int Import(const Options& options, const Environment& env, std::ostream& out,
           std::ostream& err);

// glossa qa, and a translation of the report (qa_command.cc).
void AddQaOptions(CLI::App* qa, Options& options);
int Qa(const Options& options, const Environment& env, std::ostream& out,
       std::ostream& err);
// --translation, for the commands that show a translation of the report.
void AddTranslationOption(CLI::App* command, Options& options,
                          const std::string& what);
// Reads --translation against `index`, printing problems to `err`; false
// when it cannot be used.
bool LoadTranslation(const Options& options, const Environment& env,
                     const EditionIndex& index, std::ostream& err,
                     Translation* translation);
// "the translation (en): 36 of 365 sentences, 3 qa findings"
std::string TranslationSummary(const Translation& translation);

}  // namespace glossa::cli

#endif  // GLOSSA_CLI_COMMAND_H_
