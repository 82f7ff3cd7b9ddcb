#include "core/text_import.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/tei.h"
#include "core/unicode.h"
#include "test_support.h"

namespace glossa {
namespace {

using testing::Messages;

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

// The shipped edition. Tests of the report's structure read it; one test
// re-imports the extraction and checks that it gives this edition byte for
// byte, so what holds for the edition holds for the importer.
const Document& Report() {
  static const Document* document = [] {
    auto* doc = new Document();
    Diagnostics diags;
    REQUIRE(ReadTei(testing::ReadOrFail(EditionPath()), "edition", diags, doc));
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

// Imports inline text with an empty word list.
Document Import(const std::string& text, Diagnostics* diags) {
  Vocabulary vocabulary;
  ImportOptions options;
  options.name = "in.txt";
  options.vocabulary = &vocabulary;
  Document document;
  REQUIRE(ImportText(text, options, *diags, &document));
  return document;
}

// The <body> of the document's TEI, with `long_text` shown as "…".
std::string Body(const Document& document, const std::string& long_text = "") {
  std::string tei = WriteTei(document);
  std::size_t start = tei.find("<body");
  std::size_t end = tei.find("</body>");
  std::string body =
      tei.substr(start, end == std::string::npos ? 7 : end + 7 - start);
  if (long_text.empty()) return body;
  for (std::size_t at = body.find(long_text); at != std::string::npos;
       at = body.find(long_text, at + 3)) {
    body.replace(at, long_text.size(), "…");
  }
  return body;
}

// About `bytes` bytes of German text in words, without a full stop.
std::string LongText(std::size_t bytes) {
  std::string text;
  while (text.size() < bytes) text += "über die Sache und ihre Größe ";
  text.pop_back();
  return text;
}

// The <text> element of the document's TEI.
std::string TextElement(const Document& document) {
  std::string tei = WriteTei(document);
  std::size_t start = tei.find("  <text>");
  std::size_t end = tei.find("</text>");
  REQUIRE(end != std::string::npos);
  return tei.substr(start, end + 7 - start);
}

// All the text of a document: title, subtitle, every node, every footnote.
std::string DocumentText(const Document& document) {
  std::string text =
      PlainText(document.title) + "\n" + PlainText(document.subtitle);
  for (const std::vector<Node>* nodes : {&document.front, &document.body}) {
    for (const Node& node : *nodes) text += "\n" + AllText(node);
  }
  for (const Note& note : document.notes)
    text += "\n" + PlainText(note.content);
  return text;
}

std::size_t CountCjk(std::string_view text) {
  std::u32string s = CodePoints(text);
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), IsCjk));
}

// --- The pipeline, on small inputs -----------------------------------------

TEST_CASE("a footnote never called is warned about before the layout",
          "[import]") {
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

TEST_CASE("the corrections' record and replacements reach the edition",
          "[import]") {
  Vocabulary vocabulary;
  ImportOptions options;
  options.name = "x.txt";
  options.vocabulary = &vocabulary;
  options.corrections =
      "replace 1 \"ECommerce\" \"E-Commerce\"\nmeta author \"Mareike "
      "Ohlberg\"\n1 body\n";
  options.corrections_name = "c.txt";
  Diagnostics diags;
  Document document;
  REQUIRE(ImportText("Titel: ECommerce und mehr\n", options, diags, &document));
  CHECK(Body(document) ==
        "<body>\n"
        "      <p xml:id=\"s0.p1\" g:page=\"1\" g:lines=\"1\">Titel: "
        "E-Commerce und mehr</p>\n"
        "    </body>");
  CHECK(document.info.authors == std::vector<std::string>{"Mareike Ohlberg"});
  CHECK(document.info.source_file == "x.txt");
  CHECK(document.info.source_bytes == 26);
  CHECK(document.info.source_lines == 1);
}

// --- What went wrong before -------------------------------------------------

TEST_CASE(
    "a paragraph of a megabyte imports as one paragraph with all its text",
    "[import]") {
  // Lines of the report, each ending in a space: nothing to join or repair.
  const std::vector<std::string> sentences = {
      "Das gesellschaftliche Bonitätssystem berührt fast alle Bereiche des "
      "täglichen Lebens.",
      "Sie gehen jedoch in mehrerlei Hinsicht viel weiter:",
      "Die „Schaffung von Vertrauen in das Recht“ (取法公信) wird als "
      "Vorbedingung formuliert.",
      "Nicht konformes Verhalten soll hingegen sanktioniert werden."};
  std::string input, expected;
  for (std::size_t i = 0; input.size() < 1000000; ++i) {
    const std::string& sentence = sentences[i % sentences.size()];
    input += sentence + " \n";
    expected += (expected.empty() ? "" : " ") + sentence;
  }
  Diagnostics diags;
  Document document = Import(input, &diags);
  REQUIRE(document.body.size() == 1);
  CHECK(document.body[0].kind == Node::Kind::kParagraph);
  CHECK(document.body[0].source.last_line ==
        static_cast<int>(std::count(input.begin(), input.end(), '\n')));
  std::string text = PlainText(document.body[0].content);
  CHECK(text.size() == expected.size());
  CHECK((text == expected));
}

TEST_CASE("a 50 KB paragraph followed by another imports, where it crashed",
          "[import]") {
  std::string text = LongText(50000);
  // In lines of about 80 bytes, each ending in a space.
  std::string input;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t end = std::min(text.find(' ', at + 75), text.size());
    input += text.substr(at, end - at) + " \n";
    at = end + 1;
  }
  input += "aus. Das ist gut.\n";
  std::string last =
      std::to_string(std::count(input.begin(), input.end(), '\n'));
  Diagnostics diags;
  Document document = Import(input + "\nNoch ein Absatz.\n", &diags);
  CHECK(Body(document, text + " aus.") ==
        "<body>\n"
        "      <p xml:id=\"s0.p1\" g:page=\"1\" g:lines=\"1-" +
            last +
            "\">… Das ist gut.</p>\n"
            "      <p xml:id=\"s0.p2\" g:page=\"1\" g:lines=\"" +
            std::to_string(std::stoi(last) + 2) +
            "\">Noch ein Absatz.</p>\n"
            "    </body>");
}

TEST_CASE(
    "a first line of 30 KB after a number or Quelle imports, where it "
    "crashed",
    "[import]") {
  std::string text = LongText(30000);
  auto body = [&](const std::string& prefix) {
    Diagnostics diags;
    return Body(Import(prefix + text + "\n\nNoch ein Absatz.\n", &diags), text);
  };
  CHECK(body("1. ") ==
        "<body>\n"
        "      <div xml:id=\"s1\" type=\"section\" n=\"1\" g:page=\"1\" "
        "g:lines=\"1\">\n"
        "        <head g:page=\"1\" g:lines=\"1\">…</head>\n"
        "        <p xml:id=\"s1.p1\" g:page=\"1\" g:lines=\"3\">Noch ein "
        "Absatz.</p>\n"
        "      </div>\n"
        "    </body>");
  // Each as the heuristics take it: a subsection only after its section,
  // an item and a footnote go on until a sentence ends, a short block after
  // a source is the figure's caption.
  CHECK(body("2.1 ") ==
        "<body>\n"
        "      <p xml:id=\"s0.p1\" g:page=\"1\" g:lines=\"1-3\">2.1 … Noch "
        "ein Absatz.</p>\n"
        "    </body>");
  CHECK(body("1) ") ==
        "<body>\n"
        "      <list xml:id=\"s0.l1\" g:page=\"1\" g:lines=\"1-3\">\n"
        "        <item xml:id=\"s0.i1\" n=\"1)\" g:page=\"1\" "
        "g:lines=\"1-3\">… Noch ein Absatz.</item>\n"
        "      </list>\n"
        "    </body>");
  CHECK(body("Quelle: ") ==
        "<body>\n"
        "      <figure xml:id=\"s0.f1\" g:page=\"1\" g:lines=\"1-3\">\n"
        "        <p g:page=\"1\" g:lines=\"3\">Noch ein Absatz.</p>\n"
        "        <p type=\"source\" g:page=\"1\" g:lines=\"1\">Quelle: "
        "…</p>\n"
        "      </figure>\n"
        "    </body>");
  Diagnostics diags;
  Document note = Import("12 | " + text + "\n\nNoch ein Absatz.\n", &diags);
  CHECK(Body(note) == "<body/>");
  REQUIRE(note.notes.size() == 1);
  CHECK(note.notes[0].number == 12);
  CHECK(note.notes[0].source.last_line == 3);
  CHECK((PlainText(note.notes[0].content) == text + " Noch ein Absatz."));
}

TEST_CASE("the seven Chinese law texts import whole, where two crashed",
          "[import]") {
  // std::regex recursed once per byte of a long line and overflowed the
  // stack on geren-xinxi-baohu-fa_2021.md and another.
  std::vector<std::string> names;
  for (const auto& file :
       std::filesystem::directory_iterator(testing::SharedPath("data/zh")))
    names.push_back(file.path().filename().string());
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{
                     "geren-xinxi-baohu-fa_2021.md",
                     "henan-shehui-xinyong-tiaoli_2019.md",
                     "shandong-shehui-xinyong-tiaoli_2020.md",
                     "shanghai-shehui-xinyong-tiaoli_2017.md",
                     "shenzhen-shehui-xinyong-tiaoli_2023.md",
                     "zhejiang-gonggong-xinyong-xinxi-guanli-tiaoli_2017.md",
                     "zhengxinye-guanli-tiaoli_2013.md"});
  for (const std::string& name : names) {
    INFO(name);
    std::string text = testing::ReadShared("data/zh/" + name);
    Diagnostics diags;
    Document document = Import(text, &diags);
    CHECK(diags.errors() == 0);
    // Nothing lost: every CJK character of the input is in the edition.
    CHECK(CountCjk(DocumentText(document)) == CountCjk(text));
  }
}

