#include "core/unicode.h"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <cstdio>
#include <mutex>
#include <stdexcept>
#include <string>

namespace glossa {
namespace {

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

std::unique_ptr<icu::Transliterator> MakeTransliterator(const char* id) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> transliterator(
      icu::Transliterator::createInstance(id, UTRANS_FORWARD, status));
  if (U_FAILURE(status) || !transliterator) Fail(id, status);
  return transliterator;
}

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
    hant_to_hans = MakeTransliterator("Hant-Hans");
    hans_to_hant = MakeTransliterator("Hans-Hant");
    marks_to_numbers = MakeTransliterator("Latin-NumericPinyin");
    numbers_to_marks = MakeTransliterator("NumericPinyin-Latin");
  }

  icu::UnicodeString Transliterate(const icu::Transliterator& transliterator,
                                   icu::UnicodeString text) {
    std::lock_guard<std::mutex> lock(mutex);
    transliterator.transliterate(text);
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
  std::unique_ptr<icu::Transliterator> hant_to_hans;
  std::unique_ptr<icu::Transliterator> hans_to_hant;
  std::unique_ptr<icu::Transliterator> marks_to_numbers;
  std::unique_ptr<icu::Transliterator> numbers_to_marks;
  std::mutex mutex;
};

Icu& Shared() {
  static Icu* icu = new Icu();  // Lives for the process; never destroyed.
  return *icu;
}

// Collapses runs of white space to one U+0020 and trims both ends.
icu::UnicodeString CollapseSpace(const icu::UnicodeString& text) {
  icu::UnicodeString out;
  bool pending_space = false;
  for (int32_t i = 0; i < text.length();) {
    UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    if (u_isUWhiteSpace(c)) {
      pending_space = !out.isEmpty();
      continue;
    }
    if (pending_space) out.append(static_cast<UChar>(u' '));
    pending_space = false;
    out.append(c);
  }
  return out;
}

icu::UnicodeString Fold(std::string_view text) {
  Icu& icu = Shared();
  return CollapseSpace(icu.Normalize(*icu.nfkc_casefold, FromUtf8(text)));
}

icu::UnicodeString StripMarks(const icu::UnicodeString& text) {
  Icu& icu = Shared();
  icu::UnicodeString decomposed = icu.Normalize(*icu.nfd, text);
  icu::UnicodeString out;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) != U_NON_SPACING_MARK) out.append(c);
  }
  return icu.Normalize(*icu.nfc, out);
}

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

}  // namespace

std::optional<std::size_t> FindInvalidUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  int64_t length = static_cast<int64_t>(bytes.size());
  for (int64_t i = 0; i < length;) {
    if (s[i] < 0x80) {  // ASCII fast path.
      ++i;
      continue;
    }
    int64_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return static_cast<std::size_t>(start);
  }
  return std::nullopt;
}

bool IsKnownCharset(std::string_view charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::string name(charset);
  UConverter* converter = ucnv_open(name.c_str(), &status);
  if (converter != nullptr) ucnv_close(converter);
  return U_SUCCESS(status);
}

