// assets/search-data.js: what the search in the bar of every page looks
// through, in a file of its own so that a page loads it only when the
// reader starts searching (src/assets/js/search.js adds it as a <script> on
// first focus or input; a <script> element, unlike fetch, works from file://
// and under the pages' policy). It holds:
//   - every term with the keys `glossa lookup` finds it by (KeysOf), its
//     language, entry and, for a deprecated or superseded term, that status;
//   - every form the report prints of an entry that is not already one of
//     its terms ("schwarzen Listen", "Schwarze Listen" for 黑名单), from the
//     same passages every other view shows, so that search finds the
//     inflected forms lookup finds in the report (FindInflected);
//   - per entry what a result row shows: its headline in runs of one
//     language each, and in German and English its preferred rendering
//     (DisplayTerm) and a short gloss (the definition's first sentence);
//   - every sentence of the report (EditionUnits), with its locator and the
//     id of its block in index.html, for full-text search;
//   - the traditional characters a query is folded with.
// Folding a query, the umlaut transcriptions and typo tolerance are the
// script's: they apply to a query at run time and
// to these keys alike.

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <utility>

#include "core/lookup.h"
#include "core/passages.h"
#include "core/site/page.h"
#include "core/translation.h"
#include "core/unicode.h"

namespace glossa::site {
namespace {

// How many columns of a definition's first sentence a result row shows.
constexpr int kGlossColumns = 120;

// Traditional characters the script folds a query's characters with, as
// ToSimplified does for `glossa lookup`: every Han character of the
// glossary's terms that has another simplified form, and the traditional
// form of every simplified one. (A traditional character of no term's
// simplified character cannot find anything, folded or not.)
nlohmann::ordered_json SimplifiedMap(const Glossary& glossary) {
  std::set<char32_t> han;  // every Han character of the terms, once
  for (const Concept& entry : glossary.concepts) {
    for (const LangSection& section : entry.languages) {
      for (const Term& term : section.terms) {
        for (char32_t c : CodePoints(term.text))
          if (IsCjkLetter(c)) han.insert(c);
      }
    }
  }
  std::map<std::string, std::string> map;
  for (char32_t c : han) {
    std::string simplified =
        FromCodePoints(std::u32string(1, SimplifiedCharacter(c)));
    std::string typed = FoldKey(FromCodePoints(std::u32string(1, c)));
    if (typed != simplified) map[typed] = simplified;
    std::string traditional = ToTraditional(simplified);
    if (traditional != simplified && ToSimplified(traditional) == simplified)
      map[traditional] = simplified;
  }
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const auto& [from, to] : map) out[from] = to;
  return out;
}

// The entry's headline (Headline, glossary.h) as runs, each with its
// language: [["征信", "zh-Hans"], ["徵信", "zh-Hant"], ["zhēngxìn",
// "zh-Latn-pinyin"]]; joined with spaces they are Headline's text.
nlohmann::ordered_json HeadlineRuns(const Concept& entry) {
  nlohmann::ordered_json runs = nlohmann::ordered_json::array();
  std::vector<ChineseForms> chinese = ChineseTerms(entry);
  if (!chinese.empty()) {
    const ChineseForms& first = chinese.front();
    auto text = [](const Term* term) {
      return term == nullptr ? std::string() : CollapseSpace(term->text);
    };
    std::string simplified = text(first.simplified);
    runs.push_back({simplified, kSimplifiedChinese});
    std::string traditional = text(first.traditional);
    if (!traditional.empty() && traditional != simplified)
      runs.push_back({traditional, kTraditionalChinese});
    if (first.pinyin != nullptr) runs.push_back({text(first.pinyin), kPinyin});
    return runs;
  }
  for (const LangSection& section : entry.languages) {
    if (!section.terms.empty()) {
      runs.push_back({CollapseSpace(section.terms.front().text), section.lang});
      return runs;
    }
  }
  runs.push_back({entry.id, "zxx"});  // an id is in no language
  return runs;
}

nlohmann::ordered_json EntryOf(const SiteContext& site, std::size_t i) {
  const Concept& entry = site.glossary.concepts[i];
  nlohmann::ordered_json item;
  item["url"] = site.EntryHref(i, "");
  item["head"] = HeadlineRuns(entry);
  for (std::string_view lang : {"de", "en"})
    item[std::string(lang)] = {
        DisplayTerm(entry, lang),
        CutAtWord(ShortDefinition(entry, lang), kGlossColumns)};
  return item;
}

// What a result row warns of: "deprecated" or "superseded"; "" for a term
// that is fine to use (preferred, admitted, unmarked).
std::string_view Warning(TermStatus status) {
  return status == TermStatus::kDeprecated || status == TermStatus::kSuperseded
             ? StatusName(status)
             : "";
}

// Every spelling the report prints of an entry whose loose key is none of
// its terms' ("schwarzen Listen", "Schwarze Listen", "SCHWARZE LISTEN" for
// „schwarze Liste“), once per entry, in report order: [text, entry id,
// loose key, Warning of the term it is a form of].
nlohmann::ordered_json ReportForms(const SiteContext& site) {
  const EditionIndex& index = site.index;
  std::set<std::pair<int, std::string>> terms;  // (entry, loose key)
  for (std::size_t i = 0; i < site.glossary.concepts.size(); ++i) {
    for (const LangSection& section : site.glossary.concepts[i].languages) {
      for (const Term& term : section.terms)
        terms.insert(
            {static_cast<int>(i), KeysOf(term.text, section.lang).loose});
    }
  }
  std::set<std::pair<int, std::string>> seen;  // (entry, text)
  nlohmann::ordered_json forms = nlohmann::ordered_json::array();
  for (const Passage& passage : index.passages()) {
    const EditionBlock& block = index.blocks()[passage.block];
    std::string text =
        CollapseSpace(std::string_view(block.text)
                          .substr(passage.block_begin,
                                  passage.block_end - passage.block_begin));
    std::string loose = KeysOf(text, index.document().info.language).loose;
    if (loose.empty() || terms.count({passage.entry, loose}) != 0 ||
        !seen.insert({passage.entry, text}).second)
      continue;
    const Concept& entry = site.glossary.concepts[passage.entry];
    forms.push_back({text, entry.id, loose,
                     Warning(index.matcher().TermOf(passage.form).status)});
  }
  return forms;
}

// Every sentence of the report: [unit id, the id of its block in index.html
// ("" if the block has none), place, section, footnote, page, text].
nlohmann::ordered_json Sentences(const SiteContext& site) {
  nlohmann::ordered_json sentences = nlohmann::ordered_json::array();
  for (const EditionUnit& unit : EditionUnits(site.index)) {
    const Locator& at = unit.locator;
    sentences.push_back({unit.id, site.index.blocks()[unit.block].locator.node,
                         at.place, at.section, at.footnote, at.page,
                         unit.source});
  }
  return sentences;
}

}  // namespace

std::string SearchData(const SiteContext& site) {
  nlohmann::ordered_json entries = nlohmann::ordered_json::object();
  nlohmann::ordered_json terms = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < site.glossary.concepts.size(); ++i) {
    const Concept& entry = site.glossary.concepts[i];
    entries[entry.id] = EntryOf(site, i);
    for (const LangSection& section : entry.languages) {
      for (const Term& term : section.terms) {
        TermKeys keys = KeysOf(term.text, section.lang);
        terms.push_back({CollapseSpace(term.text), section.lang, entry.id,
                         keys.loose, keys.pinyin_toneless,
                         Warning(term.status)});
      }
    }
  }
  nlohmann::ordered_json data;
  const std::string& language = site.document.info.language;
  data["lang"] = language.empty() ? "de" : language;
  data["entries"] = std::move(entries);
  data["terms"] = std::move(terms);
  data["forms"] = ReportForms(site);
  data["sentences"] = Sentences(site);
  data["simplified"] = SimplifiedMap(site.glossary);
  return DataScript("GLOSSA_SEARCH_DATA", data.dump());
}

}  // namespace glossa::site
