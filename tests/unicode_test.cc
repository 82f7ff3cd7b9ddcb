#include "core/unicode.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "test_support.h"

namespace glossa {
namespace {

TEST_CASE("valid UTF-8 has no invalid offset", "[unicode]") {
  CHECK_FALSE(FindInvalidUtf8("Bonität 征信 𠀀").has_value());
  CHECK_FALSE(FindInvalidUtf8("").has_value());
}

TEST_CASE("invalid UTF-8 is found at the byte offset of the bad sequence",
          "[unicode]") {
  CHECK(FindInvalidUtf8("abc\xFF") == 3u);
  CHECK(FindInvalidUtf8("Bonit\xC3") == 5u);      // truncated
  CHECK(FindInvalidUtf8("ab\xC0\xAF") == 2u);     // overlong "/"
  CHECK(FindInvalidUtf8("x\xED\xA0\x80") == 1u);  // a surrogate
  CHECK(FindInvalidUtf8("\xE5\xBE\x81\xF4\x90\x80\x80") ==
        3u);                                             // above U+10FFFF
  CHECK(FindInvalidUtf8("\xE5\xBE\x81\xE5\xBE") == 3u);  // 征 and half of 徵
  CHECK(FindInvalidUtf8("\xE5\xBE\x81\xE0\x80\xAF") == 3u);  // overlong
  CHECK(FindInvalidUtf8("\xEF\xBB\xBF\xE5\x41\x81") == 3u);  // no continuation
}

// The well-formed byte sequences of the Unicode Standard's table 3-7, one
// case a line: the offset of the first byte that starts none.
std::optional<std::size_t> FirstIllFormed(std::string_view s) {
  std::size_t i = 0;
  auto in = [&](std::size_t k, unsigned low, unsigned high) {
    return i + k < s.size() && static_cast<unsigned char>(s[i + k]) >= low &&
           static_cast<unsigned char>(s[i + k]) <= high;
  };
  auto tail = [&](std::size_t k) { return in(k, 0x80, 0xBF); };
  while (i < s.size()) {
    if (in(0, 0x00, 0x7F)) {
      i += 1;
    } else if (in(0, 0xC2, 0xDF) && tail(1)) {
      i += 2;
    } else if ((in(0, 0xE0, 0xE0) && in(1, 0xA0, 0xBF) && tail(2)) ||
               ((in(0, 0xE1, 0xEC) || in(0, 0xEE, 0xEF)) && tail(1) &&
                tail(2)) ||
               (in(0, 0xED, 0xED) && in(1, 0x80, 0x9F) && tail(2))) {
      i += 3;
    } else if ((in(0, 0xF0, 0xF0) && in(1, 0x90, 0xBF) && tail(2) && tail(3)) ||
               (in(0, 0xF1, 0xF3) && tail(1) && tail(2) && tail(3)) ||
               (in(0, 0xF4, 0xF4) && in(1, 0x80, 0x8F) && tail(2) && tail(3))) {
      i += 4;
    } else {
      return i;
    }
  }
  return std::nullopt;
}

TEST_CASE(
    "FindInvalidUtf8 agrees with the standard's table of well-formed "
    "sequences on random text",
    "[unicode]") {
  // Pieces that make runs of ASCII of every length, good sequences of each
  // length, and the usual ways to go wrong: a stray continuation byte, an
  // overlong form, a surrogate, a code point past U+10FFFF, a sequence
  // cut short.
  const std::vector<std::string> pieces = {"a",
                                           "Daten ",
                                           "0123456789abcdef",
                                           "\xC3\xA4",
                                           "\xE4\xB8\xAD",
                                           "\xF0\x9F\x98\x80",
                                           "\x80",
                                           "\xC0\xAF",
                                           "\xE0\x80\xAF",
                                           "\xED\xA0\x80",
                                           "\xF4\x90\x80\x80",
                                           "\xC3",
                                           "\xE4\xB8",
                                           "\xFF"};
  std::uint32_t seed = 12345;
  auto next = [&seed] {
    seed = seed * 1664525u + 1013904223u;
    return seed >> 8;
  };
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const std::size_t count = next() % 24;
    for (std::size_t k = 0; k < count; ++k) {
      // Mostly good pieces, so that a bad one comes at any offset.
      std::size_t which = next() % 10 < 8 ? next() % 6 : next() % pieces.size();
      text += pieces[which];
    }
    INFO("round " << round);
    REQUIRE(FindInvalidUtf8(text) == FirstIllFormed(text));
  }
}

TEST_CASE("windows-1254 decodes to the Turkish letters", "[unicode]") {
  std::string out, error;
  std::size_t offset = 99;
  REQUIRE(
      DecodeToUtf8("\xDD\xFD \xE9\xE1", "windows-1254", &out, &offset, &error));
  CHECK(out == "İı éá");
}

TEST_CASE("GB18030, Big5 and UTF-16 decode through ICU", "[unicode]") {
  std::string out, error;
  std::size_t offset = 0;
  REQUIRE(DecodeToUtf8("\xD5\xF7\xD0\xC5", "GB18030", &out, &offset, &error));
  CHECK(out == "征信");
  REQUIRE(DecodeToUtf8("\xBC\x78\xAB\x48", "Big5", &out, &offset, &error));
  CHECK(out == "徵信");
  REQUIRE(DecodeToUtf8(std::string("B\0o\0n\0i\0t\0\xE4\0t\0", 14), "UTF-16LE",
                       &out, &offset, &error));
  CHECK(out == "Bonität");
}

TEST_CASE("UTF-8 encodes to GB18030 and Big5 and back", "[unicode]") {
  std::string out, error, back;
  std::size_t offset = 0;
  REQUIRE(EncodeFromUtf8("征信", "GB18030", &out, &error));
  CHECK(out == "\xD5\xF7\xD0\xC5");
  REQUIRE(EncodeFromUtf8("徵信", "Big5", &out, &error));
  CHECK(out == "\xBC\x78\xAB\x48");
  REQUIRE(DecodeToUtf8(out, "Big5", &back, &offset, &error));
  CHECK(back == "徵信");
  CHECK_FALSE(EncodeFromUtf8("征信", "ISO-8859-1", &out, &error));
  CHECK(error == "the text has characters ISO-8859-1 cannot hold");
  CHECK_FALSE(EncodeFromUtf8("x", "klingon-8", &out, &error));
  CHECK(error == "unknown encoding 'klingon-8'");
}

TEST_CASE("an undecodable byte is reported at its offset", "[unicode]") {
  std::string out, error;
  std::size_t offset = 0;
  // 0xFF is not a valid lead byte in Shift_JIS.
  CHECK_FALSE(DecodeToUtf8("abc\xFF", "Shift_JIS", &out, &offset, &error));
  CHECK(offset == 3);
  CHECK(error == "invalid Shift_JIS byte sequence 0xFF");
}

TEST_CASE("an unknown charset is an error, not a guess", "[unicode]") {
  CHECK_FALSE(IsKnownCharset("klingon-8"));
  CHECK(IsKnownCharset("windows-1254"));
  CHECK(IsKnownCharset("gb18030"));
  std::string out, error;
  std::size_t offset = 7;
  CHECK_FALSE(DecodeToUtf8("abc", "klingon-8", &out, &offset, &error));
  CHECK(error == "unknown encoding 'klingon-8'");
  CHECK(offset == 0);
}

// Feeds `bytes` to a stream decoder in chunks of `chunk` bytes; the text,
// or "error: ..." at the first chunk that fails.
std::string DecodeInChunks(std::string_view charset, std::string_view bytes,
                           std::size_t chunk) {
  std::string error;
  std::unique_ptr<StreamDecoder> decoder =
      StreamDecoder::Create(charset, &error);
  REQUIRE(decoder);
  std::string out;
  std::size_t at = 0;
  do {
    std::string_view piece = bytes.substr(at, chunk);
    at += piece.size();
    if (!decoder->Decode(piece, at >= bytes.size(), &out, &error))
      return "error: " + error;
  } while (at < bytes.size());
  return out;
}

TEST_CASE("charset detection tells damaged UTF-8 from legacy charsets",
          "[unicode]") {
  const std::string report =
      testing::ReadShared("seed/000_7d62b1a0f379215d.txt");
  const std::string regulation =
      testing::ReadShared("data/zh/henan-shehui-xinyong-tiaoli_2019.md");
  CHECK(DetectCharset(report) == "UTF-8");
  // One stray byte in the report's first 20 KB (ICU alone says
  // windows-1252), and one every 2,000 bytes: still UTF-8, to be refused
  // where the bad bytes are.
  std::string stray = report.substr(0, 20000) + "\xFF" + report.substr(20000);
  CHECK(DetectCharset(stray) == "UTF-8");
  std::string many;
  for (std::size_t at = 0; at < report.size(); at += 2000)
    many += report.substr(at, 2000) + "\xFF";
  CHECK(DetectCharset(many) == "UTF-8");
  // The same German in Latin-1 (a paragraph with umlauts and no Chinese),
  // and the regulation in GB18030, keep ICU's answer.
  const std::size_t start = report.find("Chinas gesellschaftliches");
  REQUIRE(start != std::string::npos);
  const std::string german =
      report.substr(start, report.find("\n\n", start) - start);
  std::string latin1, gb18030, error;
  REQUIRE(EncodeFromUtf8(german, "ISO-8859-1", &latin1, &error));
  CHECK(DetectCharset(latin1) == "ISO-8859-1");
  REQUIRE(EncodeFromUtf8(regulation, "GB18030", &gb18030, &error));
  CHECK(DetectCharset(gb18030) == "GB18030");
  // Too little to tell: ICU's fallback (UTF-16BE at confidence 10) is not
  // taken.
  CHECK(DetectCharset("abc\xFF\xFE"
                      "def\n") == "");
}

TEST_CASE("a stream decodes the same in chunks of any size", "[unicode]") {
  const std::string text =
      "\xEF\xBB\xBF"
      "Bonität 征信 \xF0\xA0\x80\x80 社会信用";
  for (std::size_t chunk = 1; chunk <= text.size(); ++chunk) {
    INFO("chunk " << chunk);
    CHECK(DecodeInChunks("UTF-8", text, chunk) == text.substr(3));
  }
  const std::string gb = "\xD5\xF7\xD0\xC5 abc \xD5\xF7\xD0\xC5";
  for (std::size_t chunk = 1; chunk <= gb.size(); ++chunk) {
    INFO("chunk " << chunk);
    CHECK(DecodeInChunks("GB18030", gb, chunk) == "征信 abc 征信");
  }
}

TEST_CASE("a stream names the offset of bad UTF-8 wherever the chunks end",
          "[unicode]") {
  // 征 (3 bytes), then the first two bytes of 信 and a space: offset 3.
  const std::string cut = "\xE5\xBE\x81\xE4\xBF x";
  // A byte order mark in the middle is text, not a mark; 0xFF at 7 is bad.
  const std::string stray =
      "ab\xEF\xBB\xBF"
      "cd\xFF";
  for (std::size_t chunk = 1; chunk <= 8; ++chunk) {
    INFO("chunk " << chunk);
    CHECK(DecodeInChunks("UTF-8", cut, chunk) ==
          "error: invalid UTF-8 at byte offset 3");
    CHECK(DecodeInChunks("UTF-8", stray, chunk) ==
          "error: invalid UTF-8 at byte offset 7");
    CHECK(DecodeInChunks("UTF-8", "\xE5\xBE", chunk) ==
          "error: invalid UTF-8 at byte offset 0");  // cut by the end
  }
  CHECK(DecodeInChunks("UTF-8",
                       "ab\xEF\xBB\xBF"
                       "cd",
                       3) ==
        "ab\xEF\xBB\xBF"
        "cd");
}

TEST_CASE("the matching key folds case, width and compatibility forms",
          "[unicode]") {
  CHECK(FoldKey("STRASSE") == "strasse");
  CHECK(FoldKey("Straße") == "strasse");
  CHECK(FoldKey("ＡＢＣ") == FoldKey("ABC"));
  CHECK(FoldKey("  information \t islands ") == "information islands");
  CHECK(FoldKey("DATENINSELN") == FoldKey("Dateninseln"));
}

TEST_CASE("the loose key drops diacritics", "[unicode]") {
  CHECK(LooseKey("Bonität") == "bonitat");
  CHECK(LooseKey("bonitat") == "bonitat");
  CHECK(LooseKey("zhēngxìn") == "zhengxin");
}

TEST_CASE("the transcribed key writes umlauts out as German does without them",
          "[unicode]") {
  CHECK(TranscribedKey("Bonität") == "bonitaet");
  CHECK(TranscribedKey("ÜBERWACHUNG Größe") == "ueberwachung groesse");
  // Decomposed input, and other diacritics only dropped.
  CHECK(TranscribedKey("Bonita\u0308t café") == "bonitaet cafe");
  CHECK(TranscribedKey("Dateninseln") == "");  // no umlaut: the loose key
}

TEST_CASE("traditional characters fold to simplified", "[unicode]") {
  CHECK(ToSimplified("徵信") == "征信");
  CHECK(ToSimplified("誠信") == "诚信");
  CHECK(ToSimplified("社會信用體系") == "社会信用体系");
  CHECK(ToSimplified("Dateninseln") == "Dateninseln");
  CHECK(ToTraditional("诚信") == "誠信");
}

TEST_CASE("pinyin with tone marks, tone numbers and none meet", "[unicode]") {
  CHECK(PinyinToneNumbers("zhēngxìn") == "zheng1xin4");
  CHECK(PinyinToneNumbers("Zhēngxìn") == "zheng1xin4");
  CHECK(PinyinToneNumbers("zheng1xin4") == "zheng1xin4");
  CHECK(PinyinToneNumbers("zheng1 xin4") == "zheng1xin4");
  CHECK(PinyinToneNumbers("shèhuì xìnyòng") == "she4hui4xin4yong4");
  CHECK(PinyinToneNumbers("lǜshī") == PinyinToneNumbers("lv4shi1"));
  CHECK(PinyinToneNumbers("lǜshī") == PinyinToneNumbers("lu:4 shi1"));
  CHECK(PinyinToneless("zhēng xìn") == "zhengxin");
  CHECK(PinyinToneless("zheng1xin4") == "zhengxin");
  CHECK(PinyinToneless("Xī'ān") == "xian");
  CHECK(PinyinToneMarks("zheng1xin4") == "zhēngxìn");
}

TEST_CASE("Han characters are recognised", "[unicode]") {
  CHECK(ContainsHan("Zhengxin 征信"));
  CHECK_FALSE(ContainsHan("Zhengxin"));
}

TEST_CASE(
    "sentence starts are found in any bytes, where ill-formed UTF-8 threw",
    "[unicode]") {
  // The UTF-16 to UTF-8 offset map assumed three bytes per U+FFFD and ran
  // past the end of the text (std::out_of_range).
  CHECK(SentenceStarts("Ein Satz. Zwei.", "de") ==
        std::vector<std::size_t>{0, 10});
  // Each ill-formed sequence is one character, as CodePoints reads it: a
  // lone byte, a truncated sequence, an overlong form, a surrogate.
  CHECK(SentenceStarts("Ab\xFF. Cd\xC3. Ef\xE0\x80\xAF. Gh\xED\xA0\x80. Ij.",
                       "de") == std::vector<std::size_t>{0, 5, 10, 17, 24});
  CHECK(SentenceStarts("\xFF\xFE\xFD", "de") == std::vector<std::size_t>{0});
  CHECK(SentenceStarts("Satz.\xF0\x9F\x98 Noch.", "de") ==
        std::vector<std::size_t>{0, 5});
  CHECK(SentenceStarts("", "de") == std::vector<std::size_t>{0});
  // Every byte value between well-formed characters: offsets ascend, stay
  // in the text, and never fall inside a well-formed character.
  std::string bytes;
  std::vector<bool> inside;
  auto add = [&](std::string_view piece, bool well_formed) {
    for (std::size_t i = 0; i < piece.size(); ++i)
      inside.push_back(well_formed && i > 0);
    bytes += piece;
  };
  for (int i = 0; i < 256; ++i) {
    add("\xC3\x84", true);  // Ä
    add(std::string(1, static_cast<char>(i)), false);
    add(". ", false);
    add("\xE5\xBE\x81", true);  // 征
    add(". ", false);
  }
  std::vector<std::size_t> starts = SentenceStarts(bytes, "de");
  CHECK(starts.size() > 256);
  CHECK(starts.front() == 0);
  for (std::size_t i = 1; i < starts.size(); ++i) {
    INFO("start " << i << " at byte " << starts[i]);
    CHECK(starts[i - 1] < starts[i]);
    REQUIRE(starts[i] < bytes.size());
    CHECK_FALSE(inside[starts[i]]);
  }
}

TEST_CASE("display width counts wide characters twice", "[unicode]") {
  CHECK(DisplayWidth("abc") == 3);
  CHECK(DisplayWidth("a\tb\x7f~ ") == 4);  // controls take no column
  CHECK(DisplayWidth("征信") == 4);
  CHECK(DisplayWidth("Ｂ") == 2);
  CHECK(DisplayWidth("e\xCC\x81") == 1);  // e + combining acute
}

TEST_CASE("language tags are checked against ICU's languages", "[unicode]") {
  CHECK(IsKnownLanguageTag("de"));
  CHECK(IsKnownLanguageTag("en-US"));
  CHECK(IsKnownLanguageTag("EN"));
  CHECK(IsKnownLanguageTag("zh-Hans"));
  CHECK(IsKnownLanguageTag("zh-Latn-pinyin"));
  CHECK_FALSE(IsKnownLanguageTag("xx"));
  CHECK_FALSE(IsKnownLanguageTag("e n"));
  CHECK_FALSE(IsKnownLanguageTag(""));
  CHECK_FALSE(IsKnownLanguageTag("de-"));
}

TEST_CASE("German collation puts umlauts with their base letter", "[unicode]") {
  auto german = Collator::Create("de");
  CHECK(german->Less("Bonität", "Bürger"));
  CHECK(german->Less("Apfel", "Ärger"));
  CHECK(german->Less("Ärger", "Bär"));
  CHECK(german->SortKey("Bonität") < german->SortKey("Bürger"));
}

TEST_CASE("pinyin collation orders Chinese by reading", "[unicode]") {
  auto pinyin = Collator::Create("zh@collation=pinyin");
  CHECK(pinyin->Less("诚信", "征信"));      // chéngxìn < zhēngxìn
  CHECK(pinyin->Less("信息孤岛", "征信"));  // xìnxī < zhēngxìn
  auto english = Collator::Create("en");
  CHECK(english->Less("information islands", "Integrity"));
}

}  // namespace
}  // namespace glossa
