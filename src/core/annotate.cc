#include "core/annotate.h"

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <functional>
#include <future>
#include <istream>
#include <limits>
#include <mutex>
#include <thread>
#include <utility>

#include "core/unicode.h"

#if defined(__SSE2__) && defined(__x86_64__)
#include <emmintrin.h>
#endif

namespace glossa {

namespace {

// Counts the newlines of a stretch's text and the characters after the
// last, so that the annotator knows the line and column where the text
// stops (a place for its messages) without a pass of its own thread.
// Sixteen bytes at a time: a byte at a time it was a tenth of annotating
// German on one thread (perf record, the report repeated to 30 MB), for a
// figure only an error message uses; now half a percent.
void CountLines(Annotator::Stretch* stretch) {
  const std::string& text = stretch->text;
  std::size_t newlines = 0;
  std::size_t i = 0;
#if defined(__SSE2__) && defined(__x86_64__)
  // Each byte of `counts` counts the newlines in its lane, for up to 255
  // blocks; then the lanes are summed (no popcount: without -mpopcnt it is
  // a call per block, 1.4% of the time).
  const __m128i newline = _mm_set1_epi8('\n');
  while (text.size() - i >= 16) {
    const std::size_t blocks =
        std::min<std::size_t>((text.size() - i) / 16, 255);
    __m128i counts = _mm_setzero_si128();
    for (std::size_t b = 0; b < blocks; ++b, i += 16) {
      const __m128i bytes =
          _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
      counts = _mm_sub_epi8(counts, _mm_cmpeq_epi8(bytes, newline));
    }
    const __m128i sums = _mm_sad_epu8(counts, _mm_setzero_si128());
    newlines += static_cast<std::size_t>(_mm_cvtsi128_si64(sums)) +
                static_cast<std::size_t>(_mm_extract_epi16(sums, 4));
  }
#endif
  for (; i < text.size(); ++i) newlines += text[i] == '\n';
  const std::size_t last = text.rfind('\n');  // the last line starts after
  std::size_t characters = 0;
  for (std::size_t k = last == std::string::npos ? 0 : last + 1;
       k < text.size(); ++k)
    characters += (static_cast<unsigned char>(text[k]) & 0xC0) != 0x80;
  stretch->newlines = newlines;
  stretch->last_line = characters;
}

// Checks, matches and renders one stretch.
void Process(const GlossaryMatcher& matcher, const AnnotationSink& sink,
             bool check_utf8, Matcher::Scratch& scratch,
             Annotator::Stretch* stretch) {
  stretch->invalid.reset();
  if (check_utf8) {
    stretch->invalid = FindInvalidUtf8(stretch->text);
    if (stretch->invalid) {
      stretch->invalid_byte =
          static_cast<unsigned char>(stretch->text[*stretch->invalid]);
      stretch->text.resize(*stretch->invalid);
    }
  }
  CountLines(stretch);
  matcher.matcher().Find(stretch->text, scratch, &stretch->matches);
  stretch->rendered.clear();
  // Room for the text and a line per match, so the string seldom moves.
  stretch->rendered.reserve(stretch->text.size() +
                            64 * stretch->matches.size());
  sink.Render(stretch->text, stretch->offset, stretch->matches,
              &stretch->rendered);
}

}  // namespace

// Workers, each with its own scratch, taking stretches in order from a
// queue; the results come back as futures, kept in the order of the text.
class Annotator::Pool {
 public:
  Pool(const GlossaryMatcher& matcher, const AnnotationSink& sink,
       bool check_utf8, unsigned threads)
      : matcher_(matcher), sink_(sink), check_utf8_(check_utf8) {
    for (unsigned i = 0; i < threads; ++i)
      workers_.emplace_back([this] { Work(); });
  }

  ~Pool() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    ready_.notify_all();
    for (std::thread& worker : workers_) worker.join();
  }

