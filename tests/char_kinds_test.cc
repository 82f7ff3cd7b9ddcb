#include "core/char_kinds.h"

#include <catch2/catch.hpp>

namespace glossa {
namespace {

TEST_CASE(
    "the compiled-in table of kinds is ComputeKind's for every BMP code point",
    "[char_kinds]") {
  const Kind* table = BmpKinds();
  int differ = 0;
  for (char32_t c = 0; c < 0x10000; ++c) differ += table[c] != ComputeKind(c);
  CHECK(differ == 0);
  CHECK(KindOf(U'中') == Kind::kCjk);
  CHECK(KindOf(U'ä') == Kind::kToken);
  CHECK(KindOf(U'7') == Kind::kToken);
  CHECK(KindOf(U' ') == Kind::kSeparator);
  CHECK(KindOf(0x00AD) == Kind::kSeparator);  // the soft hyphen
  CHECK(KindOf(U'„') == Kind::kPunctuation);
  CHECK(KindOf(U'，') == Kind::kPunctuation);
  CHECK(KindOf(0x20000) == Kind::kCjk);  // 𠀀, past the table
}

}  // namespace
}  // namespace glossa
