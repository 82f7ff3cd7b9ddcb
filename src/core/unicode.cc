#include "core/unicode.h"

#include <unicode/brkiter.h>
#include <unicode/coll.h>
#include <unicode/filteredbrk.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <map>
#include <mutex>
#include <new>
#include <stdexcept>
#include <string>
#include <unordered_map>

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

// German umlauts written out as German writes them without the letters:
// "ä" as "ae", "ö" as "oe", "ü" as "ue", on case-folded text (ICU's
// de-ASCII does the same and more, through the registry).
std::string UmlautRules() { return "ä > ae ; ö > oe ; ü > ue ;"; }

// ICU's transform `id`; or, given `rules`, one made of them (no registry).
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
    // ASCII fast path, eight bytes at a time.
    while (i + 8 <= length) {
      std::uint64_t word;
      std::memcpy(&word, s + i, 8);
      if ((word & 0x8080808080808080ULL) != 0) break;
      i += 8;
    }
    if (i >= length) break;
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    // The common three-byte sequences (all of CJK) without a branch per
    // case: lead E1-EC or EE-EF, two continuation bytes.
    if (i + 3 <= length && s[i] >= 0xE1 && s[i] <= 0xEF && s[i] != 0xED &&
        (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
      i += 3;
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

namespace {

using Converter = std::unique_ptr<UConverter, void (*)(UConverter*)>;

// An ICU converter for `name`, or null with *error set.
Converter OpenConverter(const std::string& name, std::string* error) {
  UErrorCode status = U_ZERO_ERROR;
  Converter converter(ucnv_open(name.c_str(), &status), ucnv_close);
  if (U_FAILURE(status) || !converter) {
    *error = "unknown encoding '" + name + "'";
    return Converter(nullptr, ucnv_close);
  }
  return converter;
}

}  // namespace

bool EncodeFromUtf8(std::string_view text, std::string_view charset,
                    std::string* out, std::string* error) {
  std::string name(charset);
  Converter converter = OpenConverter(name, error);
  if (!converter) return false;
  UErrorCode status = U_ZERO_ERROR;
  ucnv_setFromUCallBack(converter.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr,
                        nullptr, nullptr, &status);
  if (U_FAILURE(status)) Fail("ucnv_setFromUCallBack", status);
  icu::UnicodeString unicode = FromUtf8(text);
  status = U_ZERO_ERROR;
  int32_t length = unicode.extract(nullptr, 0, converter.get(), status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) {
    *error = "the text has characters " + name + " cannot hold";
    return false;
  }
  out->assign(static_cast<std::size_t>(length), '\0');
  status = U_ZERO_ERROR;
  ucnv_resetFromUnicode(converter.get());
  unicode.extract(out->data(), length, converter.get(), status);
  if (U_FAILURE(status)) {
    *error = "the text has characters " + name + " cannot hold";
    return false;
  }
  return true;
}

bool DecodeToUtf8(std::string_view bytes, std::string_view charset,
                  std::string* out, std::size_t* bad_offset,
                  std::string* error) {
  std::string name(charset);
  Converter converter = OpenConverter(name, error);
  if (!converter) {
    *bad_offset = 0;
    return false;
  }
  UErrorCode status = U_ZERO_ERROR;
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

std::string DetectCharset(std::string_view sample) {
  if (sample.substr(0, 3) == "\xEF\xBB\xBF") return "UTF-8";
  if (sample.substr(0, 2) == "\xFF\xFE") return "UTF-16LE";
  if (sample.substr(0, 2) == "\xFE\xFF") return "UTF-16BE";
  // A sample cut inside a character is still UTF-8.
  std::optional<std::size_t> bad = FindInvalidUtf8(sample);
  if (!bad || *bad + 4 > sample.size()) return "UTF-8";
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, void (*)(UCharsetDetector*)> detector(
      ucsdet_open(&status), ucsdet_close);
  if (U_FAILURE(status)) Fail("ucsdet_open", status);
  ucsdet_setText(detector.get(), sample.data(),
                 static_cast<int32_t>(sample.size()), &status);
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return "";
  const char* name = ucsdet_getName(match, &status);
  return U_SUCCESS(status) && name != nullptr ? name : "";
}

struct StreamDecoder::Impl {
  std::unique_ptr<UConverter, void (*)(UConverter*)> converter{nullptr,
                                                               ucnv_close};
  std::string charset;
  bool utf8 = false;         // checked and copied, without ICU
  std::string tail;          // UTF-8: an incomplete sequence at a chunk's end
  std::size_t consumed = 0;  // bytes of the stream before this chunk
  bool started = false;
  bool check = true;        // UTF-8: checked here (else by the caller)
  std::size_t dropped = 0;  // a byte order mark
};

StreamDecoder::StreamDecoder(std::unique_ptr<Impl> impl)
    : impl_(std::move(impl)) {}
StreamDecoder::~StreamDecoder() = default;

std::unique_ptr<StreamDecoder> StreamDecoder::Create(std::string_view charset,
                                                     std::string* error,
                                                     bool check_utf8) {
  auto impl = std::make_unique<Impl>();
  impl->check = check_utf8;
  impl->charset = std::string(charset);
  UErrorCode status = U_ZERO_ERROR;
  impl->converter.reset(ucnv_open(impl->charset.c_str(), &status));
  if (U_FAILURE(status) || !impl->converter) {
    *error = "unknown encoding '" + impl->charset + "'";
    return nullptr;
  }
  ucnv_setToUCallBack(impl->converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr,
                      nullptr, nullptr, &status);
  if (U_FAILURE(status)) Fail("ucnv_setToUCallBack", status);
  const char* canonical = ucnv_getName(impl->converter.get(), &status);
  impl->utf8 = U_SUCCESS(status) && std::string_view(canonical) == "UTF-8";
  return std::unique_ptr<StreamDecoder>(new StreamDecoder(std::move(impl)));
}

bool StreamDecoder::checks() const { return !impl_->utf8 || impl_->check; }

std::size_t StreamDecoder::dropped() const { return impl_->dropped; }

// UTF-8 is checked and copied as it is, without ICU: one pass to check, one
// copy. A sequence cut by the end of a chunk is held back until the next.
bool StreamDecoder::DecodeUtf8(std::string_view bytes, bool last,
                               std::string* out, std::string* error) {
  auto lead_length = [](unsigned char b) -> std::size_t {
    return b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
  };
  auto check = [&](std::string_view piece, std::size_t offset) {
    if (impl_->check) {
      if (std::optional<std::size_t> bad = FindInvalidUtf8(piece)) {
        *error =
            "invalid UTF-8 at byte offset " + std::to_string(offset + *bad);
        return false;
      }
    }
    std::size_t skip =
        !impl_->started && piece.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    impl_->dropped += skip;
    if (!piece.empty()) impl_->started = true;
    out->append(piece.substr(skip));
    return true;
  };
  std::size_t offset = impl_->consumed;  // of bytes[0] in the stream
  impl_->consumed += bytes.size();
  if (!impl_->tail.empty()) {
    // Complete the sequence held back.
    std::string& head = impl_->tail;
    std::size_t want =
        lead_length(static_cast<unsigned char>(head[0])) - head.size();
    std::size_t take = std::min(want, bytes.size());
    head.append(bytes.substr(0, take));
    bytes.remove_prefix(take);
    if (take < want && !last) return true;  // still incomplete
    std::string piece = std::move(head);
    head.clear();
    if (!check(piece, offset - (piece.size() - take))) return false;
    offset += take;
  }
  std::size_t keep = bytes.size();
  if (!last) {
    // Hold back a sequence the next chunk completes.
    std::size_t start = bytes.size();
    while (start > 0 && bytes.size() - start < 4 &&
           (static_cast<unsigned char>(bytes[start - 1]) & 0xC0) == 0x80) {
      --start;
    }
    if (start > 0 && static_cast<unsigned char>(bytes[start - 1]) >= 0xC0 &&
        lead_length(static_cast<unsigned char>(bytes[start - 1])) >
            bytes.size() - start + 1) {
      keep = start - 1;
    }
  }
  if (!check(bytes.substr(0, keep), offset)) return false;
  impl_->tail.assign(bytes.substr(keep));
  return true;
}

bool StreamDecoder::Decode(std::string_view bytes, bool last, std::string* out,
                           std::string* error) {
  if (impl_->utf8) return DecodeUtf8(bytes, last, out, error);
  const char* source = bytes.data();
  const char* limit = bytes.data() + bytes.size();
  UChar buffer[8192];
  std::size_t before = out->size();
  for (;;) {
    UChar* target = buffer;
    UErrorCode status = U_ZERO_ERROR;
    ucnv_toUnicode(impl_->converter.get(), &target, buffer + 8192, &source,
                   limit, nullptr, last, &status);
    icu::UnicodeString(false, buffer, static_cast<int32_t>(target - buffer))
        .toUTF8String(*out);
    if (status == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(status)) {
      char invalid[32];
      int8_t length = sizeof invalid;
      UErrorCode ignored = U_ZERO_ERROR;
      ucnv_getInvalidChars(impl_->converter.get(), invalid, &length, &ignored);
      if (U_FAILURE(ignored)) length = 0;
      std::size_t offset = impl_->consumed +
                           static_cast<std::size_t>(source - bytes.data()) -
                           static_cast<std::size_t>(length);
      *error = "cannot decode the input as " + impl_->charset +
               ": invalid bytes at byte offset " + std::to_string(offset);
      return false;
    }
    break;
  }
  if (!impl_->started && out->size() > before) {
    impl_->started = true;
    if (out->compare(before, 3, "\xEF\xBB\xBF") == 0) out->erase(before, 3);
  }
  impl_->consumed += bytes.size();
  return true;
}

std::string FoldKey(std::string_view text) { return ToUtf8(Fold(text)); }

std::string LooseKey(std::string_view text) {
  return ToUtf8(StripMarks(Fold(text)));
}

std::string TranscribedKey(std::string_view text) {
  // Most terms have no umlaut: a look at the bytes spares them ICU (ä ö ü
  // Ä Ö Ü are C3 A4, B6, BC, 84, 96, 9C; a decomposed one has CC 88).
  bool any = false;
  for (std::size_t i = 0; i + 1 < text.size() && !any; ++i) {
    auto next = static_cast<unsigned char>(text[i + 1]);
    if (text[i] == '\xC3')
      any = next == 0xA4 || next == 0xB6 || next == 0xBC || next == 0x84 ||
            next == 0x96 || next == 0x9C;
    else if (text[i] == '\xCC')
      any = next == 0x88;
  }
  if (!any) return "";
  Icu& icu = Shared();
  return ToUtf8(StripMarks(icu.Transliterate(icu.umlauts, Fold(text))));
}

std::string ToSimplified(std::string_view text) {
  // Han characters are three or four bytes long; text without such bytes
  // has nothing to change.
  bool any = false;
  for (char c : text) any = any || static_cast<unsigned char>(c) >= 0xE0;
  if (!any) return std::string(text);
  std::u32string s = CodePoints(text);
  for (char32_t& c : s) {
    if (IsCjkLetter(c)) c = SimplifiedCharacter(c);
  }
  return FromCodePoints(s);
}

std::string ToTraditional(std::string_view text) {
  Icu& icu = Shared();
  return ToUtf8(icu.Transliterate(icu.hans_to_hant, FromUtf8(text)));
}

namespace {

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

namespace {

// Han, kana, Hangul, Bopomofo.
bool IsEastAsianScript(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  switch (uscript_getScript(c, &status)) {
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_HANGUL:
    case USCRIPT_BOPOMOFO:
      return true;
    default:
      return false;
  }
}

}  // namespace

bool IsCjk(char32_t c32) {
  auto c = static_cast<UChar32>(c32);
  if (IsEastAsianScript(c)) return true;
  int east_asian = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return (east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH) &&
         !u_isUWhiteSpace(c);
}

bool IsCjkLetter(char32_t c32) {
  auto c = static_cast<UChar32>(c32);
  return IsEastAsianScript(c) &&
         (u_isalpha(c) || u_charType(c) == U_OTHER_LETTER);
}

bool IsMark(char32_t c) {
  int8_t type = u_charType(static_cast<UChar32>(c));
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK ||
         type == U_ENCLOSING_MARK;
}

bool IsSpace(char32_t c) { return u_isUWhiteSpace(static_cast<UChar32>(c)); }

namespace {

struct HantHans {
  char32_t traditional;
  char32_t simplified;
};
// kHantHans: what ICU's Hant-Hans transform makes of each single character
// it changes, asked while building (src/gen/make_hant_hans.cc says why).
#include "core/hant_hans_table.inc"

// ICU's Hant-Hans on the one character `c`, from the table made of it.
char32_t HantToHans(char32_t c) {
  const HantHans* end = std::end(kHantHans);
  const HantHans* found = std::lower_bound(
      std::begin(kHantHans), end, c, [](const HantHans& pair, char32_t key) {
        return pair.traditional < key;
      });
  return found != end && found->traditional == c ? found->simplified : c;
}

char32_t SimplifiedOf(char32_t c) {
  Icu& icu = Shared();
  icu::UnicodeString s(static_cast<UChar32>(c));
  s = icu.Normalize(*icu.nfc, icu.Normalize(*icu.nfkc_casefold, s));
  if (s.countChar32() != 1) return c;
  return HantToHans(static_cast<char32_t>(s.char32At(0)));
}

}  // namespace

char32_t SimplifiedCharacter(char32_t c) {
  Icu& icu = Shared();
  {
    std::lock_guard<std::mutex> lock(icu.cache_mutex);
    auto found = icu.simplified.find(c);
    if (found != icu.simplified.end()) return found->second;
  }
  char32_t result = SimplifiedOf(c);
  std::lock_guard<std::mutex> lock(icu.cache_mutex);
  icu.simplified.emplace(c, result);
  return result;
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

namespace {

// Abbreviations after which ICU's sentence rules must not break: the ones
// the report uses and their usual companions, at the start of a sentence too.
constexpr const char16_t* kAbbreviations[] = {
    u"z.B.", u"Z.B.",  u"vgl.", u"Vgl.",  u"ca.",  u"Ca.",  u"Nr.",  u"u.a.",
    u"U.a.", u"Dr.",   u"bzw.", u"d.h.",  u"D.h.", u"usw.", u"etc.", u"S.",
    u"Abb.", u"engl.", u"Fn.",  u"Prof.", u"Mio.", u"Mrd.", u"z.T.", u"u.U.",
    u"Jh.",  u"Jan.",  u"Feb.", u"Okt.",  u"Nov.", u"Dez."};

std::unique_ptr<icu::BreakIterator> NewSentenceIterator(
    const std::string& locale) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale icu_locale(locale.c_str());
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
      icu::FilteredBreakIteratorBuilder::createInstance(icu_locale, status));
  // ICU lists abbreviations for a few languages (de, en, ...) and none for
  // others (zh, ja): those start from an empty list.
  if (status == U_MISSING_RESOURCE_ERROR) {
    status = U_ZERO_ERROR;
    builder.reset(
        icu::FilteredBreakIteratorBuilder::createEmptyInstance(status));
  }
  if (U_FAILURE(status)) Fail("FilteredBreakIteratorBuilder", status);
  for (const char16_t* abbreviation : kAbbreviations) {
    builder->suppressBreakAfter(icu::UnicodeString(abbreviation), status);
  }
  std::unique_ptr<icu::BreakIterator> sentences(
      icu::BreakIterator::createSentenceInstance(icu_locale, status));
  if (U_FAILURE(status)) Fail("createSentenceInstance", status);
  std::unique_ptr<icu::BreakIterator> filtered(
      builder->wrapIteratorWithFilter(sentences.release(), status));
  if (U_FAILURE(status)) Fail("wrapIteratorWithFilter", status);
  return filtered;
}

}  // namespace

// Whether a sentence break at `at` would split a date such as "17. Juni":
// in German a number with a period is an ordinal, and a month name follows.
static bool IsDateContinuation(std::string_view text, std::size_t at) {
  static constexpr std::string_view kMonths[] = {
      "Januar", "Februar", "März",      "April",   "Mai",      "Juni",
      "Juli",   "August",  "September", "Oktober", "November", "Dezember"};
  bool month = false;
  for (std::string_view name : kMonths)
    month = month || text.substr(at, name.size()) == name;
  if (!month) return false;
  std::size_t end = at;
  while (end > 0 && text[end - 1] == ' ') --end;
  if (end == 0 || text[end - 1] != '.') return false;
  std::size_t digits = end - 1;
  while (digits > 0 && text[digits - 1] >= '0' && text[digits - 1] <= '9')
    --digits;
  return digits < end - 1 && end - 1 - digits <= 2;
}

std::vector<std::size_t> SentenceStarts(std::string_view text,
                                        std::string_view locale) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<icu::BreakIterator>> prototypes;
  std::unique_ptr<icu::BreakIterator> iterator;
  {
    std::lock_guard<std::mutex> lock(mutex);
    std::unique_ptr<icu::BreakIterator>& prototype =
        prototypes[std::string(locale)];
    if (!prototype) prototype = NewSentenceIterator(std::string(locale));
    iterator.reset(prototype->clone());
  }
  // ICU indexes UTF-16 with int32_t: what lies past that is read with the
  // sentence before it.
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int64_t length =
      static_cast<int64_t>(std::min<std::size_t>(text.size(), INT32_MAX / 2));
  // The text as UTF-16, decoded here rather than by ICU's converter so that
  // the walk below, which decodes it again, meets every character (and every
  // ill-formed sequence, read as one U+FFFD) at the same UTF-16 index.
  // Written into the string's buffer: UnicodeString::append costs 150
  // instructions a character, half of breaking the report's sentences.
  // UTF-16 never needs more units than UTF-8 has bytes (an ill-formed byte
  // gives one U+FFFD), so `length` units suffice.
  icu::UnicodeString s;
  char16_t* buffer =
      s.getBuffer(static_cast<int32_t>(std::max<int64_t>(length, 1)));
  if (buffer == nullptr) throw std::bad_alloc();
  int32_t units = 0;
  for (int64_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT_OR_FFFD(bytes, i, length, c);
    U16_APPEND_UNSAFE(buffer, units, c);
  }
  s.releaseBuffer(units);
  iterator->setText(s);
  std::vector<std::size_t> starts;
  int64_t byte = 0;  // of the character at UTF-16 index `unit`
  int32_t unit = 0;
  for (int32_t at = iterator->first(); at != icu::BreakIterator::DONE;
       at = iterator->next()) {
    if (at >= s.length()) continue;
    while (unit < at && byte < length) {
      UChar32 c;
      U8_NEXT_OR_FFFD(bytes, byte, length, c);
      unit += U16_LENGTH(c);
    }
    std::size_t start = static_cast<std::size_t>(byte);
    if (!starts.empty() && IsDateContinuation(text, start)) continue;
    starts.push_back(start);
  }
  if (starts.empty() || starts.front() != 0) starts.insert(starts.begin(), 0);
  return starts;
}

namespace {

int ColumnsOf(char32_t c32) {
  auto c = static_cast<UChar32>(c32);
  int8_t type = u_charType(c);
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK ||
      type == U_FORMAT_CHAR || type == U_CONTROL_CHAR) {
    return 0;
  }
  int east_asian = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return (east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH) ? 2 : 1;
}

}  // namespace

int DisplayWidth(std::string_view text) {
  int width = 0;
  for (char32_t c : CodePoints(text)) width += ColumnsOf(c);
  return width;
}

std::string KeepLastColumns(std::string_view text, int width) {
  if (DisplayWidth(text) <= width) return std::string(text);
  std::u32string s = CodePoints(text);
  int used = 1;  // the ellipsis
  std::size_t start = s.size();
  while (start > 0 && used + ColumnsOf(s[start - 1]) <= width) {
    used += ColumnsOf(s[start - 1]);
    --start;
  }
  return "…" + FromCodePoints(std::u32string_view(s).substr(start));
}

std::string KeepFirstColumns(std::string_view text, int width) {
  if (DisplayWidth(text) <= width) return std::string(text);
  std::u32string s = CodePoints(text);
  int used = 1;  // the ellipsis
  std::size_t end = 0;
  while (end < s.size() && used + ColumnsOf(s[end]) <= width) {
    used += ColumnsOf(s[end]);
    ++end;
  }
  return FromCodePoints(std::u32string_view(s).substr(0, end)) + "…";
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
