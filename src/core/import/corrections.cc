#include "core/import/corrections.h"

#include <cstdio>
#include <map>
#include <optional>
#include <set>

#include "core/import/patterns.h"
#include "core/unicode.h"

namespace glossa::import {
namespace {

// A word of a directive line and the byte offset where it starts.
struct Word {
  std::string text;
  std::size_t at = 0;
};

// Splits a directive line into words; "..." is one word (\" and \\ escape).
// nullopt, with *bad set to the byte offset of the opening quote, when a
// quoted word is not closed.
std::optional<std::vector<Word>> Words(std::string_view line,
                                       std::size_t* bad) {
  std::vector<Word> words;
  std::size_t i = 0;
  while (i < line.size()) {
    if (line[i] == ' ' || line[i] == '\t') {
      ++i;
      continue;
    }
    if (line[i] == '#') break;
    Word word{"", i};
    if (line[i] == '"') {
      bool closed = false;
      ++i;
      while (i < line.size()) {
        if (line[i] == '\\' && i + 1 < line.size()) {
          word.text += line[i + 1];
          i += 2;
        } else if (line[i] == '"') {
          closed = true;
          ++i;
          break;
        } else {
          word.text += line[i++];
        }
      }
      if (!closed) {
        *bad = word.at;
        return std::nullopt;
      }
    } else {
      while (i < line.size() && line[i] != ' ' && line[i] != '\t')
        word.text += line[i++];
    }
    words.push_back(std::move(word));
  }
  return words;
}

// The column of byte offset `at` in `line`: columns count characters, as
// every message's do.
int Column(std::string_view line, std::size_t at) {
  return static_cast<int>(CodePoints(line.substr(0, at)).size()) + 1;
}

// `text` quoted for a message, cut after 20 characters ("…" marks the cut):
// a number of 200,000 digits is not shown whole.
std::string Quoted(std::string_view text) {
  std::string_view head = Head(text, 20);
  return "'" + std::string(head) + (head.size() < text.size() ? "…'" : "'");
}

// LINES, "N" or "N-M": the range, or what is wrong with it.
struct LineRange {
  int first = 0;
  int last = 0;
  bool ok = false;
  // A number of more than kMaxLineNumber's digits: its offset in the word
  // and its text; empty when there is none.
  std::size_t too_large_at = 0;
  std::string_view too_large;
};

// The digits of a number without its leading zeros.
std::string_view Significant(std::string_view digits) {
  std::size_t first = digits.find_first_not_of('0');
  return first == std::string_view::npos ? digits.substr(digits.size())
                                         : digits.substr(first);
}

bool AllDigits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == s.npos;
}

// Whether `digits` is ASCII digits of a number up to kMaxLineNumber (nine
// digits after leading zeros); sets *value.
bool LineNumber(std::string_view digits, int* value) {
  if (!AllDigits(digits) || Significant(digits).size() > 9) return false;
  *value = 0;
  for (char c : digits) *value = *value * 10 + (c - '0');
  return true;
}

LineRange ParseLines(std::string_view word) {
  std::size_t dash = word.find('-');
  std::string_view from = word.substr(0, dash);
  std::string_view to =
      dash == std::string_view::npos ? from : word.substr(dash + 1);
  LineRange range;
  if (AllDigits(from) && Significant(from).size() > 9) {
    range.too_large = from;
  } else if (AllDigits(to) && Significant(to).size() > 9) {
    range.too_large = to;
    range.too_large_at = dash + 1;
  }
  range.ok = LineNumber(from, &range.first) && LineNumber(to, &range.last) &&
             range.first > 0 && range.last >= range.first;
  return range;
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
    std::size_t line_start = start;
    start = end + 1;
    ++number;
    auto error_at = [&](std::size_t at, const std::string& message) {
      diags.Error({std::string(name), number, Column(line, at)}, message);
    };
    if (std::optional<std::size_t> bad = FindInvalidUtf8(line)) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X",
                    static_cast<unsigned char>(line[*bad]));
      error_at(*bad, "invalid UTF-8 at byte offset " +
                         std::to_string(line_start + *bad) + " (" + hex + ")");
      continue;
    }
    std::size_t bad = 0;
    std::optional<std::vector<Word>> words = Words(line, &bad);
    if (!words) {
      error_at(bad, "unterminated quoted text");
      continue;
    }
    if (words->empty()) continue;
    auto error = [&](const std::string& message) { error_at(0, message); };
    // A number too large for a line is reported where it stands.
    auto lines_of = [&](const Word& word) {
      LineRange range = ParseLines(word.text);
      if (!range.too_large.empty()) {
        error_at(word.at + range.too_large_at,
                 "line number " + Quoted(range.too_large) +
                     " is too large (at most " +
                     std::to_string(kMaxLineNumber) + ")");
      }
      return range;
    };
    std::vector<std::string> w;
    for (const Word& word : *words) w.push_back(word.text);
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
      LineRange range;
      if (w.size() >= 2) range = lines_of((*words)[1]);
      if (!range.too_large.empty()) continue;
      if (w.size() != 4 || !range.ok) {
        error("expected: replace LINE \"FROM\" \"TO\"");
        continue;
      }
      out.replacements.push_back({range.first, w[2], w[3], number});
      continue;
    }
    Correction correction;
    LineRange range = lines_of((*words)[0]);
    if (!range.too_large.empty()) continue;
    if (!range.ok) {
      error("expected a line or a range of lines (N or N-M), not " +
            Quoted(w[0]));
      continue;
    }
    correction.first = range.first;
    correction.last = range.last;
    correction.origin = number;
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
      error_at((*words)[1].at,
               "unknown directive " + Quoted(w[1]) +
                   " (title, figure, caption, quote, sidebar, body, replace)");
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
