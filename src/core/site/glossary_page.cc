#include <algorithm>
#include <string>
#include <vector>

#include "core/html.h"
#include "core/site/page.h"
#include "core/unicode.h"

namespace glossa::site {
namespace {

// The first letter a term is filed under in an index: its first letter
// without diacritics, upper case; "#" for anything else.
std::string FilingLetter(std::string_view text) {
  std::u32string points = CodePoints(LooseKey(text));
  for (char32_t c : points) {
    if (!IsLetter(c)) continue;
    std::string letter = ToUpper(FromCodePoints(std::u32string(1, c)));
    if (letter.size() == 1 && letter[0] >= 'A' && letter[0] <= 'Z')
      return letter;
    return "#";
  }
  return "#";
}

// One list of the index: every entry under the term it is filed by,
// sorted by the collator, grouped by first letter with jump links.
void IndexOrder(const SiteContext& site, pugi::xml_node parent,
                std::string_view key, std::string_view collation,
                bool by_reading) {
  struct Item {
    std::string sort_key;
    std::string shown;
    std::size_t entry;
    std::string letter;
  };
  auto collator = Collator::Create(collation);
  std::vector<Item> items;
  for (std::size_t i = 0; i < site.glossary.concepts.size(); ++i) {
    const Concept& entry = site.glossary.concepts[i];
    std::string shown;
    if (by_reading) {
      std::vector<ChineseForms> chinese = ChineseTerms(entry);
      if (!chinese.empty() && chinese.front().pinyin != nullptr)
        shown = CollapseSpace(chinese.front().pinyin->text);
    } else {
      shown = DisplayTerm(entry, key);
    }
    if (shown.empty()) shown = Headline(entry);
    items.push_back({collator->SortKey(shown), shown, i, FilingLetter(shown)});
  }
  std::stable_sort(
      items.begin(), items.end(),
      [](const Item& a, const Item& b) { return a.sort_key < b.sort_key; });
  std::string prefix = std::string(key) + "-";
  pugi::xml_node section = El(parent, "section", {},
                              {{"class", "order"},
                               {"id", "order-" + std::string(key)},
                               {"data-order", key}});
  pugi::xml_node letters = El(section, "p", {}, {{"class", "letters"}});
  std::vector<std::string> seen;
  for (const Item& item : items) {
    if (seen.empty() || seen.back() != item.letter) {
      seen.push_back(item.letter);
      El(letters, "a", item.letter, {{"href", "#" + prefix + item.letter}});
      AddText(letters, " ");
    }
  }
  pugi::xml_node list;
  std::string current;
  for (const Item& item : items) {
    if (!list || current != item.letter) {
      current = item.letter;
      El(section, "h3", item.letter, {{"id", prefix + item.letter}});
      list = El(section, "ul", {}, {{"class", "entries"}});
    }
    const Concept& entry = site.glossary.concepts[item.entry];
    pugi::xml_node li = El(list, "li", {}, {{"data-entry", entry.id}});
    El(li, "a", item.shown,
       {{"href", site.EntryHref(item.entry, "")},
        {"lang", by_reading ? "zh-Latn-pinyin" : key}});
    std::string gloss = Headline(entry);
    for (std::string_view lang : {"de", "en"}) {
      if (lang == key) continue;
      std::string term = DisplayTerm(entry, lang);
      if (!term.empty()) gloss += " · " + term;
    }
    El(li, "span", gloss, {{"class", "gloss"}});
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
      El(page.main, "nav", {}, {{"class", "orders"}, {"aria-label", "order"}});
  Ui(El(switcher, "a", {}, {{"href", "#order-de"}, {"data-order", "de"}}),
     "Deutsch", "German");
  Ui(El(switcher, "a", {}, {{"href", "#order-en"}, {"data-order", "en"}}),
     "Englisch", "English");
  El(switcher, "a", "Pinyin",
     {{"href", "#order-pinyin"}, {"data-order", "pinyin"}});
  IndexOrder(site, page.main, "de", "de", false);
  IndexOrder(site, page.main, "en", "en", false);
  IndexOrder(site, page.main, "pinyin", "zh@collation=pinyin", true);
  return FinishPage(page, site.document);
}

}  // namespace glossa::site
