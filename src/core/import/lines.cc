#include "core/import/lines.h"

#include "core/import/patterns.h"

namespace glossa::import {

std::vector<Line> SplitLines(std::string_view bytes,
                             const std::vector<Replacement>& replacements,
                             std::string_view corrections_name,
                             Diagnostics& diags) {
  std::vector<Line> lines;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
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
    for (const Replacement& r : replacements) {
      if (r.line != number) continue;
      std::size_t at = raw.find(r.from);
      if (at == std::string::npos) {
        diags.Warning({std::string(corrections_name), 0, 0},
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
  return lines;
}

}  // namespace glossa::import
