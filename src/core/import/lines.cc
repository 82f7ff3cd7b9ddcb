#include "core/import/lines.h"

#include <algorithm>

#include "core/import/patterns.h"

namespace glossa::import {

std::vector<Line> SplitLines(std::string_view bytes,
                             const std::vector<Replacement>& replacements,
                             std::string_view corrections_name,
                             Diagnostics& diags) {
  std::vector<Line> lines;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  // The replacements by line, each line's in the order listed: met as the
  // lines are, so that many replacements cost no more than one each.
  std::vector<const Replacement*> by_line;
  for (const Replacement& r : replacements) by_line.push_back(&r);
  std::stable_sort(by_line.begin(), by_line.end(),
                   [](const Replacement* a, const Replacement* b) {
                     return a->line < b->line;
                   });
  std::size_t next = 0;
  std::size_t start = 0;
  int page = 0;
  int number = 0;
  while (start <= bytes.size()) {
    std::size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    std::string raw(bytes.substr(start, end - start));
    start = end + 1;
    ++number;
    if (!raw.empty() && raw.back() == '\r') raw.pop_back();
    for (; next < by_line.size() && by_line[next]->line == number; ++next) {
      const Replacement& r = *by_line[next];
      std::size_t at = raw.find(r.from);
      if (at == std::string::npos) {
        diags.Warning({std::string(corrections_name), r.origin, 1},
                      "replace: '" + r.from + "' is not on line " +
                          std::to_string(number));
      } else {
        raw.replace(at, r.from.size(), r.to);
      }
    }
    Line line;
    line.number = number;
    line.page_start =
        !raw.empty() && raw[0] == ' ' && (raw.size() == 1 || raw[1] != ' ');
    if (line.page_start) raw.erase(0, 1);
    if (line.page_start || page == 0) ++page;
    line.page = page;
    line.trailing_space =
        !raw.empty() && (raw.back() == ' ' || raw.back() == '\t');
    line.bullet = IsBulletLine(raw);
    line.text = TrimRight(raw);
    line.blank = line.text.find_first_not_of(" \t") == std::string::npos;
    if (end == bytes.size() && line.blank && !line.page_start)
      break;  // final newline
    lines.push_back(std::move(line));
  }
  for (; next < by_line.size(); ++next) {
    diags.Warning({std::string(corrections_name), by_line[next]->origin, 1},
                  "replace: line " + std::to_string(by_line[next]->line) +
                      " is past the end of the input");
  }
  return lines;
}

}  // namespace glossa::import
