// The site's study tools, as glossa builds them: study.html (the "my terms"
// page), linked from every page's bar, assets/study-data.js (its cards) and
// assets/export-data.js, whose export lines are the CLI's own (`glossa
// export --format anki --source zh` and `--format csv`), so a download from
// the page is the CLI's file for the entries saved.
// tests/browser/study.test.mjs uses them in Chromium.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/edition_index.h"
#include "core/export.h"
#include "core/site.h"
#include "test_support.h"

namespace glossa {
namespace {

// window.`variable` as assets/`name` sets it.
nlohmann::json ScriptData(const std::string& name,
                          const std::string& variable) {
  const std::string& file = testing::BuiltIn().site.at("assets/" + name);
  const std::string prefix = "window." + variable + " = ";
  REQUIRE(file.rfind(prefix, 0) == 0);
  REQUIRE(file.size() > prefix.size() + 2);
  REQUIRE(file.substr(file.size() - 2) == ";\n");
  return nlohmann::json::parse(
      file.substr(prefix.size(), file.size() - prefix.size() - 2));
}

nlohmann::json StudyData() {
  return ScriptData("study-data.js", "GLOSSA_STUDY");
}
nlohmann::json ExportData() {
  return ScriptData("export-data.js", "GLOSSA_EXPORT");
}

const nlohmann::json& EntryData(const nlohmann::json& data,
                                const std::string& id) {
  for (const nlohmann::json& entry : data["entries"]) {
    if (entry["id"] == id) return entry;
  }
  FAIL("no entry " << id << " in study-data.js");
  throw;
}

std::string Cli(const std::vector<std::string>& args) {
  testing::RunResult result = testing::RunGlossa(args);
  INFO(result.err);
  REQUIRE(result.status == 0);
  return result.out;
}

std::size_t Count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos;
       at = text.find(what, at + what.size()))
    ++n;
  return n;
}

TEST_CASE(
    "export-data.js holds every entry's Anki note, so that all of them make "
    "the file glossa export --format anki --source zh writes",
    "[site][study]") {
  nlohmann::json data = ExportData();
  const Glossary& glossary = testing::BuiltIn().glossary;
  REQUIRE(data["entries"].size() == glossary.concepts.size());
  nlohmann::json cards = StudyData();
  REQUIRE(cards["entries"].size() == glossary.concepts.size());
  for (std::size_t i = 0; i < glossary.concepts.size(); ++i)
    CHECK(cards["entries"][i]["id"] == glossary.concepts[i].id);
  for (const char* target : {"de", "en"}) {
    INFO(target);
    std::string file = data["anki_head"][target];
    for (std::size_t i = 0; i < glossary.concepts.size(); ++i) {
      const nlohmann::json& anki =
          data["entries"][glossary.concepts[i].id]["anki"];
      file += anki["front"].get<std::string>() +
              anki[target].get<std::string>() +
              anki["tags"].get<std::string>() + "\n";
    }
    CHECK(file == Cli({"export", "--format", "anki", "--source", "zh",
                       "--target", target}));
  }
}

TEST_CASE(
    "export-data.js writes what an entry's two Anki notes share once: the "
    "Chinese front and the tags",
    "[site][study]") {
  nlohmann::json data = ExportData();
  const nlohmann::json& anki = data["entries"]["zhengxin"]["anki"];
  CHECK(anki["front"] == "征信 (徵信)\t");
  CHECK(anki["tags"] ==
        "\tsection::2.1 footnote::9 footnote::10 footnote::13 footnote::31");
  CHECK(anki["de"].get<std::string>().rfind(
            "zhēngxìn<br><b>Kreditauskunft</b><br>credit reporting<br>", 0) ==
        0);
  CHECK(anki["en"].get<std::string>().rfind(
            "zhēngxìn<br><b>credit reporting</b><br>Kreditauskunft<br>", 0) ==
        0);
}

