// The importer's sixth stage: footnote calls found in the text.
//
// An extraction prints a footnote call as a number glued to the word or
// punctuation before it ("beeinflusst.2"), or after a bracket and comma with
// a space ("(征信), 9 sondern"), or at the end of a line. Many other numbers
// stand in a text ("2014", "43 Städte"); a number is taken for a call only
// when it is the next footnote in reading order and stands where calls
// stand. Calls become Span::Kind::kNoteCall spans.

#ifndef GLOSSA_CORE_IMPORT_NOTE_CALLS_H_
#define GLOSSA_CORE_IMPORT_NOTE_CALLS_H_

#include <set>
#include <string_view>

#include "core/diagnostics.h"
#include "core/document.h"

namespace glossa::import {

// Appends `text` to *out with the footnote calls in it split out: a number
// is a call when it equals *expected, is one of `numbers`, is made of one
// to three ASCII digits followed by the end, a space or a comma, and is
// glued to a letter or to .,;:!?)”“"’» before it, or follows "), " or ", ",
// or follows a space after a letter at the end of the text. Each call found
// increments *expected. Two calls in a row ("4, 5") lose the comma between.
void SplitCalls(std::string_view text, const std::set<int>& numbers,
                int* expected, Content* out);

// Splits the calls out of every text of *doc that can hold them (the title,
// the subtitle, the front and the body, not figure labels), in the order of
// their input lines, counting from footnote 1. Warns, at the footnote's
// line in `name`, about each footnote never called.
void FindNoteCalls(std::string_view name, Diagnostics& diags, Document* doc);

}  // namespace glossa::import

#endif  // GLOSSA_CORE_IMPORT_NOTE_CALLS_H_