  std::future<Stretch> Submit(Stretch stretch) {
    Task task([this, stretch = std::move(stretch)](
                  Matcher::Scratch& scratch) mutable {
      Process(matcher_, sink_, check_utf8_, scratch, &stretch);
      return std::move(stretch);
    });
    std::future<Stretch> result = task.get_future();
    {
      std::lock_guard<std::mutex> lock(mutex_);
      tasks_.push_back(std::move(task));
    }
    ready_.notify_one();
    return result;
  }

  std::size_t size() const { return workers_.size(); }

 private:
  using Task = std::packaged_task<Stretch(Matcher::Scratch&)>;

  void Work() {
    std::unique_ptr<Matcher::Scratch> scratch = matcher_.matcher().NewScratch();
    for (;;) {
      Task task;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        ready_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
        if (stopping_) return;  // what is left is no longer wanted
        task = std::move(tasks_.front());
        tasks_.pop_front();
      }
      task(*scratch);
    }
  }

  const GlossaryMatcher& matcher_;
  const AnnotationSink& sink_;
  bool check_utf8_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Task> tasks_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

Annotator::Annotator(const GlossaryMatcher& matcher, AnnotationSink& sink,
                     AnnotatorOptions options)
    : matcher_(matcher),
      sink_(sink),
      options_(options),
      window_(2 * std::max<std::size_t>(options.segment_bytes, 1)) {
  unsigned threads = options_.threads;
  if (threads == 0)
    threads = std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
  if (threads > 1) {
    pool_ =
        std::make_unique<Pool>(matcher_, sink_, options_.check_utf8, threads);
  } else {
    scratch_ = matcher_.matcher().NewScratch();
  }
}

Annotator::~Annotator() = default;

void Annotator::Write(std::string_view utf8) {
  buffer_.append(utf8);
  Wrote();
}

namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

bool IsAsciiSpace(char c) { return IsBlank(c) || c == '\n'; }

// The code point that ends just before text[end] (0 if none or ill-formed).
char32_t PreviousCharacter(std::string_view text, std::size_t end) {
  std::size_t begin = end;
  while (begin > 0 && end - begin < 4) {
    --begin;
    if ((static_cast<unsigned char>(text[begin]) & 0xC0) != 0x80) break;
  }
  std::u32string code_points = CodePoints(text.substr(begin, end - begin));
  return code_points.size() == 1 ? code_points[0] : 0;
}

// The length of `text` without the multi-byte character its last bytes
// begin, if they do not complete it: where the text may be cut when what
// follows is not known yet.
std::size_t WithoutCutCharacter(std::string_view text) {
  std::size_t size = text.size();
  for (std::size_t back = 1; back <= std::min<std::size_t>(size, 3); ++back) {
    auto byte = static_cast<unsigned char>(text[size - back]);
    if ((byte & 0xC0) == 0x80) continue;  // a continuation byte
    std::size_t length = byte >= 0xF0   ? 4
                         : byte >= 0xE0 ? 3
                         : byte >= 0xC0 ? 2
                                        : 1;
    return length > back ? size - back : size;
  }
  return size;
}

// Where the web address that `at` lies in starts, if it lies in one: a cut
// there would match the rest of an address the whole text skips. `window`
// starts outside any address.
std::optional<std::size_t> UrlAround(std::string_view window, std::size_t at) {
  for (std::size_t i = at; i-- > 0;) {
    if (IsAsciiSpace(window[i])) return std::nullopt;
    if (StartsWebAddress(window, i)) return i;
  }
  return std::nullopt;
}

