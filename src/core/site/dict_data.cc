#include "core/site/dict_data.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/dictionary_marks.h"
#include "core/dictionary_open.h"
#include "core/html.h"
#include "core/unicode.h"

namespace glossa::site {
namespace {

using Json = nlohmann::ordered_json;

// Who made a dictionary SourceOf names, for the licence line and NOTICE;
// from /usr/share/doc/trans-de-en/copyright and https://cc-cedict.org/.
std::string_view MakersOf(std::string_view name) {
  if (name == "CC-CEDICT") return "MDBG and the CC-CEDICT contributors";
  if (name == "Ding") return "Frank Richter, TU Chemnitz";
  return "";
}

// The first code point of `text`, 0 when empty.
char32_t FirstCodePoint(std::string_view text) {
  std::u32string points = CodePoints(text.substr(0, 4));
  return points.empty() ? 0 : points.front();
}

// `text`, white space collapsed, cut after the last of its "; "-separated
// items that ends within kSenseBytes ("…" marks the cut; the first item is
// kept whole): Ding lists a dozen synonyms in one sub-entry, and a popup
// needs the first few.
std::string Cut(std::string_view text) {
  std::string collapsed = CollapseSpace(text);
  if (collapsed.size() <= kSenseBytes) return collapsed;
  std::size_t end = collapsed.find("; ");
  if (end == std::string::npos) return collapsed;
  for (std::size_t next = collapsed.find("; ", end + 2);
       next != std::string::npos && next <= kSenseBytes;
       next = collapsed.find("; ", next + 2))
    end = next;
  return collapsed.substr(0, end) + "; …";
}

// The texts of `texts` (Cut), at most `limit` of them; *left_out gets how
// many more there were.
std::vector<std::string> FirstTexts(const std::vector<Text>& texts,
                                    std::size_t limit, std::size_t* left_out) {
  std::vector<std::string> out;
  for (const Text& text : texts) {
    if (out.size() == limit) {
      ++*left_out;
      continue;
    }
    out.push_back(Cut(text.text));
  }
  return out;
}

// One entry as a popup shows it, its senses cut to kSensesPerEntry or
// kSubEntriesPerEntry ("m": how many were left out, when any). Three shapes, as
// `glossa lookup` shows entries (lookup_command.cc):
//   Chinese (CC-CEDICT):  {"d":0,"z":["区块链","區塊鏈","qū kuài liàn"],
//                          "g":["(computing) blockchain"]}
//     (z: simplified, traditional or "" when the same, reading or "")
//   German and English in parallel (Ding):
//                         {"d":1,"p":[["Ampel {f}; …","traffic light; …"]]}
//   any other (TBX):      {"d":2,"h":"headline","l":[["de","Term — def"]]}
// "d" is the index of the entry's dictionary in "sources".
Json EntryJson(const Concept& entry, std::size_t source) {
  Json out = {{"d", source}};
  std::size_t left_out = 0;
  const LangSection* de = entry.Language("de");
  const LangSection* en = entry.Language("en");
  std::vector<ChineseForms> chinese = ChineseTerms(entry);
  if (!chinese.empty()) {
    const ChineseForms& head = chinese.front();
    std::string simplified = CollapseSpace(head.simplified->text);
    std::string traditional =
        head.traditional ? CollapseSpace(head.traditional->text) : "";
    out["z"] = {simplified, traditional == simplified ? "" : traditional,
                head.pinyin ? CollapseSpace(head.pinyin->text) : ""};
    Json senses = Json::array();
    for (const LangSection& section : entry.languages) {
      for (std::string& sense :
           FirstTexts(section.definitions,
                      kSensesPerEntry -
                          std::min(kSensesPerEntry, std::size_t(senses.size())),
                      &left_out))
        senses.push_back(std::move(sense));
    }
    out["g"] = std::move(senses);
  } else if (de != nullptr && en != nullptr && !de->definitions.empty() &&
             de->definitions.size() == en->definitions.size()) {
    Json pairs = Json::array();
    std::vector<std::string> german =
        FirstTexts(de->definitions, kSubEntriesPerEntry, &left_out);
    for (std::size_t i = 0; i < german.size(); ++i)
      pairs.push_back({german[i], Cut(en->definitions[i].text)});
    out["p"] = std::move(pairs);
  } else {
    out["h"] = Headline(entry);
    Json lines = Json::array();
    for (const LangSection& section : entry.languages) {
      if (lines.size() == kSensesPerEntry) {
        ++left_out;
        continue;
      }
      std::string line;
      for (const Term& term : section.terms)
        line += (line.empty() ? "" : "; ") + CollapseSpace(term.text);
      if (!section.definitions.empty())
        line += (line.empty() ? "" : " — ") +
                CollapseSpace(section.definitions.front().text);
      lines.push_back({section.lang, Cut(line)});
    }
    out["l"] = std::move(lines);
  }
  if (left_out > 0) out["m"] = left_out;
  return out;
}

// The dictionaries the data names, each once, in the order first used:
// "sources" in both files, and NOTICE's list.
class Sources {
 public:
  explicit Sources(const std::vector<const Dictionary*>& dictionaries)
      : dictionaries_(dictionaries) {}

