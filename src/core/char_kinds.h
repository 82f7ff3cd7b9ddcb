// Walking UTF-8 text character by character, fast: the decoder and the
// table of character kinds that the matcher (matcher.cc) and the marks of
// annotate --dict (dictionary_marks.cc) read every character of a text
// with. ICU's property lookups (unicode.h) answer the same questions, but
// are too slow to ask for each of a hundred million characters, so the
// kinds of the Basic Multilingual Plane are worked out from them once,
// while building.

#ifndef GLOSSA_CORE_CHAR_KINDS_H_
#define GLOSSA_CORE_CHAR_KINDS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace glossa {

// Decodes the code point at text[i] into *c; returns its length in bytes,
// 0 if the bytes there are ill-formed (then *c is unchanged).
inline std::size_t DecodeUtf8(std::string_view text, std::size_t i,
                              char32_t* c) {
  auto byte = [&](std::size_t k) {
    return static_cast<unsigned char>(text[k]);
  };
  unsigned char b = byte(i);
  if (b < 0x80) {
    *c = b;
    return 1;
  }
  // The common case, all of CJK: a three-byte sequence with a lead byte
  // that needs no further range check.
  if (b >= 0xE1 && b <= 0xEF && b != 0xED && i + 3 <= text.size() &&
      (byte(i + 1) & 0xC0) == 0x80 && (byte(i + 2) & 0xC0) == 0x80) {
    *c = (static_cast<char32_t>(b & 0x0F) << 12) |
         (static_cast<char32_t>(byte(i + 1) & 0x3F) << 6) |
         (byte(i + 2) & 0x3F);
    return 3;
  }
  std::size_t length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0;
  if (length == 0 || b > 0xF4 || i + length > text.size()) return 0;
  char32_t value = b & (0x3F >> (length - 1));
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    value = (value << 6) | (byte(i + k) & 0x3F);
  }
  if ((length == 3 && value < 0x800) ||
      (length == 4 && (value < 0x10000 || value > 0x10FFFF)) ||
      (value >= 0xD800 && value <= 0xDFFF)) {
    return 0;
  }
  *c = value;
  return length;
}

// Appends `c` (a scalar value) to *out as UTF-8.
inline void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

// What a character is to a reader of words.
enum class Kind : std::uint8_t {
  kToken,        // part of a word: a letter (not CJK), digit or mark
  kCjk,          // a CJK letter (IsCjkLetter): a word of its own
  kPunctuation,  // anything else that is not white space
  kSeparator,    // white space, soft hyphen, hyphen (U+2010, U+2011)
  kInvalid       // not given by these functions: the matcher's ill-formed
};

// The kind of `c` from ICU's properties (unicode.h; defined in
// text/characters.cc).
Kind ComputeKind(char32_t c);

// The kind of every BMP code point: ComputeKind's, worked out while
// building (src/gen/make_char_kinds.cc) and compiled in.
const Kind* BmpKinds();

inline Kind KindOf(char32_t c) {
  return c < 0x10000 ? BmpKinds()[c] : ComputeKind(c);
}

}  // namespace glossa

#endif  // GLOSSA_CORE_CHAR_KINDS_H_
