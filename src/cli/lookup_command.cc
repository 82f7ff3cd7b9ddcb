// glossa lookup: the curated entry first, as the glossary has it, then the
// general dictionaries' entries (--dict, by default the installed ones),
// each block labelled with its dictionary, never merged into the curated
// entry, and a footer naming the licences of what was shown.

#include <algorithm>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/concordance.h"
#include "cli/render.h"
#include "core/dictionary.h"
#include "core/dictionary_open.h"
#include "core/unicode.h"

namespace glossa::cli {
namespace {

// How many entries of one dictionary the text view shows; --json gives all.
constexpr std::size_t kDictionaryEntriesShown = 10;

// What one general dictionary found for the query.
struct Layer {
  const Dictionary* dictionary;
  std::vector<DictionaryHit> hits;
};

std::string JoinTexts(const std::vector<Text>& texts) {
  std::string out;
  for (const Text& text : texts) {
    if (!out.empty()) out += "; ";
    out += CollapseSpace(text.text);
  }
  return out;
}

// Writes `text` after `indent` spaces, wrapped at the style's width with
// the lines after the first indented by two more.
void WriteWrapped(std::string_view text, int indent, const Style& style,
                  std::ostream& out) {
  std::string pad(static_cast<std::size_t>(indent), ' ');
  int column = indent;
  int limit = std::max(style.width, indent + 30);
  std::string collapsed = CollapseSpace(text);
  std::string_view rest = collapsed;
  out << pad;
  bool first = true;
  while (!rest.empty()) {
    std::size_t space = rest.find(' ');
    std::string_view word = rest.substr(0, space);
    int width = DisplayWidth(word);
    if (!first && column + 1 + width > limit) {
      out << '\n' << pad << "  ";
      column = indent + 2;
    } else if (!first) {
      out << ' ';
      ++column;
    }
    out << word;
    column += width;
    first = false;
    rest = space == std::string_view::npos ? "" : rest.substr(space + 1);
  }
  out << '\n';
}

// One general-dictionary entry, compactly, as a popup dictionary shows it:
// a Chinese entry as its headline and glosses; an entry with parallel
// German and English sub-entries (Ding) as "German — English" pairs, the
// first being the headword; any other (a TBX) as its headline and its terms
// and definitions by language.
void RenderDictionaryEntry(const Concept& entry, const Style& style,
                           std::ostream& out) {
  const LangSection* de = entry.Language("de");
  const LangSection* en = entry.Language("en");
  std::string id = Paint(style, kDim, "  [" + entry.id + "]");
  if (!ChineseTerms(entry).empty()) {
    out << "  " << Paint(style, kBold, Headline(entry)) << id << '\n';
    for (const LangSection& section : entry.languages) {
      if (!section.definitions.empty())
        WriteWrapped(JoinTexts(section.definitions), 6, style, out);
    }
    return;
  }
  if (de != nullptr && en != nullptr && !de->definitions.empty() &&
      de->definitions.size() == en->definitions.size()) {
    for (std::size_t i = 0; i < de->definitions.size(); ++i) {
      std::string pair = CollapseSpace(de->definitions[i].text) + " — " +
                         CollapseSpace(en->definitions[i].text);
      if (i == 0) {
        out << "  " << Paint(style, kBold, pair) << id << '\n';
      } else {
        WriteWrapped(pair, 4, style, out);
      }
    }
    return;
  }
  out << "  " << Paint(style, kBold, Headline(entry)) << id << '\n';
  for (const LangSection& section : entry.languages) {
    std::string terms;
    for (const Term& term : section.terms)
      terms += (terms.empty() ? "" : "; ") + CollapseSpace(term.text);
    std::string line = section.lang + ": " + terms;
    if (!section.definitions.empty())
      line += (terms.empty() ? "" : " — ") + JoinTexts(section.definitions);
    WriteWrapped(line, 4, style, out);
  }
}

void RenderLayer(const Layer& layer, const Style& style, std::ostream& out) {
  const DictionarySource& source = layer.dictionary->Source();
  std::size_t count = layer.hits.size();
  out << Paint(style, kBold, source.name)
      << Paint(style, kDim,
               "  general dictionary · " + std::to_string(count) +
                   (count == 1 ? " entry" : " entries"))
      << "\n\n";
  for (std::size_t i = 0; i < count && i < kDictionaryEntriesShown; ++i)
    RenderDictionaryEntry(layer.dictionary->Entry(layer.hits[i].entry), style,
                          out);
  if (count > kDictionaryEntriesShown)
    out << "  … " << count - kDictionaryEntriesShown
        << " more (glossa lookup --json lists every one)\n";
}

// The footer: whose data was shown, under which licence.
void RenderLicences(const std::vector<Layer>& layers, const Style& style,
                    std::ostream& out) {
  std::string line;
  for (const Layer& layer : layers) {
    const DictionarySource& source = layer.dictionary->Source();
    std::string part = source.name;
    std::vector<std::string> about;
    if (!source.licence.empty()) about.push_back(source.licence);
    if (!DictionaryHome(source.name).empty())
      about.emplace_back(DictionaryHome(source.name));
    for (std::size_t i = 0; i < about.size(); ++i)
      part += (i == 0 ? " (" : ", ") + about[i] +
              (i + 1 == about.size() ? ")" : "");
    line += (line.empty() ? "" : "; ") + part;
  }
  out << '\n' << Paint(style, kDim, "General dictionaries: " + line) << '\n';
}

void RenderCurated(const EditionIndex& index, const std::vector<Hit>& hits,
                   const Style& style, std::ostream& out) {
  for (std::size_t i = 0; i < hits.size(); ++i) {
    if (i > 0)
      out << '\n'
          << std::string(static_cast<std::size_t>(style.width), '-') << "\n\n";
    const std::size_t entry = hits[i].concept_index;
    std::vector<Passage> passages = index.PassagesOf(entry);
    RenderEntry(index, entry, style, out);
    out << '\n'
        << Paint(style, kBold, "Passages") << "  " << passages.size()
        << " in the report";
    if (!passages.empty())
      out << " (" << FormatCounts(index.CountsOf(entry)) << ")";
    out << '\n';
    if (passages.size() > kPassagesInEntry) passages.resize(kPassagesInEntry);
    ConcordanceOptions concordance;
    concordance.style = style;
    RenderConcordance(passages, concordance, out);
    if (index.CountOf(entry) > kPassagesInEntry) {
      out << "  all: glossa passages " << index.glossary().concepts[entry].id
          << '\n';
    }
  }
}

nlohmann::ordered_json SourceJson(const DictionarySource& source) {
  return {{"name", source.name},
          {"licence", source.licence},
          {"path", source.path},
          {"curated", false}};
}

// An entry of a general dictionary as JSON: the fields of a curated entry
// that a dictionary entry has, the match, and its dictionary.
nlohmann::ordered_json DictionaryEntryJson(const Layer& layer,
                                           const DictionaryHit& hit) {
  Concept entry = layer.dictionary->Entry(hit.entry);
  nlohmann::ordered_json out;
  out["id"] = entry.id;
  out["headline"] = Headline(entry);
  out["chinese"] = ChineseJson(entry);
  out["languages"] = LanguagesJson(entry);
  out["definitions"] = TextsJson(entry.definitions);
  out["notes"] = TextsJson(entry.notes);
  out["origin"] = {{"file", entry.origin.file}, {"line", entry.origin.line}};
  out["match"] = {{"kind", MatchKindName(hit.kind)},
                  {"term", CollapseSpace(hit.term)}};
  out["dictionary"] = SourceJson(layer.dictionary->Source());
  return out;
}

nlohmann::ordered_json LayeredJson(const EditionIndex& index,
                                   const std::string& query,
                                   const std::vector<Hit>& hits,
                                   const std::vector<Suggestion>& suggestions,
                                   const std::vector<Layer>& layers) {
  nlohmann::ordered_json curated = LookupJson(index, query, hits, suggestions);
  for (nlohmann::ordered_json& entry : curated["entries"])
    entry["dictionary"] = {{"name", "glossary"}, {"curated", true}};
  nlohmann::ordered_json result;
  result["query"] = curated["query"];
  result["entries"] = std::move(curated["entries"]);
  nlohmann::ordered_json general = nlohmann::ordered_json::array();
  for (const Layer& layer : layers) {
    for (const DictionaryHit& hit : layer.hits)
      general.push_back(DictionaryEntryJson(layer, hit));
  }
  result["dictionary_entries"] = std::move(general);
  result["suggestions"] = std::move(curated["suggestions"]);
  return result;
}

}  // namespace

void AddLookupOptions(CLI::App* lookup, Options& options) {
  lookup
      ->add_option("QUERY", options.query,
                   "The term to look up (words may be unquoted)")
      ->required();
  AddJsonFlag(lookup, options, "the entries");
}

std::string QueryText(const Options& options) {
  std::string out;
  for (const std::string& word : options.query) {
    if (!out.empty()) out += ' ';
    out += word;
  }
  return out;
}

void ReportNoEntry(const std::string& query,
                   const std::vector<Suggestion>& suggestions,
                   const Glossary& glossary, std::ostream& err) {
  err << "glossa: no entry for '" << query << "'\n";
  if (suggestions.empty()) return;
  err << "did you mean ";
  for (std::size_t i = 0; i < suggestions.size(); ++i) {
    const Concept& concept_entry =
        glossary.concepts[suggestions[i].concept_index];
    if (i > 0) err << (i + 1 == suggestions.size() ? " or " : ", ");
    std::string term = CollapseSpace(suggestions[i].term);
    std::string headline = Headline(concept_entry);
    err << "'" << term << "'";
    if (headline != term) err << " (" << headline << ")";
  }
  err << "?\n";
}

int Lookup(const Options& options, const Environment& env, std::ostream& out,
           std::ostream& err) {
  std::vector<std::unique_ptr<Dictionary>> dictionaries;
  if (!OpenDictionaries(options, env, /*installed_by_default=*/true, err,
                        &dictionaries))
    return kError;
  auto edition = std::make_unique<Edition>();
  if (!LoadEdition(options, env, err, edition.get())) return kError;
  const EditionIndex& index = *edition->index;
  std::string query = QueryText(options);
  std::vector<Hit> hits = index.Find(query);
  std::vector<Layer> layers;
  for (const auto& dictionary : dictionaries) {
    std::vector<DictionaryHit> found = dictionary->Find(query);
    if (!found.empty()) layers.push_back({dictionary.get(), std::move(found)});
  }
  bool found = !hits.empty() || !layers.empty();
  std::vector<Suggestion> suggestions;
  if (!found) suggestions = index.terms().Suggest(query, 3);

  if (options.json && dictionaries.empty()) {
    out << LookupJson(index, query, hits, suggestions).dump(2) << '\n';
  } else if (options.json) {
    out << LayeredJson(index, query, hits, suggestions, layers).dump(2) << '\n';
  } else {
    Style style = MakeStyle(options, env);
    RenderCurated(index, hits, style, out);
    for (std::size_t i = 0; i < layers.size(); ++i) {
      if (i > 0 || !hits.empty())
        out << '\n'
            << std::string(static_cast<std::size_t>(style.width), '-')
            << "\n\n";
      RenderLayer(layers[i], style, out);
    }
    if (!layers.empty()) RenderLicences(layers, style, out);
  }
  if (!found) ReportNoEntry(query, suggestions, edition->glossary, err);
  const int status =
      edition->had_errors ? kError : (found ? kSuccess : kNotFound);
  KeepUntilExit(std::move(edition), env);
  return status;
}

}  // namespace glossa::cli
