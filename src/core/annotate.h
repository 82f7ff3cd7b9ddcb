// Annotating text of any size in bounded memory: the text is read in
// stretches, cut where no term can span the cut (after punctuation no term
// contains, best at a blank line), matched and rendered on worker threads,
// and handed back in order: the matches are those one Matcher::Find over the
// whole text finds.
// AnnotateStream does the same for a byte stream in any charset: it reads,
// detects, decodes and reports bad input as a value.
//
//   class Printer : public AnnotationSink { ... };
//   Annotator annotator(matcher, printer);
//   while (read chunk) annotator.Write(chunk);   // UTF-8
//   annotator.Finish();
//
// Memory: the stretch being filled plus at most two stretches per worker in
// flight, whatever the size of the input. A stretch is about
// segment_bytes, longer where the text has no place to cut (at most
// max_stretch_bytes).

#ifndef GLOSSA_CORE_ANNOTATE_H_
#define GLOSSA_CORE_ANNOTATE_H_

#include <cstddef>
#include <deque>
#include <future>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/glossary_matcher.h"
#include "core/matcher.h"

namespace glossa {

// What an Annotator hands each stretch to: Render makes its output on a
// worker, Emit takes that output in the order of the text.
class AnnotationSink {
 public:
  virtual ~AnnotationSink() = default;
  // Renders a stretch of the text, `offset` bytes into the whole of it,
  // with the matches in it (offsets relative to `text`, nested_in relative
  // to `matches`), appending to `out`. Called on worker threads, for
  // several stretches at once and while Emit runs: must not change the
  // sink. The arguments are valid only during the call.
  virtual void Render(std::string_view text, std::size_t offset,
                      const std::vector<Matcher::Match>& matches,
                      std::string* out) const = 0;
  // Takes what Render made, once per stretch, in the order of the text, on
  // the thread that calls Annotator::Write, Wrote and Finish; `rendered` is
  // valid only during the call.
  virtual void Emit(std::string_view rendered) = 0;
};

// How an Annotator cuts, matches and checks.
struct AnnotatorOptions {
  // The size the annotator aims its stretches at.
  std::size_t segment_bytes = std::size_t{1} << 18;
  // Worker threads; 0 means one per core (at most 8), 1 means none: every
  // stretch is matched on the calling thread.
  unsigned threads = 0;
  // Check that the text is well-formed UTF-8 (on the workers, where it
  // costs no time of the thread that reads). At the first ill-formed byte
  // the annotation stops: what comes before it is emitted, nothing after,
  // and invalid_at() says where.
  bool check_utf8 = false;
  // How far a stretch grows when the text has no safe place to cut (no
  // punctuation that ends every match). Beyond it the text is cut after a
  // line break, a space or any character, and a match across that cut is
  // not found.
  std::size_t max_stretch_bytes = std::size_t{1} << 24;
};

// Annotates one text, fed to it piece by piece from one thread. Neither
// copyable nor movable: its workers point into it.
class Annotator {
 public:
  // Starts the workers. `matcher` and `sink` must outlive the Annotator;
  // both are used from every worker.
  Annotator(const GlossaryMatcher& matcher, AnnotationSink& sink,
            AnnotatorOptions options = {});
  // Stops the workers. Without Finish, what is still in flight is dropped:
  // Emit is not called again.
  ~Annotator();
  Annotator(const Annotator&) = delete;
  Annotator& operator=(const Annotator&) = delete;

  // Appends the next piece of the text (UTF-8; a piece may end inside a
  // character), and hands the sink the stretches that are done. An
  // exception from the sink comes out here or from Wrote or Finish.
  void Write(std::string_view utf8);
  // For a caller that makes the text itself (a decoder): append UTF-8 to
  // *Input(), then call Wrote(), which does what Write does with it. Saves
  // copying every byte once more. Append only; the string is the
  // Annotator's, valid until it is destroyed.
  std::string* Input() { return &buffer_; }
  void Wrote();
  // Matches what is left and emits everything still in flight, in order.
  // Call once, after the last piece.
  void Finish();

  // With check_utf8: the offset in the text of the first ill-formed byte
  // emitted so far (after Finish: in the whole text); nothing otherwise.
  std::optional<std::size_t> invalid_at() const { return invalid_at_; }
  // That byte's value.
  unsigned char invalid_byte() const { return invalid_byte_; }
  // The line and column (in characters, from 1) just after the text the
  // sink has been given: after Finish, where an ill-formed byte is, or
  // where a decoder that failed stopped.
  LineIndex::Position end() const;