TEST_CASE(
    "a numbered section right after the key findings imports, where it "
    "crashed",
    "[import]") {
  // Fuzzed reproducers (../shared/data/hostile/README.md): the section went
  // to the body at the key findings' position in the front matter.
  Diagnostics diags;
  Document tiny = Import(
      testing::ReadShared("data/hostile/import-ub-container-18b.txt"), &diags);
  CHECK(TextElement(tiny) ==
        "  <text>\n"
        "    <front>\n"
        "      <div xml:id=\"kf\" type=\"keyFindings\" g:page=\"1\" "
        "g:lines=\"1\">\n"
        "        <head g:page=\"1\" g:lines=\"1\">ZENRALE G</head>\n"
        "        <p xml:id=\"kf.p1\" g:page=\"1\" g:lines=\"3\">.</p>\n"
        "        <pb n=\"2\" g:line=\"4\"/>\n"
        "      </div>\n"
        "    </front>\n"
        "    <body>\n"
        "      <div xml:id=\"s1\" type=\"section\" n=\"1\" g:page=\"2\" "
        "g:lines=\"4\">\n"
        "        <head g:page=\"2\" g:lines=\"4\">D</head>\n"
        "      </div>\n"
        "    </body>\n"
        "  </text>");
  CHECK(Messages(diags) ==
        std::vector<std::string>{
            "in.txt:1:1: warning: no footnotes found (lines \"N | text\")"});
  Document readable = Import(
      testing::ReadShared("data/hostile/import-ub-container-readable.txt"),
      &diags);
  CHECK(TextElement(readable) ==
        "  <text>\n"
        "    <front>\n"
        "      <div xml:id=\"kf\" type=\"keyFindings\" g:page=\"1\" "
        "g:lines=\"1\">\n"
        "        <head g:page=\"1\" g:lines=\"1\">ZENTRALE BEFUNDE UND "
        "ERGEBNISSE</head>\n"
        "        <list xml:id=\"kf.l1\" g:page=\"1\" g:lines=\"3\">\n"
        "          <item xml:id=\"kf.1\" g:page=\"1\" g:lines=\"3\">Erster "
        "Punkt der Befunde.</item>\n"
        "        </list>\n"
        "      </div>\n"
        "    </front>\n"
        "    <body>\n"
        "      <div xml:id=\"s1\" type=\"section\" n=\"1\" g:page=\"1\" "
        "g:lines=\"5\">\n"
        "        <head g:page=\"1\" g:lines=\"5\">Einleitung</head>\n"
        "        <p xml:id=\"s1.p1\" g:page=\"1\" g:lines=\"7\">Text des "
        "Abschnitts.</p>\n"
        "      </div>\n"
        "    </body>\n"
        "  </text>");
}

