#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/html.h"
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
  pugi::xml_node svg = El(parent, "svg", {},
                          {{"class", "dispersion"},
                           {"viewBox", "0 0 600 34"},
                           {"role", "img"},
                           {"aria-label", "dispersion plot"}});
  auto x_of = [&](std::size_t offset) {
    return kWidth * static_cast<double>(offset) /
           static_cast<double>(site.index.length());
  };
  auto number = [](double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    return std::string(buffer);
  };
  for (std::size_t i = 0; i < bands.size(); ++i) {
    const Band& part = bands[i];
    double x = x_of(part.begin);
    double width = x_of(part.end) - x;
    pugi::xml_node rect =
        El(svg, "rect", {},
           {{"x", number(x)},
            {"y", "0"},
            {"width", number(width)},
            {"height", number(kBand)},
            {"class", i % 2 == 0 ? "band even" : "band odd"}});
    std::string label = part.label == "fn"      ? "Anm."
                        : part.label == "KF"    ? "KF"
                        : part.label == "title" ? "T"
                                                : part.label;
    El(rect, "title", label);
    if (width >= 12)
      El(svg, "text", label,
         {{"x", number(x + width / 2)},
          {"y", number(kHeight - 2)},
          {"class", "band-label"}});
  }
  for (const Passage& passage : passages) {
    double x =
        x_of(site.index.blocks()[passage.block].offset + passage.block_begin) +
        0.5;
    El(svg, "line", {},
       {{"x1", number(x)},
        {"x2", number(x)},
        {"y1", "2"},
        {"y2", number(kBand - 2)},
        {"class", "tick"}});
  }
}

// The heading: the Chinese term with its traditional form and reading (or
// the headline), the English and German terms, and the background mark.
void Heading(pugi::xml_node article, const Concept& entry) {
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
  std::string gloss;
  for (std::string_view lang : {"en", "de"}) {
    std::string term = DisplayTerm(entry, lang);
    if (!term.empty() && term != headline)
      gloss += (gloss.empty() ? "" : " · ") + term;
  }
  if (!gloss.empty()) El(article, "p", gloss, {{"class", "gloss"}});
  if (entry.IsBackground()) {
    pugi::xml_node p = El(article, "p", {}, {{"class", "background"}});
    Ui(p,
       "Hintergrund: Der Begriff kommt im Bericht nicht vor; er erklärt "
       "einen, der vorkommt.",
       "Background: the term does not occur in the report; it explains one "
       "that does.");
  }
}

// The definitions in every language.
void Definitions(pugi::xml_node article, const Concept& entry) {
  pugi::xml_node definitions =
      El(article, "section", {}, {{"class", "definitions"}});
  Ui(El(definitions, "h2"), "Definition", "Definition");
  for (const LangSection& section : entry.languages)
    Texts(definitions, section.definitions, section.lang, "definition");
  Texts(definitions, entry.definitions, "", "definition");
}

// Every term of every language, with status, sources and notes.
void Terms(pugi::xml_node article, const Concept& entry,
           const std::string& glossary_lang) {
  pugi::xml_node terms = El(article, "section", {}, {{"class", "all-terms"}});
  Ui(El(terms, "h2"), "Benennungen", "Terms");
  TermTable(terms, entry, glossary_lang.empty() ? "en" : glossary_lang);
}

// The translator's notes, if any.
void Notes(pugi::xml_node article, const Concept& entry) {
  bool has_notes = !entry.notes.empty();
  for (const LangSection& section : entry.languages)
    has_notes = has_notes || !section.notes.empty();
  if (has_notes) {
    pugi::xml_node notes = El(article, "section", {}, {{"class", "notes"}});
    Ui(El(notes, "h2"), "Hinweise für Übersetzer", "Translator's notes");
    Texts(notes, entry.notes, "", "note");
    for (const LangSection& section : entry.languages)
      Texts(notes, section.notes, section.lang, "note");
  }
}

// The related entries, linked, with their relation.
void Related(const SiteContext& site, pugi::xml_node article,
             const Concept& entry) {
  if (!entry.cross_references.empty()) {
    pugi::xml_node related = El(article, "section", {}, {{"class", "related"}});
    Ui(El(related, "h2"), "Verwandte Einträge", "Related entries");
    pugi::xml_node list = El(related, "ul");
    for (const CrossReference& reference : entry.cross_references) {
      RelationLabel relation = ParseRelation(CollapseSpace(reference.text));
      pugi::xml_node li = El(list, "li");
      std::string word(
          kRelationNames[static_cast<std::size_t>(relation.relation)]);
      if (!word.empty()) El(li, "span", word, {{"class", "relation " + word}});
      auto target = site.by_id.find(reference.target);
      if (target != site.by_id.end()) {
        El(li, "a", relation.label,
           {{"href", site.files[target->second] + ".html"}});
      } else {
        El(li, "span", relation.label);
      }
    }
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
      if (!key.description.empty())
        El(li, "span", " " + key.description, {{"class", "description"}});
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
void Links(pugi::xml_node article, const Concept& entry) {
  std::vector<std::pair<std::string, std::string>> links;
  for (const ExternalReference& reference : entry.external_references) {
    if (IsRelativeReference(reference.target)) continue;
    std::string url = SafeUrl(CollapseSpace(reference.target));
    links.push_back(
        {url, CollapseSpace(reference.text.empty() ? reference.target
                                                   : reference.text)});
  }
  if (!links.empty()) {
    pugi::xml_node section = El(article, "section", {}, {{"class", "links"}});
    Ui(El(section, "h2"), "Quellen im Netz", "Sources on the web");
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
      pugi::xml_node link =
          El(li, "a", {},
             {{"href", "../index.html#" + passage.locator.node},
              {"class", "kwic-line"},
              {"data-node", passage.locator.node}});
      Kwic kwic = KwicOf(passage);
      El(link, "span", KeepLastColumns(kwic.left, kContextColumns),
         {{"class", "left"}});
      El(link, "mark", kwic.match);
      El(link, "span", KeepFirstColumns(kwic.right, kContextColumns),
         {{"class", "right"}});
      El(li, "span", FormatLocator(passage.locator), {{"class", "locator"}});
    }
  }
}

}  // namespace

std::string EntryPage(const SiteContext& site, std::size_t index) {
  const Concept& entry = site.glossary.concepts[index];
  Page page = NewPage(Headline(entry), "../", "de", "entry");
  pugi::xml_node article =
      El(page.main, "article", {},
         {{"class", "entry"}, {"id", "entry"}, {"data-entry", entry.id}});
  Heading(article, entry);
  Definitions(article, entry);
  Terms(article, entry, site.glossary.lang);
  Notes(article, entry);
  Related(site, article, entry);
  KeyPassages(site, article, index);
  Links(article, entry);
  Passages(site, article, index);
  return FinishPage(page, site.document);
}

}  // namespace glossa::site
