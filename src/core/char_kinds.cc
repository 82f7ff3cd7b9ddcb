#include "core/char_kinds.h"

#include "core/unicode.h"

namespace glossa {

Kind ComputeKind(char32_t c) {
  if (IsCjkLetter(c)) return Kind::kCjk;
  if (IsLetter(c) || IsDigit(c) || IsMark(c)) return Kind::kToken;
  if (IsSpace(c) || c == 0x00AD || c == 0x2010 || c == 0x2011)
    return Kind::kSeparator;
  return Kind::kPunctuation;
}

const Kind* BmpKinds() {
  static const Kind* table = [] {
    auto* kinds = new Kind[0x10000];
    for (char32_t cp = 0; cp < 0x10000; ++cp) kinds[cp] = ComputeKind(cp);
    return kinds;
  }();
  return table;
}

}  // namespace glossa
