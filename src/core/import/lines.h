// The importer's second stage: the input cut into lines.
//
// A PDF extraction says what it knows about layout in the white space at the
// ends of its lines: a line that begins with exactly one space starts a
// page, a space at a line's end means the words before and after the break
// are apart, a tab or spaces and a bullet glyph start a key finding. This
// stage keeps that knowledge as fields of each line and the text without
// it, after making the corrections file's replacements.

#ifndef GLOSSA_CORE_IMPORT_LINES_H_
#define GLOSSA_CORE_IMPORT_LINES_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/import/corrections.h"

namespace glossa::import {

struct Line {
  int number = 0;  // 1-based
  int page = 1;
  bool page_start = false;
  bool trailing_space = false;
  bool blank = true;
  bool bullet = false;  // starts with a bullet (U+FFFD or •) after white space
  std::string text;     // without the page-start space, right-trimmed
};

// Splits `bytes` (UTF-8, a byte order mark allowed) into lines at LF (a CR
// before it is dropped), numbered from 1; what follows the last line break
// is a line only if it has text or starts a page. Each replacement is made on
// its line first; one whose text is not on its line, or whose line is past
// the end, is reported as a warning of `corrections_name` at its origin.
std::vector<Line> SplitLines(std::string_view bytes,
                             const std::vector<Replacement>& replacements,
                             std::string_view corrections_name,
                             Diagnostics& diags);

}  // namespace glossa::import

#endif  // GLOSSA_CORE_IMPORT_LINES_H_
