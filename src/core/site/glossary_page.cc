#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "core/html.h"
#include "core/site/page.h"
#include "core/unicode.h"

namespace glossa::site {
namespace {

// The first letter a term is filed under in an index: its first letter
// without diacritics, upper case; "#" for anything else, and for a name
// that begins with a digit ("43 Städte"), which the collators sort first.
std::string FilingLetter(std::string_view text) {
  std::u32string points = CodePoints(LooseKey(text));
  for (char32_t c : points) {
    if (IsDigit(c)) return "#";
    if (!IsLetter(c)) continue;
    std::string letter = ToUpper(FromCodePoints(std::u32string(1, c)));
    if (letter.size() == 1 && letter[0] >= 'A' && letter[0] <= 'Z')
      return letter;
    return "#";
  }
  return "#";
}

// The id of a letter's heading: the letter, "other" for "#" (which may
// not stand in a fragment).
std::string Anchor(const std::string& letter) {
  return letter == "#" ? "other" : letter;
}

// Whether a term is one of the entry's accepted names: preferred, admitted
// or unmarked, and not a variant (an inflected form the matcher uses).
bool Accepted(const Term* term) {
  return term != nullptr && term->status != TermStatus::kDeprecated &&
         term->status != TermStatus::kSuperseded &&
         term->type != TermType::kVariant;
}

// The names an entry is filed under in an order ("de", "en" or, by
// reading, pinyin): the one it is shown by first, then its other accepted
// names, each once.
std::vector<std::string> FiledNames(const Concept& entry, std::string_view key,
                                    bool by_reading) {
  std::vector<std::string> names;
  std::vector<std::string> keys;  // FoldKey: "SCS" once, whatever its case
  auto add = [&names, &keys](std::string name) {
    std::string key = FoldKey(name);
    if (name.empty() || std::find(keys.begin(), keys.end(), key) != keys.end())
      return;
    keys.push_back(std::move(key));
    names.push_back(std::move(name));
  };
  if (by_reading) {
    std::vector<ChineseForms> chinese = ChineseTerms(entry);
    if (!chinese.empty() && chinese.front().pinyin != nullptr) {
      for (const ChineseForms& forms : chinese)
        if (forms.pinyin != nullptr &&
            (names.empty() || Accepted(forms.simplified)))
          add(CollapseSpace(forms.pinyin->text));
    }
  } else {
    add(DisplayTerm(entry, key));
    if (const LangSection* section = entry.Language(key)) {
      for (const Term& term : section->terms)
        if (Accepted(&term)) add(CollapseSpace(term.text));
    }
  }
  if (names.empty()) add(Headline(entry));
  return names;
}

// The entry's names in the other languages after its name `shown`: the
// Chinese term, its traditional form and reading, then the German and
// English terms, each with its lang and none repeating what the line holds.
void Gloss(pugi::xml_node li, const Concept& entry, std::string_view key,
           const std::string& shown) {
  std::vector<std::string> seen = {shown};
  std::vector<std::vector<std::pair<std::string, std::string_view>>> groups(1);
  auto add = [&](std::string text, std::string_view lang) {
    if (text.empty() || std::find(seen.begin(), seen.end(), text) != seen.end())
      return;
    seen.push_back(text);
    groups.back().push_back({std::move(text), lang});
  };
  std::vector<ChineseForms> chinese = ChineseTerms(entry);
  if (!chinese.empty()) {
    const ChineseForms& first = chinese.front();
    add(CollapseSpace(first.simplified->text), kSimplifiedChinese);
    if (first.traditional != nullptr)
      add(CollapseSpace(first.traditional->text), kTraditionalChinese);
    if (first.pinyin != nullptr)
      add(CollapseSpace(first.pinyin->text), kPinyin);
  } else {
    add(Headline(entry), "");
  }
  for (std::string_view lang : {"de", "en"}) {
    if (lang == key) continue;
    groups.emplace_back();
    add(DisplayTerm(entry, lang), lang);
  }
  pugi::xml_node gloss;
  for (const auto& group : groups) {
    if (group.empty()) continue;
    if (!gloss) {
      gloss = El(li, "span", {}, {{"class", "gloss"}});
    } else {
      AddText(gloss, " · ");
    }
    for (std::size_t i = 0; i < group.size(); ++i) {
      if (i > 0) AddText(gloss, " ");
      if (group[i].second.empty()) {
        AddText(gloss, group[i].first);
      } else {
        El(gloss, "span", group[i].first, {{"lang", group[i].second}});
      }
    }
  }
}

// One list of the index: every entry under the name it is shown by, with
// its names in the other languages, and a line "other name → name" for
// each of its other accepted names; sorted by the collator, grouped by
// first letter with jump links; headed `german_title`/`english_title`.
void IndexOrder(const SiteContext& site, pugi::xml_node parent,
                std::string_view key, std::string_view collation,
                bool by_reading, std::string_view german_title,
                std::string_view english_title) {
  struct Item {
    std::string sort_key;
    std::string shown;
    std::size_t entry;
    std::string letter;
    std::string see;  // for another name: the name the entry is shown by
  };
  auto collator = Collator::Create(collation);
  std::vector<Item> items;
  for (std::size_t i = 0; i < site.glossary.concepts.size(); ++i) {
    std::vector<std::string> names =
        FiledNames(site.glossary.concepts[i], key, by_reading);
    for (std::size_t n = 0; n < names.size(); ++n) {
      items.push_back({collator->SortKey(names[n]), names[n], i,
                       FilingLetter(names[n]), n == 0 ? "" : names[0]});
    }
  }
  std::stable_sort(
      items.begin(), items.end(),
      [](const Item& a, const Item& b) { return a.sort_key < b.sort_key; });
  std::string prefix = std::string(key) + "-";
  // The names filed are in the order's language: the section says so once
  // (not every line), and the other languages' names in a line carry their
  // own lang.
  const std::string_view lang = by_reading ? kPinyin : key;
  pugi::xml_node section = El(parent, "section", {},
                              {{"class", "order"},
                               {"id", "order-" + std::string(key)},
                               {"data-order", key},
                               {"lang", lang}});
  // For a screen reader's list of headings: h1, the order, its letters.
  Ui(El(section, "h2", {}, {{"class", "visually-hidden"}}), german_title,
     english_title);
  pugi::xml_node letters = El(section, "p", {}, {{"class", "letters"}});
  std::vector<std::string> seen;
  for (const Item& item : items) {
    if (seen.empty() || seen.back() != item.letter) {
      seen.push_back(item.letter);
      El(letters, "a", item.letter,
         {{"href", "#" + prefix + Anchor(item.letter)}});
      AddText(letters, " ");
    }
  }
  pugi::xml_node list;
  std::string current;
  for (const Item& item : items) {
    if (!list || current != item.letter) {
      current = item.letter;
      El(section, "h3", item.letter, {{"id", prefix + Anchor(item.letter)}});
      list = El(section, "ul", {}, {{"class", "entries"}});
    }
    const Concept& entry = site.glossary.concepts[item.entry];
    pugi::xml_node li = El(list, "li", {}, {{"data-entry", entry.id}});
    El(li, "a", item.shown, {{"href", site.EntryHref(item.entry, "")}});
    if (!item.see.empty()) {
      SetAttribute(li, "class", "see");
      AddText(li, " → " + item.see);
      continue;
    }
    Gloss(li, entry, key, item.shown);
    if (entry.IsBackground()) {
      pugi::xml_node tag = El(li, "span", {}, {{"class", "tag"}});
      Ui(tag, "Hintergrund", "background");
    }
  }
}

}  // namespace

std::string GlossaryPage(const SiteContext& site) {
  Page page = NewPage("Glossar · Glossary", "", "de", "glossary");
  Ui(El(page.main, "h1"), "Glossar", "Glossary");
  pugi::xml_node count = El(page.main, "p", {}, {{"class", "count"}});
  std::string n = std::to_string(site.glossary.concepts.size());
  Ui(count, n + " Einträge", n + " entries");
  pugi::xml_node switcher =
      El(page.main, "nav", {},
         {{"class", "orders"}, {"aria-label", "Reihenfolge · order"}});
  Ui(El(switcher, "a", {}, {{"href", "#order-de"}, {"data-order", "de"}}),
     "Deutsch", "German");
  Ui(El(switcher, "a", {}, {{"href", "#order-en"}, {"data-order", "en"}}),
     "Englisch", "English");
  El(switcher, "a", "Pinyin",
     {{"href", "#order-pinyin"}, {"data-order", "pinyin"}});
  IndexOrder(site, page.main, "de", "de", false, "Nach deutschen Namen",
             "By German name");
  IndexOrder(site, page.main, "en", "en", false, "Nach englischen Namen",
             "By English name");
  IndexOrder(site, page.main, "pinyin", "zh@collation=pinyin", true,
             "Nach Pinyin", "By pinyin");
  return FinishPage(page, site.document);
}

}  // namespace glossa::site
