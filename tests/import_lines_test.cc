#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/import/lines.h"
#include "test_support.h"

namespace glossa::import {
namespace {

using testing::Messages;

// A line as "number page flags|text", flags being P (page start), T
// (trailing space), B (blank) and * (bullet).
std::string Show(const Line& line) {
  std::string flags;
  if (line.page_start) flags += "P";
  if (line.trailing_space) flags += "T";
  if (line.blank) flags += "B";
  if (line.bullet) flags += "*";
  return std::to_string(line.number) + " " + std::to_string(line.page) + " " +
         flags + "|" + line.text;
}

std::vector<std::string> Split(const std::string& text,
                               const std::vector<Replacement>& replacements,
                               Diagnostics* diags) {
  std::vector<std::string> out;
  for (const Line& line : SplitLines(text, replacements, "c.txt", *diags))
    out.push_back(Show(line));
  return out;
}

TEST_CASE("the report's first lines keep their page starts, spaces and bullets",
          "[import]") {
  Diagnostics diags;
  CHECK(Split(" ZENTRALE BEFUNDE UND SCHLUSSFOLGERUNGEN\n"
              "\n"
              "\t \xEF\xBF\xBD"
              "Chinas gesellschaftliches Bonitätssystem ist eine ehrgeizige "
              "Big-Data-\n"
              "gestützte Initiative. Der Staat will einen zentralen Pool von "
              "Daten der Bürger \n"
              "\t\n"
              " \n"
              "  Schlüsselfaktor\n",
              {}, &diags) ==
        std::vector<std::string>{
            "1 1 P|ZENTRALE BEFUNDE UND SCHLUSSFOLGERUNGEN", "2 1 B|",
            "3 1 *|\t \xEF\xBF\xBD"
            "Chinas gesellschaftliches Bonitätssystem ist eine ehrgeizige "
            "Big-Data-",
            "4 1 T|gestützte Initiative. Der Staat will einen zentralen Pool "
            "von Daten der Bürger",
            "5 1 TB|", "6 2 PB|", "7 2 |  Schlüsselfaktor"});
  CHECK(diags.all().empty());
}

TEST_CASE("a text without a page start is one page from its first line",
          "[import]") {
  Diagnostics diags;
  CHECK(Split("Ein Absatz.\n\n  Noch einer.\n", {}, &diags) ==
        std::vector<std::string>{"1 1 |Ein Absatz.", "2 1 B|",
                                 "3 1 |  Noch einer."});
}

TEST_CASE("CRLF line ends and a byte order mark are dropped", "[import]") {
  Diagnostics diags;
  CHECK(Split("\xEF\xBB\xBF"
              "Eins \r\nZwei\r\n",
              {},
              &diags) == std::vector<std::string>{"1 1 T|Eins", "2 1 |Zwei"});
  CHECK(Split("Eins\n \n", {}, &diags) ==
        std::vector<std::string>{"1 1 |Eins", "2 2 PB|"});
  CHECK(Split("Eins", {}, &diags) == std::vector<std::string>{"1 1 |Eins"});
}

TEST_CASE("a replacement is made on its line before anything else",
          "[import]") {
  Diagnostics diags;
  CHECK(Split("Im E-Commerce\nund ECommerce \n",
              {{2, "ECommerce", "E-Commerce", 1},
               {9, "Handel", "Markt", 2},
               {1, "Handel", "Markt", 3}},
              &diags) ==
        std::vector<std::string>{"1 1 |Im E-Commerce", "2 1 T|und E-Commerce"});
  CHECK(Messages(diags) ==
        std::vector<std::string>{
            "c.txt:3:1: warning: replace: 'Handel' is not on line 1",
            "c.txt:2:1: warning: replace: line 9 is past the end of the "
            "input"});
}

}  // namespace
}  // namespace glossa::import
