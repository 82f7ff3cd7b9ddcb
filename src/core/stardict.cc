// WriteStarDict (export.h): the glossary as a StarDict dictionary, in the
// format of stardict-3's doc/StarDictFileFormat.
//
// One article per concept, in plain text (sametypesequence=m), which every
// client shows as it is: sdcv in a terminal, KOReader and GoldenDict. The
// headword of an article is its simplified Chinese term (when Chinese is
// selected), else its term in the first selected language; every other
// form a reader may type leads to the same article: traditional
// characters, pinyin with and without tone marks, and every term of the
// selected languages, deprecated ones and inflected forms included (the
// article says what they are). The .dict is written plain, not dictzipped:
// clients read both, and a plain file needs no compression library.
//
// Those other forms are words of the .idx, each pointing at its article's
// bytes, not a .syn file: the format allows one article under many words,
// and Debian 12's sdcv (0.5.2) reads a whole .syn into a std::map at every
// start (case-folding each word). With CC-CEDICT's 410,509 other forms in a
// .syn, one lookup took 157 ms of CPU and 38 MiB, against 4-5 ms and 6 MiB
// on stardict-tools' conversion of the same file. sdcv reads the .idx in
// pages of 32 words through an offset cache (NAME.idx.oft, built on first
// use), so its time hardly depends on the number of words, and clients
// that ignore .syn find every form too. What changes for the reader: sdcv
// names the article by the word typed ("徵信") rather than by its
// headword; the article's first line gives the entry's name.

#include <algorithm>
#include <cstdint>
#include <pugixml.hpp>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/export.h"
#include "core/glossary.h"
#include "core/html.h"
#include "core/passages.h"
#include "core/tbx_vocabulary.h"
#include "core/unicode.h"

