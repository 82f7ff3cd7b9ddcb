// Build-time generator: writes, as C++ source, the table of single Han
// characters that ICU's Traditional-to-Simplified transform (Hant-Hans)
// changes, each with what it becomes.
//
// Why a table: matching folds every traditional character to its
// simplified form (SimplifiedCharacter, text/script.cc). Asking ICU at run time
// means building the transform first, and ICU compiles its 3,952 rules and
// its transliterator registry on every start: about 14 ms of each 50 ms
// `glossa lookup`. The characters it changes do not depend on the input, so
// they are asked once here, from the ICU the program links against, and
// compiled in. Only single characters: the transform's context rules (于飛
// > 于飞) never fire on one character, and the matcher folds one character
// at a time. tests/unicode_icu_test.cc checks the table against the live
// transform over every character the transform can change.
//
// This program is the one place outside src/core/text/ that uses ICU;
// it runs only while building.
#include <unicode/translit.h>
#include <unicode/uclean.h>
#include <unicode/uniset.h>
#include <unicode/uvernum.h>

#include <cstdio>
#include <memory>
#include <string>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: make_hant_hans OUTPUT\n");
    return 2;
  }
  std::string path = argv[1];
  std::string temporary = path + ".tmp";
  std::FILE* out = std::fopen(temporary.c_str(), "w");
  if (out == nullptr) {
    std::perror(temporary.c_str());
    return 1;
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> transform(
      icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, status));
  if (U_FAILURE(status) || !transform) {
    std::fprintf(stderr, "make_hant_hans: ICU's Hant-Hans: %s\n",
                 u_errorName(status));
    return 1;
  }
  icu::UnicodeSet source;
  transform->getSourceSet(source);
  std::fprintf(
      out,
      "// Generated while building by src/gen/make_hant_hans.cc from ICU "
      "%s's\n// Hant-Hans transform. Do not edit.\n"
      "// {traditional, simplified}, sorted by the first.\n",
      U_ICU_VERSION);
  std::fprintf(out, "constexpr HantHans kHantHans[] = {\n");
  int count = 0;
  for (int32_t range = 0; range < source.getRangeCount(); ++range) {
    for (UChar32 c = source.getRangeStart(range);
         c <= source.getRangeEnd(range); ++c) {
      icu::UnicodeString text(c);
      transform->transliterate(text);
      if (text.countChar32() != 1 || text.char32At(0) == c) continue;
      std::fprintf(out, "    {0x%04X, 0x%04X},\n", static_cast<unsigned>(c),
                   static_cast<unsigned>(text.char32At(0)));
      ++count;
    }
  }
  std::fprintf(out, "};\n");
  transform.reset();
  u_cleanup();
  if (std::fclose(out) != 0 || count == 0 ||
      std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::fprintf(stderr, "make_hant_hans: could not write %s\n", path.c_str());
    return 1;
  }
  return 0;
}
