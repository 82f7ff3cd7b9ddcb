#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/html.h"
#include "core/site/dict_data.h"
#include "core/site/page.h"
#include "core/unicode.h"
#include "core/uri.h"

namespace glossa::site {
namespace {

// Columns of context on each side of a keyword-in-context line.
constexpr int kContextColumns = 70;

struct StatusLabel {
  std::string_view german;
  std::string_view english;
};

StatusLabel StatusLabelOf(TermStatus status) {
  switch (status) {
    case TermStatus::kPreferred:
      return {"bevorzugt", "preferred"};
    case TermStatus::kAdmitted:
      return {"zugelassen", "admitted"};
    case TermStatus::kDeprecated:
      return {"abgelehnt", "deprecated"};
    case TermStatus::kSuperseded:
      return {"veraltet", "superseded"};
    case TermStatus::kUnspecified:
      break;
  }
  return {"", ""};
}

std::string LanguageName(std::string_view lang, bool german) {
  if (SameLanguage(lang, "de")) return german ? "Deutsch" : "German";
  if (SameLanguage(lang, "en")) return german ? "Englisch" : "English";
  if (SameLanguage(lang, kSimplifiedChinese))
    return german ? "Chinesisch (Kurzzeichen)" : "Chinese (simplified)";
  if (SameLanguage(lang, kTraditionalChinese))
    return german ? "Chinesisch (Langzeichen)" : "Chinese (traditional)";
  if (SameLanguage(lang, kPinyin)) return "Pinyin";
  return std::string(lang);
}

// A band of the dispersion plot: the part of the report a run of blocks
// belongs to ("KF", "title", "1" ... "4", "fn") and where it runs.
struct Band {
  std::string label;
  std::size_t begin = 0;
  std::size_t end = 0;
};

// The band of a block: its top-level section, else the front matter, the
// title or the notes.
std::string BandOf(const Locator& locator) {
  if (locator.place == "footnote") return "fn";
  if (locator.place == "title") return "title";
  if (locator.section.empty()) return "KF";
  return locator.section.substr(0, locator.section.find('.'));
}

// The bands of the report, in document order.
std::vector<Band> Bands(const EditionIndex& index) {
  std::vector<Band> bands;
  for (const EditionBlock& block : index.blocks()) {
    std::string label = BandOf(block.locator);
    if (bands.empty() || bands.back().label != label)
      bands.push_back({label, block.offset, block.offset});
    bands.back().end = block.offset + block.text.size();
  }
  return bands;
}

// Where the URL that starts at byte `begin` of `text` ends: before white
// space, a control or non-ASCII character or one of < > " (text around a
// URL in a note), and before the punctuation that ends the sentence around
// it (".,;:!?'") or a closing bracket that the URL does not open itself
// ("(see https://x.org/a_(b))." keeps "https://x.org/a_(b)").
std::size_t UrlEnd(std::string_view text, std::size_t begin) {
  std::size_t end = begin;
  while (end < text.size()) {
    auto byte = static_cast<unsigned char>(text[end]);
    if (byte <= 0x20 || byte >= 0x7f || byte == '<' || byte == '>' ||
        byte == '"')
      break;
    ++end;
  }
  auto count = [&](char c) {
    return std::count(text.begin() + begin, text.begin() + end, c);
  };
  while (end > begin) {
    char last = text[end - 1];
    bool unopened = (last == ')' && count(')') > count('(')) ||
                    (last == ']' && count(']') > count('['));
    if (!unopened &&
        std::string_view(".,;:!?'").find(last) == std::string_view::npos)
      break;
    --end;
  }
  return end;
}

// Appends `text` to `parent` with every http or https URL in it as a link
// (through SafeUrl) whose text is the URL; the rest stays text.
void AddLinkedText(pugi::xml_node parent, std::string_view text) {
  std::size_t done = 0;
  for (std::size_t at = text.find("http"); at != std::string_view::npos;
       at = text.find("http", at + 1)) {
    std::string_view rest = text.substr(at);
    std::size_t scheme = rest.rfind("https://", 0) == 0  ? 8
                         : rest.rfind("http://", 0) == 0 ? 7
                                                         : 0;
    // "xhttp://" is not a URL, nor is "https://" with nothing after it.
    if (scheme == 0 ||
        (at > 0 && std::isalnum(static_cast<unsigned char>(text[at - 1]))))
      continue;
    std::size_t end = UrlEnd(text, at);
    std::string url =
        end > at + scheme ? SafeUrl(text.substr(at, end - at)) : "";
    if (url.empty()) continue;
    AddText(parent, text.substr(done, at - done));
    El(parent, "a", url, {{"href", url}, {"rel", "noopener noreferrer"}});
    done = end;
    at = end - 1;
  }
  AddText(parent, text.substr(done));
}

// A paragraph of class `css` holding `text`, its URLs as links.
pugi::xml_node LinkedParagraph(pugi::xml_node parent, std::string_view text,
                               std::string_view css) {
  pugi::xml_node p = El(parent, "p", {}, {{"class", css}});
  AddLinkedText(p, text);
  return p;
}

// One row per term; a Chinese term's row holds its traditional form and
// reading too (the parallel sections), with the sources of all three once.
// `notes_lang`: the language notes on Chinese terms are written in (the
// glossary's own, its root xml:lang); notes on German or English terms are
// in their section's language.
void TermTable(pugi::xml_node parent, const Concept& entry,
               const std::string& notes_lang) {
  pugi::xml_node table = El(parent, "table", {}, {{"class", "terms"}});
  pugi::xml_node head = El(El(table, "thead"), "tr");
  Ui(El(head, "th"), "Benennung", "Term");
  Ui(El(head, "th"), "Status", "Status");
  Ui(El(head, "th"), "Quelle und Anmerkungen", "Source and notes");
  const bool paired = entry.Language(kSimplifiedChinese) != nullptr;
  for (const LangSection& section : entry.languages) {
    const bool chinese = SameLanguage(section.lang, kSimplifiedChinese);
    if (paired && (SameLanguage(section.lang, kTraditionalChinese) ||
                   SameLanguage(section.lang, kPinyin)))
      continue;
    std::vector<std::vector<std::pair<const Term*, std::string_view>>> rows;
    if (chinese) {
      for (const ChineseForms& forms : ChineseTerms(entry)) {
        rows.emplace_back();
        rows.back().push_back({forms.simplified, kSimplifiedChinese});
        if (forms.traditional != nullptr)
          rows.back().push_back({forms.traditional, kTraditionalChinese});
        if (forms.pinyin != nullptr)
          rows.back().push_back({forms.pinyin, kPinyin});
      }
    } else {
      for (const Term& term : section.terms)
        rows.push_back({{&term, section.lang}});
    }
    if (rows.empty()) continue;
    // A group of rows per language, under one heading.
    // No lang on the group: its terms carry their own, and its notes are in
    // the section's language only for German and English.
    pugi::xml_node body = El(table, "tbody");
    pugi::xml_node heading =
        El(El(body, "tr", {}, {{"class", "lang-row"}}), "th", {},
           {{"colspan", "3"}, {"scope", "rowgroup"}});
    Ui(heading,
       chinese ? "Chinesisch (Kurzzeichen, Langzeichen, Pinyin)"
               : LanguageName(section.lang, true),
       chinese ? "Chinese (simplified, traditional, pinyin)"
               : LanguageName(section.lang, false));
    for (const auto& forms : rows) {
      const Term& term = *forms.front().first;
      pugi::xml_node row = El(body, "tr");
      pugi::xml_node cell = El(row, "td");
      std::set<std::string> sources;
      for (const auto& [form, form_lang] : forms) {
        El(cell, "span", CollapseSpace(form->text),
           {{"class", "term-text"}, {"lang", form_lang}});
        AddText(cell, " ");
      }
      std::string type(TermTypeName(term.type));
      if (!type.empty()) El(cell, "span", type, {{"class", "term-type"}});
      StatusLabel status = StatusLabelOf(term.status);
      pugi::xml_node status_cell =
          El(row, "td", {}, {{"class", "term-status"}});
      if (!status.german.empty())
        Ui(El(status_cell, "span", {},
              {{"class", "status " + std::string(StatusName(term.status))}}),
           status.german, status.english);
      if (term.InReport()) {
        AddText(status_cell, " ");
        Ui(El(status_cell, "span", {}, {{"class", "in-report"}}), "im Bericht",
           "in the report");
      }
      pugi::xml_node notes =
          El(row, "td", {},
             {{"class", "sources"},
              {"lang",
               chinese || SameLanguage(section.lang, kTraditionalChinese) ||
                       SameLanguage(section.lang, kPinyin)
                   ? notes_lang
                   : section.lang}});
      for (const auto& [form, form_lang] : forms) {
        for (const std::string& source : form->sources) {
          std::string shown = CollapseSpace(source);
          if (sources.insert(shown).second)
            LinkedParagraph(notes, shown, "source");
        }
        for (const Text& note : form->notes)
          LinkedParagraph(notes, CollapseSpace(note.text), "note");
        for (const Text& context : form->contexts) {
          pugi::xml_node p = El(notes, "p", {}, {{"class", "context"}});
          El(p, "q", CollapseSpace(context.text), {{"lang", form_lang}});
          if (!context.source.empty())
            AddLinkedText(p, " (" + CollapseSpace(context.source) + ")");
        }
      }
    }
  }
}

// A paragraph of class `css` per text, in `lang` if given, with its source.
void Texts(pugi::xml_node parent, const std::vector<Text>& texts,
           std::string_view lang, std::string_view css) {
  for (const Text& text : texts) {
    pugi::xml_node p = LinkedParagraph(parent, CollapseSpace(text.text), css);
    if (!lang.empty()) SetAttribute(p, "lang", lang);
    if (!text.source.empty())
      AddLinkedText(El(p, "span", {}, {{"class", "source"}}),
                    " — " + CollapseSpace(text.source));
  }
}

void Dispersion(const SiteContext& site, pugi::xml_node parent,
                const std::vector<Passage>& passages) {
  std::vector<Band> bands = Bands(site.index);
  if (site.index.length() == 0) return;
  constexpr double kWidth = 600, kHeight = 34, kBand = 22;
  // Hidden from screen readers: the list below it says where each passage
  // stands, in words.
  pugi::xml_node svg = El(parent, "svg", {},
                          {{"class", "dispersion"},
                           {"viewBox", "0 0 600 34"},
                           {"aria-hidden", "true"}});
  auto x_of = [&](std::size_t offset) {
    return kWidth * static_cast<double>(offset) /
           static_cast<double>(site.index.length());
  };
  // One decimal, without a ".0".
  auto number = [](double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    std::string out(buffer);
    if (out.size() > 2 && out.compare(out.size() - 2, 2, ".0") == 0)
      out.resize(out.size() - 2);
    return out;
  };
  // The bands alternate in colour (entry.css, rect:nth-of-type); each is
  // labelled below where there is room. The plot is in every entry page,
  // so it carries no more than it shows.
  for (const Band& part : bands) {
    double x = x_of(part.begin);
    double width = x_of(part.end) - x;
    El(svg, "rect", {},
       {{"x", number(x)}, {"width", number(width)}, {"height", number(kBand)}});
    std::string label = part.label == "fn"      ? "Anm."
                        : part.label == "KF"    ? "KF"
                        : part.label == "title" ? "T"
                                                : part.label;
    if (width >= 12)
      El(svg, "text", label,
         {{"x", number(x + width / 2)}, {"y", number(kHeight - 2)}});
  }
  // One path, a vertical stroke per passage ("M168.2 2v18"): a <line> each
  // made the plot of the entry with most passages 30 KB.
  std::string ticks;
  for (const Passage& passage : passages) {
    double x =
        x_of(site.index.blocks()[passage.block].offset + passage.block_begin) +
        0.5;
    ticks += "M" + number(x) + " 2v" + number(kBand - 4);
  }
  El(svg, "path", {}, {{"d", ticks}, {"class", "ticks"}});
}

// The heading: the Chinese term with its traditional form and reading (or
// the headline), its characters, the place of the study buttons, the
// German and English renderings, and the background mark.
void Heading(const SiteContext& site, pugi::xml_node article,
             const Concept& entry) {
  std::string headline = Headline(entry);
  pugi::xml_node h1 = El(article, "h1");
  std::vector<ChineseForms> chinese = ChineseTerms(entry);
  if (!chinese.empty()) {
    const ChineseForms& first = chinese.front();
    El(h1, "span", CollapseSpace(first.simplified->text),
       {{"lang", kSimplifiedChinese}});
    if (first.traditional != nullptr &&
        first.traditional->text != first.simplified->text) {
      AddText(h1, " ");
      El(h1, "span", CollapseSpace(first.traditional->text),
         {{"lang", kTraditionalChinese}});
    }
    if (first.pinyin != nullptr) {
      AddText(h1, " ");
      El(h1, "span", CollapseSpace(first.pinyin->text),
         {{"lang", kPinyin}, {"class", "pinyin"}});
    }
  } else {
    AddText(h1, headline);
  }
  // What stands under the heading is in the page from the start, so that
  // nothing moves once it is drawn (a layout shift of 0.12 on a phone when
  // the scripts added it): the characters in full, the lines a popup draws
  // from chars-data.js, and without the script too; and the box study.js
  // fills with its buttons, whose height the style sheet keeps (and which
  // it hides from a reader without the script: no empty box).
  if (site.characters != nullptr && !chinese.empty())
    EntryCharacters(article, *site.characters,
                    CollapseSpace(chinese.front().simplified->text));
  El(article, "div", {}, {{"class", "study-actions"}});
  // The renderings in German and English, the reader's first (entry.css).
  pugi::xml_node gloss = El(article, "p", {}, {{"class", "gloss"}});
  for (std::string_view lang : {"de", "en"}) {
    std::string term = DisplayTerm(entry, lang);
    if (!term.empty() && term != headline)
      El(gloss, "span", term, {{"lang", lang}});
  }
  if (gloss.first_child().empty()) article.remove_child(gloss);
  if (entry.IsBackground()) {
    pugi::xml_node p = El(article, "p", {}, {{"class", "background"}});
    Ui(p,
       "Hintergrund: Der Begriff kommt im Bericht nicht vor; er erklärt "
       "einen, der vorkommt.",
       "Background: the term does not occur in the report; it explains one "
       "that does.");
  }
}

// The interface language the definitions of `section` show in ("de",
// "en"), as labels do (see Ui in page.h), when the entry defines itself in
// both; else "": shown in both, as are definitions in other languages.
std::string_view ShownIn(const Concept& entry, const LangSection& section) {
  auto defined = [&](std::string_view lang) {
    const LangSection* other = entry.Language(lang);
    return other != nullptr && !other->definitions.empty();
  };
  if (!defined("de") || !defined("en")) return "";
  if (SameLanguage(section.lang, "de")) return "de";
  if (SameLanguage(section.lang, "en")) return "en";
  return "";
}

// The definition in the interface language, without its source (that is
// the terminologist's detail: DefinitionSources).
void Definitions(pugi::xml_node article, const Concept& entry) {
  pugi::xml_node definitions =
      El(article, "section", {}, {{"class", "definitions"}});
  Ui(El(definitions, "h2"), "Definition", "Definition");
  for (const LangSection& section : entry.languages) {
    for (const Text& text : section.definitions) {
      pugi::xml_node p =
          LinkedParagraph(definitions, CollapseSpace(text.text), "definition");
      SetAttribute(p, "lang", section.lang);
      std::string_view ui = ShownIn(entry, section);
      if (!ui.empty()) SetAttribute(p, "data-ui", ui);
    }
  }
  for (const Text& text : entry.definitions)
    LinkedParagraph(definitions, CollapseSpace(text.text), "definition");
}

// The sources of the definitions, each once: one the German and the
// English definition share shows in both interfaces, one of a definition
// shown in one interface only (ShownIn) with its definition. They are in
// the glossary's language (`sources_lang`), whatever the definition's.
void DefinitionSources(pugi::xml_node parent, const Concept& entry,
                       const std::string& sources_lang) {
  std::vector<std::pair<std::string, std::string_view>> sources;  // and ui
  auto add = [&](const Text& text, std::string_view ui) {
    if (text.source.empty()) return;
    std::string source = CollapseSpace(text.source);
    for (auto& [known, known_ui] : sources) {
      if (known != source) continue;
      if (known_ui != ui) known_ui = "";  // shared by German and English
      return;
    }
    sources.push_back({source, ui});
  };
  for (const LangSection& section : entry.languages)
    for (const Text& text : section.definitions)
      add(text, ShownIn(entry, section));
  for (const Text& text : entry.definitions) add(text, "");
  if (sources.empty()) return;
  pugi::xml_node section =
      El(parent, "section", {}, {{"class", "definition-sources"}});
  Ui(El(section, "h3"), "Quellen der Definition", "Sources of the definition");
  for (const auto& [source, ui] : sources) {
    pugi::xml_node p = LinkedParagraph(section, source, "source");
    SetAttribute(p, "lang", sources_lang);
    if (!ui.empty()) SetAttribute(p, "data-ui", ui);
  }
}

// Every term of every language, with status, sources and notes.
void Terms(pugi::xml_node parent, const Concept& entry,
           const std::string& glossary_lang) {
  pugi::xml_node terms = El(parent, "section", {}, {{"class", "all-terms"}});
  Ui(El(terms, "h3"), "Benennungen", "Terms");
  TermTable(terms, entry, glossary_lang);
}

// The translator's notes, if any.
void Notes(pugi::xml_node parent, const Concept& entry) {
  bool has_notes = !entry.notes.empty();
  for (const LangSection& section : entry.languages)
    has_notes = has_notes || !section.notes.empty();
  if (has_notes) {
    pugi::xml_node notes = El(parent, "section", {}, {{"class", "notes"}});
    Ui(El(notes, "h3"), "Hinweise für Übersetzer", "Translator's notes");
    Texts(notes, entry.notes, "", "note");
    for (const LangSection& section : entry.languages)
      Texts(notes, section.notes, section.lang, "note");
  }
}

struct RelationWords {
  std::string_view german;
  std::string_view english;
};

// How a related entry stands to this one, as the page names it: "broader:
// 社会信用" in the glossary makes 社会信用 the Oberbegriff.
RelationWords RelationWordsOf(Relation relation) {
  switch (relation) {
    case Relation::kBroader:
      return {"Oberbegriff", "broader"};
    case Relation::kNarrower:
      return {"Unterbegriff", "narrower"};
    case Relation::kPartOf:
      return {"Teil von", "part of"};
    case Relation::kHasPart:
      return {"umfasst", "has part"};
    case Relation::kInstanceOf:
      return {"Fall von", "instance of"};
    case Relation::kHasInstance:
      return {"Beispiel", "instance"};
    case Relation::kRelated:
      return {"verwandt", "related"};
    case Relation::kContrast:
      return {"Gegensatz", "contrast"};
    case Relation::kNone:
      break;
  }
  return {"", ""};
}

// A link to the related entry `target` names, "社会信用", with its rendering
// in both interface languages: "社会信用 gesellschaftliche Bonität".
void RelatedLink(const SiteContext& site, pugi::xml_node parent,
                 const std::string& label, const std::string& target) {
  auto found = site.by_id.find(target);
  if (found == site.by_id.end()) {
    El(parent, "span", label);
    return;
  }
  pugi::xml_node link =
      El(parent, "a", {}, {{"href", site.files[found->second] + ".html"}});
  El(link, "span", label);
  const Concept& other = site.glossary.concepts[found->second];
  std::string german = DisplayTerm(other, "de");
  std::string english = DisplayTerm(other, "en");
  // "FICO FICO" says nothing more than "FICO".
  if ((german.empty() || german == label) &&
      (english.empty() || english == label))
    return;
  AddText(link, " ");
  Ui(link, german.empty() ? english : german,
     english.empty() ? german : english);
}

// The related entries, linked (RelatedLink), a list per relation under its
// name, in the order the glossary first names each: the name once, not on
// every line.
void Related(const SiteContext& site, pugi::xml_node article,
             const Concept& entry) {
  if (entry.cross_references.empty()) return;
  pugi::xml_node related = El(article, "section", {}, {{"class", "related"}});
  Ui(El(related, "h2"), "Verwandte Einträge", "Related entries");
  std::vector<std::pair<Relation, std::vector<std::size_t>>> groups;
  std::vector<RelationLabel> labels;
  for (const CrossReference& reference : entry.cross_references) {
    labels.push_back(ParseRelation(CollapseSpace(reference.text)));
    auto group = std::find_if(groups.begin(), groups.end(), [&](auto& g) {
      return g.first == labels.back().relation;
    });
    if (group == groups.end())
      group = groups.insert(groups.end(), {labels.back().relation, {}});
    group->second.push_back(labels.size() - 1);
  }
  for (const auto& [relation, members] : groups) {
    RelationWords words = RelationWordsOf(relation);
    if (!words.german.empty()) {
      std::string css(kRelationNames[static_cast<std::size_t>(relation)]);
      Ui(El(related, "p", {}, {{"class", "relation " + css}}), words.german,
         words.english);
    }
    pugi::xml_node list = El(related, "ul");
    for (std::size_t i : members)
      RelatedLink(site, El(list, "li"), labels[i].label,
                  entry.cross_references[i].target);
  }
}

// The key passages, as the index resolved them.
void KeyPassages(const SiteContext& site, pugi::xml_node article,
                 std::size_t index) {
  const std::vector<KeyPassage>& keys = site.index.KeyPassagesOf(index);
  if (!keys.empty()) {
    pugi::xml_node section =
        El(article, "section", {}, {{"class", "key-passages"}});
    Ui(El(section, "h2"), "Schlüsselstellen", "Key passages");
    pugi::xml_node list = El(section, "ul");
    for (const KeyPassage& key : keys) {
      pugi::xml_node li = El(list, "li");
      std::string where =
          key.block ? FormatLocator(key.block->locator) : key.id;
      El(li, "a", where, {{"href", "../index.html#" + key.id}});
      // What the glossary says of the passage, in the glossary's language.
      if (!key.description.empty()) {
        AddText(li, " ");
        El(li, "span", key.description,
           {{"class", "description"},
            {"lang", site.glossary.lang.empty() ? "en" : site.glossary.lang}});
      }
      if (!key.sentence.empty())
        El(li, "q", key.sentence, {{"lang", "de"}, {"class", "sentence"}});
      if (!key.entry_in_sentence && !key.reason.empty()) {
        pugi::xml_node why = El(li, "p", {}, {{"class", "not-named"}});
        Ui(why, "Hier nicht genannt: ", "Not named here: ");
        El(why, "span", key.reason, {{"class", "reason"}, {"lang", "en"}});
      }
    }
  }
}

// The glossary's links out of the site, those that are safe as links.
void Links(pugi::xml_node parent, const Concept& entry) {
  std::vector<std::pair<std::string, std::string>> links;
  for (const ExternalReference& reference : entry.external_references) {
    if (IsRelativeReference(reference.target)) continue;
    std::string url = SafeUrl(CollapseSpace(reference.target));
    links.push_back(
        {url, CollapseSpace(reference.text.empty() ? reference.target
                                                   : reference.text)});
  }
  if (!links.empty()) {
    pugi::xml_node section = El(parent, "section", {}, {{"class", "links"}});
    Ui(El(section, "h3"), "Quellen im Netz", "Sources on the web");
    pugi::xml_node list = El(section, "ul");
    for (const auto& [url, text] : links) {
      pugi::xml_node li = El(list, "li");
      if (url.empty()) {
        El(li, "span", text);
      } else {
        El(li, "a", text, {{"href", url}, {"rel", "noopener noreferrer"}});
      }
    }
  }
}

// Every passage of the entry: a dispersion plot and a keyword-in-context
// line per passage, each linking to its block of the report.
void Passages(const SiteContext& site, pugi::xml_node article,
              std::size_t index) {
  std::vector<Passage> passages = site.index.PassagesOf(index);
  pugi::xml_node section =
      El(article, "section", {}, {{"class", "passages"}, {"id", "passages"}});
  std::string n = std::to_string(passages.size());
  Ui(El(section, "h2"), n + (passages.size() == 1 ? " Stelle" : " Stellen"),
     n + (passages.size() == 1 ? " passage" : " passages"));
  if (!passages.empty()) {
    Dispersion(site, section, passages);
    pugi::xml_node list = El(section, "ol", {}, {{"class", "kwic"}});
    for (const Passage& passage : passages) {
      pugi::xml_node li = El(list, "li");
      // The link names its block in its address alone, and the contexts
      // are plain text around the keyword: a class, a data-node and spans
      // around the contexts cost 67 KB over all pages and said nothing more.
      pugi::xml_node link =
          El(li, "a", {}, {{"href", "../index.html#" + passage.locator.node}});
      Kwic kwic = KwicOf(passage);
      AddText(link, KeepLastColumns(kwic.left, kContextColumns));
      El(link, "mark", kwic.match);
      AddText(link, KeepFirstColumns(kwic.right, kContextColumns));
      El(li, "span", FormatLocator(passage.locator), {{"class", "locator"}});
    }
  }
}

}  // namespace

// Meaning first: the heading, the definition and the passages, then the
// related entries; below, under a heading of its own, the terminologist's
// detail (the definition's sources, every term with status and sources, the
// notes, the links out).
std::string EntryPage(const SiteContext& site, std::size_t index) {
  const Concept& entry = site.glossary.concepts[index];
  Page page = NewPage(Headline(entry), "../", "de", "entry");
  pugi::xml_node article =
      El(page.main, "article", {},
         {{"class", "entry"}, {"id", "entry"}, {"data-entry", entry.id}});
  Heading(site, article, entry);
  Definitions(article, entry);
  KeyPassages(site, article, index);
  Passages(site, article, index);
  Related(site, article, entry);
  pugi::xml_node detail =
      El(article, "section", {}, {{"class", "detail"}, {"id", "detail"}});
  Ui(El(detail, "h2"), "Für Terminologen und Übersetzer",
     "For terminologists and translators");
  const std::string glossary_lang =
      site.glossary.lang.empty() ? "en" : site.glossary.lang;
  DefinitionSources(detail, entry, glossary_lang);
  Terms(detail, entry, glossary_lang);
  Notes(detail, entry);
  Links(detail, entry);
  return FinishPage(page, site.document);
}

}  // namespace glossa::site