  // The index in "sources" of dictionaries[d].
  std::size_t Use(std::size_t d) {
    auto [at, added] = index_.try_emplace(d, used_.size());
    if (added) used_.push_back(d);
    return at->second;
  }

  // What the licence line shows of each, in the order of "sources".
  std::vector<DictionaryCredit> Credits() const {
    std::vector<DictionaryCredit> out;
    for (std::size_t d : used_) {
      const DictionarySource& source = dictionaries_[d]->Source();
      out.push_back({source.name, std::string(MakersOf(source.name)),
                     source.licence, std::string(DictionaryHome(source.name))});
    }
    return out;
  }

  // [{"name","licence","home","by"}]: Credits.
  Json ToJson() const {
    Json out = Json::array();
    for (const DictionaryCredit& credit : Credits())
      out.push_back({{"name", credit.name},
                     {"licence", credit.licence},
                     {"home", credit.home},
                     {"by", credit.by}});
    return out;
  }

  const std::vector<std::size_t>& used() const { return used_; }

 private:
  const std::vector<const Dictionary*>& dictionaries_;
  std::map<std::size_t, std::size_t> index_;
  std::vector<std::size_t> used_;
};

// The entries "entries" holds, each once, by dictionary and entry.
class EntryTable {
 public:
  EntryTable(const std::vector<const Dictionary*>& dictionaries,
             Sources& sources)
      : dictionaries_(dictionaries), sources_(sources) {}

  std::size_t Add(std::size_t d, std::size_t entry) {
    auto [at, added] = index_.try_emplace({d, entry}, entries_.size());
    if (added)
      entries_.push_back(
          EntryJson(dictionaries_[d]->Entry(entry), sources_.Use(d)));
    return at->second;
  }

  Json Take() { return std::move(entries_); }

