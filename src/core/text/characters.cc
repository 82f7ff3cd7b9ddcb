// What kind a character is (IsLetter, IsCjk, ContainsHan, ...), by Unicode
// properties, and the columns text takes in a terminal (DisplayWidth and
// the cuts made by it): see core/unicode.h.

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/char_kinds.h"
#include "core/unicode.h"

namespace glossa {

bool ContainsHan(std::string_view text) {
  for (char32_t c : CodePoints(text)) {
    UErrorCode status = U_ZERO_ERROR;
    if (uscript_getScript(static_cast<UChar32>(c), &status) == USCRIPT_HAN) {
      return true;
    }
  }
  return false;
}

bool IsLetter(char32_t c) { return u_isalpha(static_cast<UChar32>(c)); }

bool IsUppercase(char32_t c) { return u_isUUppercase(static_cast<UChar32>(c)); }

bool IsDigit(char32_t c) { return u_isdigit(static_cast<UChar32>(c)); }

namespace {

// Han, kana, Hangul, Bopomofo.
bool IsEastAsianScript(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  switch (uscript_getScript(c, &status)) {
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_HANGUL:
    case USCRIPT_BOPOMOFO:
      return true;
    default:
      return false;
  }
}

}  // namespace

bool IsCjk(char32_t c32) {
  auto c = static_cast<UChar32>(c32);
  if (IsEastAsianScript(c)) return true;
  int east_asian = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return (east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH) &&
         !u_isUWhiteSpace(c);
}

bool IsCjkLetter(char32_t c32) {
  auto c = static_cast<UChar32>(c32);
  return IsEastAsianScript(c) &&
         (u_isalpha(c) || u_charType(c) == U_OTHER_LETTER);
}

bool IsMark(char32_t c) {
  int8_t type = u_charType(static_cast<UChar32>(c));
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK ||
         type == U_ENCLOSING_MARK;
}

bool IsSpace(char32_t c) { return u_isUWhiteSpace(static_cast<UChar32>(c)); }

namespace {

int ColumnsOf(char32_t c32) {
  // ASCII without asking ICU (what it answers: controls 0, the rest 1): a
  // lookup's text is mostly ASCII, and the two property lookups were a
  // twentieth of its instructions.
  if (c32 < 0x80) return c32 >= 0x20 && c32 != 0x7F ? 1 : 0;
  auto c = static_cast<UChar32>(c32);
  int8_t type = u_charType(c);
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK ||
      type == U_FORMAT_CHAR || type == U_CONTROL_CHAR) {
    return 0;
  }
  int east_asian = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return (east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH) ? 2 : 1;
}

}  // namespace

int DisplayWidth(std::string_view text) {
  int width = 0;
  for (char32_t c : CodePoints(text)) width += ColumnsOf(c);
  return width;
}

std::string KeepLastColumns(std::string_view text, int width) {
  if (DisplayWidth(text) <= width) return std::string(text);
  std::u32string s = CodePoints(text);
  int used = 1;  // the ellipsis
  std::size_t start = s.size();
  while (start > 0 && used + ColumnsOf(s[start - 1]) <= width) {
    used += ColumnsOf(s[start - 1]);
    --start;
  }
  return "…" + FromCodePoints(std::u32string_view(s).substr(start));
}

std::string KeepFirstColumns(std::string_view text, int width) {
  if (DisplayWidth(text) <= width) return std::string(text);
  std::u32string s = CodePoints(text);
  int used = 1;  // the ellipsis
  std::size_t end = 0;
  while (end < s.size() && used + ColumnsOf(s[end]) <= width) {
    used += ColumnsOf(s[end]);
    ++end;
  }
  return FromCodePoints(std::u32string_view(s).substr(0, end)) + "…";
}

// Here, beside the properties it asks, so that the generator of the table
// of kinds (src/gen/make_char_kinds.cc) can link it without the table.
Kind ComputeKind(char32_t c) {
  if (IsCjkLetter(c)) return Kind::kCjk;
  if (IsLetter(c) || IsDigit(c) || IsMark(c)) return Kind::kToken;
  if (IsSpace(c) || c == 0x00AD || c == 0x2010 || c == 0x2011)
    return Kind::kSeparator;
  return Kind::kPunctuation;
}

}  // namespace glossa
