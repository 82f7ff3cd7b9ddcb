// Build-time generator: writes, as C++ source, the kind (char_kinds.h) of
// every code point of the Basic Multilingual Plane, as ComputeKind gives it
// from ICU's properties.
//
// Why a table: the matcher and annotate --dict read the kind of every
// character of a text from it, so it must be an array; working it out at
// every start asked ICU 65,536 times, 8.7 M instructions, about a seventh
// of a `glossa lookup` of a word the glossary does not have (which builds
// the matcher). The kinds do not depend on the input, so they are worked
// out once here, by the same ComputeKind (src/core/text/characters.cc)
// and ICU the program links, and compiled in. tests/char_kinds_test.cc
// checks the table against ComputeKind over the whole plane.
//
// It uses ICU only through src/core/text/ (the glossa_text library).
#include <cstdio>
#include <string>

#include "core/char_kinds.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: make_char_kinds OUTPUT\n");
    return 2;
  }
  std::string path = argv[1];
  std::string temporary = path + ".tmp";
  std::FILE* out = std::fopen(temporary.c_str(), "w");
  if (out == nullptr) {
    std::perror(temporary.c_str());
    return 1;
  }
  std::fprintf(out,
               "// Generated while building by src/gen/make_char_kinds.cc "
               "from ComputeKind.\n// Do not edit. The kind of each code "
               "point U+0000..U+FFFF, in order.\n"
               "constexpr Kind kBmpKinds[0x10000] = {\n");
  for (char32_t c = 0; c < 0x10000; ++c) {
    std::fprintf(out, "K%d,%s", static_cast<int>(glossa::ComputeKind(c)),
                 c % 16 == 15 ? "\n" : "");
  }
  std::fprintf(out, "};\n");
  if (std::fclose(out) != 0 ||
      std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::fprintf(stderr, "make_char_kinds: could not write %s\n", path.c_str());
    return 1;
  }
  return 0;
}
