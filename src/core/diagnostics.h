// Problems found in input, as values with locations.
//
// A reader of damaged input reports each problem to a Diagnostics sink and
// keeps reading, like a compiler: a glossary with thirty bad entries shows
// thirty errors at once. Diagnostics own their strings; nothing here prints.
// Locations are 1-based lines and 1-based columns counted in Unicode code
// points (a tab counts as one), so an editor's "go to column" lands on the
// character a message names whatever the script.

#ifndef GLOSSA_CORE_DIAGNOSTICS_H_
#define GLOSSA_CORE_DIAGNOSTICS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace glossa {

enum class Severity { kError, kWarning };

// A place in a named input. line == 0 means "the file as a whole".
struct Location {
  std::string file;
  int line = 0;
  int column = 0;
};

struct Diagnostic {
  Location location;
  Severity severity = Severity::kError;
  std::string message;
};

// Formats a diagnostic in the GNU style, without a trailing newline:
//   glossary/x.tbx:212:7: error: <termSec> has no <term>
//   glossary/x.tbx: error: file is empty          (when line == 0)
std::string FormatDiagnostic(const Diagnostic& diagnostic);

// Collects diagnostics in the order they were reported.
class Diagnostics {
 public:
  void Error(Location location, std::string message);
  void Warning(Location location, std::string message);
  // One diagnostic as reported before (an error or a warning, as it says).
  void Add(Diagnostic diagnostic);

  const std::vector<Diagnostic>& all() const { return all_; }
  int errors() const { return errors_; }
  int warnings() const { return warnings_; }

 private:
  std::vector<Diagnostic> all_;
  int errors_ = 0;
  int warnings_ = 0;
};

// Maps byte offsets in a UTF-8 text to lines and columns. The text must
// outlive the index.
//
//   LineIndex index("ab\n征信x");
//   index.At(8);  // {line 2, column 3}: the "x" after two CJK characters
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  struct Position {
    int line = 1;
    int column = 1;
  };
  // Offsets past the end clamp to the end of the text.
  Position At(std::size_t offset) const;

 private:
  std::string_view text_;
  std::vector<std::size_t> line_starts_;
};

}  // namespace glossa

#endif  // GLOSSA_CORE_DIAGNOSTICS_H_
