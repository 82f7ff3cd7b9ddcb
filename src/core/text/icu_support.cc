#include "core/text/icu_support.h"

#include <unicode/utypes.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace glossa {

[[noreturn]] void Fail(const char* what, UErrorCode status) {
  throw std::runtime_error(std::string("ICU: ") + what + ": " +
                           u_errorName(status));
}

icu::UnicodeString FromUtf8(std::string_view text) {
  return icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
}

std::string ToUtf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

std::unique_ptr<icu::Transliterator> MakeTransliterator(
    const char* id, std::string (*rules)()) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError where;
  std::unique_ptr<icu::Transliterator> transliterator(
      rules != nullptr
          ? icu::Transliterator::createFromRules(id, FromUtf8(rules()),
                                                 UTRANS_FORWARD, where, status)
          : icu::Transliterator::createInstance(id, UTRANS_FORWARD, status));
  if (U_FAILURE(status) || !transliterator) Fail(id, status);
  return transliterator;
}

Icu& Shared() {
  static Icu* icu = new Icu();  // Lives for the process; never destroyed.
  return *icu;
}

}  // namespace glossa
