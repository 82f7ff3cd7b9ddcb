#include "core/import/note_calls.h"

#include <algorithm>
#include <vector>

#include "core/unicode.h"

namespace glossa::import {
namespace {

// A text that may hold calls, and the input line it starts on.
struct TextRef {
  int line;
  Content* content;
};

// Texts that may hold calls: not figure labels ("Abbildung 1").
void CollectContents(std::vector<Node>& nodes, bool in_figure,
                     std::vector<TextRef>* out) {
  for (Node& node : nodes) {
    bool label = in_figure && node.kind == Node::Kind::kHead;
    if (!node.content.empty() && !label)
      out->push_back({node.source.first_line, &node.content});
    CollectContents(node.children, node.kind == Node::Kind::kFigure, out);
  }
}

bool IsGlue(char32_t c) {
  static constexpr std::u32string_view kGlue = U".,;:!?)”“\"’»";
  return IsLetter(c) || kGlue.find(c) != std::u32string_view::npos;
}

// The value of s[i, j) if it is 1 to 3 ASCII digits, else -1 (a number in
// other digits is text: it cannot be a footnote's number).
int CallValue(std::u32string_view s, std::size_t i, std::size_t j) {
  if (j - i > 3) return -1;
  int value = 0;
  for (std::size_t k = i; k < j; ++k) {
    if (s[k] < U'0' || s[k] > U'9') return -1;
    value = value * 10 + static_cast<int>(s[k] - U'0');
  }
  return value;
}

}  // namespace

void SplitCalls(std::string_view text, const std::set<int>& numbers,
                int* expected, Content* out) {
  std::u32string s = CodePoints(text);
  // The text not yet written out is s[pending, i): always one stretch.
  std::size_t pending = 0;
  auto pending_is_comma = [&](std::size_t end) {
    std::u32string_view p =
        std::u32string_view(s).substr(pending, end - pending);
    return p == U", " || p == U",";
  };
  std::size_t i = 0;
  bool last_was_call = false;
  while (i < s.size()) {
    if (!IsDigit(s[i]) || (i > 0 && IsDigit(s[i - 1]))) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < s.size() && IsDigit(s[j]) && j - i < 4) ++j;
    bool digits_end = j == s.size() || !IsDigit(s[j]);
    bool after_ok = j == s.size() || s[j] == U' ' || s[j] == U',';
    int value = digits_end ? CallValue(s, i, j) : -1;
    bool glued = i > 0 && IsGlue(s[i - 1]);
    bool spaced = i > 1 && s[i - 1] == U' ' &&
                  (s[i - 2] == U')' || s[i - 2] == U',' ||
                   (j == s.size() && IsLetter(s[i - 2])));
    if (value == *expected && numbers.count(value) > 0 && after_ok &&
        (glued || spaced)) {
      std::size_t end = spaced ? i - 1 : i;  // without the space before
      // Two calls in a row ("4, 5") need no separator.
      if (!(last_was_call && pending_is_comma(end)))
        AppendText(out, FromCodePoints(std::u32string_view(s).substr(
                            pending, end - pending)));
      out->push_back({Span::Kind::kNoteCall, "", value});
      ++*expected;
      last_was_call = true;
      pending = i = j;
      continue;
    }
    if (i > pending && !pending_is_comma(i)) last_was_call = false;
    i = j;
  }
  AppendText(out, FromCodePoints(std::u32string_view(s).substr(pending)));
}

void FindNoteCalls(std::string_view name, Diagnostics& diags, Document* doc) {
  std::vector<TextRef> texts;
  if (!doc->title.empty())
    texts.push_back({doc->title_source.first_line, &doc->title});
  if (!doc->subtitle.empty())
    texts.push_back({doc->title_source.first_line, &doc->subtitle});
  CollectContents(doc->front, false, &texts);
  CollectContents(doc->body, false, &texts);
  std::stable_sort(
      texts.begin(), texts.end(),
      [](const TextRef& a, const TextRef& b) { return a.line < b.line; });
  std::set<int> numbers;
  for (const Note& note : doc->notes) numbers.insert(note.number);
  int expected = 1;
  for (TextRef& ref : texts) {
    Content result;
    for (Span& span : *ref.content) {
      if (span.kind == Span::Kind::kText) {
        SplitCalls(span.text, numbers, &expected, &result);
      } else {
        result.push_back(std::move(span));
      }
    }
    *ref.content = std::move(result);
  }
  for (int n : numbers) {
    if (n >= expected) {
      diags.Warning(
          {std::string(name), FindNote(*doc, n)->source.first_line, 1},
          "footnote " + std::to_string(n) + " is never called in the text");
    }
  }
}

}  // namespace glossa::import