namespace glossa {
namespace {

// StarDict's limit on a word in the .idx: strlen(word) < 256.
constexpr std::size_t kMaxWordBytes = 255;

// stardict_strcmp: g_ascii_strcasecmp (bytes as unsigned, only ASCII
// letters folded), ties broken by strcmp. The .idx must be sorted by it,
// since clients look words up by binary search with it.
int StarDictCompare(std::string_view a, std::string_view b) {
  auto lower = [](unsigned char c) {
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : int{c};
  };
  std::size_t common = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < common; ++i) {
    int x = lower(static_cast<unsigned char>(a[i]));
    int y = lower(static_cast<unsigned char>(b[i]));
    if (x != y) return x - y;
  }
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  return a.compare(b);  // std::string compares bytes as unsigned, as strcmp
}

void AppendBigEndian(std::uint32_t value, std::string* out) {
  for (int shift = 24; shift >= 0; shift -= 8) {
    out->push_back(static_cast<char>((value >> shift) & 0xff));
  }
}

// The export's name of a section's language: "zh" for the three Chinese
// sections (and for "zh-Hans" given on the command line), else the tag.
std::string ExportLanguage(std::string_view tag) {
  if (SameLanguage(tag, "zh") ||
      (tag.size() > 3 && SameLanguage(tag.substr(0, 3), "zh-"))) {
    return "zh";
  }
  return std::string(tag);
}

// The languages to write, each once: the options' list, else every
// language of the glossary in the order it first appears.
std::vector<std::string> Languages(const Glossary& glossary,
                                   const ExportOptions& options) {
  std::vector<std::string> tags;
  if (!options.languages.empty()) {
    tags = options.languages;
  } else {
    for (const Concept& entry : glossary.concepts) {
      for (const LangSection& section : entry.languages)
        tags.push_back(section.lang);
    }
  }
  std::vector<std::string> out;
  for (const std::string& tag : tags) {
    std::string lang = ExportLanguage(tag);
    if (std::find(out.begin(), out.end(), lang) == out.end())
      out.push_back(lang);
  }
  return out;
}

std::string LanguageName(std::string_view lang) {
  if (lang == "zh") return "Chinese";
  if (lang == "de") return "German";
  if (lang == "en") return "English";
  return std::string(lang);
}

std::string TermText(const Term* term) {
  return term == nullptr ? "" : CollapseSpace(term->text);
}

// The Chinese forms of the entry's Chinese display term: the preferred one,
// as DisplayTerm chooses it.
ChineseForms DisplayForms(const Concept& entry) {
  std::string simplified = DisplayTerm(entry, kSimplifiedChinese);
  for (const ChineseForms& forms : ChineseTerms(entry)) {
    if (TermText(forms.simplified) == simplified) return forms;
  }
  return {};
}

// The article's headword: see the top of this file; the id when no term of
// the selected languages is short enough; "" when the entry has none.
std::string Headword(const Concept& entry,
                     const std::vector<std::string>& languages) {
  bool has_term = false;
  for (const std::string& lang : languages) {
    std::string term = DisplayTerm(
        entry, lang == "zh" ? kSimplifiedChinese : std::string_view(lang));
    if (term.empty()) continue;
    if (term.size() <= kMaxWordBytes) return term;
    has_term = true;
  }
  return has_term ? entry.id : "";
}

// Pinyin without tone marks, as one word ("zhengxin", "shehuixinyong") and,
// when the reading has several words, with its spaces ("shehui xinyong").
std::vector<std::string> TonelessPinyin(const std::string& pinyin) {
  std::vector<std::string> out = {PinyinToneless(pinyin)};
  if (pinyin.find(' ') == std::string::npos) return out;
  std::string spaced;
  std::size_t start = 0;
  while (start <= pinyin.size()) {
    std::size_t end = std::min(pinyin.find(' ', start), pinyin.size());
    if (!spaced.empty()) spaced += ' ';
    spaced += PinyinToneless(pinyin.substr(start, end - start));
    start = end + 1;
  }
  out.push_back(spaced);
  return out;
}

// A word of the .idx, for the article at `article` (an index into the
// articles), and how strongly the glossary recommends it there: 0 for the
// headword and preferred terms, 1 admitted or unmarked, 2 an inflected
// form, 3 deprecated or superseded.
struct Word {
  std::string text;
  std::size_t article = 0;
  int rank = 0;
};

int Rank(const Term& term) {
  if (term.status == TermStatus::kDeprecated ||
      term.status == TermStatus::kSuperseded) {
    return 3;
  }
  if (term.type == TermType::kVariant) return 2;
  return term.status == TermStatus::kPreferred ? 0 : 1;
}

// Every form of the entry a reader may look up, each once, in the order of
// the entry, without the headword; traditional characters and pinyin rank
// as their simplified term.
std::vector<Word> Synonyms(const Concept& entry, std::size_t article,
                           const std::vector<std::string>& languages,
                           const std::string& headword) {
  std::vector<Word> forms;
  for (const std::string& lang : languages) {
    if (lang == "zh") {
      for (const ChineseForms& chinese : ChineseTerms(entry)) {
        int rank = Rank(*chinese.simplified);
        forms.push_back({TermText(chinese.simplified), article, rank});
        forms.push_back({TermText(chinese.traditional), article, rank});
        std::string pinyin = TermText(chinese.pinyin);
        if (pinyin.empty()) continue;
        forms.push_back({pinyin, article, rank});
        for (std::string& toneless : TonelessPinyin(pinyin))
          forms.push_back({std::move(toneless), article, rank});
      }
    } else if (const LangSection* section = entry.Language(lang)) {
      for (const Term& term : section->terms)
        forms.push_back({TermText(&term), article, Rank(term)});
    }
  }
  std::vector<Word> out;
  std::set<std::string> seen = {headword};
  for (Word& form : forms) {
    if (form.text.empty() || form.text.size() > kMaxWordBytes) continue;
    if (seen.insert(form.text).second) out.push_back(std::move(form));
  }
  return out;
}

// The first sentence of a note, with "…" when there is more: articles keep
// notes short. Sentences are found by German rules in German sections and
// by English ones elsewhere (ICU has abbreviation lists for few locales;
// the notes of Chinese sections are written in the glossary's language).
std::string Abridged(std::string_view text, std::string_view lang) {
  std::string first =
      FirstSentence(text, SameLanguage(lang, "de") ? "de" : "en");
  return first.size() < CollapseSpace(text).size() ? first + " …" : first;
}

// "Kreditauskunft (preferred)", "finanzielle Kreditinformationen
// (admitted, inflected form, in the report)".
std::string Described(const std::string& text, const Term& term) {
  std::vector<std::string> labels;
  if (term.status != TermStatus::kUnspecified)
    labels.emplace_back(StatusName(term.status));
  if (term.type == TermType::kVariant) labels.emplace_back("inflected form");
  if (term.InReport()) labels.emplace_back("in the report");
  if (labels.empty()) return text;
  std::string out = text + " (";
  for (std::size_t i = 0; i < labels.size(); ++i)
    out += (i == 0 ? "" : ", ") + labels[i];
  return out + ")";
}

bool Avoided(const Term& term) {
  return term.status == TermStatus::kDeprecated ||
         term.status == TermStatus::kSuperseded;
}

void AddLine(std::string_view label, std::string_view text, std::string* out) {
  if (text.empty()) return;
  *out += label;
  *out += ": ";
  *out += text;
  *out += '\n';
}

// The lines of one language: its terms, its definitions, its notes, and
// why each deprecated term is to be avoided.
void AddLanguage(const Concept& entry, const std::string& lang,
                 std::string* out) {
  std::string name = LanguageName(lang);
  std::vector<std::pair<std::string, const Term*>> terms;
  const LangSection* section = nullptr;
  if (lang == "zh") {
    for (const ChineseForms& forms : ChineseTerms(entry)) {
      std::string text = TermText(forms.simplified);
      std::string traditional = TermText(forms.traditional);
      if (!traditional.empty() && traditional != text)
        text += " " + traditional;
      if (forms.pinyin != nullptr) text += " " + TermText(forms.pinyin);
      terms.emplace_back(text, forms.simplified);
    }
    section = entry.Language(kSimplifiedChinese);
  } else {
    section = entry.Language(lang);
    if (section == nullptr) return;
    for (const Term& term : section->terms)
      terms.emplace_back(TermText(&term), &term);
  }
  std::string list;
  for (const auto& [text, term] : terms)
    list += (list.empty() ? "" : "; ") + Described(text, *term);
  AddLine(name, list, out);
  if (section == nullptr) return;
  for (const Text& definition : section->definitions)
    AddLine("Definition (" + name + ")", CollapseSpace(definition.text), out);
  for (const Text& note : section->notes)
    AddLine("Note (" + name + ")", Abridged(note.text, section->lang), out);
  for (const auto& [text, term] : terms) {
    if (!Avoided(*term)) continue;
    std::string why = term->notes.empty()
                          ? std::string(StatusName(term->status))
                          : Abridged(term->notes.front().text, section->lang);
    AddLine("Avoid " + text, why, out);
  }
}

// The article in plain text, one item a line: the entry's name, each
// language's terms with their status, definitions, short notes, related
// entries (by their headwords in this dictionary).
std::string Article(const Glossary& glossary, const Concept& entry,
                    const std::vector<std::string>& languages,
                    const std::string& headword) {
  std::string out;
  ChineseForms forms = DisplayForms(entry);
  bool chinese =
      std::find(languages.begin(), languages.end(), "zh") != languages.end() &&
      forms.simplified != nullptr;
  if (chinese) {
    out = TermText(forms.simplified);
    std::string traditional = TermText(forms.traditional);
    if (!traditional.empty() && traditional != out) out += " " + traditional;
    if (forms.pinyin != nullptr) out += " " + TermText(forms.pinyin);
  } else {
    out = headword;
  }
  out += '\n';
  for (const std::string& lang : languages) AddLanguage(entry, lang, &out);
  for (const Text& definition : entry.definitions)
    AddLine("Definition", CollapseSpace(definition.text), &out);
  for (const Text& note : entry.notes)
    AddLine("Note", Abridged(note.text, glossary.lang), &out);
  std::string related;
  for (const CrossReference& reference : entry.cross_references) {
    RelationLabel label = ParseRelation(CollapseSpace(reference.text));
    std::string name = label.label;
    if (const Concept* target = FindConcept(glossary, reference.target)) {
      std::string target_headword = Headword(*target, languages);
      if (!target_headword.empty()) name = target_headword;
    }
    if (name.empty()) continue;
    std::string relation(kRelationNames[static_cast<int>(label.relation)]);
    related += (related.empty() ? "" : "; ") +
               (relation.empty() ? name : relation + ": " + name);
  }
  AddLine("Related", related, &out);
  out.pop_back();  // the last newline
  return out;
}

// The .ifo's description: the glossary's title, source and publication
// statement (where its licence is), one line with <br> between them, as the
// format has it, and the text escaped.
std::string Description(const Glossary& glossary) {
  std::vector<std::string> parts;
  if (!glossary.title.empty()) parts.push_back(CollapseSpace(glossary.title));
  pugi::xml_document header;
  if (header.load_string(glossary.header_xml.c_str())) {
    pugi::xml_node file = header.first_child().child("fileDesc");
    for (const char* name : {"sourceDesc", "publicationStmt"}) {
      std::string text = CollapseSpace(tbx::TextOf(file.child(name)));
      if (!text.empty()) parts.push_back(text);
    }
  }
  pugi::xml_document line;
  for (const std::string& part : parts) {
    if (line.first_child()) El(line, "br");
    AddText(line, part);
  }
  return WriteHtmlFragment(line);
}

// Sorts by stardict_strcmp. Where one word names several articles, the
// one that recommends it most comes first, and sdcv 0.5.3 and later, which
// show them all, list them in that order; Debian 12's sdcv (0.5.2) shows
// one of them, the one its binary search meets first.
void SortWords(std::vector<Word>* words) {
  std::stable_sort(words->begin(), words->end(),
                   [](const Word& a, const Word& b) {
                     int order = StarDictCompare(a.text, b.text);
                     return order != 0 ? order < 0 : a.rank < b.rank;
                   });
}

}  // namespace

