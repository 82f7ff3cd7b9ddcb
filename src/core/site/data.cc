#include <nlohmann/json.hpp>
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

}  // namespace

// The data the script needs on every page: for each entry what its popup
// shows. What search looks through is in assets/search-data.js (SearchData,
// search_data.cc), loaded only when the reader searches.
std::string SiteData(const SiteContext& site) {
  nlohmann::ordered_json entries = nlohmann::ordered_json::object();
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
