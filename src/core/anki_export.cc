// Anki's text import, with the file headers of Anki 2.1.54 and later (the
// manual's "Importing > Text Files > File Headers"; Anki's reader is
// rslib/src/import_export/text/csv/metadata.rs).
//
// One note of Anki's built-in note type "Basic" per concept, three
// tab-separated columns:
//   Front  the term of the source language (Chinese: simplified, the
//          traditional form in brackets when it differs);
//   Back   the term of the target language in bold, then the other
//          languages' terms (Chinese with its pinyin; with Chinese as the
//          source, the pinyin comes first), the first sentence of the
//          target language's definition, and the report's sentence with its
//          locator;
//   Tags   "section::2.1", "footnote::9", "key_findings", ... for where the
//          entry stands in the report, and "background".
// Why Basic and no #columns header: Basic is in every profile, and Anki maps
// the columns to its fields by position. Anki names its stock note types and
// their fields in the user's language ("Basic"/"Front"/"Back" in English
// only): a #notetype it does not find leaves the note type the user last
// used, and with #columns it would map columns to fields by name, leaving
// every field but the first unmapped.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/edition_index.h"
#include "core/export.h"
#include "core/glossary.h"
#include "core/html.h"
#include "core/passages.h"

namespace glossa {
namespace {

// `text` for an HTML field: white space collapsed (so no tab or line break
// is left to end the field or the note), written escaped by html.h, and
// quotation marks as &quot; too (a raw one would open a quoted field for
// Anki's CSV reader; the fragment has no attributes, so every one is text).
std::string HtmlText(std::string_view text) {
  pugi::xml_document fragment;
  AddText(fragment, CollapseSpace(text));
  std::string out;
  for (char c : WriteHtmlFragment(fragment)) {
    if (c == '"') {
      out += "&quot;";
    } else {
      out += c;
    }
  }
  return out;
}

// Whether `term` may be offered to a student as the word for the concept.
bool Offered(const Term& term) {
  return term.type != TermType::kVariant &&
         term.status != TermStatus::kDeprecated &&
         term.status != TermStatus::kSuperseded;
}

// The index of the term to learn in `terms`: the preferred one, else the
// first offered one; -1 when none may be offered.
int Learned(const std::vector<const Term*>& terms) {
  for (std::size_t i = 0; i < terms.size(); ++i) {
    if (Offered(*terms[i]) && terms[i]->status == TermStatus::kPreferred)
      return static_cast<int>(i);
  }
  for (std::size_t i = 0; i < terms.size(); ++i) {
    if (Offered(*terms[i])) return static_cast<int>(i);
  }
  return -1;
}

// A concept's term in one language, escaped for HTML: `pinyin` is set for
// Chinese only.
struct Rendering {
  std::string term;
  std::string pinyin;
};

Rendering RenderingOf(const Concept& entry, std::string_view lang) {
  Rendering out;
  if (lang == "zh") {
    std::vector<ChineseForms> chinese = ChineseTerms(entry);
    std::vector<const Term*> terms;
    for (const ChineseForms& forms : chinese) terms.push_back(forms.simplified);
    int i = Learned(terms);
    if (i < 0) return out;
    const ChineseForms& forms = chinese[i];
    out.term = HtmlText(forms.simplified->text);
    if (forms.traditional != nullptr) {
      std::string traditional = HtmlText(forms.traditional->text);
      if (!traditional.empty() && traditional != out.term)
        out.term += " (" + traditional + ")";
    }
    if (forms.pinyin != nullptr) out.pinyin = HtmlText(forms.pinyin->text);
    return out;
  }
  const LangSection* section = entry.Language(lang);
  if (section == nullptr) return out;
  std::vector<const Term*> terms;
  for (const Term& term : section->terms) terms.push_back(&term);
  int i = Learned(terms);
  if (i >= 0) out.term = HtmlText(terms[i]->text);
  return out;
}

// The report's sentence for entry `i`, escaped, with its locator: "… (§2.1,
// p. 5)"; "" when the entry has none.
std::string ContextOf(const EditionIndex& edition, std::size_t i) {
  std::optional<StudySentence> sentence = StudySentenceOf(edition, i);
  if (!sentence) return "";
  return HtmlText(sentence->text) + " (" +
         HtmlText(FormatLocator(sentence->locator)) + ")";
}

// The Anki tag for a section key (SectionKey: "§2.1", "fn. 9", "key
// findings"): "section::2.1", "footnote::9", "key_findings". Anki tags hold
// no spaces, and "::" nests them.
std::string TagOf(std::string_view key) {
  std::string out;
  if (key.rfind("§", 0) == 0) {
    out = "section::" + std::string(key.substr(std::string_view("§").size()));
  } else if (key.rfind("fn. ", 0) == 0) {
    out = "footnote::" + std::string(key.substr(4));
  } else {
    out = key;
  }
  for (char& c : out) {
    if (c == ' ') c = '_';
  }
  return out;
}

std::string TagsOf(const Concept& entry, const EditionIndex* edition,
                   std::size_t i) {
  std::string out;
  if (edition != nullptr) {
    for (const auto& [key, count] : edition->CountsOf(i))
      out += (out.empty() ? "" : " ") + TagOf(key);
  }
  if (entry.IsBackground()) out += out.empty() ? "background" : " background";
  return out;
}

// The answer side: the target term in bold, the other languages, the short
// definition, the report's sentence, one to a line.
std::string BackOf(const Concept& entry, const ExportOptions& options,
                   const std::string& context) {
  std::vector<std::string> lines;
  if (options.source == "zh") lines.push_back(RenderingOf(entry, "zh").pinyin);
  std::vector<std::string> langs = {options.target};
  for (const char* lang : {"de", "en", "zh"}) {
    if (lang != options.source && lang != options.target) langs.push_back(lang);
  }
  for (const std::string& lang : langs) {
    Rendering rendering = RenderingOf(entry, lang);
    std::string line = rendering.term;
    if (!line.empty() && lang == options.target) line = "<b>" + line + "</b>";
    if (!rendering.pinyin.empty()) line += " " + rendering.pinyin;
    lines.push_back(line);
  }
  lines.push_back(HtmlText(ShortDefinition(entry, options.target)));
  lines.push_back(context);
  std::string out;
  for (const std::string& line : lines) {
    if (line.empty()) continue;
    out += (out.empty() ? "" : "<br>") + line;
  }
  return out;
}

}  // namespace

std::optional<StudySentence> StudySentenceOf(const EditionIndex& edition,
                                             std::size_t entry) {
  for (const KeyPassage& key : edition.KeyPassagesOf(entry)) {
    if (key.problem != KeyPassageProblem::kNone || !key.block ||
        key.sentence.empty())
      continue;
    return StudySentence{CollapseSpace(key.sentence), key.block->locator};
  }
  std::vector<Passage> passages = edition.PassagesOf(entry);
  if (passages.empty()) return std::nullopt;
  return StudySentence{CollapseSpace(ShowSentence(passages.front()).text),
                       passages.front().locator};
}

AnkiParts AnkiPartsOf(const Glossary& glossary, const EditionIndex* edition,
                      const ExportOptions& options) {
  std::string deck = CollapseSpace(glossary.title);
  AnkiParts out;
  out.head =
      "#separator:tab\n"
      "#html:true\n"
      "#notetype:Basic\n"
      "#deck:" +
      (deck.empty() ? std::string("glossa") : deck) +
      "\n"
      "#tags column:3\n";
  for (std::size_t i = 0; i < glossary.concepts.size(); ++i) {
    const Concept& entry = glossary.concepts[i];
    std::string front = RenderingOf(entry, options.source).term;
    if (front.empty()) front = HtmlText(Headline(entry));
    // Anki's reader takes a line that starts with '#' for a comment.
    if (front[0] == '#') front.replace(0, 1, "&#35;");
    std::string context = edition != nullptr ? ContextOf(*edition, i) : "";
    out.notes.push_back(front + "\t" + BackOf(entry, options, context) + "\t" +
                        TagsOf(entry, edition, i));
  }
  return out;
}

std::string WriteAnkiText(const Glossary& glossary, const EditionIndex* edition,
                          const ExportOptions& options) {
  AnkiParts parts = AnkiPartsOf(glossary, edition, options);
  std::string out = std::move(parts.head);
  for (const std::string& note : parts.notes) out += note + "\n";
  return out;
}

}  // namespace glossa