bool DecodeToUtf8(std::string_view bytes, std::string_view charset,
                  std::string* out, std::size_t* bad_offset,
                  std::string* error) {
  std::string name(charset);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> converter(
      ucnv_open(name.c_str(), &status), ucnv_close);
  if (U_FAILURE(status) || !converter) {
    *bad_offset = 0;
    *error = "unknown encoding '" + name + "'";
    return false;
  }
  ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr,
                      nullptr, nullptr, &status);
  if (U_FAILURE(status)) Fail("ucnv_setToUCallBack", status);

  out->clear();
  const char* source = bytes.data();
  const char* source_limit = bytes.data() + bytes.size();
  UChar buffer[8192];
  for (;;) {
    UChar* target = buffer;
    status = U_ZERO_ERROR;
    ucnv_toUnicode(converter.get(), &target, buffer + 8192, &source,
                   source_limit, nullptr, /*flush=*/true, &status);
    icu::UnicodeString(false, buffer, static_cast<int32_t>(target - buffer))
        .toUTF8String(*out);
    if (status == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_SUCCESS(status)) return true;
    char invalid[32];
    int8_t invalid_length = sizeof invalid;
    UErrorCode ignored = U_ZERO_ERROR;
    ucnv_getInvalidChars(converter.get(), invalid, &invalid_length, &ignored);
    if (U_FAILURE(ignored)) invalid_length = 0;
    *bad_offset =
        static_cast<std::size_t>(source - bytes.data()) - invalid_length;
    std::string shown;
    for (int i = 0; i < invalid_length; ++i) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "%s0x%02X", i ? " " : "",
                    static_cast<unsigned char>(invalid[i]));
      shown += hex;
    }
    if (status == U_TRUNCATED_CHAR_FOUND) {
      *error = "truncated " + name + " sequence " + shown + " at end of input";
    } else {
      *error = "invalid " + name + " byte sequence " + shown;
    }
    return false;
  }
}

std::string FoldKey(std::string_view text) { return ToUtf8(Fold(text)); }

std::string LooseKey(std::string_view text) {
  return ToUtf8(StripMarks(Fold(text)));
}

std::string ToSimplified(std::string_view text) {
  Icu& icu = Shared();
  return ToUtf8(icu.Transliterate(*icu.hant_to_hans, FromUtf8(text)));
}

std::string ToTraditional(std::string_view text) {
  Icu& icu = Shared();
  return ToUtf8(icu.Transliterate(*icu.hans_to_hant, FromUtf8(text)));
}

std::string PinyinToneNumbers(std::string_view text) {
  Icu& icu = Shared();
  icu::UnicodeString numbered =
      icu.Transliterate(*icu.marks_to_numbers, PreparePinyin(text));
  icu::UnicodeString out;
  for (int32_t i = 0; i < numbered.length();) {
    UChar32 c = numbered.char32At(i);
    i += U16_LENGTH(c);
    if (IsSyllableSeparator(c) || c == u'5' || c == u'0') continue;
    out.append(c);
  }
  return ToUtf8(out);
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
  Icu& icu = Shared();
  return ToUtf8(icu.Transliterate(*icu.numbers_to_marks, PreparePinyin(text)));
}

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

bool IsCjk(char32_t c32) {
  auto c = static_cast<UChar32>(c32);
  UErrorCode status = U_ZERO_ERROR;
  switch (uscript_getScript(c, &status)) {
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_HANGUL:
    case USCRIPT_BOPOMOFO:
      return true;
    default:
      break;
  }
  int east_asian = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return (east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH) &&
         !u_isUWhiteSpace(c);
}

std::string ToLower(std::string_view text) {
  icu::UnicodeString s = FromUtf8(text);
  s.toLower(icu::Locale::getRoot());
  return ToUtf8(s);
}

std::string ToUpper(std::string_view text) {
  icu::UnicodeString s = FromUtf8(text);
  s.toUpper(icu::Locale::getRoot());
  return ToUtf8(s);
}

std::string FromCodePoints(std::u32string_view code_points) {
  std::string out;
  out.reserve(code_points.size());
  for (char32_t c : code_points) {
    char buffer[4];
    int32_t length = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buffer), length, 4,
              static_cast<UChar32>(c), error);
    if (error) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(buffer, static_cast<std::size_t>(length));
    }
  }
  return out;
}

int DisplayWidth(std::string_view text) {
  int width = 0;
  for (char32_t c32 : CodePoints(text)) {
    auto c = static_cast<UChar32>(c32);
    int8_t type = u_charType(c);
    if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK ||
        type == U_FORMAT_CHAR || type == U_CONTROL_CHAR) {
      continue;
    }
    int east_asian = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    width += (east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH) ? 2 : 1;
  }
  return width;
}

std::u32string CodePoints(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int64_t length = static_cast<int64_t>(text.size());
  for (int64_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT_OR_FFFD(s, i, length, c);
    out.push_back(static_cast<char32_t>(c));
  }
  return out;
}

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
