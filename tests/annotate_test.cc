#include "core/annotate.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <streambuf>
#include <string>
#include <utility>
#include <vector>

#include "core/glossary.h"
#include "core/glossary_matcher.h"
#include "core/unicode.h"
#include "test_support.h"

namespace glossa {
namespace {

// Two entries, made here: 征信 and 社会信用体系.
const GlossaryMatcher& TwoEntries() {
  static const Glossary* glossary = [] {
    auto* g = new Glossary();
    for (auto [id, form] : {std::pair{"zhengxin", "征信"},
                            std::pair{"shehui-xinyong-tixi", "社会信用体系"}}) {
      Term term;
      term.text = form;
      LangSection section;
      section.lang = "zh-Hans";
      section.terms.push_back(term);
      Concept entry;
      entry.id = id;
      entry.languages.push_back(section);
      g->concepts.push_back(entry);
    }
    return g;
  }();
  static const GlossaryMatcher* matcher = new GlossaryMatcher(*glossary);
  return *matcher;
}

// The text with each top-level match as [surface|entry-id].
class Marked : public AnnotationSink {
 public:
  void Render(std::string_view text, std::size_t,
              const std::vector<Matcher::Match>& matches,
              std::string* out) const override {
    std::size_t at = 0;
    for (const Matcher::Match& match : matches) {
      if (match.nested_in >= 0) continue;
      out->append(text.substr(at, match.begin - at));
      out->append("[");
      out->append(text.substr(match.begin, match.end - match.begin));
      out->append("|");
      out->append(TwoEntries().glossary().concepts[match.entry].id);
      out->append("]");
      at = match.end;
    }
    out->append(text.substr(at));
  }
  void Emit(std::string_view rendered) override { text.append(rendered); }

