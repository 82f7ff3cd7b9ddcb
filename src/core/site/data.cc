#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "core/lookup.h"
#include "core/site/page.h"
#include "core/unicode.h"

namespace glossa::site {
namespace {

// The first definition of `lang`: the language section's, else a concept-
// level one.
std::string DefinitionIn(const Concept& concept_entry, std::string_view lang) {
  const LangSection* section = concept_entry.Language(lang);
  if (section != nullptr && !section->definitions.empty())
    return CollapseSpace(section->definitions.front().text);
  return "";
}

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

}  // namespace

// The data the script needs: for each entry what its popup shows; the
// terms search looks through, each with the keys `glossa lookup` finds
// it by (KeysOf: the loose key, and the toneless key of a reading); and
// the characters a query is folded with.
std::string SiteData(const SiteContext& site) {
  nlohmann::ordered_json entries = nlohmann::ordered_json::object();
  nlohmann::ordered_json terms = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < site.glossary.concepts.size(); ++i) {
    const Concept& entry = site.glossary.concepts[i];
    nlohmann::ordered_json item;
    item["url"] = site.EntryHref(i, "");
    item["headline"] = Headline(entry);
    nlohmann::ordered_json chinese = nlohmann::ordered_json::array();
    for (const ChineseForms& forms : ChineseTerms(entry)) {
      auto text = [](const Term* term) {
        return term == nullptr ? std::string() : CollapseSpace(term->text);
      };
      chinese.push_back({{"simplified", text(forms.simplified)},
                         {"traditional", text(forms.traditional)},
                         {"pinyin", text(forms.pinyin)}});
    }
    item["chinese"] = std::move(chinese);
    for (std::string_view lang : {"de", "en"}) {
      nlohmann::ordered_json list = nlohmann::ordered_json::array();
      if (const LangSection* section = entry.Language(lang)) {
        for (const Term& term : section->terms)
          list.push_back({{"text", CollapseSpace(term.text)},
                          {"status", StatusName(term.status)},
                          {"in_report", term.InReport()}});
      }
      item[std::string(lang)] = std::move(list);
    }
    item["definition"] = {{"de", DefinitionIn(entry, "de")},
                          {"en", DefinitionIn(entry, "en")}};
    item["passages"] = site.index.CountOf(i);
    item["background"] = entry.IsBackground();
    entries[entry.id] = std::move(item);
    for (const LangSection& section : entry.languages) {
      for (const Term& term : section.terms) {
        TermKeys keys = KeysOf(term.text, section.lang);
        terms.push_back({CollapseSpace(term.text), section.lang, entry.id,
                         keys.loose, keys.pinyin_toneless});
      }
    }
  }
  nlohmann::ordered_json data;
  data["entries"] = std::move(entries);
  data["terms"] = std::move(terms);
  data["simplified"] = SimplifiedMap(site.glossary);
  // JSON is a valid JavaScript expression. '<' only occurs inside JSON
  // strings; written as \u003c it cannot end a script or start a tag
  // even if this text were ever pasted into a page.
  std::string json = data.dump();
  std::string escaped;
  escaped.reserve(json.size());
  for (char c : json) {
    if (c == '<') {
      escaped += "\\u003c";
    } else {
      escaped += c;
    }
  }
  return "window.GLOSSA_DATA = " + escaped + ";\n";
}

}  // namespace glossa::site