TEST_CASE("über at the start of a block is body text, not a run-in heading",
          "[import]") {
  auto body = [](const std::string& block) {
    Diagnostics diags;
    return Body(Import("1. Einleitung\n\n" + block + "\n", &diags));
  };
  std::string expected =
      "<body>\n"
      "      <div xml:id=\"s1\" type=\"section\" n=\"1\" g:page=\"1\" "
      "g:lines=\"1\">\n"
      "        <head g:page=\"1\" g:lines=\"1\">Einleitung</head>\n"
      "        <p xml:id=\"s1.p1\" g:page=\"1\" g:lines=\"3\">TEXT</p>\n"
      "      </div>\n"
      "    </body>";
  auto with = [&](const std::string& text) {
    std::string out = expected;
    return out.replace(out.find("TEXT"), 4, text);
  };
  CHECK(body("über die Sache: mehr Text") == with("über die Sache: mehr Text"));
  CHECK(body("aber die Sache: mehr Text") == with("aber die Sache: mehr Text"));
  CHECK(body("Über die Sache: mehr Text") ==
        "<body>\n"
        "      <div xml:id=\"s1\" type=\"section\" n=\"1\" g:page=\"1\" "
        "g:lines=\"1\">\n"
        "        <head g:page=\"1\" g:lines=\"1\">Einleitung</head>\n"
        "        <div xml:id=\"s1.d1\" type=\"part\" g:page=\"1\" "
        "g:lines=\"3\">\n"
        "          <head g:page=\"1\" g:lines=\"3\">Über die Sache: mehr "
        "Text</head>\n"
        "        </div>\n"
        "      </div>\n"
        "    </body>");
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
  ImportOptions options;
  options.name = kSeedName;
  options.vocabulary = &German();
  options.corrections = testing::ReadOrFail(CorrectionsPath());
  options.corrections_name = "merics-2017-de.corrections";
  Diagnostics diags;
  Document imported;
  REQUIRE(ImportText(testing::ReadShared(kSeed), options, diags, &imported));
  CHECK(Messages(diags) == std::vector<std::string>{});
  CHECK(WriteTei(imported) == testing::ReadOrFail(EditionPath()));
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
