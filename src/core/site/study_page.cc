// study.html, the reader's "my terms" page; assets/study-data.js, the data
// only that page loads; and assets/export-data.js, what its export writes,
// loaded on the first download (most visits export nothing, and the lines
// are two thirds of the data). Which terms a reader saved or knows is kept
// in the browser alone (localStorage, src/assets/js/study.js); the page is
// the same for every reader, and the script fills it in.
//
// The study data holds, per entry, what a flashcard shows (the terms, the
// first sentence of each definition, the report's sentence as the cue). The
// export data holds, by entry id, the entry's lines of `glossa export
// --format anki` (Chinese to German, Chinese to English; their shared front
// and tags once, SharedNote) and `--format csv`, computed by the export code
// itself (AnkiPartsOf, CsvPartsOf): the script only joins the saved
// entries' lines under the same head, so a download is the CLI's file for
// those entries.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/export.h"
#include "core/html.h"
#include "core/passages.h"
#include "core/site/page.h"

namespace glossa::site {
namespace {

// The Anki directions the page offers: a student of the report learns the
// Chinese terms, in the language of the interface (README: "For learning
// the Chinese terms: --source zh --target de").
constexpr std::string_view kAnkiTargets[] = {"de", "en"};

// The Chinese term a card shows, with its traditional form and reading:
// the forms of the term DisplayTerm names the entry by.
ChineseForms CardChinese(const Concept& entry) {
  std::string shown = DisplayTerm(entry, kSimplifiedChinese);
  for (const ChineseForms& forms : ChineseTerms(entry)) {
    if (forms.simplified != nullptr &&
        CollapseSpace(forms.simplified->text) == shown)
      return forms;
  }
  return {};
}

std::string TextOf(const Term* term) {
  return term == nullptr ? std::string() : CollapseSpace(term->text);
}

nlohmann::ordered_json CardOf(const SiteContext& site, std::size_t i) {
  const Concept& entry = site.glossary.concepts[i];
  ChineseForms chinese = CardChinese(entry);
  nlohmann::ordered_json card;
  card["id"] = entry.id;
  card["url"] = site.EntryHref(i, "");
  card["zh"] = TextOf(chinese.simplified);
  std::string traditional = TextOf(chinese.traditional);
  card["zh_hant"] = traditional == card["zh"] ? "" : traditional;
  card["pinyin"] = TextOf(chinese.pinyin);
  card["de"] = DisplayTerm(entry, "de");
  card["en"] = DisplayTerm(entry, "en");
  card["definition"] = {{"de", ShortDefinition(entry, "de")},
                        {"en", ShortDefinition(entry, "en")}};
  std::optional<StudySentence> cue = StudySentenceOf(site.index, i);
  if (cue) {
    card["cue"] = {{"text", cue->text},
                   {"where", FormatLocator(cue->locator)},
                   {"href", "index.html#" + cue->locator.node}};
  } else {
    card["cue"] = nullptr;
  }
  return card;
}

// The two Anki notes of an entry (Chinese to German, to English) with
// what they share written once: they differ in the back only, so the front
// (up to the first tab) and the tags (from the last tab) are the same. The
// script joins front + de|en + tags; only what both notes begin and end
// with is taken out, so the join is each note whatever the notes hold.
//   {"front": "征信 (徵信)\t", "de": "zhēngxìn<br>…", "en": "…",
//    "tags": "\tsection::2.1 …"}
nlohmann::ordered_json SharedNote(const std::string& de,
                                  const std::string& en) {
  std::size_t front = de.find('\t');
  front = front == std::string::npos ? 0 : front + 1;
  if (en.compare(0, front, de, 0, front) != 0) front = 0;
  std::size_t tags = de.rfind('\t');
  tags = tags == std::string::npos || tags < front ? de.size() : tags;
  std::size_t tail = de.size() - tags;
  if (en.size() < front + tail ||
      en.compare(en.size() - tail, tail, de, tags, tail) != 0)
    tags = de.size(), tail = 0;
  return {{"front", de.substr(0, front)},
          {"de", de.substr(front, tags - front)},
          {"en", en.substr(front, en.size() - tail - front)},
          {"tags", de.substr(tags)}};
}

// A section of the page with its heading in both interface languages.
pugi::xml_node Section(pugi::xml_node main, std::string_view id,
                       std::string_view german, std::string_view english) {
  std::string heading = std::string(id) + "-heading";
  pugi::xml_node section = El(
      main, "section", {},
      {{"id", id}, {"class", "study-section"}, {"aria-labelledby", heading}});
  Ui(El(section, "h2", {}, {{"id", heading}}), german, english);
  return section;
}

}  // namespace

std::string StudyData(const SiteContext& site) {
  nlohmann::ordered_json entries = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < site.glossary.concepts.size(); ++i)
    entries.push_back(CardOf(site, i));
  nlohmann::ordered_json data;
  data["entries"] = std::move(entries);
  return DataScript("GLOSSA_STUDY", data.dump());
}