 private:
  const std::vector<const Dictionary*>& dictionaries_;
  Sources& sources_;
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> index_;
  Json entries_ = Json::array();
};

// The byte ranges of the glossary's top-level matches in a block, as the
// report links them and MarkWords takes them: sorted, not overlapping.
std::vector<std::pair<std::size_t, std::size_t>> TakenIn(
    const EditionIndex& index, const EditionBlock& block) {
  std::vector<std::pair<std::size_t, std::size_t>> taken;
  for (const Passage& passage : index.PassagesIn(block)) {
    if (passage.nested_in < 0 &&
        (taken.empty() || passage.block_begin >= taken.back().second))
      taken.emplace_back(passage.block_begin, passage.block_end);
  }
  return taken;
}

constexpr std::size_t kHitsRead = 64;

// Where `term` stands among the entry's forms in language `lang`: 0 when
// it heads them, 1 further on, 2 when it is none of them.
int PlaceOf(const Concept& entry, std::string_view lang,
            std::string_view term) {
  const LangSection* section = entry.Language(lang);
  if (section == nullptr) return 2;
  for (std::size_t i = 0; i < section->terms.size(); ++i)
    if (CollapseSpace(section->terms[i].text) == term) return i == 0 ? 0 : 1;
  return 2;
}

// The entries a word of text in language `lang` gets from `dictionary`:
// those Find finds through a form in `lang`, of the best kind among them,
// the ones that form heads first („Rot {n} (Farbe)“ before „Herz {n}; Rot
// {n} (Spielkartenfarbe)“), else in the dictionary's order; so German
// „die“ is not Ding's English "die" (Gesenk) nor „will“ English "will".
// When none is in `lang` (an English title in a German report), what
// MarkWords found.
std::vector<std::size_t> WordEntries(const Dictionary& dictionary,
                                     std::string_view word,
                                     std::string_view lang,
                                     const std::vector<std::size_t>& marked) {
  std::vector<std::pair<int, std::size_t>> found;  // place, entry
  std::optional<MatchKind> best;
  std::size_t heads = 0;
  std::vector<DictionaryHit> hits = dictionary.Find(word);
  // Only the first kHitsRead are read: „die“ finds hundreds of Ding's
  // lines, and each is parsed to tell its language.
  if (hits.size() > kHitsRead) hits.resize(kHitsRead);
  for (const DictionaryHit& hit : hits) {
    // Enough entries headed by the word: no later one comes before them.
    if ((best && hit.kind != *best) || heads == kEntriesPerWord) break;
    int place = PlaceOf(dictionary.Entry(hit.entry), lang, hit.term);
    if (place == 2) continue;
    best = hit.kind;
    heads += place == 0;
    found.emplace_back(place, hit.entry);
  }
  if (found.empty()) return marked;
  std::stable_sort(found.begin(), found.end(),
                   [](auto& a, auto& b) { return a.first < b.first; });
  std::vector<std::size_t> out;
  for (auto& [place, entry] : found) out.push_back(entry);
  return out;
}

// assets/dict-data.js: window.GLOSSA_DICT_DATA =
//   {"sources": [...], "entries": [EntryJson...],
//    "words": {"ampel": [0, 1], ...},   German, English, ...: lower case
//    "zh": {"区块链": [2], ...}}        Chinese: as the text writes it
// A word's list holds the indexes of its first kEntriesPerWord entries.
// The script finds the word under the pointer, tries it as written, then
// in lower case (Find ignores case, so one key serves every casing);
// Chinese it segments by the longest form in "zh", as MarkWords did.
std::string WordsData(const SiteContext& site,
                      const std::vector<const Dictionary*>& ordered,
                      std::string_view lang, Sources& sources) {
  EntryTable table(ordered, sources);
  Json words = Json::object();
  Json zh = Json::object();
  for (const EditionBlock& block : site.index.blocks()) {
    std::string_view text = block.text;
    std::vector<DictionaryMark> marks;
    MarkWords(text, TakenIn(site.index, block), ordered, &marks);
    for (const DictionaryMark& mark : marks) {
      std::string_view surface = text.substr(mark.begin, mark.end - mark.begin);
      const bool chinese = IsCjkLetter(FirstCodePoint(surface));
      Json& map = chinese ? zh : words;
      std::string key = chinese ? std::string(surface) : ToLower(surface);
      if (map.contains(key)) continue;
      const Dictionary& dictionary = *ordered[mark.dictionary];
      std::vector<std::size_t> marked =
          DescribeWord(surface, dictionary).entries;
      std::vector<std::size_t> entries =
          chinese ? marked : WordEntries(dictionary, surface, lang, marked);
      Json list = Json::array();
      for (std::size_t i = 0; i < entries.size() && i < kEntriesPerWord; ++i)
        list.push_back(table.Add(mark.dictionary, entries[i]));
      map[key] = std::move(list);
    }
  }
  Json data;
  data["sources"] = sources.ToJson();
  data["entries"] = table.Take();
  data["words"] = std::move(words);
  data["zh"] = std::move(zh);
  return DataScript("GLOSSA_DICT_DATA", data.dump());
}

// Whether a gloss of a single character says nothing of its meaning for a
// reader of the term: a surname, a measure word, a pointer to another form.
bool SaysLittle(std::string_view gloss) {
  for (std::string_view start :
       {"surname ", "CL:", "variant of ", "old variant of ",
        "Japanese variant of ", "see ", "also written ", "also pr. ",
        "used in "}) {
    if (gloss.substr(0, start.size()) == start) return true;
  }
  return false;
}

// A character's readings, each with its first kSensesPerEntry glosses that
// say something (SaysLittle), entries of one traditional form and reading
// (compared in lower case: "Xìn" and "xìn") joined; when none says
// anything, the first entry's first gloss. At most kEntriesPerWord
// readings.
std::vector<CharacterReading> Readings(const Dictionary& dictionary,
                                       const std::vector<std::size_t>& entries,
                                       std::string_view c) {
  struct Group {
    CharacterReading key;
    std::vector<std::string> glosses;
  };
  std::vector<Group> readings;
  std::optional<CharacterReading> fallback;
  for (std::size_t i : entries) {
    Concept entry = dictionary.Entry(i);
    std::vector<ChineseForms> forms = ChineseTerms(entry);
    if (forms.empty() || CollapseSpace(forms.front().simplified->text) != c)
      continue;
    CharacterReading key;
    if (forms.front().traditional != nullptr &&
        forms.front().traditional->text != c)
      key.traditional = forms.front().traditional->text;
    if (forms.front().pinyin != nullptr)
      key.reading = CollapseSpace(forms.front().pinyin->text);
    const LangSection* english = entry.Language("en");
    if (english == nullptr) continue;
    if (!fallback && !english->definitions.empty()) {
      fallback = key;
      fallback->meaning = CollapseSpace(english->definitions.front().text);
    }
    auto same = std::find_if(readings.begin(), readings.end(), [&](auto& r) {
      return r.key.traditional == key.traditional &&
             ToLower(r.key.reading) == ToLower(key.reading);
    });
    for (const Text& gloss : english->definitions) {
      std::string text = CollapseSpace(gloss.text);
      if (SaysLittle(text)) continue;
      if (same == readings.end()) {
        if (readings.size() == kEntriesPerWord) break;
        readings.push_back({key, {}});
        same = readings.end() - 1;
      }
      if (same->glosses.size() < kSensesPerEntry)
        same->glosses.push_back(Cut(text));
    }
  }
  if (readings.empty() && fallback) return {*fallback};
  std::vector<CharacterReading> out;
  for (Group& group : readings) {
    for (const std::string& gloss : group.glosses)
      group.key.meaning += (group.key.meaning.empty() ? "" : "; ") + gloss;
    out.push_back(std::move(group.key));
  }
  return out;
}

// The characters of the glossary's simplified Chinese terms (CharacterTable):
// for every Han character that a dictionary has a single-character entry
// for (the first dictionary that has one), its traditional form where it
// differs and its readings (Readings).
CharacterTable Characters(const SiteContext& site,
                          const std::vector<const Dictionary*>& dictionaries,
                          Sources& sources) {
  std::set<std::string> characters;
  for (const Concept& entry : site.glossary.concepts) {
    for (const ChineseForms& forms : ChineseTerms(entry)) {
      for (char32_t c : CodePoints(forms.simplified->text))
        if (IsCjkLetter(c)) characters.insert(FromCodePoints({&c, 1}));
    }
  }
  CharacterTable table;
  std::vector<std::size_t> entries;
  for (const std::string& c : characters) {
    for (std::size_t d = 0; d < dictionaries.size(); ++d) {
      if (dictionaries[d]->LongestChinesePrefix(c, &entries) != c.size())
        continue;
      CharacterInfo info;
      info.readings = Readings(*dictionaries[d], entries, c);
      if (info.readings.empty()) continue;
      info.source = sources.Use(d);
      table.chars[c] = std::move(info);
      break;
    }
  }
  table.sources = sources.Credits();
  return table;
}

// assets/chars-data.js: window.GLOSSA_CHARS_DATA =
//   {"sources": [...],
//    "chars": {"信": {"d":0, "r":[["xìn","letter; mail; to trust"]]},
//              "评": {"d":0, "r":[["píng","to assess; …","評"]]}}}
// `table` as the popups read it: "d" its source, "r" its readings, each
// [pinyin, meaning] or, read for another traditional character,
// [pinyin, meaning, traditional]. The popup shows a line per
// character of the headword, as the entry page does (EntryCharacters).
std::string CharsData(const CharacterTable& table, const Sources& sources) {
  Json chars = Json::object();
  for (const auto& [c, info] : table.chars) {
    Json item = {{"d", info.source}};
    Json readings = Json::array();
    for (const CharacterReading& r : info.readings) {
      Json one = {r.reading, r.meaning};
      if (!r.traditional.empty()) one.push_back(r.traditional);
      readings.push_back(std::move(one));
    }
    item["r"] = std::move(readings);
    chars[c] = std::move(item);
  }
  Json data;
  data["sources"] = sources.ToJson();
  data["chars"] = std::move(chars);
  return DataScript("GLOSSA_CHARS_DATA", data.dump());
}

// NOTICE.txt's section: whose entries the site carries, under which
// licence, and where the whole dictionary is.
std::string Notice(const std::vector<const Dictionary*>& dictionaries,
                   const std::vector<std::size_t>& used) {
  std::string out =
      "\nGeneral dictionaries on this site\n"
      "---------------------------------\n"
      "assets/dict-data.js and assets/chars-data.js carry entries of these "
      "dictionaries, cut to\nwhat a popup shows (the first entries of a word, "
      "the first senses of an entry), otherwise\nas the dictionaries have "
      "them; each popup names the dictionary and its licence.\n";
  std::set<std::string> named;
  for (std::size_t d : used) {
    const DictionarySource& source = dictionaries[d]->Source();
    if (!named.insert(source.name).second) continue;
    out += "\n- " + source.name;
    if (!MakersOf(source.name).empty())
      out += ", by " + std::string(MakersOf(source.name));
    if (!DictionaryHome(source.name).empty())
      out += " (" + std::string(DictionaryHome(source.name)) + ")";
    out += ".\n  Licence: " + (source.licence.empty()
                                   ? std::string("not stated by the file")
                                   : source.licence);
    if (source.name == "CC-CEDICT")
      out +=
          " (Creative Commons Attribution-ShareAlike 4.0 International,\n"
          "  https://creativecommons.org/licenses/by-sa/4.0/). The entries "
          "shipped here are shared\n  under the same licence.";
    if (source.name == "Ding")
      out +=
          " (GNU General Public License, version 2 or any later\n"
          "  version). The whole dictionary, its source: Debian's package "
          "trans-de-en, or\n  https://ftp.tu-chemnitz.de/pub/Local/urz/ding/.";
    out += "\n";
  }
  return out;
}

}  // namespace

void EntryCharacters(pugi::xml_node parent, const CharacterTable& table,
                     std::string_view text) {
  std::vector<std::pair<std::string, const CharacterInfo*>> known;
  for (char32_t point : CodePoints(text)) {
    std::string c = FromCodePoints({&point, 1});
    auto found = table.chars.find(c);
    if (found == table.chars.end() ||
        std::any_of(known.begin(), known.end(),
                    [&](auto& k) { return k.first == c; }))
      continue;
    known.emplace_back(c, &found->second);
  }
  if (known.empty()) return;
  pugi::xml_node part = El(parent, "div", {}, {{"class", "entry-chars"}});
  // The list's name in both interface languages (an aria-label would hold
  // one): the label of the language shown names it, the other being
  // display: none.
  Ui(El(part, "span", {},
        {{"class", "visually-hidden"}, {"id", "entry-chars-label"}}),
     "Schriftzeichen", "Characters");
  pugi::xml_node list =
      El(part, "ul", {},
         {{"class", "chars"}, {"aria-labelledby", "entry-chars-label"}});
  std::vector<std::size_t> sources;
  for (const auto& [c, info] : known) {
    pugi::xml_node line = El(
        list, "li", {}, {{"class", "char-line"}, {"lang", kSimplifiedChinese}});
    El(line, "span", c, {{"class", "hans"}});
    bool first = true;
    for (const CharacterReading& r : info->readings) {
      AddText(line, first ? " " : " · ");
      first = false;
      if (!r.traditional.empty()) {
        El(line, "span", r.traditional,
           {{"class", "hant"}, {"lang", kTraditionalChinese}});
        AddText(line, " ");
      }
      if (!r.reading.empty()) {
        El(line, "span", r.reading, {{"class", "pinyin"}, {"lang", kPinyin}});
        AddText(line, " ");
      }
      El(line, "span", r.meaning, {{"class", "char-meaning"}, {"lang", "en"}});
    }
    if (std::find(sources.begin(), sources.end(), info->source) ==
        sources.end())
      sources.push_back(info->source);
  }
  // "Zeichen: CC-CEDICT, MDBG and the CC-CEDICT contributors · CC BY-SA
  // 4.0 · https://cc-cedict.org/", as dict.js's licence line.
  for (std::size_t source : sources) {
    const DictionaryCredit& credit = table.sources[source];
    std::string line =
        credit.name + (credit.by.empty() ? "" : ", " + credit.by);
    if (!credit.licence.empty()) line += " · " + credit.licence;
    if (!credit.home.empty()) line += " · " + credit.home;
    pugi::xml_node p = El(part, "p", {}, {{"class", "dict-licence"}});
    Ui(p, "Zeichen: ", "Characters: ");
    AddText(p, line);
  }
}

std::vector<const Dictionary*> WordOrder(
    const std::vector<const Dictionary*>& dictionaries, std::string_view lang) {
  std::vector<const Dictionary*> ordered = dictionaries;
  std::stable_partition(ordered.begin(), ordered.end(),
                        [&](const Dictionary* dictionary) {
                          return dictionary->Size() > 0 &&
                                 dictionary->Entry(0).Language(lang) != nullptr;
                        });
  return ordered;
}

DictionarySiteFiles DictionaryFiles(
    const SiteContext& site,
    const std::vector<const Dictionary*>& dictionaries) {
  DictionarySiteFiles out;
  if (dictionaries.empty()) return out;
  const std::string lang =
      site.document.info.language.empty() ? "de" : site.document.info.language;
  std::vector<const Dictionary*> ordered = WordOrder(dictionaries, lang);
  Sources word_sources(ordered);
  out.files.push_back(
      {"assets/dict-data.js", WordsData(site, ordered, lang, word_sources)});
  Sources char_sources(ordered);
  out.characters = Characters(site, ordered, char_sources);
  out.files.push_back(
      {"assets/chars-data.js", CharsData(out.characters, char_sources)});
  std::vector<std::size_t> used = word_sources.used();
  for (std::size_t d : char_sources.used())
    if (std::find(used.begin(), used.end(), d) == used.end()) used.push_back(d);
  out.notice = Notice(ordered, used);
  out.flag = DataScript(
      "GLOSSA_DICT",
      R"({"words":"assets/dict-data.js","chars":"assets/chars-data.js"})");
  return out;
}

}  // namespace glossa::site
