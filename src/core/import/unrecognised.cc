#include "core/import/unrecognised.h"

#include <algorithm>
#include <string>

namespace glossa::import {

void ReportUnrecognised(const Document& doc, const std::vector<Line>& lines,
                        const Corrections& corrections, std::string_view name,
                        std::string_view corrections_name, Diagnostics& diags) {
  Location start{std::string(name), 1, 1};
  bool any_page = std::any_of(lines.begin(), lines.end(), [](const Line& l) {
    return l.page_start && l.number > 1;
  });
  if (!any_page) {
    diags.Warning(start,
                  "no page starts found (lines that begin with one space); "
                  "the text is one page");
  }
  if (std::none_of(doc.body.begin(), doc.body.end(), [](const Node& n) {
        return n.kind == Node::Kind::kDiv && n.type == "section";
      })) {
    diags.Warning(start,
                  "no numbered sections found (\"1. Title\"); the text is "
                  "imported as paragraphs");
  }
  if (doc.notes.empty())
    diags.Warning(start, "no footnotes found (lines \"N | text\")");
  int expected = 1;
  for (const Note& note : doc.notes) {
    if (note.number != expected) {
      diags.Warning({std::string(name), note.source.first_line, 1},
                    "footnote " + std::to_string(note.number) +
                        " follows footnote " + std::to_string(expected - 1));
    }
    expected = note.number + 1;
  }
  for (const Correction& c : corrections.regions) {
    if (c.first > static_cast<int>(lines.size())) {
      diags.Warning({std::string(corrections_name), c.origin, 1},
                    "lines " + std::to_string(c.first) + "-" +
                        std::to_string(c.last) +
                        " are past the end of the input");
    }
  }
}

}  // namespace glossa::import
