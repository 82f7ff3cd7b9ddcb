// Reading a word of ASCII letters and digits 16 bytes at a time, for the
// matcher (matcher.cc), whose loop every word of a text goes through.
// Header-only, so that it inlines there.

#ifndef GLOSSA_CORE_ASCII_WORD_H_
#define GLOSSA_CORE_ASCII_WORD_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#if defined(__SSE2__) && defined(__x86_64__)
#include <emmintrin.h>
#endif

namespace glossa {

// A word of ASCII letters and digits read 16 bytes at a time, the common
// case of German and English text: where the run of them that starts at
// text[i] ends, and its first 16 bytes zero-padded (TokenKey::head). False
// when a read of 16 bytes would pass the text's end, or when the run ends
// at a byte that may continue the word (non-ASCII: a letter such as "ä",
// or an apostrophe): then the matcher's ScanWord reads it, one character
// at a time, and finds the same end. In the second case *end is where the
// ASCII letters stop, so that ScanWord need not read them again. Why:
// ScanWord's byte loop was a sixth of matching German (perf record, annotate on
// the report repeated to 113 MB).
inline bool ScanAsciiWord(std::string_view text, std::size_t i,
                          std::size_t* end, std::uint64_t head[2]) {
#if defined(__SSE2__) && defined(__x86_64__)
  const std::size_t n = text.size();
  std::size_t at = i;
  __m128i first = _mm_setzero_si128();
  while (true) {
    if (n - at < 16) return false;
    const __m128i bytes =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + at));
    if (at == i) first = bytes;
    // A byte b is a letter when (b | 0x20) - 'a' < 26 and a digit when
    // b - '0' < 10, unsigned; SSE2 compares signed, so both are moved down
    // by 128 first. Bytes from 0x80 up are neither.
    const __m128i lower = _mm_or_si128(bytes, _mm_set1_epi8(0x20));
    const __m128i letter = _mm_cmplt_epi8(
        _mm_add_epi8(lower, _mm_set1_epi8(static_cast<char>(0x80 - 'a'))),
        _mm_set1_epi8(static_cast<char>(-128 + 26)));
    const __m128i digit = _mm_cmplt_epi8(
        _mm_add_epi8(bytes, _mm_set1_epi8(static_cast<char>(0x80 - '0'))),
        _mm_set1_epi8(static_cast<char>(-128 + 10)));
    const unsigned other =
        ~static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(letter, digit))) &
        0xFFFFu;
    if (other == 0) {
      at += 16;
      continue;
    }
    at += static_cast<std::size_t>(__builtin_ctz(other));
    break;
  }
  if (at < n &&
      (static_cast<unsigned char>(text[at]) >= 0x80 || text[at] == '\'')) {
    *end = at;  // where the ASCII letters stop: ScanWord may go on from here
    return false;
  }
  *end = at;
  const std::size_t length = at - i < 16 ? at - i : 16;
  const __m128i index =
      _mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
  const __m128i kept = _mm_and_si128(
      first, _mm_cmplt_epi8(index, _mm_set1_epi8(static_cast<char>(length))));
  head[0] = static_cast<std::uint64_t>(_mm_cvtsi128_si64(kept));
  head[1] = static_cast<std::uint64_t>(
      _mm_cvtsi128_si64(_mm_unpackhi_epi64(kept, kept)));
  return true;
#else
  (void)text, (void)i, (void)end, (void)head;
  return false;
#endif
}

}  // namespace glossa

#endif  // GLOSSA_CORE_ASCII_WORD_H_