  // A stretch of text on its way through: its matches and rendering.
  // Stretches are recycled, strings and all, so that after the first few
  // no memory is allocated. Public only for the workers.
  struct Stretch {
    std::string text;
    std::size_t offset = 0;  // in the whole text
    std::vector<Matcher::Match> matches;
    std::string rendered;
    std::optional<std::size_t> invalid;  // in `text`; the text ends there
    unsigned char invalid_byte = 0;
    std::size_t newlines = 0;  // in `text`
    // Characters after the last newline of `text`, or in all of it.
    std::size_t last_line = 0;
  };

 private:
  class Pool;
  void Cut(std::size_t length);
  void EmitOldest();
  void Emit(Stretch& done);

  const GlossaryMatcher& matcher_;
  AnnotationSink& sink_;
  AnnotatorOptions options_;
  std::unique_ptr<Matcher::Scratch> scratch_;  // when there are no workers
  std::unique_ptr<Pool> pool_;
  std::deque<std::future<Stretch>> pending_;  // in the order of the text
  std::vector<Stretch> spare_;                // done with, to be reused
  std::string buffer_;  // text not yet cut into stretches, from start_
  std::size_t start_ = 0;
  std::size_t window_;      // how much of buffer_ to look for a cut in
  std::size_t offset_ = 0;  // of the next stretch in the whole text
  std::optional<std::size_t> invalid_at_;
  unsigned char invalid_byte_ = 0;
  std::size_t line_ = 1;    // of end()
  std::size_t column_ = 1;  // of end()
};

// How AnnotateStream reads its input.
struct AnnotateStreamOptions {
  // The input's name in messages: a path, or "<stdin>".
  std::string name;
  // The input's charset, any name ICU knows; empty: detected from the first
  // chunk (DetectCharset).
  std::string encoding;
  // As AnnotatorOptions::threads.
  unsigned threads = 0;
  // How much is read at a time.
  std::size_t chunk_bytes = std::size_t{1} << 20;
  // As AnnotatorOptions::segment_bytes. A sink whose output is many times
  // its text (annotate --dict --json writes about 26 bytes per byte of
  // Chinese) asks for smaller stretches: the stretches in flight hold that
  // output, and peak memory grows with it.
  std::size_t segment_bytes = AnnotatorOptions{}.segment_bytes;
};

// Why AnnotateStream stopped before the end of its input.
struct AnnotateStreamError {
  // Where in the input, when the problem is at a place in it (bytes that
  // do not decode): the input's name, line and column (in characters).
  // line 0: not at a place.
  Location location;
  // The message: with a location, what is there ("invalid UTF-8 at byte
  // offset 10 (0xFF)"); without, the whole message, naming the input where
  // it is about it ("<stdin>: the input is empty", "unknown encoding 'x'").
  std::string message;
  // True when the problem came while annotating (a read failure, bytes that
  // do not decode): the text before it has gone to the sink, and an output
  // may be completed. False when nothing could be annotated (an empty
  // input, an unknown or undetectable charset).
  bool started = false;
};

// Reads `in` to its end in chunks, decodes it to UTF-8 from its charset
// (given or detected, a byte order mark dropped), and annotates it with an
// Annotator on `matcher` and `sink`. Returns nothing when the whole input
// was annotated; else the first problem, with what came before it emitted
// and nothing after. Byte offsets in messages are the stream's. Prints
// nothing.
//
//   AnnotateStreamOptions options;
//   options.name = "report.txt";
//   if (std::optional<AnnotateStreamError> error =
//           AnnotateStream(file, options, matcher, printer)) {
//     std::cerr << FormatAnnotateStreamError(*error) << '\n';
//   }
std::optional<AnnotateStreamError> AnnotateStream(
    std::istream& in, const AnnotateStreamOptions& options,
    const GlossaryMatcher& matcher, AnnotationSink& sink);

// The line to print: "in.txt:3:7: error: invalid UTF-8 at byte offset 20
// (0xFF)" (as every reader of glossa reports a place in a file), or
// "glossa: error: <stdin>: the input is empty".
std::string FormatAnnotateStreamError(const AnnotateStreamError& error);

}  // namespace glossa

#endif  // GLOSSA_CORE_ANNOTATE_H_
