// Checking a translation against the glossary (`glossa qa`): per segment,
// the glossary's concepts the source holds and what the target does with
// them; across the file, concepts rendered more than one way.
//
//   QaReport report = CheckTranslation(glossary, file, {});
//   for (const QaProblem& problem : report.problems) ...
//
// Terms are found as `glossa passages` finds them (matcher.h): German and
// English by their stems, Chinese without spaces, traditional = simplified,
// case-insensitive. The source side is looked up with the glossary's terms
// of the source language, deprecated ones included (a deprecated source form
// still names its concept, unless the same words are an accepted term of
// another concept); the target side with the renderings of the target
// language. Only the longest source match counts (社会信用体系, not 信用
// inside it).

#ifndef GLOSSA_CORE_QA_H_
#define GLOSSA_CORE_QA_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/bilingual.h"
#include "core/diagnostics.h"
#include "core/glossary.h"

namespace glossa {

enum class QaKind {
  kMissing,       // the source holds a concept; the target none of its
                  // preferred or admitted renderings
  kDeprecated,    // the target holds a deprecated rendering
  kInconsistent,  // across the file, a concept rendered more than one way
};

struct QaProblem {
  QaKind kind = QaKind::kMissing;
  Location at;              // the segment's target (its source if none)
  std::string segment;      // the segment's id
  std::string entry;        // the concept's id
  std::string source_term;  // the source's form as it stands in the text
  std::vector<std::string> expected;  // preferred first, then admitted
  std::string found;            // kDeprecated: the deprecated rendering as it
                                // stands; kInconsistent: the renderings with
                                // their counts
  std::size_t found_begin = 0;  // kDeprecated: the rendering's bytes in the
  std::size_t found_end = 0;    // segment's target (before any collapsing)
  std::string why;              // kDeprecated: the glossary's note on it
  std::string message;          // the one-line message without location
};

struct QaReport {
  std::size_t checked = 0;          // segments checked
  std::size_t skipped = 0;          // segments skipped (SkipReason != kNone)
  std::vector<QaProblem> problems;  // in file order; inconsistencies last
};

struct QaOptions {
  // Override the file's languages ("" keeps the file's).
  std::string source_lang;
  std::string target_lang;
};

// Checks `file` against `glossary`. Languages are matched by their primary
// subtag and script ("zh-CN" and "zh-Hans" are simplified Chinese, "zh-TW"
// and "zh-Hant" traditional, both found through the zh-Hans/zh-Hant
// sections). A language the glossary does not hold is an error in `diags`
// (at the file) and gives an empty report.
QaReport CheckTranslation(const Glossary& glossary, const BilingualFile& file,
                          const QaOptions& options, Diagnostics& diags);

// A glossary term found in a text.
struct FoundTerm {
  std::size_t entry = 0;  // index into the glossary's concepts
  std::size_t begin = 0;  // its bytes in the text
  std::size_t end = 0;
  bool deprecated = false;  // only a deprecated or superseded term of the
                            // entry matches these words
};

struct QaSide;  // the compiled forms of one language (qa.cc)

// The glossary's terms of one language, found in texts as the checker finds
// a target's renderings: the same languages (a tag matched by primary
// subtag; Chinese simplified and traditional both), the same matcher,
// top-level matches only. Where forms of several entries match the same
// words, an accepted term wins over a deprecated one, then the entry first
// in the glossary. Not safe to share between threads.
class TermFinder {
 public:
  // `lang` is a BCP 47 tag, "en", "de-DE", "zh-CN".
  TermFinder(const Glossary& glossary, std::string_view lang);
  ~TermFinder();
  TermFinder(const TermFinder&) = delete;
  TermFinder& operator=(const TermFinder&) = delete;

  // False when the glossary holds no terms in the language.
  bool ok() const;
  // The terms `text` holds, in order.
  std::vector<FoundTerm> Find(std::string_view text) const;

 private:
  std::unique_ptr<QaSide> side_;
};

}  // namespace glossa

#endif  // GLOSSA_CORE_QA_H_
