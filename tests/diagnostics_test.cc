#include "core/diagnostics.h"

#include <catch2/catch.hpp>

namespace glossa {
namespace {

TEST_CASE("a diagnostic prints as file:line:column: severity: message",
          "[diagnostics]") {
  Diagnostic error{
      {"glossary/x.tbx", 212, 7}, Severity::kError, "<termSec> has no <term>"};
  CHECK(FormatDiagnostic(error) ==
        "glossary/x.tbx:212:7: error: <termSec> has no <term>");
  Diagnostic warning{{"x.tbx", 3, 1}, Severity::kWarning, "empty"};
  CHECK(FormatDiagnostic(warning) == "x.tbx:3:1: warning: empty");
}

TEST_CASE("a diagnostic about a whole file has no line", "[diagnostics]") {
  Diagnostic error{
      {"x.tbx", 0, 0}, Severity::kError, "more invalid UTF-8 follows"};
  CHECK(FormatDiagnostic(error) == "x.tbx: error: more invalid UTF-8 follows");
}

TEST_CASE("diagnostics count errors and warnings in report order",
          "[diagnostics]") {
  Diagnostics diags;
  diags.Warning({"a", 2, 1}, "w");
  diags.Error({"a", 1, 1}, "e");
  CHECK(diags.errors() == 1);
  CHECK(diags.warnings() == 1);
  REQUIRE(diags.all().size() == 2);
  CHECK(diags.all()[0].message == "w");
}

TEST_CASE("columns count characters, not bytes", "[diagnostics]") {
  LineIndex index("ab\n征信x\n");
  CHECK(index.At(0).line == 1);
  CHECK(index.At(0).column == 1);
  // "x" is byte 9: after "ab\n" (3 bytes) and two 3-byte characters.
  LineIndex::Position x = index.At(9);
  CHECK(x.line == 2);
  CHECK(x.column == 3);
}

TEST_CASE("an offset past the end lands at the end", "[diagnostics]") {
  LineIndex index("one\ntwo");
  LineIndex::Position end = index.At(100);
  CHECK(end.line == 2);
  CHECK(end.column == 4);
}

}  // namespace
}  // namespace glossa