  std::string text;
};

struct Outcome {
  std::string text;  // what the sink was given
  std::optional<AnnotateStreamError> error;
};

Outcome Annotate(std::istream& in, const std::string& encoding = "",
                 std::size_t chunk_bytes = std::size_t{1} << 20) {
  AnnotateStreamOptions options;
  options.name = "in.txt";
  options.encoding = encoding;
  options.chunk_bytes = chunk_bytes;
  options.threads = 1;
  Marked sink;
  Outcome outcome;
  outcome.error = AnnotateStream(in, options, TwoEntries(), sink);
  outcome.text = sink.text;
  return outcome;
}

Outcome Annotate(const std::string& bytes, const std::string& encoding = "",
                 std::size_t chunk_bytes = std::size_t{1} << 20) {
  std::istringstream in(bytes);
  return Annotate(in, encoding, chunk_bytes);
}

TEST_CASE("AnnotateStream finds terms whose characters chunks split",
          "[annotate]") {
  const std::string text = "Das 社会信用体\n\n系 und 征信.";
  const std::string marked =
      "Das [社会信用体\n\n系|shehui-xinyong-tixi] und [征信|zhengxin].";
  std::string gb18030, error;
  REQUIRE(EncodeFromUtf8(text, "GB18030", &gb18030, &error));
  for (std::size_t chunk : {1, 2, 3, 5, 7}) {
    INFO("chunks of " << chunk << " bytes");
    Outcome utf8 = Annotate(text, "", chunk);
    CHECK(!utf8.error);
    CHECK(utf8.text == marked);
    Outcome bom = Annotate("\xEF\xBB\xBF" + text, "", chunk);
    CHECK(!bom.error);
    CHECK(bom.text == marked);
    Outcome gb = Annotate(gb18030, "GB18030", chunk);
    CHECK(!gb.error);
    CHECK(gb.text == marked);
  }
}

TEST_CASE("AnnotateStream refuses an empty input and annotates nothing",
          "[annotate]") {
  Outcome outcome = Annotate("");
  REQUIRE(outcome.error);
  CHECK(outcome.error->message == "in.txt: the input is empty");
  CHECK(!outcome.error->started);
  CHECK(outcome.text == "");
}

TEST_CASE("AnnotateStream names an unknown encoding without the input's name",
          "[annotate]") {
  Outcome outcome = Annotate("征信", "klingon-8");
  REQUIRE(outcome.error);
  CHECK(outcome.error->message == "unknown encoding 'klingon-8'");
  CHECK(!outcome.error->started);
  CHECK(outcome.text == "");
}

TEST_CASE(
    "AnnotateStream stops at invalid UTF-8, naming its offset in the stream",
    "[annotate]") {
  // The offset counts the byte order mark (3 + 6 + 4 bytes before the bad
  // one); chunks of 4 bytes split 征.
  for (std::size_t chunk : {4, 1 << 20}) {
    INFO("chunks of " << chunk << " bytes");
    Outcome outcome = Annotate("\xEF\xBB\xBF征信 ok \xFF 征信", "", chunk);
    REQUIRE(outcome.error);
    CHECK(FormatAnnotateStreamError(*outcome.error) ==
          "in.txt:1:7: error: invalid UTF-8 at byte offset 13 (0xFF)");
    CHECK(outcome.error->started);
    CHECK(outcome.text == "[征信|zhengxin] ok ");
  }
  // A sequence cut short at the very end.
  Outcome cut = Annotate("征信\xE5\xBE", "UTF-8", 3);
  REQUIRE(cut.error);
  CHECK(FormatAnnotateStreamError(*cut.error) ==
        "in.txt:1:3: error: invalid UTF-8 at byte offset 6 (0xE5)");
  CHECK(cut.text == "[征信|zhengxin]");
}

TEST_CASE(
    "AnnotateStream places a bad byte by line and column across stretches",
    "[annotate]") {
  // 40 lines of 3 + 2 characters (征信 is two), then the bad byte as the
  // fourth character of line 41; stretches of a few bytes, on workers, so
  // that the count goes over many of them and their lines.
  std::string text;
  for (int i = 0; i < 40; ++i) text += "ab 征信\n";
  text += "xy \xFF 征信\n";
  for (unsigned threads : {1u, 2u}) {
    INFO(threads << " threads");
    AnnotateStreamOptions options;
    options.name = "in.txt";
    options.threads = threads;
    options.segment_bytes = 8;
    options.chunk_bytes = 5;
    std::istringstream in(text);
    Marked sink;
    std::optional<AnnotateStreamError> error =
        AnnotateStream(in, options, TwoEntries(), sink);
    REQUIRE(error);
    CHECK(FormatAnnotateStreamError(*error) ==
          "in.txt:41:4: error: invalid UTF-8 at byte offset 403 (0xFF)");
    CHECK(std::count(sink.text.begin(), sink.text.end(), '\n') == 40);
  }
  // A line without a newline before the bad byte, from the first character.
  Outcome first = Annotate("\xFF", "UTF-8");
  REQUIRE(first.error);
  CHECK(FormatAnnotateStreamError(*first.error) ==
        "in.txt:1:1: error: invalid UTF-8 at byte offset 0 (0xFF)");
}

TEST_CASE("AnnotateStream stops at bytes GB18030 cannot decode", "[annotate]") {
  std::string gb18030, error;
  REQUIRE(EncodeFromUtf8("征信 ok ", "GB18030", &gb18030, &error));
  REQUIRE(gb18030.size() == 8);
  for (std::size_t chunk : {3, 1 << 20}) {
    INFO("chunks of " << chunk << " bytes");
    Outcome outcome = Annotate(gb18030 + "\xFF 征信", "GB18030", chunk);
    REQUIRE(outcome.error);
    CHECK(FormatAnnotateStreamError(*outcome.error) ==
          "in.txt:1:7: error: cannot decode the input as GB18030: invalid "
          "bytes at byte offset 8");
    CHECK(outcome.error->started);
    CHECK(outcome.text == "[征信|zhengxin] ok ");
  }
}

TEST_CASE(
    "AnnotateStream drops a UTF-16 byte order mark also when the bytes after "
    "it do not decode",
    "[annotate]") {
  // Detected by its mark; "X " and half a surrogate pair. The mark is not
  // text: it was given to the sink, and counted as a column.
  Outcome outcome = Annotate(std::string("\xFF\xFEX\0 \0\0\xD8", 8));
  REQUIRE(outcome.error);
  CHECK(FormatAnnotateStreamError(*outcome.error) ==
        "in.txt:1:3: error: cannot decode the input as UTF-16LE: invalid "
        "bytes at byte offset 6");
  CHECK(outcome.text == "X ");
}

// Marks as Marked does, and throws for every stretch from byte 1000 on, as
// a lazily decoded cache entry that turns out damaged does
// (DamagedCacheFile), on whichever worker renders it.
class ThrowsLate : public Marked {
 public:
  void Render(std::string_view text, std::size_t offset,
              const std::vector<Matcher::Match>& matches,
              std::string* out) const override {
    if (offset >= 1000) throw std::runtime_error("entry zhengxin is damaged");
    Marked::Render(text, offset, matches, out);
  }
};

TEST_CASE(
    "what a sink throws on a worker comes out of the annotator on the "
    "writing thread with what came before emitted",
    "[annotate]") {
  std::string text;
  for (int i = 0; i < 200; ++i) text += "Das 征信.\n\n";  // 14 bytes
  Marked whole;
  {
    Annotator annotator(TwoEntries(), whole, {64, 1});
    annotator.Write(text);
    annotator.Finish();
  }
  for (unsigned threads : {1u, 2u, 4u}) {
    INFO(threads << " threads");
    ThrowsLate sink;
    std::string message;
    try {
      Annotator annotator(TwoEntries(), sink, {64, threads});
      annotator.Write(text);
      annotator.Finish();
    } catch (const std::runtime_error& error) {
      message = error.what();
    }
    CHECK(message == "entry zhengxin is damaged");
    // Every stretch before byte 1000, in order, and none after.
    CHECK(!sink.text.empty());
    CHECK(whole.text.compare(0, sink.text.size(), sink.text) == 0);
    CHECK(sink.text.size() < whole.text.size() * 1000 / text.size() + 100);
  }
}

// Gives `good` bytes, then fails as a disk might.
class FailingBuffer : public std::streambuf {
 public:
  explicit FailingBuffer(std::string good) : good_(std::move(good)) {
    setg(good_.data(), good_.data(), good_.data() + good_.size());
  }

