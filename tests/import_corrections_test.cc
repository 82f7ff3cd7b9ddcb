#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/import/corrections.h"
#include "test_support.h"

namespace glossa::import {
namespace {

using testing::Messages;

TEST_CASE("the shipped corrections give figure 4's caption and the record",
          "[import]") {
  Diagnostics diags;
  Corrections corrections = ParseCorrections(
      testing::ReadOrFail(testing::DataDir() +
                          "/sources/merics-2017-de.corrections"),
      "merics-2017-de.corrections", diags);
  CHECK(diags.all().empty());
  REQUIRE(corrections.regions.size() == 1);
  const Correction& caption = corrections.regions[0];
  CHECK(caption.first == 558);
  CHECK(caption.last == 561);
  CHECK(caption.role == Role::kCaption);
  CHECK(caption.figure == "4");
  CHECK(corrections.At(557) == nullptr);
  CHECK(corrections.At(558) == &caption);
  CHECK(corrections.At(561) == &caption);
  CHECK(corrections.replacements.empty());
  const DocumentInfo& info = corrections.info;
  CHECK(info.authors == std::vector<std::string>{"Mareike Ohlberg",
                                                 "Shazeda Ahmed",
                                                 "Bertram Lang"});
  CHECK(info.series == "MERICS China Monitor");
  CHECK(info.language == "de");
  CHECK(info.original_date == "2017-12-12");
  CHECK(info.notes.size() == 5);
}

TEST_CASE("replace directives and quoted text with escapes are read",
          "[import]") {
  Diagnostics diags;
  Corrections corrections = ParseCorrections(
      "replace 827 \"ECommerce\" \"E-Commerce\"   # a comment\n"
      "meta note \"a \\\"quoted\\\" word\"\n"
      "87-88 title\n56-85 figure\n155-159 quote\n623-636 sidebar\n300 body\n",
      "c.txt", diags);
  CHECK(diags.all().empty());
  REQUIRE(corrections.replacements.size() == 1);
  CHECK(corrections.replacements[0].line == 827);
  CHECK(corrections.replacements[0].from == "ECommerce");
  CHECK(corrections.replacements[0].to == "E-Commerce");
  CHECK(corrections.info.notes ==
        std::vector<std::string>{"a \"quoted\" word"});
  std::vector<Role> roles;
  for (const Correction& c : corrections.regions) roles.push_back(c.role);
  CHECK(roles == std::vector<Role>{Role::kTitle, Role::kCaption, Role::kQuote,
                                   Role::kSidebar, Role::kBody});
  CHECK(corrections.regions[1].figure.empty());
  CHECK(corrections.At(300)->role == Role::kBody);
}

TEST_CASE("a malformed corrections file is reported with its lines",
          "[import]") {
  Diagnostics diags;
  Corrections corrections = ParseCorrections(
      "# ok\n12-10 figure\n3 frobnicate\nreplace 4 \"a\n5\n6 caption\n"
      "meta colour \"red\"\nreplace x \"a\" \"b\"\n7 body\n",
      "c.txt", diags);
  CHECK(Messages(diags) ==
        std::vector<std::string>{
            "c.txt:2:1: error: expected a line or a range of lines (N or "
            "N-M), not '12-10'",
            "c.txt:3:3: error: unknown directive 'frobnicate' (title, figure, "
            "caption, quote, sidebar, body, replace)",
            "c.txt:4:11: error: unterminated quoted text",
            "c.txt:5:1: error: missing what lines 5 are (title, figure, "
            "caption, quote, sidebar, body)",
            "c.txt:6:1: error: expected: LINES caption FIGURE-NUMBER",
            "c.txt:7:1: error: expected: meta KEY \"VALUE\" (KEY: author, "
            "series, publisher, language, original-title, original-date, "
            "note, rights)",
            "c.txt:8:1: error: expected: replace LINE \"FROM\" \"TO\""});
  REQUIRE(corrections.regions.size() == 1);
  CHECK(corrections.regions[0].first == 7);
}

TEST_CASE("an unterminated quote is located by characters, not bytes",
          "[import]") {
  Diagnostics diags;
  ParseCorrections("replace 4 \"Bonität\" \"Bonitä\n", "c.txt", diags);
  CHECK(Messages(diags) == std::vector<std::string>{
                               "c.txt:1:21: error: unterminated quoted text"});
}

TEST_CASE(
    "a line number too large for a line is an error at its column, where it "
    "crashed",
    "[import]") {
  // std::stoi threw ("internal error: stoi"); 200,000 digits crashed.
  Diagnostics diags;
  Corrections corrections = ParseCorrections(
      "99999999999 body\n"
      "replace 1-99999999999 \"a\" \"b\"\n"
      "2-" +
          std::string(200000, '7') +
          " quote\n"
          "999999999 body\n"
          "0000000000012 body\n",
      "c.txt", diags);
  CHECK(Messages(diags) ==
        std::vector<std::string>{
            "c.txt:1:1: error: line number '99999999999' is too large (at "
            "most 999999999)",
            "c.txt:2:11: error: line number '99999999999' is too large (at "
            "most 999999999)",
            "c.txt:3:3: error: line number '77777777777777777777…' is too "
            "large (at most 999999999)"});
  REQUIRE(corrections.regions.size() == 2);
  CHECK(corrections.regions[0].first == 999999999);
  CHECK(corrections.regions[1].first == 12);
  CHECK(corrections.replacements.empty());
}

TEST_CASE("a corrections line that is not UTF-8 is an error at its byte",
          "[import]") {
  Diagnostics diags;
  Corrections corrections = ParseCorrections(
      "1 body\nreplace 1 \"Bonit\xE4t\" \"x\"\n", "c.txt", diags);
  CHECK(Messages(diags) ==
        std::vector<std::string>{
            "c.txt:2:17: error: invalid UTF-8 at byte offset 23 (0xE4)"});
  CHECK(corrections.regions.size() == 1);
  CHECK(corrections.replacements.empty());
}

TEST_CASE("a long unknown word is quoted cut", "[import]") {
  Diagnostics diags;
  ParseCorrections(
      "1 " + std::string(1000, 'x') + "\n" + std::string(1000, 'y') + " body\n",
      "c.txt", diags);
  CHECK(Messages(diags) ==
        std::vector<std::string>{
            "c.txt:1:3: error: unknown directive 'xxxxxxxxxxxxxxxxxxxx…' "
            "(title, figure, caption, quote, sidebar, body, replace)",
            "c.txt:2:1: error: expected a line or a range of lines (N or "
            "N-M), not 'yyyyyyyyyyyyyyyyyyyy…'"});
}

}  // namespace
}  // namespace glossa::import
