// The Unicode layer: the one module that uses ICU.
//
// Everything glossa does with characters beyond bytes goes through here:
// UTF-8 validation, charset conversion, the keys that matching and lookup
// compare, Traditional/Simplified Chinese, pinyin in its three spellings,
// display width, language tags and collation. No ICU type appears in this
// header. The ICU objects behind these functions are built once per process,
// on first use, and shared; every function here may be called from several
// threads.
//
// It is defined by the files of src/core/text/, the only files that include
// ICU, one concern each:
//   charset.cc     UTF-8 checks and code points, charsets, StreamDecoder
//   fold.cc        FoldKey, LooseKey, TranscribedKey, ToLower, ToUpper
//   pinyin.cc      the pinyin keys and PinyinToneMarks
//   script.cc      Traditional/Simplified (SimplifiedCharacter, ...)
//   characters.cc  character classes (IsCjk, ...) and DisplayWidth
//   breaks.cc      SentenceStarts
//   locale.cc      IsKnownLanguageTag, Collator
//   icu_support.h  (internal) the ICU objects and UTF-16 conversions the
//                  others share; .cc beside it
//
// The keys (all results are UTF-8):
//   FoldKey       NFKC + full Unicode case folding, whitespace runs collapsed
//                 to one space and trimmed: "STRASSE", "Straße",
//                 "ｓｔｒａｓｓｅ" all give "strasse".
//   LooseKey      FoldKey without diacritics: "Bonität" and "bonitat" meet.
//   TranscribedKey  LooseKey with ä ö ü written ae oe ue first, as German
//                 does without them: "Bonität" gives "bonitaet"; "" for a
//                 text without them.
//   ToSimplified  ICU's Traditional-to-Simplified transform (Hant-Hans),
//                 character by character: "徵信" gives "征信". Vocabulary that
//                 differs between the two standards (資訊 vs 信息) is the
//                 glossary's job, not this function's.
//   Pinyin keys   see PinyinToneNumbers and PinyinToneless below.

#ifndef GLOSSA_CORE_UNICODE_H_
#define GLOSSA_CORE_UNICODE_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace glossa {

// Returns the byte offset of the first ill-formed UTF-8 sequence in `bytes`
// (overlong forms, surrogates and values above U+10FFFF count as
// ill-formed), or nullopt if all of it is well-formed.
std::optional<std::size_t> FindInvalidUtf8(std::string_view bytes);

// Whether ICU knows a converter for the charset name (IANA names and their
// aliases, case-insensitive: "windows-1254", "GB18030", "Big5", "latin1").
bool IsKnownCharset(std::string_view charset);

// Converts UTF-8 `text` to `charset` (for writing, or tests, in the
// encodings people's files come in). False, with *error set, for an unknown
// charset or a character the charset cannot hold.
bool EncodeFromUtf8(std::string_view text, std::string_view charset,
                    std::string* out, std::string* error);

// Converts `bytes` from `charset` to UTF-8. On failure returns false, sets
// *bad_offset to the byte offset of the first sequence that cannot be
// decoded and *error to a description ("invalid windows-1254 byte 0x81");
// for an unknown charset *bad_offset is 0 and *error says so.
bool DecodeToUtf8(std::string_view bytes, std::string_view charset,
                  std::string* out, std::size_t* bad_offset,
                  std::string* error);

// Guesses the charset of a sample of bytes: "UTF-8" for a UTF-8 byte order
// mark, well-formed UTF-8, or UTF-8 with a few bad bytes (at least eight
// well-formed multi-byte characters for each bad one: the bad bytes are
// then an error to report, not a sign of another charset);
// "UTF-16LE"/"UTF-16BE" for their marks; else ICU's charset detector's best
// guess ("GB18030", "Big5", ...); "" when it has none it is more than
// minimally confident of.
std::string DetectCharset(std::string_view sample);

// Converts a stream of bytes in one charset to UTF-8, chunk by chunk, with
// the converter's state kept between chunks (a character may be split
// between them). A byte order mark at the start is dropped.
class StreamDecoder {
 public:
  // nullptr, with *error set, for an unknown charset.
  //
  // With `check_utf8` false, UTF-8 is framed (a sequence cut by a chunk's
  // end is held back, the byte order mark dropped) but not checked: for a
  // caller that checks the text itself, on other threads (the Annotator).
  // checks() says whether Decode checks; other charsets are always checked,
  // since ICU converts them.
  static std::unique_ptr<StreamDecoder> Create(std::string_view charset,
                                               std::string* error,
                                               bool check_utf8 = true);
  bool checks() const;
  // Bytes dropped from the start of the stream (a byte order mark): UTF-8
  // text offsets plus this are stream offsets.
  std::size_t dropped() const;
  ~StreamDecoder();
  StreamDecoder(const StreamDecoder&) = delete;
  StreamDecoder& operator=(const StreamDecoder&) = delete;

  // Appends the UTF-8 for `bytes` to *out; `last` says no bytes follow. On
  // bytes that cannot be decoded returns false, with *error naming them and
  // their byte offset in the whole stream.
  bool Decode(std::string_view bytes, bool last, std::string* out,
              std::string* error);

