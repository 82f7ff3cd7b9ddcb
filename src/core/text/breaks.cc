// Where sentences begin (SentenceStarts): ICU's sentence rules, with the
// German abbreviations and dates that must not end one (see core/unicode.h).

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/icu_support.h"
#include "core/unicode.h"

namespace glossa {

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

}  // namespace glossa