std::vector<std::pair<std::string, std::string>> WriteStarDict(
    const Glossary& glossary, const ExportOptions& options,
    const std::string& name) {
  std::vector<std::string> languages = Languages(glossary, options);
  std::string dict;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> spans;  // in .dict
  std::vector<Word> words;
  for (const Concept& entry : glossary.concepts) {
    std::string headword = Headword(entry, languages);
    if (headword.empty()) continue;
    std::size_t article = spans.size();
    std::string text = Article(glossary, entry, languages, headword);
    spans.emplace_back(dict.size(), text.size());
    dict += text;
    std::vector<Word> synonyms = Synonyms(entry, article, languages, headword);
    words.push_back({std::move(headword), article, 0});
    for (Word& synonym : synonyms) words.push_back(std::move(synonym));
  }
  SortWords(&words);

  std::string idx;
  for (const Word& word : words) {
    idx += word.text;
    idx += '\0';
    AppendBigEndian(spans[word.article].first, &idx);
    AppendBigEndian(spans[word.article].second, &idx);
  }

  std::string bookname =
      glossary.title.empty() ? name : CollapseSpace(glossary.title);
  std::string ifo = "StarDict's dict ifo file\nversion=2.4.2\n";
  ifo += "bookname=" + bookname + "\n";
  ifo += "wordcount=" + std::to_string(words.size()) + "\n";
  ifo += "idxfilesize=" + std::to_string(idx.size()) + "\n";
  std::string description = Description(glossary);
  if (!description.empty()) ifo += "description=" + description + "\n";
  ifo += "sametypesequence=m\n";
  return {{name + ".ifo", ifo}, {name + ".idx", idx}, {name + ".dict", dict}};
}

std::vector<std::string> StarDictReaderCaches(const std::string& name) {
  return {name + ".idx.oft"};
}

}  // namespace glossa
