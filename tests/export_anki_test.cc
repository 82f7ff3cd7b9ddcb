// The Anki export: the file headers Anki's text import reads, one note of
// the note type "Basic" per concept (Front, Back, Tags), and fields that
// neither end a field or a note early nor open a quoted field. Anki has no
// headless reader for its text format (npm's anki-reader reads .apkg only),
// so the tests pin the text Anki's reader is documented to take.

#include <catch2/catch.hpp>
#include <cstddef>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "core/export.h"
#include "test_support.h"

namespace glossa {
namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::vector<std::string> Fields(const std::string& line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos;
       start = tab + 1)
    out.push_back(line.substr(start, tab - start));
  out.push_back(line.substr(start));
  return out;
}

// The notes of an export: its lines after the headers.
std::vector<std::string> Notes(const std::string& text) {
  std::vector<std::string> out;
  for (const std::string& line : Lines(text)) {
    if (line.rfind("#", 0) != 0) out.push_back(line);
  }
  return out;
}

// The note whose Front is `front`, or "".
std::string NoteOf(const std::string& text, const std::string& front) {
  for (const std::string& note : Notes(text)) {
    if (note.rfind(front + "\t", 0) == 0) return note;
  }
  return "";
}

std::string BuiltInAnki(const std::string& source, const std::string& target) {
  const testing::BuiltInData& built_in = testing::BuiltIn();
  ExportOptions options;
  options.source = source;
  options.target = target;
  return WriteAnkiText(built_in.glossary, built_in.index.get(), options);
}

TEST_CASE("the Anki export opens with the file headers Anki's import reads",
          "[export][anki]") {
  std::vector<std::string> lines = Lines(BuiltInAnki("de", "en"));
  REQUIRE(lines.size() > 5);
  CHECK(std::vector<std::string>(lines.begin(), lines.begin() + 5) ==
        std::vector<std::string>{
            "#separator:tab",
            "#html:true",
            "#notetype:Basic",
            "#deck:glossa: social credit glossary (German, English, Chinese)",
            "#tags column:3",
        });
}

TEST_CASE(
    "the Anki note for 征信 asks the German term and answers with the "
    "English, the Chinese, the definition and the report's sentence",
    "[export][anki]") {
  CHECK(NoteOf(BuiltInAnki("de", "en"), "Kreditauskunft") ==
        "Kreditauskunft\t"
        "<b>credit reporting</b><br>"
        "征信 (徵信) zhēngxìn<br>"
        "The business of gathering, sorting, storing and processing credit "
        "information about companies and individuals and supplying it to "
        "those who use it, such as lenders; in Chinese usage the word is now "
        "mostly confined to financial credit.<br>"
        "Die Pläne beziehen sich also nicht nur auf finanzielle "
        "Kreditinformationen (征信), sondern auch auf moralische "
        "Bezugsgrößen wie „Integrität“ – oder moralisch konnotierte "
        "Vertrauenswürdigkeit (诚信). (§2.1, p. 5)\t"
        "section::2.1 footnote::9 footnote::10 footnote::13 footnote::31");
}

TEST_CASE(
    "an Anki export from Chinese asks the characters and answers with the "
    "pinyin first",
    "[export][anki]") {
  std::string note = NoteOf(BuiltInAnki("zh", "de"), "征信 (徵信)");
  CHECK(note.rfind("征信 (徵信)\t"
                   "zhēngxìn<br><b>Kreditauskunft</b><br>credit reporting<br>"
                   "Das Sammeln, Ordnen, Speichern und Aufbereiten von "
                   "Kreditinformationen über Unternehmen und Einzelpersonen "
                   "und ihre Weitergabe an Nutzer wie Kreditgeber; im heutigen "
                   "Chinesisch meist auf finanzielle Kredite beschränkt.<br>"
                   "Die Pläne",
                   0) == 0);
}