// Where to cut `window` so that the halves match as the whole does: the
// length of the first half, 0 if there is no such place. `window` starts
// where the whole text may be cut and ends between two characters. A match
// goes on over white space, blank lines too (the report's extraction put one
// inside 社会信用体系), so the cut must follow a character that breaks every
// match (Matcher::Breaks), and not lie in a web address. Best is a blank
// line after one, at least `least` bytes in (a paragraph stays whole for
// the TEI output); else the last white space after one; else the last break
// that is not ASCII ("。").
std::size_t SafeCut(const Matcher& matcher, std::string_view window,
                    std::size_t least) {
  for (std::size_t at = window.rfind("\n\n");
       at != std::string_view::npos && at >= least;
       at = at == 0 ? std::string_view::npos : window.rfind("\n\n", at - 1)) {
    std::size_t end = at;
    while (end > 0 && IsBlank(window[end - 1])) --end;
    if (end > 0 && matcher.Breaks(PreviousCharacter(window, end)))
      return at + 1;
  }
  for (std::size_t at = window.size(); at > 0; --at) {
    auto byte = static_cast<unsigned char>(window[at - 1]);
    bool space = byte == ' ' || byte == '\n';
    bool wide_end = byte >= 0x80 &&
                    (at == window.size() ||
                     (static_cast<unsigned char>(window[at]) & 0xC0) != 0x80);
    if (space && at >= 2 && matcher.Breaks(PreviousCharacter(window, at - 1)))
      return at;
    if (wide_end && matcher.Breaks(PreviousCharacter(window, at))) {
      std::optional<std::size_t> url = UrlAround(window, at);
      if (!url) return at;
      at = *url + 1;  // no cut inside the address
    }
  }
  return 0;
}

// Where to cut `window` when there is no safe place in it: after its last
// line break in its second half, else its last space there, else at its end
// (which is between two characters). A match may be cut here.
std::size_t AnyCut(std::string_view window) {
  std::size_t half = window.size() / 2;
  std::size_t at = window.rfind('\n');
  if (at == std::string_view::npos || at < half) at = window.rfind(' ');
  return at == std::string_view::npos || at < half ? window.size() : at + 1;
}

}  // namespace

void Annotator::Wrote() {
  std::size_t segment = std::max<std::size_t>(options_.segment_bytes, 1);
  // A window too small to hold a character would never be cut.
  std::size_t widest =
      std::max({options_.max_stretch_bytes, 2 * segment, std::size_t{8}});
  while (buffer_.size() - start_ >= window_) {
    std::string_view window(buffer_.data() + start_, window_);
    window = window.substr(0, WithoutCutCharacter(window));
    std::size_t length = SafeCut(matcher_.matcher(), window, segment / 2);
    if (length == 0) {
      if (window_ < widest) {
        // No safe place yet (a text without punctuation): look further.
        window_ = std::min(2 * window_, widest);
        continue;
      }
      length = AnyCut(window);
    }
    Cut(length);
    window_ = 2 * segment;
  }
  // What is left (less than a window) moves to the front.
  buffer_.erase(0, start_);
  start_ = 0;
}

void Annotator::Finish() {
  if (buffer_.size() > start_) Cut(buffer_.size() - start_);
  buffer_.clear();
  start_ = 0;
  window_ = 2 * std::max<std::size_t>(options_.segment_bytes, 1);
  while (!pending_.empty()) EmitOldest();
}

LineIndex::Position Annotator::end() const {
  constexpr std::size_t kMost = std::numeric_limits<int>::max();
  return {static_cast<int>(std::min(line_, kMost)),
          static_cast<int>(std::min(column_, kMost))};
}

void Annotator::EmitOldest() {
  Stretch done = pending_.front().get();
  pending_.pop_front();
  Emit(done);
}

void Annotator::Emit(Stretch& done) {
  if (!invalid_at_) {  // after an ill-formed byte, nothing more
    sink_.Emit(done.rendered);
    if (done.newlines > 0) {
      line_ += done.newlines;
      column_ = 1;
    }
    column_ += done.last_line;
    if (done.invalid) {
      invalid_at_ = done.offset + *done.invalid;
      invalid_byte_ = done.invalid_byte;
    }
  }
  spare_.push_back(std::move(done));
}

void Annotator::Cut(std::size_t length) {
  if (invalid_at_) {  // the text is ill-formed before: nothing to do
    offset_ += length;
    start_ += length;
    return;
  }
  Stretch stretch;
  if (!spare_.empty()) {
    stretch = std::move(spare_.back());
    spare_.pop_back();
  }
  stretch.text.assign(buffer_, start_, length);
  stretch.offset = offset_;
  offset_ += length;
  start_ += length;
  if (!pool_) {
    Process(matcher_, sink_, options_.check_utf8, *scratch_, &stretch);
    Emit(stretch);
    return;
  }
  pending_.push_back(pool_->Submit(std::move(stretch)));
  // Bounded memory: no more than two stretches per worker in flight.
  while (pending_.size() > 2 * pool_->size()) EmitOldest();
}

