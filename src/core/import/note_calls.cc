#include "core/import/note_calls.h"

#include <algorithm>
#include <vector>

#include "core/import/patterns.h"
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

// The character `c` (one character of UTF-8), read without a call into ICU
// when it is ASCII.
char32_t Character(std::string_view c) {
  return static_cast<unsigned char>(c[0]) < 0x80 ? static_cast<char32_t>(c[0])
                                                 : FirstCharacter(c);
}

// A run of digits (Unicode's: a number in other digits is text, and is not
// taken apart) and what stands around it.
struct Run {
  std::size_t end = 0;  // the byte after it
  int digits = 0;       // up to four are read
  int value = -1;       // its value if it is 1 to 3 ASCII digits and ends there
  char32_t last = 0, second_last = 0;  // its last characters (0: none)
};

// The run of digits at byte `i` of `text`, `before` the character before.
Run DigitsAt(std::string_view text, std::size_t i, char32_t before) {
  Run run;
  run.end = i;
  run.last = before;
  bool ascii = true;
  int value = 0;
  while (run.end < text.size() && run.digits < 4) {
    std::string_view c = Head(text.substr(run.end), 1);
    char32_t digit = Character(c);
    if (!IsDigit(digit)) break;
    ascii = ascii && digit >= U'0' && digit <= U'9';
    if (ascii) value = value * 10 + static_cast<int>(digit - U'0');
    run.second_last = run.last;
    run.last = digit;
    run.end += c.size();
    ++run.digits;
  }
  bool ends =
      run.end == text.size() || !IsDigit(FirstCharacter(text.substr(run.end)));
  if (ascii && ends && run.digits <= 3) run.value = value;
  return run;
}

}  // namespace

void SplitCalls(std::string_view text, const std::set<int>& numbers,
                int* expected, Content* out) {
  // The text not yet written out is text[pending, i): always one stretch.
  // It is read as UTF-8, never copied whole: a paragraph may be megabytes.
  std::size_t pending = 0;
  auto pending_is_comma = [&](std::size_t end) {
    std::string_view p = text.substr(pending, end - pending);
    return p == ", " || p == ",";
  };
  std::size_t i = 0;
  char32_t before = 0, second_before = 0;  // the characters before i
  bool last_was_call = false;
  while (i < text.size()) {
    std::string_view c = Head(text.substr(i), 1);
    char32_t character = Character(c);
    if (!IsDigit(character) || IsDigit(before)) {
      second_before = before;
      before = character;
      i += c.size();
      continue;
    }
    Run run = DigitsAt(text, i, before);
    char32_t after =
        run.end < text.size() ? Character(Head(text.substr(run.end), 1)) : 0;
    bool at_end = run.end == text.size();
    bool after_ok = at_end || after == U' ' || after == U',';
    bool glued = i > 0 && IsGlue(before);
    bool spaced =
        before == U' ' && (second_before == U')' || second_before == U',' ||
                           (at_end && IsLetter(second_before)));
    bool call = run.value == *expected && numbers.count(run.value) > 0 &&
                after_ok && (glued || spaced);
    if (call) {
      std::size_t end = spaced ? i - 1 : i;  // without the space before
      // Two calls in a row ("4, 5") need no separator.
      if (!(last_was_call && pending_is_comma(end)))
        AppendText(out, text.substr(pending, end - pending));
      out->push_back({Span::Kind::kNoteCall, "", run.value});
      ++*expected;
      last_was_call = true;
      pending = run.end;
    } else if (i > pending && !pending_is_comma(i)) {
      last_was_call = false;
    }
    second_before = run.digits >= 2 ? run.second_last : before;
    before = run.last;
    i = run.end;
  }
  AppendText(out, text.substr(pending));
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
