// The streaming annotator, in stretches and pieces of sizes the input
// chooses. Invariants: well-formed UTF-8 is never reported ill-formed (and
// ill-formed UTF-8 is reported at its first bad byte), the text comes out
// whole, and the matches are those of one Matcher::Find over the whole text.
//
// The first three bytes choose; the rest is the text:
//   byte 0  the stretch size, 1 + b*b/16 bytes (1 to 4065)
//   byte 1  the size of the pieces written, 1 + (b & 127); bit 7: 2 threads
//   byte 2  bit 0: a small glossary of forms with punctuation instead of
//           the built-in one; bit 1: through AnnotateStream (UTF-8, pieces
//           as read chunks) instead of Annotator::Write; with bit 1, bit 2:
//           the charset detected, not given (then only: no crash)

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "built_in.h"
#include "core/annotate.h"
#include "core/glossary.h"
#include "core/glossary_matcher.h"
#include "core/unicode.h"

namespace {

using glossa::Matcher;

// Entry, form, global begin and end, and the global index of the match it is
// nested in (-1: none).
using Found = std::tuple<int, int, std::size_t, std::size_t, int>;

// Hands each stretch's text and matches through Render's string as raw
// bytes, and takes them apart in Emit.
class Recorder : public glossa::AnnotationSink {
 public:
  void Render(std::string_view text, std::size_t offset,
              const std::vector<Matcher::Match>& matches,
              std::string* out) const override {
    Append(out, text.size());
    out->append(text);
    for (const Matcher::Match& m : matches) {
      Found found{m.entry, m.form, offset + m.begin, offset + m.end,
                  m.nested_in};
      Append(out, found);
    }
  }
  void Emit(std::string_view rendered) override {
    std::size_t length = Take<std::size_t>(&rendered);
    text.append(rendered.substr(0, length));
    rendered.remove_prefix(length);
    int first = static_cast<int>(matches.size());
    while (!rendered.empty()) {
      Found found = Take<Found>(&rendered);
      if (std::get<4>(found) >= 0) std::get<4>(found) += first;
      matches.push_back(found);
    }
  }

  std::string text;
  std::vector<Found> matches;

 private:
  template <typename T>
  static void Append(std::string* out, const T& value) {
    out->append(reinterpret_cast<const char*>(&value), sizeof value);
  }
  template <typename T>
  static T Take(std::string_view* in) {
    T value;
    std::memcpy(&value, in->data(), sizeof value);
    in->remove_prefix(sizeof value);
    return value;
  }
};

// Forms with punctuation in them, so that fewer places are safe cuts.
glossa::Glossary Punctuated() {
  glossa::Glossary glossary;
  const char* forms[][2] = {{"zh-Hans", "社会信用体系"},
                            {"zh-Hans", "信用"},
                            {"zh-Hans", "征信，"},
                            {"de", "z.B. Daten"},
                            {"de", "Sesame-Credit"},
                            {"en", "U.S. credit"},
                            {"en", "credit"}};
  for (const auto& [lang, form] : forms) {
    glossa::Concept entry;
    entry.id = "e" + std::to_string(glossary.concepts.size());
    entry.languages.emplace_back();
    entry.languages.back().lang = lang;
    entry.languages.back().terms.emplace_back();
    entry.languages.back().terms.back().text = form;
    glossary.concepts.push_back(entry);
  }
  return glossary;
}

const glossa::GlossaryMatcher* matchers[2];

void Fail(const char* what) {
  std::fprintf(stderr, "annotate: %s\n", what);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  matchers[0] = new glossa::GlossaryMatcher(glossa::fuzz::BuiltInGlossary());
  matchers[1] =
      new glossa::GlossaryMatcher(*new glossa::Glossary(Punctuated()));
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  if (size < 3) return 0;
  std::size_t segment = 1 + std::size_t{data[0]} * data[0] / 16;
  std::size_t piece = 1 + (data[1] & 127);
  unsigned threads = data[1] & 128 ? 2 : 1;
  const glossa::GlossaryMatcher& matcher = *matchers[data[2] & 1];
  bool stream = data[2] & 2;
  bool detect = data[2] & 4;
  std::string_view text(reinterpret_cast<const char*>(data) + 3, size - 3);

  Recorder recorder;
  std::optional<std::size_t> invalid;
  if (stream) {
    if (text.empty()) return 0;  // refused as empty, tested elsewhere
    glossa::AnnotateStreamOptions options;
    options.name = "in.txt";
    options.encoding = detect ? "" : "UTF-8";
    options.threads = threads;
    options.chunk_bytes = piece;
    std::istringstream in{std::string(text)};
    std::optional<glossa::AnnotateStreamError> error =
        glossa::AnnotateStream(in, options, matcher, recorder);
    if (detect) return 0;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    invalid = glossa::FindInvalidUtf8(text);
    // The line and column the annotator counted stretch by stretch are
    // those LineIndex finds in the whole text.
    std::string expected;
    if (invalid) {
      glossa::LineIndex::Position at = glossa::LineIndex(text).At(*invalid);
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X",
                    static_cast<unsigned char>(text[*invalid]));
      expected = "in.txt:" + std::to_string(at.line) + ":" +
                 std::to_string(at.column) +
                 ": error: invalid UTF-8 at byte offset " +
                 std::to_string(*invalid + (size - 3 - text.size())) + " (" +
                 hex + ")";
    }
    std::string reported =
        error ? glossa::FormatAnnotateStreamError(*error) : "";
    if (reported != expected)
      Fail(("the stream reports \"" + reported + "\", not \"" + expected + "\"")
               .c_str());
  } else {
    glossa::AnnotatorOptions options;
    options.segment_bytes = segment;
    options.threads = threads;
    options.check_utf8 = true;
    glossa::Annotator annotator(matcher, recorder, options);
    for (std::size_t at = 0; at < text.size(); at += piece)
      annotator.Write(text.substr(at, piece));
    annotator.Finish();
    invalid = glossa::FindInvalidUtf8(text);
    if (annotator.invalid_at() != invalid)
      Fail(invalid ? "ill-formed UTF-8 reported at another offset"
                   : "well-formed UTF-8 reported ill-formed");
  }

  std::string_view good = text.substr(0, invalid.value_or(text.size()));
  if (recorder.text != good) Fail("the text does not come out as it went in");
  std::vector<Found> whole;
  for (const Matcher::Match& m :
       matcher.matcher().Find(good, *matcher.NewScratch())) {
    whole.emplace_back(m.entry, m.form, m.begin, m.end, m.nested_in);
  }
  if (recorder.matches != whole)
    Fail("the matches differ from those of one Find over the whole text");
  return 0;
}