 private:
  struct Impl;
  explicit StreamDecoder(std::unique_ptr<Impl> impl);
  bool DecodeUtf8(std::string_view bytes, bool last, std::string* out,
                  std::string* error);
  std::unique_ptr<Impl> impl_;
};

std::string FoldKey(std::string_view text);
std::string LooseKey(std::string_view text);
std::string TranscribedKey(std::string_view text);
std::string ToSimplified(std::string_view text);
std::string ToTraditional(std::string_view text);

// Pinyin keys. Both accept any of the spellings people type: tone marks
// ("zhēngxìn"), tone numbers ("zheng1xin4", "zheng1 xin4", with 5 or 0 for
// the neutral tone), "v" or "u:" for "ü", capitals, spaces, apostrophes and
// hyphens between syllables.
//   PinyinToneNumbers("Zhēngxìn")    == "zheng1xin4"
//   PinyinToneNumbers("zheng1 xin4") == "zheng1xin4"
//   PinyinToneless("zhēng xìn")      == "zhengxin"
// ("ü" becomes "u" in the toneless key, so "lüshi", "lvshi" and "lushi"
// meet there; the tone-number key keeps "ü".)
std::string PinyinToneNumbers(std::string_view text);
std::string PinyinToneless(std::string_view text);
// The reverse: "zheng1xin4" gives "zhēngxìn".
std::string PinyinToneMarks(std::string_view text);

// Whether the text contains a Han character.
bool ContainsHan(std::string_view text);

// Character classes, by Unicode properties.
bool IsLetter(char32_t c);     // general category L*
bool IsUppercase(char32_t c);  // Uppercase property
bool IsDigit(char32_t c);      // decimal digit (Nd)
// Han, Hiragana, Katakana, Hangul, Bopomofo, or East Asian wide/fullwidth
// (which takes in CJK punctuation such as "，" and "（"): characters
// written without spaces between them.
bool IsCjk(char32_t c);

// Letters of the scripts written without spaces between words (Han, kana,
// Hangul, Bopomofo); unlike IsCjk, no punctuation.
bool IsCjkLetter(char32_t c);
bool IsMark(char32_t c);   // combining marks (Mn, Mc, Me)
bool IsSpace(char32_t c);  // White_Space

// The simplified form of one Han character after NFKC ("徵" -> "征",
// compatibility ideographs to their unified forms); other characters, and
// characters whose simplified form is more than one character, unchanged.
char32_t SimplifiedCharacter(char32_t c);

// Full Unicode lower and upper casing (root locale): "BONITÄT" -> "bonität".
std::string ToLower(std::string_view text);
std::string ToUpper(std::string_view text);

// UTF-8 for code points (the inverse of CodePoints).
std::string FromCodePoints(std::u32string_view code_points);

// Where sentences begin in `text` (byte offsets, ascending, the first 0),
// by ICU's sentence rules for `locale` ("de", "en"). Common German
// abbreviations (z.B., vgl., ca., Nr., u.a., Dr., bzw., d.h., ...) do not
// end a sentence. Any bytes are accepted and nothing is thrown: an
// ill-formed UTF-8 sequence reads as one U+FFFD (as CodePoints reads it),
// and every offset is a character boundary of `text` (never inside a
// well-formed character). Text past 1 GiB belongs to the sentence before.
std::vector<std::size_t> SentenceStarts(std::string_view text,
                                        std::string_view locale);

// Columns the text takes in a terminal: East Asian wide and fullwidth
// characters take two, combining marks and format characters none.
int DisplayWidth(std::string_view text);

// The last `width` columns of `text` (as DisplayWidth counts them), with
// "…" (one column) marking the cut; text that fits is returned whole. For
// the context left of a keyword.
//   KeepLastColumns("Bonitätssystem", 6) == "…ystem"
std::string KeepLastColumns(std::string_view text, int width);
// The first `width` columns: KeepFirstColumns("社会信用体系", 5) == "社会…".
std::string KeepFirstColumns(std::string_view text, int width);

// The code points of well-formed UTF-8 (ill-formed bytes become U+FFFD).
std::u32string CodePoints(std::string_view text);

// Whether `tag` is a well-formed BCP 47 language tag whose language subtag
// ICU knows ("de", "en-US", "zh-Hans", "zh-Latn-pinyin"; not "xx", "e n").
bool IsKnownLanguageTag(std::string_view tag);

// Orders strings the way a language's dictionaries do. Build one per
// locale and reuse it.
//
//   auto german = Collator::Create("de");
//   german->Less("Bonität", "Bürger");  // true: "ä" sorts with "a"
//   auto pinyin = Collator::Create("zh@collation=pinyin");
//   pinyin->Less("诚信", "征信");         // true: chéngxìn before zhēngxìn
class Collator {
 public:
  // Throws std::runtime_error if ICU has no data for the locale.
  static std::unique_ptr<Collator> Create(std::string_view locale);
  ~Collator();
  Collator(const Collator&) = delete;
  Collator& operator=(const Collator&) = delete;

  // A byte string whose plain comparison gives the collation order.
  std::string SortKey(std::string_view text) const;
  bool Less(std::string_view a, std::string_view b) const;

 private:
  struct Impl;
  explicit Collator(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace glossa

#endif  // GLOSSA_CORE_UNICODE_H_
