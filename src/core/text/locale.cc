// Languages: which BCP 47 tags ICU knows (IsKnownLanguageTag), and how a
// language orders its words (Collator). See core/unicode.h.

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/stringpiece.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/text/icu_support.h"
#include "core/unicode.h"

namespace glossa {

bool IsKnownLanguageTag(std::string_view tag) {
  // xsd:language, the type TBX gives xml:lang:
  // [a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*
  std::size_t subtag = 0;
  bool first = true;
  for (char c : tag) {
    if (c == '-') {
      if (subtag == 0) return false;
      subtag = 0;
      first = false;
      continue;
    }
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    bool digit = c >= '0' && c <= '9';
    if (!(letter || (digit && !first)) || ++subtag > 8) return false;
  }
  if (subtag == 0) return false;
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(
      icu::StringPiece(tag.data(), static_cast<int32_t>(tag.size())), status);
  if (U_FAILURE(status) || locale.isBogus()) return false;
  return locale.getISO3Language()[0] != '\0';
}

struct Collator::Impl {
  std::unique_ptr<icu::Collator> collator;
};

Collator::Collator(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Collator::~Collator() = default;

std::unique_ptr<Collator> Collator::Create(std::string_view locale) {
  UErrorCode status = U_ZERO_ERROR;
  std::string name(locale);
  auto impl = std::make_unique<Impl>();
  impl->collator.reset(icu::Collator::createInstance(
      icu::Locale::createCanonical(name.c_str()), status));
  if (U_FAILURE(status) || !impl->collator) {
    throw std::runtime_error("ICU: no collation for '" + name +
                             "': " + u_errorName(status));
  }
  return std::unique_ptr<Collator>(new Collator(std::move(impl)));
}

std::string Collator::SortKey(std::string_view text) const {
  icu::UnicodeString s = FromUtf8(text);
  std::string key(64, '\0');
  for (;;) {
    int32_t needed =
        impl_->collator->getSortKey(s, reinterpret_cast<uint8_t*>(key.data()),
                                    static_cast<int32_t>(key.size()));
    if (needed <= static_cast<int32_t>(key.size())) {
      key.resize(needed > 0 ? static_cast<std::size_t>(needed - 1) : 0);
      return key;  // Without the terminating zero byte.
    }
    key.resize(static_cast<std::size_t>(needed));
  }
}

bool Collator::Less(std::string_view a, std::string_view b) const {
  UErrorCode status = U_ZERO_ERROR;
  UCollationResult result = impl_->collator->compareUTF8(
      icu::StringPiece(a.data(), static_cast<int32_t>(a.size())),
      icu::StringPiece(b.data(), static_cast<int32_t>(b.size())), status);
  if (U_FAILURE(status)) Fail("collate", status);
  return result == UCOL_LESS;
}

}  // namespace glossa
