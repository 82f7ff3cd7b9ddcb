#include "core/import/corrections.h"

#include <map>
#include <optional>
#include <set>

#include "core/unicode.h"

namespace glossa::import {
namespace {

// Splits a directive line into words; "..." is one word (\" and \\ escape).
// nullopt, with *bad set to the byte offset of the opening quote, when a
// quoted word is not closed.
std::optional<std::vector<std::string>> Words(std::string_view line,
                                              std::size_t* bad) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < line.size()) {
    if (line[i] == ' ' || line[i] == '\t') {
      ++i;
      continue;
    }
    if (line[i] == '#') break;
    std::string word;
    if (line[i] == '"') {
      std::size_t start = i++;
      bool closed = false;
      while (i < line.size()) {
        if (line[i] == '\\' && i + 1 < line.size()) {
          word += line[i + 1];
          i += 2;
        } else if (line[i] == '"') {
          closed = true;
          ++i;
          break;
        } else {
          word += line[i++];
        }
      }
      if (!closed) {
        *bad = start;
        return std::nullopt;
      }
    } else {
      while (i < line.size() && line[i] != ' ' && line[i] != '\t')
        word += line[i++];
    }
    words.push_back(word);
  }
  return words;
}

// A line number: 1 to 9 ASCII digits (more cannot be a line of a text
// glossa reads, and would overflow an int).
std::optional<int> LineNumber(std::string_view digits) {
  if (digits.empty() || digits.size() > 9) return std::nullopt;
  int value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

// "N" or "N-M" with 0 < N <= M.
bool ParseLines(std::string_view word, int* first, int* last) {
  std::size_t dash = word.find('-');
  std::optional<int> from = LineNumber(word.substr(0, dash));
  std::optional<int> to =
      dash == std::string_view::npos ? from : LineNumber(word.substr(dash + 1));
  if (!from || !to) return false;
  *first = *from;
  *last = *to;
  return *first > 0 && *last >= *first;
}

void AddMeta(const std::string& key, const std::string& value,
             DocumentInfo* info) {
  if (key == "author") info->authors.push_back(value);
  if (key == "series") info->series = value;
  if (key == "publisher") info->publisher = value;
  if (key == "language") info->language = value;
  if (key == "original-title") info->original_title = value;
  if (key == "original-date") info->original_date = value;
  if (key == "note") info->notes.push_back(value);
  if (key == "rights") info->rights = value;
}

}  // namespace

const Correction* Corrections::At(int line) const {
  for (const Correction& c : regions) {
    if (line >= c.first && line <= c.last) return &c;
  }
  return nullptr;
}

Corrections ParseCorrections(std::string_view text, std::string_view name,
                             Diagnostics& diags) {
  Corrections out;
  int number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++number;
    std::size_t bad = 0;
    std::optional<std::vector<std::string>> words = Words(line, &bad);
    if (!words) {
      // Columns count characters, as every message's do.
      int column = static_cast<int>(CodePoints(line.substr(0, bad)).size());
      diags.Error({std::string(name), number, column + 1},
                  "unterminated quoted text");
      continue;
    }
    if (words->empty()) continue;
    auto error = [&](const std::string& message) {
      diags.Error({std::string(name), number, 1}, message);
    };
    const std::vector<std::string>& w = *words;
    if (w[0] == "meta") {
      static const std::set<std::string> kKeys = {
          "author",         "series",        "publisher", "language",
          "original-title", "original-date", "note",      "rights"};
      if (w.size() != 3 || kKeys.count(w[1]) == 0) {
        error(
            "expected: meta KEY \"VALUE\" (KEY: author, series, publisher, "
            "language, original-title, original-date, note, rights)");
        continue;
      }
      AddMeta(w[1], w[2], &out.info);
      continue;
    }
    if (w[0] == "replace") {
      int line_number = 0, unused = 0;
      if (w.size() != 4 || !ParseLines(w[1], &line_number, &unused)) {
        error("expected: replace LINE \"FROM\" \"TO\"");
        continue;
      }
      out.replacements.push_back({line_number, w[2], w[3]});
      continue;
    }
    Correction correction;
    if (!ParseLines(w[0], &correction.first, &correction.last)) {
      error("expected a line or a range of lines (N or N-M), not '" + w[0] +
            "'");
      continue;
    }
    if (w.size() < 2) {
      error("missing what lines " + w[0] +
            " are (title, figure, caption, quote, sidebar, body)");
      continue;
    }
    static const std::map<std::string, Role> kRoles = {
        {"title", Role::kTitle},     {"figure", Role::kCaption},
        {"caption", Role::kCaption}, {"quote", Role::kQuote},
        {"sidebar", Role::kSidebar}, {"body", Role::kBody}};
    auto role = kRoles.find(w[1]);
    if (role == kRoles.end()) {
      error("unknown directive '" + w[1] +
            "' (title, figure, caption, quote, sidebar, body, replace)");
      continue;
    }
    correction.role = role->second;
    if (w[1] == "caption" && w.size() != 3) {
      error("expected: LINES caption FIGURE-NUMBER");
      continue;
    }
    if (w.size() >= 3) correction.figure = w[2];
    out.regions.push_back(correction);
  }
  return out;
}

}  // namespace glossa::import
