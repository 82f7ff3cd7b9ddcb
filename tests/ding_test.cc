#include "core/ding.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "test_support.h"

namespace glossa {
namespace {

std::vector<std::string> Terms(const LangSection& section) {
  std::vector<std::string> out;
  for (const Term& term : section.terms) out.push_back(term.text);
  return out;
}

std::vector<std::string> Definitions(const LangSection& section) {
  std::vector<std::string> out;
  for (const Text& text : section.definitions) out.push_back(text.text);
  return out;
}

std::vector<Concept> ReadFixture(Diagnostics& diags) {
  std::vector<Concept> entries;
  ReadDing(testing::ReadOrFail(GLOSSA_TEST_DATA "/ding-sample.txt"),
           "ding-sample.txt", diags, &entries);
  return entries;
}

TEST_CASE("a Ding form loses its annotations", "[ding]") {
  CHECK(DingForm("Ampel {f} [auto] (an der Kreuzung)") == "Ampel");
  CHECK(DingForm("(zugeschnittene) Folie {f} (Dicke: > 0,25 mm)") == "Folie");
  CHECK(DingForm("to jump a red light [coll.]") == "to jump a red light");
  CHECK(DingForm("Aalmolche {pl} <Aalmolch>") == "Aalmolche");
  CHECK(DingForm("R/S ratio >1") == "R/S ratio >1");
  CHECK(DingForm("smiley /:-)/") == "smiley /:-)/");
}

TEST_CASE("Ding's separators inside brackets do not split", "[ding]") {
  CHECK(SplitOutsideBrackets("mit {prp; +Dat.}; samt {prp}", "; ") ==
        std::vector<std::string_view>{"mit {prp; +Dat.}", "samt {prp}"});
  CHECK(SplitOutsideBrackets("a (x | y) | b", " | ") ==
        std::vector<std::string_view>{"a (x | y)", "b"});
}

TEST_CASE("a Ding line becomes an entry with clean forms and its sub-entries",
          "[ding]") {
  Diagnostics diags;
  std::vector<Concept> entries = ReadFixture(diags);
  REQUIRE(entries.size() == 5);
  const Concept& ampel = entries[0];
  CHECK(ampel.id == "ding-3");
  CHECK(ampel.origin.line == 3);
  REQUIRE(ampel.languages.size() == 2);
  const LangSection& de = ampel.languages[0];
  const LangSection& en = ampel.languages[1];
  CHECK(de.lang == "de");
  CHECK(Terms(de) == std::vector<std::string>{"Ampel", "Verkehrsampel",
                                              "Ampeln", "Verkehrsampeln",
                                              "bei Rot über die Ampel gehen"});
  CHECK(Terms(en) == std::vector<std::string>{
                         "traffic light", "traffic signal", "traffic lights",
                         "traffic signals", "to cross against a red light"});
  CHECK(de.terms[0].grammatical_gender == "feminine");
  CHECK(de.terms[0].part_of_speech == "noun");
  CHECK(de.terms[2].extra.elements ==
        std::vector<std::string>{
            "<termNote type=\"grammaticalNumber\">plural</termNote>"});
  CHECK(Definitions(de) ==
        std::vector<std::string>{"Ampel {f}; Verkehrsampel {f}",
                                 "Ampeln {pl}; Verkehrsampeln {pl}",
                                 "bei Rot über die Ampel gehen"});
  CHECK(Definitions(en) ==
        std::vector<std::string>{"traffic light; traffic signal [Am.]",
                                 "traffic lights; traffic signals",
                                 "to cross against a red light"});
  // Other spellings in <...> are found too.
  CHECK(Terms(entries[3].languages[0]) ==
        std::vector<std::string>{"Bonität", "Bonitaet"});
  CHECK(entries[3].languages[0].terms[1].type == TermType::kVariant);
}

TEST_CASE("a broken Ding line is a warning and the rest loads", "[ding]") {
  Diagnostics diags;
  std::vector<Concept> entries = ReadFixture(diags);
  CHECK(testing::Messages(diags) ==
        std::vector<std::string>{
            "ding-sample.txt:7:1: warning: not a Ding line (German :: "
            "English, one \" :: \"); skipped",
            "ding-sample.txt:8:1: warning: not a Ding line (German :: "
            "English, one \" :: \"); skipped"});
  CHECK(entries.back().id == "ding-9");
  Diagnostics more;
  std::vector<Concept> none;
  ReadDing("Wort {n} :: \n:: word\nx \xff :: y\n", "bad.txt", more, &none);
  CHECK(none.empty());
  CHECK(testing::Messages(more) ==
        std::vector<std::string>{
            "bad.txt:1:1: warning: the English side is empty; skipped",
            "bad.txt:2:1: warning: not a Ding line (German :: English, one "
            "\" :: \"); skipped",
            "bad.txt:3:1: warning: invalid UTF-8 at byte offset 2 of the "
            "line; skipped"});
}

TEST_CASE("Debian's Ding reads whole and without a warning", "[ding]") {
  const std::string path = "/usr/share/trans/de-en";
  if (!std::filesystem::exists(path)) {
    WARN("skipped: " << path << " is missing (scripts/install-deps)");
    return;
  }
  Diagnostics diags;
  std::vector<Concept> entries;
  ReadDing(testing::ReadOrFail(path), path, diags, &entries);
  CHECK(diags.all().empty());
  CHECK(entries.size() > 200000);
  bool ampel = false;
  for (const Concept& entry : entries) {
    const LangSection& de = entry.languages[0];
    const LangSection& en = entry.languages[1];
    if (de.terms.size() > 1 && de.terms[0].text == "Ampel" &&
        de.terms[1].text == "Verkehrsampel" && !en.terms.empty())
      ampel = en.terms[0].text == "traffic light";
  }
  CHECK(ampel);
}

}  // namespace
}  // namespace glossa
