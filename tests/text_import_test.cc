#include "core/text_import.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/tei.h"
#include "core/unicode.h"
#include "test_support.h"

namespace glossa {
namespace {

const char kSeed[] = "seed/000_7d62b1a0f379215d.txt";
const char kSeedName[] = "../shared/seed/000_7d62b1a0f379215d.txt";
const char kWordList[] = "/usr/share/dict/ngerman";

std::string EditionPath() {
  return testing::DataDir() + "/sources/merics-2017-de.tei.xml";
}
std::string CorrectionsPath() {
  return testing::DataDir() + "/sources/merics-2017-de.corrections";
}

const Vocabulary& German() {
  static const Vocabulary* vocabulary = [] {
    auto* v = new Vocabulary();
    v->AddWordList(testing::ReadOrFail(kWordList));
    return v;
  }();
  return *vocabulary;
}

// The report as the importer makes it from ../shared, with the shipped
// corrections.
const Document& Report() {
  static const Document* document = [] {
    ImportOptions options;
    options.name = kSeedName;
    options.vocabulary = &German();
    options.corrections = testing::ReadOrFail(CorrectionsPath());
    options.corrections_name = "merics-2017-de.corrections";
    Diagnostics diags;
    auto* doc = new Document();
    REQUIRE(ImportText(testing::ReadShared(kSeed), options, diags, doc));
    return doc;
  }();
  return *document;
}

// The plain text of a node and everything in it.
std::string AllText(const Node& node) {
  std::string text = PlainText(node.content);
  for (const Node& child : node.children) text += "\n" + AllText(child);
  return text;
}

std::string Text(const std::string& id) {
  const Node* node = FindNode(Report(), id);
  REQUIRE(node != nullptr);
  return AllText(*node);
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// Imports inline text with a small vocabulary.
Document Import(const std::string& text, Diagnostics* diags,
                const std::vector<std::string>& words = {}) {
  Vocabulary vocabulary;
  for (const std::string& word : words) vocabulary.AddWord(word);
  ImportOptions options;
  options.name = "in.txt";
  options.vocabulary = &vocabulary;
  Document document;
  REQUIRE(ImportText(text, options, *diags, &document));
  return document;
}

std::string FirstParagraph(const Document& document) {
  for (const Node& node : document.body) {
    if (node.kind == Node::Kind::kParagraph) return PlainText(node.content);
  }
  return "";
}

std::vector<std::string> Messages(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.all()) out.push_back(FormatDiagnostic(d));
  return out;
}

// --- Each repair, on a small input -----------------------------------------

TEST_CASE("a hyphen at a line end is dropped when the joined word is a word",
          "[import]") {
  Diagnostics diags;
  CHECK(FirstParagraph(Import("Noch ist es nicht umge-\nsetzt, doch bald.\n",
                              &diags, {"umgesetzt"})) ==
        "Noch ist es nicht umgesetzt, doch bald.");
}

TEST_CASE("a hyphen that belongs to a compound is kept", "[import]") {
  Diagnostics diags;
  CHECK(FirstParagraph(
            Import("eine Big-Data-\ngestützte Initiative.\n", &diags)) ==
        "eine Big-Data-gestützte Initiative.");
}

TEST_CASE("a word split without a hyphen is joined", "[import]") {
  Diagnostics diags;
  CHECK(FirstParagraph(Import("zu bewerten und Verhal\nten zu beeinflussen.\n",
                              &diags, {"Verhalten", "und", "zu"})) ==
        "zu bewerten und Verhalten zu beeinflussen.");
  CHECK(FirstParagraph(Import(
            "Governance“ (社会治理). In den chinesischen Medien ist "
            "„gesellschaftliche Bo\n"
            "nität“ (社会信用) zu einem politischen Modewort geworden.\n",
            &diags, {"Bonität"})) ==
        "Governance“ (社会治理). In den chinesischen Medien ist "
        "„gesellschaftliche Bonität“ "
        "(社会信用) zu einem politischen Modewort geworden.");
}

TEST_CASE("a word split over a blank line is joined", "[import]") {
  Diagnostics diags;
  CHECK(FirstParagraph(
            Import("neue Ansätze zur Daten\n\nerhebung und -nutzung.\n", &diags,
                   {"Daten", "Erhebung"})) ==
        "neue Ansätze zur Datenerhebung und -nutzung.");
}

TEST_CASE("a line end with a space keeps two words apart", "[import]") {
  Diagnostics diags;
  const std::vector<std::string> words = {"in", "dem", "indem"};
  CHECK(FirstParagraph(Import("namen und Passwörter bereitstellen. Die Hacker "
                              "veränderten dann die Profile, in \n"
                              "dem sie beispielsweise den Nutzern fälschlich "
                              "Immobilienbesitz zuschrieben.\n",
                              &diags, words)) ==
        "namen und Passwörter bereitstellen. Die Hacker veränderten dann die "
        "Profile, in dem sie "
        "beispielsweise den Nutzern fälschlich Immobilienbesitz zuschrieben.");
  CHECK(FirstParagraph(Import("namen und Passwörter bereitstellen. Die Hacker "
                              "veränderten dann die Profile, in\n"
                              "dem sie beispielsweise den Nutzern fälschlich "
                              "Immobilienbesitz zuschrieben.\n",
                              &diags, words)) ==
        "namen und Passwörter bereitstellen. Die Hacker veränderten dann die "
        "Profile, indem sie "
        "beispielsweise den Nutzern fälschlich Immobilienbesitz zuschrieben.");
}

TEST_CASE("a lost ligature becomes the one that makes a word", "[import]") {
  Diagnostics diags;

  CHECK(FirstParagraph(Import("zu ö\xEF\xBF\xBD"
                              "entlichen Ausschreibungen\n",
                              &diags, {"öffentlichen"})) ==
        "zu öffentlichen Ausschreibungen");
  CHECK(FirstParagraph(Import("die o\xEF\xBF\xBD"
                              "ziellen Dokumente\n",
                              &diags, {"offiziellen"})) ==
        "die offiziellen Dokumente");
  CHECK(FirstParagraph(
            Import("Widerstand gegen gerichtliche Zahlungs-\n"
                   "au\xEF\xBF\xBD"
                   "orderungen, Unternehmensmitarbeiter \n",
                   &diags, {"Zahlungsaufforderungen", "Forderungen", "auf"})) ==
        "Widerstand gegen gerichtliche Zahlungsaufforderungen, "
        "Unternehmensmitarbeiter");
}

TEST_CASE("U+FFFD as a bullet or marker is removed", "[import]") {
  Diagnostics markers;
  CHECK(FirstParagraph(Import("Das System \xEF\xBF\xBD beeinflusst Verhalten "
                              "durch Belohnungen und Sanktionen.\n",
                              &markers)) ==
        "Das System beeinflusst Verhalten durch Belohnungen und Sanktionen.");
  Diagnostics diags;
  Document document = Import(
      "\t \xEF\xBF\xBD"
      "Erster Befund.\n\n\t \xEF\xBF\xBD"
      "Zweiter Befund.\n",
      &diags);
  REQUIRE(document.front.size() == 1);
  REQUIRE(document.front[0].kind == Node::Kind::kList);
  REQUIRE(document.front[0].children.size() == 2);
  CHECK(PlainText(document.front[0].children[1].content) == "Zweiter Befund.");
}

TEST_CASE("no space or line break survives between CJK characters",
          "[import]") {
  Diagnostics diags;
  CHECK(FirstParagraph(Import(
            "(Social Credit System, 社会信用体\n\n系). Dieses\n", &diags)) ==
        "(Social Credit System, 社会信用体系). Dieses");
  CHECK(FirstParagraph(
            Import("„Ehrliches Shanghai“ (诚 信上海) begonnen.\n", &diags)) ==
        "„Ehrliches Shanghai“ (诚信上海) begonnen.");
  CHECK(FirstParagraph(Import("„Mitteilung des Staatsrates zur Schaffung eines "
                              "Bonitätssystems“ 国务\n"
                              "院关于印发社会信用体系建设规划纲要（2014—2020年"
                              "）的通知, ausgestellt am 14. Juni\n",
                              &diags)) ==
        "„Mitteilung des Staatsrates zur Schaffung eines Bonitätssystems“ "
        "国务院关于印发社会信用体系建设规划纲要（2014—2020年）的通知, "
        "ausgestellt am 14. Juni");
}

TEST_CASE(
    "a number glued to a word is a footnote call when the footnote exists",
    "[import]") {
  Diagnostics diags;
  Document document = Import(
      "Verhalten beeinflusst.1 Das System (征信), 2 sondern 2014 mehr.\n\n"
      "1 |\tErste Anmerkung.\n2 |\tZweite Anmerkung.\n",
      &diags);
  REQUIRE(document.body.size() == 1);
  const Content& content = document.body[0].content;
  REQUIRE(content.size() == 5);
  CHECK(content[0].text == "Verhalten beeinflusst.");
  CHECK(content[1].kind == Span::Kind::kNoteCall);
  CHECK(content[1].number == 1);
  CHECK(content[2].text == " Das System (征信),");
  CHECK(content[3].number == 2);
  CHECK(content[4].text == " sondern 2014 mehr.");
  REQUIRE(document.notes.size() == 2);
  CHECK(PlainText(document.notes[1].content) == "Zweite Anmerkung.");
}

TEST_CASE("a number that is not the next footnote stays text", "[import]") {
  Diagnostics diags;
  Document document = Import(
      "Es gibt 43 Städte.2 Und 1000 Punkte.1\n\n1 |\tEins.\n2 |\tZwei.\n",
      &diags);
  CHECK(PlainText(document.body[0].content) ==
        "Es gibt 43 Städte.2 Und 1000 Punkte.");
  CHECK(Messages(diags) ==
        std::vector<std::string>{
            "in.txt:4:1: warning: footnote 2 is never called in the text",
            "in.txt:1:1: warning: no page starts found (lines that begin with "
            "one space); the "
            "text is one page",
            "in.txt:1:1: warning: no numbered sections found (\"1. Title\"); "
            "the text is "
            "imported as paragraphs"});
}

TEST_CASE("a line that begins with one space starts a page", "[import]") {
  Diagnostics diags;
  Document document = Import(
      "Die erste Seite endet mitten im \n Satz, und er geht auf der zweiten "
      "weiter.\n",
      &diags);
  REQUIRE(document.body.size() == 1);
  const Content& content = document.body[0].content;
  REQUIRE(content.size() == 3);
  CHECK(content[0].text == "Die erste Seite endet mitten im ");
  CHECK(content[1].kind == Span::Kind::kPageBreak);
  CHECK(content[1].number == 2);
  CHECK(content[2].text == "Satz, und er geht auf der zweiten weiter.");
  CHECK(document.body[0].source.page == 1);
  CHECK(document.body[0].source.first_line == 1);
  CHECK(document.body[0].source.last_line == 2);
}

TEST_CASE("text in another layout imports as paragraphs with warnings",
          "[import]") {
  Diagnostics diags;
  Document document = Import("Ein Absatz.\n\nNoch ein Absatz.\n", &diags);
  REQUIRE(document.body.size() == 2);
  CHECK(PlainText(document.body[1].content) == "Noch ein Absatz.");
  CHECK(Messages(diags) ==
        std::vector<std::string>{
            "in.txt:1:1: warning: no page starts found (lines that begin with "
            "one space); the "
            "text is one page",
            "in.txt:1:1: warning: no numbered sections found (\"1. Title\"); "
            "the text is "
            "imported as paragraphs",
            "in.txt:1:1: warning: no footnotes found (lines \"N | text\")"});
}

TEST_CASE("binary input and invalid UTF-8 are refused with the byte offset",
          "[import]") {
  Vocabulary vocabulary;
  ImportOptions options;
  options.name = "x.txt";
  options.vocabulary = &vocabulary;
  Document document;
  Diagnostics binary;
  CHECK_FALSE(
      ImportText(std::string("Text\n\0\x01", 7), options, binary, &document));
  CHECK(Messages(binary) ==
        std::vector<std::string>{"x.txt:2:1: error: binary input: a NUL byte "
                                 "at byte offset 5; expected text"});
  Diagnostics latin1;
  CHECK_FALSE(ImportText("Bonit\xE4t\n", options, latin1, &document));
  CHECK(Messages(latin1) ==
        std::vector<std::string>{
            "x.txt:1:6: error: invalid UTF-8 at byte offset 5 (0xE4)"});
  Diagnostics empty;
  CHECK_FALSE(ImportText("", options, empty, &document));
  CHECK(Messages(empty) ==
        std::vector<std::string>{"x.txt:1:1: error: file is empty"});
}

TEST_CASE("a malformed corrections file is reported with its lines",
          "[import]") {
  Vocabulary vocabulary;
  ImportOptions options;
  options.name = "x.txt";
  options.vocabulary = &vocabulary;
  options.corrections = "# ok\n12-10 figure\n3 frobnicate\nreplace 4 \"a\n";
  options.corrections_name = "c.txt";
  Diagnostics diags;
  Document document;
  REQUIRE(ImportText("Text.\n", options, diags, &document));
  std::vector<std::string> messages = Messages(diags);
  messages.resize(3);
  CHECK(messages == std::vector<std::string>{
                        "c.txt:2:1: error: expected a line or a range of lines "
                        "(N or N-M), not '12-10'",
                        "c.txt:3:1: error: unknown directive 'frobnicate' "
                        "(title, figure, caption, quote, "
                        "sidebar, body, replace)",
                        "c.txt:4:11: error: unterminated quoted text"});
}

// --- The report -------------------------------------------------------------

TEST_CASE("the report's repairs hold with their real examples", "[import]") {
  CHECK(
      Contains(Text("kf.1"), "eine ehrgeizige Big-Data-gestützte Initiative"));
  CHECK(Contains(Text("kf.1"), "zu bewerten und Verhalten durch Belohnungen"));
  CHECK(Contains(Text("kf.3"), "nicht vollständig umgesetzt, doch"));
  CHECK(Contains(Text("kf.4"),
                 "neue Ansätze zur Datenerhebung und -nutzung getestet"));
  CHECK(Contains(Text("s2.1.p1"),
                 "„gesellschaftliche Bonität“ (社会信用) zu einem"));
  CHECK(Contains(Text("s2.3.p11"),
                 "bei der Nutzung der Sesame-Credit-App ergeben"));
  CHECK(Contains(Text("front.f1"),
                 "Eingeschränkter Zugang zu öffentlichen Ausschreibungen"));
  CHECK(Contains(Text("front.f1"),
                 "Widerstand gegen gerichtliche Zahlungsaufforderungen,"));
  CHECK(Contains(Text("fig3"), "Pilotprojekte und offiziellen Dokumente"));
  CHECK(
      Contains(Text("s1.p1"), "(Social Credit System, 社会信用体系). Dieses"));
  CHECK(Contains(Text("s3.2.p5"), "„Ehrliches Shanghai“ (诚信上海) begonnen."));
  CHECK(Contains(Text("s2.3.p8"),
                 "Die Hacker veränderten dann die Profile, indem sie"));
}

TEST_CASE("the report's footnote calls stand where the report prints them",
          "[import]") {
  const Node* paragraph = FindNode(Report(), "s1.p2");
  REQUIRE(paragraph != nullptr);
  std::string shown;
  for (const Span& span : paragraph->content) {
    shown += span.kind == Span::Kind::kNoteCall
                 ? "[" + std::to_string(span.number) + "]"
                 : span.text;
  }
  CHECK(Contains(
      shown,
      "durch ein System aus Strafen und Belohnungen beeinflusst.[2] Das"));
  const Node* nine = FindNode(Report(), "s2.1.p2");
  shown.clear();
  for (const Span& span : nine->content) {
    shown += span.kind == Span::Kind::kNoteCall
                 ? "[" + std::to_string(span.number) + "]"
                 : span.text;
  }
  CHECK(Contains(
      shown,
      "nicht nur auf finanzielle Kreditinformationen (征信),[9] sondern"));
  CHECK(Contains(shown, "(提高全社会的诚信意识和信用水平)[8] und"));
}

TEST_CASE("the report has 31 footnotes, each called once from the text",
          "[import]") {
  const Document& report = Report();
  REQUIRE(report.notes.size() == 31);
  std::map<int, int> calls;
  std::vector<const Content*> contents = {&report.title, &report.subtitle};
  std::vector<const Node*> path;
  auto visit = [&](const Node& node, const std::vector<const Node*>&) {
    contents.push_back(&node.content);
  };
  ForEachNode(report.front, visit, &path);
  ForEachNode(report.body, visit, &path);
  for (const Content* content : contents) {
    for (const Span& span : *content) {
      if (span.kind == Span::Kind::kNoteCall) ++calls[span.number];
    }
  }
  for (int n = 1; n <= 31; ++n) {
    INFO("footnote " << n);
    CHECK(report.notes[n - 1].number == n);
    CHECK(report.notes[n - 1].id == "fn" + std::to_string(n));
    CHECK(calls[n] == 1);
  }
  CHECK(calls.size() == 31);
  CHECK(PlainText(report.notes[8].content) ==
        "Zhengxin 征信 wird für die systematische Auswertung und Verarbeitung "
        "von "
        "Bonitätsinformationen durch professionelle Kreditratingagenturen "
        "verwendet.");
}

TEST_CASE("the report has its section tree", "[import]") {
  std::vector<std::string> tree;
  std::vector<const Node*> path;
  ForEachNode(
      Report().body,
      [&](const Node& node, const std::vector<const Node*>& ancestors) {
        if (node.kind != Node::Kind::kDiv) return;
        std::string head = PlainText(node.children.at(0).content);
        std::string label = node.type == "part" ? "  part: " : node.n + " ";
        tree.push_back(std::string(ancestors.size() * 2, ' ') + label + head);
      },
      &path);
  CHECK(
      tree ==
      std::vector<std::string>{
          "1 Das gesellschaftliche Bonitätssystem als vielseitiges Werkzeug "
          "zur "
          "Verhaltenssteuerung",
          "2 „Bonitätsprüfung Plus“: China geht viel weiter als andere Länder",
          "  2.1 DIE REGIERUNGSSICHT: GESELLSCHAFTLICHE BONITÄTSPRÜFUNGEN "
          "LÖSEN VIELE "
          "PROBLEME",
          "  2.2 GEFÄLLIGE MEDIENBERICHTE: TECHNOLOGIE SCHAFFT VERTRAUEN UND "
          "INTEGRITÄT",
          "  2.3 MEDIENKRITIK: BEWERTUNGSSYSTEME KOMMERZIELLER ANBIETER IM "
          "FOKUS",
          "      part: Kritikpunkt 1: Die Regierung hinkt mit dem Aufbau von "
          "Infrastruktur hinterher",
          "      part: Kritikpunkt 2: Die erhobenen Daten sind zur "
          "Bonitätsbewertung "
          "nicht geeignet",
          "      part: Kritikpunkt 3: Das System lässt sich (vermutlich) "
          "austricksen",
          "      part: Kritikpunkt 4: Mangelnde Vertrauenswürdigkeit "
          "kommerzieller "
          "Anbieter",
          "3 Stand der Implementierung: Neue Gesetze und Experimente mit "
          "Pilotprojekten",
          "  3.1 IM FOKUS DER ZENTRALREGIERUNG: ZUSAMMENARBEIT VEREINFACHEN "
          "UND "
          "SCHWARZE LISTEN DURCHSETZEN",
          "      part: Fokus 1: Unterschiedliche Akteure zum Teilen von Daten "
          "bewegen",
          "      part: Fokus 2: Mechanismen für Strafen und Belohnungen",
          "  3.2 PILOTPROGRAMME: EHRGEIZIGE BETATESTS FÜR DAS SYSTEM",
          "      part: Lokale und sektorale Pilotversuche: Prototypen für "
          "landesweite "
          "Maßnahmen",
          "      part: Kommerzielle Pilotversuche: Fortgeschritten, aber zu "
          "gewagt?",
          "4 Das gesellschaftliche Bonitätssystem wird China grundlegend "
          "verändern"});
  CHECK(PlainText(Report().title) == "Experimente mit Zuckerbrot und Peitsche");
  CHECK(PlainText(Report().subtitle) ==
        "Lokale und landesweite Umsetzung von Chinas gesellschaftlichem "
        "Bonitätssystem");
  CHECK(Report().subtitle.back().kind == Span::Kind::kNoteCall);
}

TEST_CASE("pull quotes, figures and the sidebar stand outside the paragraphs",
          "[import]") {
  std::vector<std::string> floats;
  std::vector<std::string> paragraphs;
  std::vector<const Node*> path;
  auto visit = [&](const Node& node,
                   const std::vector<const Node*>& ancestors) {
    bool in_float =
        std::any_of(ancestors.begin(), ancestors.end(), [](const Node* a) {
          return a->kind == Node::Kind::kFigure ||
                 a->kind == Node::Kind::kSidebar;
        });
    if (node.kind == Node::Kind::kQuote ||
        (in_float && !node.content.empty())) {
      floats.push_back(PlainText(node.content));
    } else if (node.kind == Node::Kind::kParagraph ||
               node.kind == Node::Kind::kItem) {
      paragraphs.push_back(PlainText(node.content));
    }
  };
  ForEachNode(Report().front, visit, &path);
  ForEachNode(Report().body, visit, &path);
  CHECK(floats.size() == 27);
  // A pull quote repeats a sentence of the text, which may stand in a
  // paragraph as a whole sentence; no float text stands anywhere else in one.
  for (const std::string& text : floats) {
    for (const std::string& paragraph : paragraphs) {
      for (std::size_t at = paragraph.find(text); at != std::string::npos;
           at = paragraph.find(text, at + 1)) {
        INFO(text << "\n  in: " << paragraph);
        CHECK((paragraph.compare(at + text.size(), 1, ".") == 0 ||
               paragraph.compare(at + text.size(), 1, ",") == 0));
      }
    }
  }
  // The sentences they interrupted run on unbroken.
  CHECK(Contains(Text("s2.1.p4"),
                 "müssen sich an ihrem Verhalten messen lassen."));
  CHECK(Contains(Text("s3.2.p3"),
                 "das System auf weitere Sektoren auszuweiten."));
  CHECK(Contains(Text("s2.3.p8"), "Der Beitrag zitiert einen anonymen Hacker"));
}

TEST_CASE("the report is paged, and every block knows its page and lines",
          "[import]") {
  std::vector<int> pages;
  std::vector<const Node*> path;
  int unplaced = 0;
  auto visit = [&](const Node& node, const std::vector<const Node*>&) {
    if (node.kind == Node::Kind::kPageBreak) pages.push_back(std::stoi(node.n));
    for (const Span& span : node.content) {
      if (span.kind == Span::Kind::kPageBreak) pages.push_back(span.number);
    }
    if (node.kind != Node::Kind::kPageBreak &&
        (node.source.page <= 0 || node.source.first_line <= 0 ||
         node.source.last_line < node.source.first_line)) {
      ++unplaced;
    }
  };
  ForEachNode(Report().front, visit, &path);
  ForEachNode(Report().body, visit, &path);
  std::vector<int> expected;
  for (int page = 1; page <= 15; ++page) expected.push_back(page);
  CHECK(pages == expected);  // pages 16 and 17 hold only the notes
  CHECK(unplaced == 0);
  CHECK(Report().notes.back().source.page == 17);
  const Node* quote = FindNode(Report(), "s1.q1");
  REQUIRE(quote != nullptr);
  CHECK(quote->source.page == 4);
  CHECK(quote->source.first_line == 155);
  CHECK(quote->source.last_line == 159);
}

TEST_CASE("the edition has no U+FFFD and no word broken in two", "[import]") {
  // The vocabulary: the word list and the words of the document, taken from
  // inside the lines of the extraction, where no line break can split them.
  Vocabulary vocabulary = German();
  {
    std::string source = testing::ReadShared(kSeed);
    std::size_t start = 0;
    while (start < source.size()) {
      std::size_t end = source.find('\n', start);
      if (end == std::string::npos) end = source.size();
      std::string line = source.substr(start, end - start);
      start = end + 1;
      std::vector<std::string> tokens;
      std::size_t i = 0;
      while (i < line.size()) {
        std::size_t j = line.find_first_of(" \t", i);
        if (j == std::string::npos) j = line.size();
        if (j > i) tokens.push_back(line.substr(i, j - i));
        i = j + 1;
      }
      for (std::size_t t = 1; t + 1 < tokens.size(); ++t) {
        std::u32string word;
        for (char32_t c : CodePoints(tokens[t])) {
          if (IsLetter(c)) word.push_back(c);
        }
        if (!word.empty()) vocabulary.AddWord(FromCodePoints(word));
      }
    }
  }
  std::vector<std::string> texts;
  std::vector<const Node*> path;
  auto visit = [&](const Node& node, const std::vector<const Node*>&) {
    if (!node.content.empty()) texts.push_back(PlainText(node.content));
  };
  ForEachNode(Report().front, visit, &path);
  ForEachNode(Report().body, visit, &path);
  for (const Note& note : Report().notes)
    texts.push_back(PlainText(note.content));
  auto words = [](const std::string& text) {
    std::vector<std::string> out;
    std::u32string s = CodePoints(text);
    std::u32string word;
    for (char32_t c : s) {
      if (IsLetter(c)) {
        word.push_back(c);
      } else {
        if (!word.empty()) out.push_back(FromCodePoints(word));
        word.clear();
        if (c != U' ') out.push_back("");  // punctuation separates pairs
      }
    }
    if (!word.empty()) out.push_back(FromCodePoints(word));
    return out;
  };

  std::vector<std::string> broken;
  for (const std::string& text : texts) {
    CHECK(text.find("\xEF\xBF\xBD") == std::string::npos);
    std::vector<std::string> w = words(text);
    for (std::size_t i = 0; i + 1 < w.size(); ++i) {
      if (w[i].empty() || w[i + 1].empty()) continue;
      bool fragment =
          !vocabulary.Knows(w[i], true) || !vocabulary.Knows(w[i + 1], true);
      if (fragment && vocabulary.Knows(w[i] + w[i + 1], false) &&
          !IsUppercase(CodePoints(w[i + 1])[0])) {
        broken.push_back(w[i] + " " + w[i + 1]);
      }
    }
  }
  CHECK(broken == std::vector<std::string>{});
}

TEST_CASE("re-importing the extraction gives the shipped edition", "[import]") {
  std::string shipped = testing::ReadOrFail(EditionPath());
  CHECK(WriteTei(Report()) == shipped);
}

TEST_CASE("the shipped corrections are few and documented", "[import]") {
  std::string corrections = testing::ReadOrFail(CorrectionsPath());
  int directives = 0;
  std::size_t start = 0;
  while (start < corrections.size()) {
    std::size_t end = corrections.find('\n', start);
    std::string line = corrections.substr(start, end - start);
    start = end == std::string::npos ? corrections.size() : end + 1;
    if (!line.empty() && line[0] != '#' && line.rfind("meta ", 0) != 0)
      ++directives;
  }
  CHECK(directives <= 5);
}

}  // namespace
}  // namespace glossa