TEST_CASE(
    "export-data.js holds every entry's CSV rows, so that all of them make "
    "the file glossa export --format csv writes",
    "[site][study]") {
  nlohmann::json data = ExportData();
  std::string file = data["csv_head"];
  CHECK(file.rfind("\xEF\xBB\xBF"
                   "Forbidden,de,en,zh-CN,zh-TW,",
                   0) == 0);
  for (const Concept& entry : testing::BuiltIn().glossary.concepts)
    file += data["entries"][entry.id]["csv"].get<std::string>();
  CHECK(file == Cli({"export", "--format", "csv"}));
}

TEST_CASE(
    "a flashcard of 征信 shows its terms, its short definitions and the "
    "report's sentence of its key passage as the cue",
    "[site][study]") {
  nlohmann::json entry = EntryData(StudyData(), "zhengxin");
  CHECK(entry["url"] == "entries/zhengxin.html");
  CHECK(entry["zh"] == "征信");
  CHECK(entry["zh_hant"] == "徵信");
  CHECK(entry["pinyin"] == "zhēngxìn");
  CHECK(entry["de"] == "Kreditauskunft");
  CHECK(entry["en"] == "credit reporting");
  CHECK(entry["definition"]["de"] ==
        "Das Sammeln, Ordnen, Speichern und Aufbereiten von "
        "Kreditinformationen über Unternehmen und Einzelpersonen und ihre "
        "Weitergabe an Nutzer wie Kreditgeber; im heutigen Chinesisch meist "
        "auf finanzielle Kredite beschränkt.");
  CHECK(entry["cue"] ==
        nlohmann::json{
            {"text",
             "Die Pläne beziehen sich also nicht nur auf finanzielle "
             "Kreditinformationen (征信), sondern auch auf moralische "
             "Bezugsgrößen wie „Integrität“ – oder moralisch konnotierte "
             "Vertrauenswürdigkeit (诚信)."},
            {"where", "§2.1, p. 5"},
            {"href", "index.html#s2.1.p2"}});
}

Concept Chinese(std::string id, std::string hans, std::string key = "") {
  Concept entry;
  entry.id = std::move(id);
  Term term;
  term.text = std::move(hans);
  entry.languages = {{"zh-Hans", {}, {}, {term}, {}, {}}};
  if (!key.empty()) {
    ExternalReference reference;
    reference.type = "externalCrossReference";
    reference.target = std::move(key);
    entry.external_references.push_back(reference);
  }
  return entry;
}

TEST_CASE(
    "the report's sentence a student learns an entry by is its key passage's, "
    "else the first where it stands, else none",
    "[export][study]") {
  Document document;
  document.info.language = "de";
  Node paragraph;
  paragraph.kind = Node::Kind::kParagraph;
  paragraph.id = "s1.p1";
  paragraph.source.page = 4;
  AppendText(&paragraph.content, "Das Ziel ist 诚信. Die Pläne nennen 征信.");
  document.body.push_back(paragraph);
  Note note;
  note.number = 1;
  note.id = "fn1";
  note.source.page = 9;
  AppendText(&note.content, "Zu 征信 siehe oben.");
  document.notes.push_back(note);
  Glossary glossary;
  glossary.concepts = {Chinese("zhengxin", "征信", "e.xml#fn1"),
                       Chinese("chengxin", "诚信"),
                       Chinese("heimingdan", "黑名单")};
  EditionIndex index(glossary, document);

  std::optional<StudySentence> key = StudySentenceOf(index, 0);
  REQUIRE(key);
  CHECK(key->text == "Zu 征信 siehe oben.");
  CHECK(key->locator.node == "fn1");
  CHECK(FormatLocator(key->locator) == "fn. 1, p. 9");
  std::optional<StudySentence> first = StudySentenceOf(index, 1);
  REQUIRE(first);
  CHECK(first->text == "Das Ziel ist 诚信.");
  CHECK(first->locator.node == "s1.p1");
  CHECK_FALSE(StudySentenceOf(index, 2));
}

TEST_CASE("every page's bar links to the study page", "[site][study]") {
  for (const auto& [path, contents] : testing::BuiltIn().site) {
    if (path.size() < 5 || path.substr(path.size() - 5) != ".html") continue;
    INFO(path);
    std::string root = path.rfind("entries/", 0) == 0 ? "../" : "";
    CHECK(Count(contents,
                "<a href=\"" + root +
                    "study.html\"><span data-ui=\"de\">"
                    "Meine Begriffe</span><span "
                    "data-ui=\"en\" lang=\"en\">My terms</span></a>") == 1);
  }
}