std::optional<AnnotateStreamError> AnnotateStream(
    std::istream& in, const AnnotateStreamOptions& options,
    const GlossaryMatcher& matcher, AnnotationSink& sink) {
  auto about_input = [&](const std::string& message, bool started) {
    return AnnotateStreamError{{}, options.name + ": " + message, started};
  };
  std::string chunk(std::max<std::size_t>(options.chunk_bytes, 1), '\0');
  std::string_view bytes;
  auto read = [&] {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    bytes =
        std::string_view(chunk.data(), static_cast<std::size_t>(in.gcount()));
    return !in.bad();
  };
  if (!read()) return about_input("a read failed", true);
  if (bytes.empty()) return about_input("the input is empty", false);
  std::string charset =
      options.encoding.empty() ? DetectCharset(bytes) : options.encoding;
  // A NUL byte is no text's but UTF-16's or UTF-32's (with a byte order
  // mark, or named): /bin/ls came out as pages of windows-1252, exit 0.
  // Only the first chunk is looked at.
  const bool marked =
      bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF";
  if (options.encoding.empty() && !marked) {
    const std::size_t nul = bytes.find('\0');
    if (nul != std::string_view::npos) {
      const LineIndex::Position at = LineIndex(bytes).At(nul);
      return AnnotateStreamError{
          {options.name, at.line, at.column},
          "binary input: a NUL byte at byte offset " + std::to_string(nul) +
              "; expected text (name its encoding with --encoding if it is)",
          false};
    }
  }
  if (charset.empty()) {
    return about_input(
        "cannot tell the encoding of the input; give it with --encoding",
        false);
  }
  std::string error;
  std::unique_ptr<StreamDecoder> decoder =
      StreamDecoder::Create(charset, &error, /*check_utf8=*/false);
  if (!decoder) return AnnotateStreamError{{}, error, false};
  // UTF-8 is checked by the annotator's workers: the reading thread is the
  // one that limits the speed. Other charsets are checked as ICU converts.
  AnnotatorOptions annotator_options;
  annotator_options.threads = options.threads;
  annotator_options.segment_bytes = options.segment_bytes;
  annotator_options.check_utf8 = !decoder->checks();
  Annotator annotator(matcher, sink, annotator_options);
  bool decoded = true;
  bool read_failed = false;
  for (;;) {
    bool last = bytes.size() < chunk.size();
    // What decodes before a bad byte is still annotated and emitted.
    decoded = decoder->Decode(bytes, last, annotator.Input(), &error);
    annotator.Wrote();
    if (!decoded || last || annotator.invalid_at()) break;
    if (!read()) {
      read_failed = true;
      break;
    }
  }
  annotator.Finish();
  if (read_failed) return about_input("a read failed", true);
  // An ill-formed byte the workers found comes before where the decoder
  // stopped, if it stopped; either is where the text given to the sink
  // ends.
  const LineIndex::Position end = annotator.end();
  const Location place{options.name, end.line, end.column};
  if (std::optional<std::size_t> at = annotator.invalid_at()) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", annotator.invalid_byte());
    return AnnotateStreamError{place,
                               "invalid UTF-8 at byte offset " +
                                   std::to_string(*at + decoder->dropped()) +
                                   " (" + hex + ")",
                               true};
  }
  if (!decoded) return AnnotateStreamError{place, error, true};
  return std::nullopt;
}

std::string FormatAnnotateStreamError(const AnnotateStreamError& error) {
  if (error.location.line == 0) return "glossa: error: " + error.message;
  return FormatDiagnostic(
      Diagnostic{error.location, Severity::kError, error.message});
}

}  // namespace glossa