 protected:
  int_type underflow() override { throw std::ios_base::failure("EIO"); }

 private:
  std::string good_;
};

TEST_CASE("AnnotateStream reports a failed read after what it read before",
          "[annotate]") {
  FailingBuffer buffer("征信 ok\n");  // two chunks of 5 bytes
  std::istream in(&buffer);
  Outcome outcome = Annotate(in, "", 5);
  REQUIRE(outcome.error);
  CHECK(outcome.error->message == "in.txt: a read failed");
  CHECK(outcome.error->started);
  CHECK(outcome.text == "[征信|zhengxin] ok\n");
}

// Every match as "begin-end entry/form", with " in begin-end" for one
// nested in another; offsets in the whole text.
std::vector<std::string> Describe(const std::vector<Matcher::Match>& matches,
                                  std::size_t offset) {
  std::vector<std::string> out;
  auto span = [&](const Matcher::Match& m) {
    return std::to_string(offset + m.begin) + "-" +
           std::to_string(offset + m.end);
  };
  for (const Matcher::Match& m : matches) {
    out.push_back(span(m) + " " + std::to_string(m.entry) + "/" +
                  std::to_string(m.form));
    if (m.nested_in >= 0)
      out.back() +=
          " in " + span(matches[static_cast<std::size_t>(m.nested_in)]);
  }
  return out;
}

// What one Find over the whole text finds.
std::vector<std::string> FoundAtOnce(const GlossaryMatcher& matcher,
                                     std::string_view text) {
  return Describe(matcher.matcher().Find(text, *matcher.NewScratch()), 0);
}

// Records the text an annotator hands over and its matches (Describe), and
// how many stretches it was cut into. A rendered stretch is its matches, a
// line each, then a NUL, then its text (the tests' texts have no NUL).
class Recorded : public AnnotationSink {
 public:
  void Render(std::string_view text, std::size_t offset,
              const std::vector<Matcher::Match>& matches,
              std::string* out) const override {
    for (const std::string& line : Describe(matches, offset))
      out->append(line + "\n");
    out->push_back('\0');
    out->append(text);
  }
  void Emit(std::string_view rendered) override {
    std::size_t nul = rendered.find('\0');
    std::istringstream lines{std::string(rendered.substr(0, nul))};
    for (std::string line; std::getline(lines, line);) found.push_back(line);
    text.append(rendered.substr(nul + 1));
    ++stretches;
  }

