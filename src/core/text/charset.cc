// Bytes to text: UTF-8 checks and code points, and conversion from and to
// other charsets with ICU's converters, whole or as a stream, and charset
// detection (see core/unicode.h).

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/text/icu_support.h"
#include "core/unicode.h"

namespace glossa {

std::optional<std::size_t> FindInvalidUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  int64_t length = static_cast<int64_t>(bytes.size());
  for (int64_t i = 0; i < length;) {
    // ASCII fast path, eight bytes at a time, to the first byte that is
    // not ASCII (German has one every few dozen bytes: stepping a byte at
    // a time to it was most of this function's time).
    while (i + 8 <= length) {
      std::uint64_t word;
      std::memcpy(&word, s + i, 8);
      const std::uint64_t high = word & 0x8080808080808080ULL;
      if (high != 0) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        i += __builtin_ctzll(high) / 8;
#endif
        break;
      }
      i += 8;
    }
    if (i >= length) break;
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    // The common two-byte sequences (Latin letters with diacritics: ä, ß)
    // and three-byte ones (all of CJK) without a branch per case: lead
    // C2-DF and a continuation byte; lead E1-EC or EE-EF and two.
    if (i + 2 <= length && s[i] >= 0xC2 && s[i] <= 0xDF &&
        (s[i + 1] & 0xC0) == 0x80) {
      i += 2;
      continue;
    }
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

namespace {

constexpr int32_t kNoConfidence = 10;

// How many of a sample's non-ASCII sequences are well-formed UTF-8 and how
// many are not; a character cut by the sample's end counts as neither.
struct Utf8Tally {
  std::size_t valid = 0;
  std::size_t invalid = 0;
};

Utf8Tally TallyUtf8(std::string_view sample) {
  Utf8Tally tally;
  const auto* s = reinterpret_cast<const uint8_t*>(sample.data());
  const auto length = static_cast<int32_t>(
      std::min<std::size_t>(sample.size(), std::size_t{INT32_MAX}));
  for (int32_t i = 0; i < length;) {
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c >= 0) {
      ++tally.valid;
    } else if (length - start >= 4) {
      ++tally.invalid;
    }
  }
  return tally;
}

}  // namespace

std::string DetectCharset(std::string_view sample) {
  if (sample.substr(0, 3) == "\xEF\xBB\xBF") return "UTF-8";
  if (sample.substr(0, 2) == "\xFF\xFE") return "UTF-16LE";
  if (sample.substr(0, 2) == "\xFE\xFF") return "UTF-16BE";
  // A sample cut inside a character is still UTF-8.
  std::optional<std::size_t> bad = FindInvalidUtf8(sample);
  if (!bad || *bad + 4 > sample.size()) return "UTF-8";
  // Mostly UTF-8 with a few bad bytes is a damaged UTF-8 file, to be
  // refused at its first bad byte, not another charset. ICU ranks
  // windows-1252 (80) above UTF-8 (25) for the report with one stray byte,
  // and annotate printed it as "BonitÃ¤t", exit 0. Text in a legacy charset
  // has few well-formed sequences by chance: GB18030 about one for four
  // bad ones, Latin-1 German none (the regulations and the report,
  // converted).
  const Utf8Tally tally = TallyUtf8(sample);
  if (tally.valid >= 8 * tally.invalid) return "UTF-8";
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, void (*)(UCharsetDetector*)> detector(
      ucsdet_open(&status), ucsdet_close);
  if (U_FAILURE(status)) Fail("ucsdet_open", status);
  ucsdet_setText(detector.get(), sample.data(),
                 static_cast<int32_t>(sample.size()), &status);
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return "";
  // 10 is what ICU gives UTF-16 without a byte order mark for anything
  // (ten bytes of ASCII with two stray ones came out as UTF-16BE, Chinese
  // from nowhere): not a guess to decode by.
  if (ucsdet_getConfidence(match, &status) <= kNoConfidence) return "";
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
  bool decoded = true;
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
      decoded = false;
    }
    break;
  }
  // The byte order mark goes also when the first chunk fails to decode
  // after it (what decoded before is still annotated).
  if (!impl_->started && out->size() > before) {
    impl_->started = true;
    if (out->compare(before, 3, "\xEF\xBB\xBF") == 0) out->erase(before, 3);
  }
  if (decoded) impl_->consumed += bytes.size();
  return decoded;
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

}  // namespace glossa
