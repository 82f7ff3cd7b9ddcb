#include "core/import/patterns.h"

#include <array>

#include "core/unicode.h"

namespace glossa::import {
namespace {

// The longest run of footnote calls EndsSentence looks past.
constexpr int kMaxCalls = 10;

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// \s of the patterns: ASCII white space.
bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' ||
         c == '\f';
}

bool IsContinuationByte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// The end of the run of white space at `i`.
std::size_t SkipSpace(std::string_view s, std::size_t i) {
  while (i < s.size() && IsAsciiSpace(s[i])) ++i;
  return i;
}

// \d{1,max} at `i`, as many digits as there are: false if there are none
// or more than `max` (then no shorter match helps, since every pattern goes
// on with something other than a digit). Sets *end and adds the value.
bool Digits(std::string_view s, std::size_t i, std::size_t max,
            std::size_t* end, int* value) {
  std::size_t j = i;
  while (j < s.size() && IsAsciiDigit(s[j])) ++j;
  if (j == i || j - i > max) return false;
  *value = 0;
  for (std::size_t k = i; k < j; ++k) *value = *value * 10 + (s[k] - '0');
  *end = j;
  return true;
}

// Whether s[i] is `c`.
bool At(std::string_view s, std::size_t i, char c) {
  return i < s.size() && s[i] == c;
}

// \s{min_space,}(\S.*) at `i`: sets out->text to the text after the white
// space, which must not be empty.
bool SpacedText(std::string_view line, std::size_t i, std::size_t min_space,
                Numbered* out) {
  std::size_t text = SkipSpace(line, i);
  if (text - i < min_space || text == line.size()) return false;
  out->text = line.substr(text);
  return true;
}

bool IsSentencePunctuation(char32_t c) {
  return c == U'.' || c == U'!' || c == U'?' || c == U':' || c == U'…';
}

bool IsClosingQuote(char32_t c) {
  return c == U'"' || c == U'“' || c == U'”' || c == U'’' || c == U'»' ||
         c == U')';
}

}  // namespace

std::string_view TrimLeft(std::string_view s) {
  std::size_t start = s.find_first_not_of(" \t");
  return start == std::string_view::npos ? std::string_view() : s.substr(start);
}

std::string_view TrimRight(std::string_view s) {
  std::size_t end = s.find_last_not_of(" \t\r");
  return end == std::string_view::npos ? std::string_view()
                                       : s.substr(0, end + 1);
}

std::string_view Head(std::string_view text, std::size_t n) {
  std::size_t i = 0;
  for (std::size_t count = 0; i < text.size() && count < n; ++count) {
    ++i;
    while (i < text.size() && IsContinuationByte(text[i])) ++i;
  }
  return text.substr(0, i);
}

std::string_view Tail(std::string_view text, std::size_t n) {
  std::size_t i = text.size();
  for (std::size_t count = 0; i > 0 && count < n; ++count) {
    --i;
    while (i > 0 && IsContinuationByte(text[i])) --i;
  }
  return text.substr(i);
}

char32_t FirstCharacter(std::string_view text) {
  std::u32string c = CodePoints(Head(text, 1));
  return c.empty() ? 0 : c[0];
}

char32_t LastCharacter(std::string_view text) {
  std::u32string c = CodePoints(Tail(text, 1));
  return c.empty() ? 0 : c[0];
}

std::optional<Numbered> ParseSection(std::string_view line) {
  Numbered out;
  std::size_t i = 0;
  if (!Digits(line, 0, 2, &i, &out.number) || !At(line, i, '.') ||
      !SpacedText(line, i + 1, 1, &out)) {
    return std::nullopt;
  }
  out.digits = line.substr(0, i);
  return out;
}

std::optional<Numbered> ParseSubsection(std::string_view line) {
  Numbered out;
  std::size_t i = 0;
  if (!Digits(line, 0, 2, &i, &out.number) || !At(line, i, '.') ||
      !Digits(line, i + 1, 2, &i, &out.sub) || !SpacedText(line, i, 1, &out)) {
    return std::nullopt;
  }
  out.digits = line.substr(0, i);
  return out;
}

std::optional<Numbered> ParseItem(std::string_view line) {
  Numbered out;
  std::size_t i = 0;
  if (!Digits(line, 0, 2, &i, &out.number) || !At(line, i, ')') ||
      !SpacedText(line, i + 1, 0, &out)) {
    return std::nullopt;
  }
  out.digits = line.substr(0, i);
  return out;
}