TEST_CASE(
    "study.html loads its data, and tells a reader with no saved terms how "
    "to save one",
    "[site][study]") {
  const std::string& page = testing::BuiltIn().site.at("study.html");
  CHECK(Count(page,
              "<script src=\"assets/study-data.js\" defer=\"\"></script>") ==
        1);
  CHECK(Count(page, "data-page=\"study\"") == 1);
  CHECK(Count(page,
              "<h1><span data-ui=\"de\">Meine Begriffe</span>"
              "<span data-ui=\"en\" lang=\"en\">My terms</span></h1>") == 1);
  CHECK(Count(page,
              "Zeigen Sie im Bericht auf einen unterstrichenen Begriff (mit "
              "der Maus, mit der Tabulatortaste oder durch Antippen) und "
              "wählen Sie „Speichern“ – oder auf der Seite eines Eintrags, "
              "oben.") == 1);
  CHECK(Count(page,
              "In the report, point at an underlined term (with the mouse, "
              "the Tab key or a tap) and choose “Save” – or choose it at "
              "the top of an entry's page.") == 1);
  for (const char* id :
       {"study-list", "study-deck", "study-downloads", "study-switches"})
    CHECK(Count(page, std::string("id=\"") + id + "\"") == 1);
}

// A glossary of two entries: one with a term to avoid, one with German
// terms only.
Glossary TwoEntries() {
  auto term = [](std::string text, TermStatus status) {
    Term out;
    out.text = std::move(text);
    out.status = status;
    return out;
  };
  Concept scored;
  scored.id = "scored";
  LangSection de{"de",
                 {},
                 {},
                 {term("Punktwert", TermStatus::kPreferred),
                  term("Sozialpunkte", TermStatus::kDeprecated)},
                 {},
                 {}};
  LangSection en{"en", {}, {}, {term("score", TermStatus::kPreferred)}, {}, {}};
  scored.languages = {de, en};
  Concept german;
  german.id = "german";
  LangSection only{"de", {}, {}, {term("Ampel", TermStatus::kAdmitted)},
                   {},   {}};
  german.languages = {only};
  Glossary glossary;
  glossary.concepts = {scored, german};
  return glossary;
}

TEST_CASE(
    "the CSV's parts are its head and each entry's rows, the rows of terms "
    "to avoid with their entry, an entry with no term in the languages "
    "asked for empty",
    "[export][study]") {
  ExportOptions options;
  options.languages = {"en"};
  CsvParts parts = CsvPartsOf(TwoEntries(), options);
  CHECK(parts.head ==
        "\xEF\xBB\xBF"
        "Forbidden,en,en synonyms,en definition\r\n");
  CHECK(parts.rows == std::vector<std::string>{"FALSE,score,,\r\n", ""});
  options.languages = {"de"};
  parts = CsvPartsOf(TwoEntries(), options);
  CHECK(parts.rows ==
        std::vector<std::string>{"FALSE,Punktwert,,\r\nTRUE,Sozialpunkte,,\r\n",
                                 "FALSE,Ampel,,\r\n"});
  CHECK(WriteCsv(TwoEntries(), options) ==
        parts.head + parts.rows[0] + parts.rows[1]);
}

TEST_CASE("the Anki export's parts are its headers and a note per entry",
          "[export][study]") {
  ExportOptions options;  // de -> en
  AnkiParts parts = AnkiPartsOf(TwoEntries(), nullptr, options);
  CHECK(parts.head ==
        "#separator:tab\n#html:true\n#notetype:Basic\n#deck:glossa\n"
        "#tags column:3\n");
  CHECK(parts.notes ==
        std::vector<std::string>{"Punktwert\t<b>score</b>\t", "Ampel\t\t"});
  CHECK(WriteAnkiText(TwoEntries(), nullptr, options) ==
        parts.head + parts.notes[0] + "\n" + parts.notes[1] + "\n");
}

}  // namespace
}  // namespace glossa