  std::string text;
  std::vector<std::string> found;
  int stretches = 0;
};

struct Pieces {
  std::size_t segment;
  std::size_t piece;
  unsigned threads;
};

Recorded AnnotateInPieces(const GlossaryMatcher& matcher, std::string_view text,
                          Pieces pieces,
                          std::optional<std::size_t>* invalid_at = nullptr,
                          std::size_t max_stretch = std::size_t{1} << 24) {
  Recorded recorded;
  AnnotatorOptions options;
  options.segment_bytes = pieces.segment;
  options.threads = pieces.threads;
  options.check_utf8 = true;
  options.max_stretch_bytes = max_stretch;
  Annotator annotator(matcher, recorded, options);
  for (std::size_t at = 0; at < text.size(); at += pieces.piece)
    annotator.Write(text.substr(at, pieces.piece));
  annotator.Finish();
  if (invalid_at != nullptr) *invalid_at = annotator.invalid_at();
  return recorded;
}

const GlossaryMatcher& BuiltInMatcher() {
  return testing::BuiltIn().index->matcher();
}

TEST_CASE(
    "stretches and pieces that cut inside every byte of multi-byte "
    "characters find what one Find finds, the text whole and well-formed",
    "[annotate]") {
  // Characters of two, three and four bytes, terms of the built-in glossary
  // with and without punctuation around them, a web address.
  const std::string text =
      "Die gesellschaftliche Bonität (社会信用体系) prüft 征信 – 😀 Straße.\n"
      "社会信用体系征信信用信息 Dateninseln😀😀社会信用体\n\n系。"
      "http://例子。社会信用体系 schwarze Listen, 诚信";
  const std::vector<std::string> whole = FoundAtOnce(BuiltInMatcher(), text);
  REQUIRE(whole.size() >= 8);
  for (std::size_t segment = 1; segment <= 12; ++segment) {
    for (std::size_t piece = 1; piece <= 5; ++piece) {
      INFO("stretches of " << segment << ", pieces of " << piece << " bytes");
      std::optional<std::size_t> invalid_at;
      Recorded recorded =
          AnnotateInPieces(BuiltInMatcher(), text,
                           {segment, piece, piece == 5 ? 2u : 1u}, &invalid_at);
      CHECK(invalid_at == std::nullopt);
      CHECK(recorded.text == text);
      CHECK(recorded.found == whole);
      CHECK(recorded.stretches >= 3);
    }
  }
}

TEST_CASE(
    "a term is found once, whole, where text without punctuation would be "
    "cut into stretches",
    "[annotate]") {
  std::string text;
  for (int i = 0; i < 50; ++i) text += i % 2 ? "社会信用体系" : "征信 \n";
  const std::vector<std::string> whole = FoundAtOnce(TwoEntries(), text);
  REQUIRE(whole.size() == 50);
  for (std::size_t segment : {1, 2, 3, 7, 16}) {
    INFO("stretches of " << segment << " bytes");
    Recorded recorded = AnnotateInPieces(TwoEntries(), text, {segment, 5, 1});
    CHECK(recorded.text == text);
    CHECK(recorded.found == whole);
  }
}

TEST_CASE(
    "a text with no place to cut is cut at max_stretch_bytes and comes out "
    "whole",
    "[annotate]") {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "社会信用体系";
  Recorded recorded =
      AnnotateInPieces(TwoEntries(), text, {8, 100, 1}, nullptr, 64);
  CHECK(recorded.text == text);
  // 1800 bytes: 28 stretches of 63 (21 characters), then the last 36.
  CHECK(recorded.stretches == 29);
}

TEST_CASE(
    "ill-formed UTF-8 is reported at its first byte however stretches and "
    "pieces cut the text",
    "[annotate]") {
  const std::string text = "征信 ok \xE5\xBE 征信";
  for (std::size_t segment = 1; segment <= 6; ++segment) {
    for (std::size_t piece = 1; piece <= 4; ++piece) {
      INFO("stretches of " << segment << ", pieces of " << piece << " bytes");
      std::optional<std::size_t> invalid_at;
      Recorded recorded = AnnotateInPieces(TwoEntries(), text,
                                           {segment, piece, 1}, &invalid_at);
      CHECK(invalid_at == std::optional<std::size_t>(10));
      CHECK(recorded.text == "征信 ok ");
      CHECK(recorded.found == std::vector<std::string>{"0-6 0/0"});
    }
  }
}

// `text` repeated to more than `size` bytes, with spaces before it so that
// a character of several bytes begins at byte `at` - 1: the annotator's
// first window (2 x 256 KiB) ends inside it.
std::string RepeatedAcross(const std::string& text, std::size_t size,
                           std::size_t at) {
  std::string repeated;
  while (repeated.size() <= size) repeated += text;
  std::size_t lead = at - 1;
  while ((static_cast<unsigned char>(repeated[lead]) & 0xC0) != 0xC0) --lead;
  return std::string(at - 1 - lead, ' ') + repeated;
}

// The text as `glossa annotate` writes it to a file: each top-level match
// as [[surface|entry-id]].
std::string MarkedAsCliDoes(const GlossaryMatcher& matcher,
                            std::string_view text) {
  std::string out;
  std::size_t at = 0;
  for (const Matcher::Match& m :
       matcher.matcher().Find(text, *matcher.NewScratch())) {
    if (m.nested_in >= 0 || m.begin < at) continue;
    out.append(text.substr(at, m.begin - at));
    out += "[[" + std::string(text.substr(m.begin, m.end - m.begin)) + "|" +
           matcher.glossary().concepts[static_cast<std::size_t>(m.entry)].id +
           "]]";
    at = m.end;
  }
  out.append(text.substr(at));
  return out;
}

void CheckAnnotatesAsFindDoes(const std::string& text) {
  std::string path = testing::MakeTempDir() + "/long.txt";
  std::ofstream(path, std::ios::binary) << text;
  testing::RunResult result = testing::RunGlossa({"annotate", path});
  CHECK(result.status == 0);
  CHECK(result.err == "");
  CHECK(result.out == MarkedAsCliDoes(BuiltInMatcher(), text));
}

TEST_CASE(
    "glossa annotate marks a Chinese law text of 800 KB without line breaks "
    "as one Find does (it read valid text as invalid UTF-8 at offset 524287)",
    "[annotate]") {
  std::string law =
      testing::ReadShared("data/zh/shanghai-shehui-xinyong-tiaoli_2017.md");
  std::erase(law, '\n');
  std::string text = RepeatedAcross(law, 800'000, std::size_t{1} << 19);
  REQUIRE(text.size() > 800'000);
  REQUIRE(FoundAtOnce(BuiltInMatcher(), text).size() > 1000);
  CheckAnnotatesAsFindDoes(text);
}

TEST_CASE(
    "glossa annotate marks a German text of 800 KB without blank lines as "
    "one Find does",
    "[annotate]") {
  std::string report = testing::ReadShared("seed/000_7d62b1a0f379215d.txt");
  std::replace(report.begin(), report.end(), '\n', ' ');
  std::string text = RepeatedAcross(report, 800'000, std::size_t{1} << 19);
  REQUIRE(text.find("\n\n") == std::string::npos);
  REQUIRE(static_cast<unsigned char>(text[(1 << 19) - 1]) >= 0xC0);
  CheckAnnotatesAsFindDoes(text);
}

}  // namespace
}  // namespace glossa
