#include "core/annotate.h"

#include <catch2/catch.hpp>
#include <optional>
#include <sstream>
#include <streambuf>
#include <string>
#include <utility>
#include <vector>

#include "core/glossary.h"
#include "core/glossary_matcher.h"
#include "core/unicode.h"

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
    CHECK(outcome.error->message == "in.txt: invalid UTF-8 at byte offset 13");
    CHECK(outcome.error->started);
    CHECK(outcome.text == "[征信|zhengxin] ok ");
  }
  // A sequence cut short at the very end.
  Outcome cut = Annotate("征信\xE5\xBE", "UTF-8", 3);
  REQUIRE(cut.error);
  CHECK(cut.error->message == "in.txt: invalid UTF-8 at byte offset 6");
  CHECK(cut.text == "[征信|zhengxin]");
}

TEST_CASE("AnnotateStream stops at bytes GB18030 cannot decode", "[annotate]") {
  std::string gb18030, error;
  REQUIRE(EncodeFromUtf8("征信 ok ", "GB18030", &gb18030, &error));
  REQUIRE(gb18030.size() == 8);
  for (std::size_t chunk : {3, 1 << 20}) {
    INFO("chunks of " << chunk << " bytes");
    Outcome outcome = Annotate(gb18030 + "\xFF 征信", "GB18030", chunk);
    REQUIRE(outcome.error);
    CHECK(outcome.error->message ==
          "in.txt: cannot decode the input as GB18030: invalid bytes at byte "
          "offset 8");
    CHECK(outcome.error->started);
    CHECK(outcome.text == "[征信|zhengxin] ok ");
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

}  // namespace
}  // namespace glossa