TEST_CASE(
    "the Anki export writes one note per concept, each a line of three "
    "fields with a Front no other note has",
    "[export][anki]") {
  const Glossary& glossary = testing::BuiltIn().glossary;
  for (const auto& [source, target] :
       std::vector<std::pair<std::string, std::string>>{
           {"de", "en"}, {"en", "de"}, {"zh", "de"}, {"de", "zh"}}) {
    INFO(source << " -> " << target);
    std::string text = BuiltInAnki(source, target);
    std::vector<std::string> notes = Notes(text);
    CHECK(notes.size() == glossary.concepts.size());
    CHECK(Lines(text).size() == notes.size() + 5);
    // Anki finds duplicates by the first field: a repeated Front would
    // update one concept's note with another's.
    std::set<std::string> fronts;
    for (const std::string& note : notes) {
      INFO(note);
      std::vector<std::string> fields = Fields(note);
      REQUIRE(fields.size() == 3);
      CHECK(!fields[0].empty());
      CHECK(!fields[1].empty());
      CHECK(!fields[2].empty());
      CHECK(fronts.insert(fields[0]).second);
      // A quote would open a quoted field in Anki's CSV reader.
      CHECK(note.find_first_of("\r\"") == std::string::npos);
    }
  }
}

TEST_CASE("the Anki export tags a background entry as background",
          "[export][anki]") {
  std::string note = NoteOf(BuiltInAnki("de", "en"),
                            "Credit Reference Center der People's Bank of "
                            "China");
  REQUIRE(!note.empty());
  CHECK(Fields(note)[2] == "background");
}

Term MakeTerm(const std::string& text,
              TermStatus status = TermStatus::kUnspecified,
              TermType type = TermType::kUnspecified) {
  Term term;
  term.text = text;
  term.status = status;
  term.type = type;
  return term;
}

LangSection MakeSection(const std::string& lang, std::vector<Term> terms) {
  LangSection section;
  section.lang = lang;
  section.terms = std::move(terms);
  return section;
}

Glossary SmallGlossary() {
  Concept entry;
  entry.id = "c1";
  entry.project_subsets = {"background"};
  LangSection en = MakeSection("en", {MakeTerm("social\npoints")});
  Text definition;
  definition.text = "Scores <b>given</b>\tunder Art. 2 of a law.\nMore.";
  en.definitions = {definition};
  entry.languages = {
      MakeSection("de", {MakeTerm("Punkten", TermStatus::kPreferred,
                                  TermType::kVariant),
                         MakeTerm("Sozialpunkte", TermStatus::kDeprecated),
                         MakeTerm("#Punkte & \"Noten\"")}),
      en,
      MakeSection("zh-Hans", {MakeTerm("积分")}),
      MakeSection("zh-Hant", {MakeTerm("積分")}),
      MakeSection("zh-Latn-pinyin", {MakeTerm("jīfēn")}),
  };
  Glossary glossary;
  glossary.concepts = {entry};
  return glossary;
}

TEST_CASE(
    "an Anki note escapes HTML, keeps tabs and newlines out of its fields, "
    "and offers no deprecated term or matching form",
    "[export][anki]") {
  ExportOptions options;  // de -> en
  CHECK(WriteAnkiText(SmallGlossary(), nullptr, options) ==
        "#separator:tab\n"
        "#html:true\n"
        "#notetype:Basic\n"
        "#deck:glossa\n"
        "#tags column:3\n"
        "&#35;Punkte &amp; &quot;Noten&quot;\t"
        "<b>social points</b><br>积分 (積分) jīfēn<br>"
        "Scores &lt;b&gt;given&lt;/b&gt; under Art. 2 of a law.\t"
        "background\n");
}

TEST_CASE(
    "an Anki export into Chinese gives a Chinese definition's first sentence "
    "(ICU has no abbreviation list for zh; it threw)",
    "[export][anki]") {
  Glossary glossary = SmallGlossary();
  Text definition;
  definition.text = "按规定给予的分数。详见第二条。";
  glossary.concepts[0].languages[2].definitions = {definition};
  ExportOptions options;
  options.target = "zh";
  std::vector<std::string> notes =
      Notes(WriteAnkiText(glossary, nullptr, options));
  REQUIRE(notes.size() == 1);
  CHECK(Fields(notes[0])[1] ==
        "<b>积分 (積分)</b> jīfēn<br>social points<br>按规定给予的分数。");
}

}  // namespace
}  // namespace glossa
