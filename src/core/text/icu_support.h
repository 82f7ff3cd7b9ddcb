// The ICU plumbing that the files of src/core/text/ share, and only they:
// no other file includes this header, so ICU types stay inside text/.
// It owns the ICU objects built once per process (the normalisers, and the
// transliterators, each made on first use) and the conversions between
// UTF-8 and ICU's UTF-16. The public face of text/ is core/unicode.h.

#ifndef GLOSSA_CORE_TEXT_ICU_SUPPORT_H_
#define GLOSSA_CORE_TEXT_ICU_SUPPORT_H_

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace glossa {

// Throws std::runtime_error naming the ICU call that failed: a broken
// environment (missing ICU data), never bad input.
[[noreturn]] void Fail(const char* what, UErrorCode status);

// UTF-8 to ICU's UTF-16 (ill-formed sequences become U+FFFD), and back.
icu::UnicodeString FromUtf8(std::string_view text);
std::string ToUtf8(const icu::UnicodeString& text);

// The rules of the transforms made without ICU's registry: tone marks to
// numbers (pinyin.cc says why) and German umlauts written out (fold.cc).
std::string NumericPinyinRules();
std::string UmlautRules();

// ICU's transform `id`; or, given `rules`, one made of them (no registry).
std::unique_ptr<icu::Transliterator> MakeTransliterator(const char* id,
                                                        std::string (*rules)());

// The ICU objects this module shares. Normalizer2 instances are ICU-owned
// singletons and thread-safe; transliterators are ours and are used under
// a lock, because ICU does not promise that concurrent use is safe.
struct Icu {
  Icu() {
    UErrorCode status = U_ZERO_ERROR;
    nfkc_casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) Fail("NFKC_Casefold", status);
    nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) Fail("NFD", status);
    nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) Fail("NFC", status);
  }

  // A transliterator is made when first used: each costs milliseconds of
  // start-up that most commands do not need.
  // `rules`: where set, the transform is made of them rather than asked of
  // ICU's registry by `id`.
  struct Lazy {
    const char* id;
    std::string (*rules)();
    std::unique_ptr<icu::Transliterator> made;
  };

  icu::UnicodeString Transliterate(Lazy& transliterator,
                                   icu::UnicodeString text) {
    std::lock_guard<std::mutex> lock(mutex);
    if (!transliterator.made)
      transliterator.made =
          MakeTransliterator(transliterator.id, transliterator.rules);
    transliterator.made->transliterate(text);
    return text;
  }

  icu::UnicodeString Normalize(const icu::Normalizer2& normalizer,
                               const icu::UnicodeString& text) const {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString out = normalizer.normalize(text, status);
    if (U_FAILURE(status)) Fail("normalize", status);
    return out;
  }

  const icu::Normalizer2* nfkc_casefold;
  const icu::Normalizer2* nfd;
  const icu::Normalizer2* nfc;
  Lazy hans_to_hant{"Hans-Hant", nullptr, nullptr};
  Lazy marks_to_numbers{"Latin-NumericPinyin", NumericPinyinRules, nullptr};
  Lazy numbers_to_marks{"NumericPinyin-Latin", nullptr, nullptr};
  Lazy umlauts{"de-Umlauts", UmlautRules, nullptr};
  std::mutex mutex;
  // Results of the transforms, which are slow, for the pieces that recur:
  // single Han characters and pinyin syllables.
  std::mutex cache_mutex;
  std::unordered_map<char32_t, char32_t> simplified;
  std::unordered_map<std::string, std::string> tone_numbers;
  std::unordered_map<std::string, std::string> tone_marks;
};

// The one Icu of the process, made on first use.
Icu& Shared();

// `text` in NFD without its nonspacing marks, then NFC: "Bonität" gives
// "Bonitat". Shared by the loose keys (fold.cc) and the toneless pinyin key
// (pinyin.cc).
icu::UnicodeString StripMarks(const icu::UnicodeString& text);

}  // namespace glossa

#endif  // GLOSSA_CORE_TEXT_ICU_SUPPORT_H_