std::optional<Numbered> ParseNote(std::string_view line) {
  Numbered out;
  std::size_t start = SkipSpace(line, 0);
  std::size_t i = 0;
  if (!Digits(line, start, 3, &i, &out.number)) return std::nullopt;
  out.digits = line.substr(start, i - start);
  i = SkipSpace(line, i);
  if (!At(line, i, '|')) return std::nullopt;
  out.text = line.substr(SkipSpace(line, i + 1));
  return out;
}

std::optional<std::string_view> FigureLabel(std::string_view line) {
  static constexpr std::array<std::string_view, 7> kWords = {
      "Abbildung", "Abb.", "Grafik", "Tabelle", "Figure", "Fig.", "Table"};
  for (std::string_view word : kWords) {
    if (line.substr(0, word.size()) != word) continue;
    std::size_t digits = SkipSpace(line, word.size());
    std::size_t end = 0;
    int unused = 0;
    if (digits > word.size() && Digits(line, digits, 2, &end, &unused) &&
        end == line.size()) {
      return line.substr(digits);
    }
  }
  return std::nullopt;
}

bool IsSourceLine(std::string_view line) {
  std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return false;
  std::string_view word = line.substr(0, colon);
  return (word == "Quelle" || word == "Quellen" || word == "Source" ||
          word == "Sources") &&
         colon + 1 < line.size() && IsAsciiSpace(line[colon + 1]);
}

bool IsRunInHeading(std::string_view line) {
  // The capital, at most 45 characters, and the one after them: where the
  // colon must be, if the line is a run-in heading.
  std::string_view head = Head(line, 47);
  std::u32string s = CodePoints(head);
  if (s.empty() || !IsUppercase(s[0])) return false;
  std::size_t k = 1;
  while (k < s.size() && s[k] != U':' && s[k] != U'.' && s[k] != U'!' &&
         s[k] != U'?') {
    ++k;
  }
  if (k == s.size() || s[k] != U':' || k < 2) return false;
  std::size_t colon = Head(line, k).size();
  return colon + 2 < line.size() && IsAsciiSpace(line[colon + 1]) &&
         !IsAsciiSpace(line[colon + 2]);
}

bool EndsSentence(std::string_view text) {
  std::size_t end = text.size();
  while (end > 0 && IsAsciiSpace(text[end - 1])) --end;
  // Footnote calls, read backwards: "4, 5" or "2".
  if (end > 0 && IsAsciiDigit(text[end - 1])) {
    for (int calls = 1;; ++calls) {
      if (calls > kMaxCalls) return false;
      std::size_t start = end;
      while (start > 0 && IsAsciiDigit(text[start - 1])) --start;
      if (end - start > 3) return false;
      end = start;
      // A separator, ", " or ",", stands between two calls.
      std::size_t separator = end;
      if (separator > 0 && text[separator - 1] == ' ') --separator;
      if (separator > 0 && text[separator - 1] == ',' && separator > 1 &&
          IsAsciiDigit(text[separator - 2])) {
        end = separator - 1;
        continue;
      }
      break;
    }
  }
  if (end == 0) return false;
  std::string_view last = Tail(text.substr(0, end), 1);
  if (IsClosingQuote(LastCharacter(last))) {
    end -= last.size();
    if (end == 0) return false;
    last = Tail(text.substr(0, end), 1);
  }
  return IsSentencePunctuation(LastCharacter(last));
}

bool StartsSentence(std::string_view text) {
  char32_t c = FirstCharacter(TrimLeft(text));
  return IsUppercase(c) || IsDigit(c) || IsQuoteOrBracket(c) || IsCjk(c);
}

bool AllCapsLine(std::string_view text) {
  int letters = 0, words = 1;
  for (std::size_t i = 0; i < text.size();) {
    std::string_view c = Head(text.substr(i), 1);
    i += c.size();
    if (c == " ") ++words;
    char32_t character = static_cast<unsigned char>(c[0]) < 0x80
                             ? static_cast<char32_t>(c[0])
                             : FirstCharacter(c);
    if (IsLetter(character)) {
      if (!IsUppercase(character)) return false;
      ++letters;
    }
  }
  return letters >= 8 && words >= 2;
}

bool IsBulletLine(std::string_view raw) {
  std::string_view s = TrimLeft(raw);
  return s.size() != raw.size() &&
         (s.substr(0, 3) == "\xEF\xBF\xBD" || s.substr(0, 3) == "\xE2\x80\xA2");
}

bool IsQuoteOrBracket(char32_t c) {
  static constexpr std::u32string_view kChars = U"„“”\"‚‘’'«»()[]";
  return kChars.find(c) != std::u32string_view::npos;
}

}  // namespace glossa::import
