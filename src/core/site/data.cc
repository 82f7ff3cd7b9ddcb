#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "core/site/page.h"

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

// Whether a status warns the reader off a form: the popup names only these.
bool Warns(TermStatus status) {
  return status == TermStatus::kDeprecated || status == TermStatus::kSuperseded;
}

// What the popup shows of a German or English section, meaning first: the
// rendering the entry is named by (DisplayTerm), the other forms the reader
// may meet (admitted or unmarked: variants, inflected forms) for one line,
// and the forms it warns against, with their status. A status is written
// only where it warns.
//   {"term": "Bonitätswert", "also": ["Punkt", "Score"],
//    "warn": [{"text": "social credit score", "status": "deprecated"}]}
nlohmann::ordered_json Renderings(const Concept& entry, std::string_view lang) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  const LangSection* section = entry.Language(lang);
  if (section == nullptr || section->terms.empty()) return out;
  const std::string shown = DisplayTerm(entry, lang);
  out["term"] = shown;
  nlohmann::ordered_json also = nlohmann::ordered_json::array();
  nlohmann::ordered_json warn = nlohmann::ordered_json::array();
  std::set<std::string> listed = {shown};
  for (const Term& term : section->terms) {
    std::string text = CollapseSpace(term.text);
    if (text == shown && Warns(term.status))
      out["status"] = StatusName(term.status);
    if (!listed.insert(text).second) continue;
    if (Warns(term.status)) {
      warn.push_back({{"text", text}, {"status", StatusName(term.status)}});
    } else {
      also.push_back(text);
    }
  }
  if (!also.empty()) out["also"] = std::move(also);
  if (!warn.empty()) out["warn"] = std::move(warn);
  return out;
}

// An entry as its popup shows it: the Chinese forms (the first is the
// headword; the traditional form only where it differs, a status only
// where it warns), the German and English renderings (Renderings), the
// definition in each, the number of passages and the page's address.
// Search reads `url` and `headline` too.
nlohmann::ordered_json PopupData(const SiteContext& site, std::size_t i) {
  const Concept& entry = site.glossary.concepts[i];
  nlohmann::ordered_json item;
  item["url"] = site.EntryHref(i, "");
  item["headline"] = Headline(entry);
  nlohmann::ordered_json chinese = nlohmann::ordered_json::array();
  for (const ChineseForms& forms : ChineseTerms(entry)) {
    nlohmann::ordered_json form;
    std::string simplified = CollapseSpace(forms.simplified->text);
    std::string traditional = forms.traditional == nullptr
                                  ? simplified
                                  : CollapseSpace(forms.traditional->text);
    form["simplified"] = simplified;
    if (traditional != simplified) form["traditional"] = traditional;
    if (forms.pinyin != nullptr)
      form["pinyin"] = CollapseSpace(forms.pinyin->text);
    if (Warns(forms.simplified->status))
      form["status"] = StatusName(forms.simplified->status);
    chinese.push_back(std::move(form));
  }
  item["chinese"] = std::move(chinese);
  for (std::string_view lang : {"de", "en"})
    item[std::string(lang)] = Renderings(entry, lang);
  item["definition"] = {{"de", DefinitionIn(entry, "de")},
                        {"en", DefinitionIn(entry, "en")}};
  item["passages"] = site.index.CountOf(i);
  item["background"] = entry.IsBackground();
  return item;
}

}  // namespace

// The data the script needs on every page: for each entry what its popup
// shows. What search looks through is in assets/search-data.js (SearchData,
// search_data.cc), loaded only when the reader searches.
std::string SiteData(const SiteContext& site) {
  nlohmann::ordered_json entries = nlohmann::ordered_json::object();
  for (std::size_t i = 0; i < site.glossary.concepts.size(); ++i) {
    entries[site.glossary.concepts[i].id] = PopupData(site, i);
  }
  nlohmann::ordered_json data;
  data["entries"] = std::move(entries);
  return DataScript("GLOSSA_DATA", data.dump());
}

std::string DataScript(std::string_view variable, std::string_view json) {
  // JSON is a valid JavaScript expression. '<' only occurs inside JSON
  // strings; written as \u003c it cannot end a script or start a tag
  // even if this text were ever pasted into a page.
  std::string out = "window." + std::string(variable) + " = ";
  out.reserve(out.size() + json.size() + 2);
  for (char c : json) {
    if (c == '<') {
      out += "\\u003c";
    } else {
      out += c;
    }
  }
  return out + ";\n";
}

}  // namespace glossa::site
