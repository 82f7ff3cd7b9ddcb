// The pinyin keys (PinyinToneNumbers, PinyinToneless) and tone marks
// (PinyinToneMarks): see core/unicode.h.

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/text/icu_support.h"
#include "core/unicode.h"

namespace glossa {

// ICU's Latin-NumericPinyin, made without ICU's transliterator registry.
// Asking ICU for any transform by name first builds that registry, about a
// third of a whole `glossa lookup` (20 ms), and every start reads the
// glossary's pinyin. ICU's own rules are
//   ::NFD(NFC);
//   e{([M])r} > r &Pinyin-NumericPinyin($1);
//   ([M])([inou{ng}{on}]) > $2 &Pinyin-NumericPinyin($1);
//   ([M]) > &Pinyin-NumericPinyin($1);
//   ::NFC(NFD);
// with M the tone marks (macron 1, acute 2, caron 3, grave 4; breve has no
// number and stays). The function call and the :: steps are what need the
// registry, so here the call is written out per mark and the caller does
// the two normalisations. tests/unicode_icu_test.cc checks the two give the
// same over every reading of CC-CEDICT.
std::string NumericPinyinRules() {
  const char* marks[][2] = {{"\\u0304", "1"},
                            {"\\u0301", "2"},
                            {"\\u030C", "3"},
                            {"\\u0300", "4"},
                            {"\\u0306", "\\u0306"}};
  std::string rules;
  for (const auto& [mark, number] : marks) {
    rules += std::string("e { ") + mark + " r } > r " + number + " ;\n";
    rules += std::string(mark) + " ([inou{ng}{on}]) > $1 " + number + " ;\n";
  }
  for (const auto& [mark, number] : marks)
    rules += std::string(mark) + " > " + number + " ;\n";
  return rules;
}

namespace {

bool IsSyllableSeparator(UChar32 c) {
  return u_isUWhiteSpace(c) || c == u'\'' || c == 0x2019 || c == u'-' ||
         c == 0x2010;
}

// Lower case, "v" and "u:" as "ü", NFC: the form ICU's pinyin transforms
// expect.
icu::UnicodeString PreparePinyin(std::string_view text) {
  Icu& icu = Shared();
  icu::UnicodeString s = FromUtf8(text);
  s.toLower(icu::Locale::getRoot());
  s.findAndReplace(u"u:", u"\u00fc");
  s.findAndReplace(u"v", u"\u00fc");
  return icu.Normalize(*icu.nfc, s);
}

// Applies `convert` to each space-separated piece of `text` (a pinyin
// syllable or word), caching the results in `cache`, and joins them with
// `separator`.
std::string ByPiece(std::string_view text,
                    std::unordered_map<std::string, std::string>& cache,
                    std::string_view separator,
                    std::string (*convert)(std::string_view)) {
  Icu& icu = Shared();
  std::string out;
  std::size_t start = 0;
  bool first = true;
  while (start <= text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    std::string piece(text.substr(start, end - start));
    start = end + 1;
    if (piece.empty()) continue;
    std::string converted;
    {
      std::lock_guard<std::mutex> lock(icu.cache_mutex);
      auto found = cache.find(piece);
      if (found != cache.end()) converted = found->second;
    }
    if (converted.empty()) {
      converted = convert(piece);
      std::lock_guard<std::mutex> lock(icu.cache_mutex);
      cache.emplace(piece, converted);
    }
    if (!first) out += separator;
    out += converted;
    first = false;
  }
  return out;
}

std::string ToneNumbersOf(std::string_view text) {
  Icu& icu = Shared();
  icu::UnicodeString numbered = icu.Normalize(
      *icu.nfc,
      icu.Transliterate(icu.marks_to_numbers,
                        icu.Normalize(*icu.nfd, PreparePinyin(text))));
  icu::UnicodeString out;
  for (int32_t i = 0; i < numbered.length();) {
    UChar32 c = numbered.char32At(i);
    i += U16_LENGTH(c);
    if (IsSyllableSeparator(c) || c == u'5' || c == u'0') continue;
    out.append(c);
  }
  return ToUtf8(out);
}

std::string ToneMarksOf(std::string_view text) {
  Icu& icu = Shared();
  return ToUtf8(icu.Transliterate(icu.numbers_to_marks, PreparePinyin(text)));
}

}  // namespace

std::string PinyinToneNumbers(std::string_view text) {
  return ByPiece(text, Shared().tone_numbers, "", ToneNumbersOf);
}

std::string PinyinToneless(std::string_view text) {
  icu::UnicodeString stripped = StripMarks(PreparePinyin(text));
  icu::UnicodeString out;
  for (int32_t i = 0; i < stripped.length();) {
    UChar32 c = stripped.char32At(i);
    i += U16_LENGTH(c);
    if (IsSyllableSeparator(c) || u_isdigit(c)) continue;
    out.append(c);
  }
  return ToUtf8(out);
}

std::string PinyinToneMarks(std::string_view text) {
  return ByPiece(text, Shared().tone_marks, " ", ToneMarksOf);
}

}  // namespace glossa