std::string ExportData(const SiteContext& site) {
  nlohmann::ordered_json anki_head = nlohmann::ordered_json::object();
  std::vector<std::vector<std::string>> notes;  // by target, by entry
  for (std::string_view target : kAnkiTargets) {
    ExportOptions options;
    options.source = "zh";
    options.target = target;
    AnkiParts anki = AnkiPartsOf(site.glossary, &site.index, options);
    anki_head[std::string(target)] = anki.head;
    notes.push_back(std::move(anki.notes));
  }
  CsvParts csv = CsvPartsOf(site.glossary, ExportOptions());
  nlohmann::ordered_json entries = nlohmann::ordered_json::object();
  for (std::size_t i = 0; i < site.glossary.concepts.size(); ++i) {
    entries[site.glossary.concepts[i].id] = {
        {"anki", SharedNote(notes[0][i], notes[1][i])}, {"csv", csv.rows[i]}};
  }
  nlohmann::ordered_json data;
  data["anki_head"] = std::move(anki_head);
  data["csv_head"] = csv.head;
  data["entries"] = std::move(entries);
  return DataScript("GLOSSA_EXPORT", data.dump());
}

std::string StudyPage(const SiteContext& site) {
  Page page = NewPage("Meine Begriffe · My terms", "", "de", "study");
  El(page.document.child("html").child("head"), "script", {},
     {{"src", "assets/study-data.js"}, {"defer", ""}});
  pugi::xml_node main = page.main;
  SetAttribute(main, "class", "study");
  Ui(El(main, "h1"), "Meine Begriffe", "My terms");
  pugi::xml_node intro = El(main, "p", {}, {{"class", "study-intro"}});
  Ui(intro,
     "Die Begriffe, die Sie im Bericht oder auf der Seite eines Eintrags "
     "gespeichert haben, zum Wiederholen als Karteikarten und zum Export. "
     "Gespeichert wird nur in diesem Browser; nichts verlässt Ihr Gerät.",
     "The terms you saved in the report or on an entry's page, to review "
     "as flashcards and to export. They are kept in this browser only; "
     "nothing leaves your device.");
  Ui(El(main, "p", {}, {{"class", "study-nojs"}}),
     "Diese Seite braucht JavaScript.", "This page needs JavaScript.");

  pugi::xml_node saved =
      Section(main, "study-saved", "Gespeicherte Begriffe", "Saved terms");
  pugi::xml_node empty = El(saved, "div", {}, {{"class", "study-empty"}});
  Ui(El(empty, "p"), "Noch keine Begriffe gespeichert.", "No terms saved yet.");
  Ui(El(empty, "p"),
     "Zeigen Sie im Bericht auf einen unterstrichenen Begriff (mit der "
     "Maus, mit der Tabulatortaste oder durch Antippen) und wählen Sie "
     "„Speichern“ – oder auf der Seite eines Eintrags, oben. Mit "
     "„Bekannt“ markieren Sie einen Begriff, den Sie schon können.",
     "In the report, point at an underlined term (with the mouse, the Tab "
     "key or a tap) and choose “Save” – or choose it at the top of an "
     "entry's page. “Known” marks a term you have already learnt.");
  El(saved, "ul", {}, {{"id", "study-list"}, {"class", "study-list"}});

  pugi::xml_node cards =
      Section(main, "study-cards", "Karteikarten", "Flashcards");
  Ui(El(cards, "p", {}, {{"class", "study-help"}}),
     "Die gespeicherten Begriffe, die Sie noch nicht kennen, einer nach dem "
     "anderen: Leertaste dreht die Karte um, ← heißt „noch einmal“, → "
     "„gewusst“ (der Begriff gilt dann als bekannt).",
     "The saved terms you do not know yet, one at a time: Space turns the "
     "card, ← means “again”, → “known” (the term is then marked as "
     "known).");
  El(cards, "div", {}, {{"id", "study-deck"}, {"class", "study-deck"}});

  pugi::xml_node exports =
      Section(main, "study-export", "Exportieren", "Export");
  pugi::xml_node about = El(exports, "p");
  Ui(about,
     "Die gespeicherten Begriffe als Datei für Anki (Datei › Importieren) "
     "oder als Tabelle (CSV, UTF-8), in denselben Formaten wie ",
     "The saved terms as a file for Anki (File › Import) or as a "
     "spreadsheet (CSV, UTF-8), in the same formats as ");
  El(about, "code", "glossa export --format anki --source zh");
  Ui(about, " und ", " and ");
  El(about, "code", "glossa export --format csv");
  AddText(about, ".");
  El(exports, "p", {},
     {{"id", "study-downloads"}, {"class", "study-downloads"}});

  pugi::xml_node display = Section(main, "study-display", "Anzeige", "Display");
  El(display, "p", {}, {{"id", "study-switches"}});
  return FinishPage(page, site.document);
}

}  // namespace glossa::site
