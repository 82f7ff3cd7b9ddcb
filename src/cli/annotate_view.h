// The outputs of `glossa annotate`: highlighted text, JSON Lines and TEI,
// written segment by segment as the annotator hands them over. With general
// dictionaries (annotate --dict), the words they know are marked too, around
// the glossary's matches (dictionary_marks.h), each mark naming its
// dictionary. Internal to the command-line layer.

#ifndef GLOSSA_CLI_ANNOTATE_VIEW_H_
#define GLOSSA_CLI_ANNOTATE_VIEW_H_

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/style.h"
#include "core/annotate.h"
#include "core/dictionary.h"
#include "core/glossary_matcher.h"

namespace glossa {

// `format`: "text" (with colour: highlighted; without: [[surface|id]]),
// "json" (one JSON object per match per line) or "tei". Stretches are
// rendered on the annotator's threads and written to `out` in order;
// Finish() writes what the format needs at the end. `dictionaries` (text
// and json only) must outlive the writer.
class AnnotationWriter : public AnnotationSink {
 public:
  static std::unique_ptr<AnnotationWriter> Create(
      const std::string& format, const Style& style,
      const GlossaryMatcher& matcher, std::ostream& out,
      const std::vector<const Dictionary*>& dictionaries = {});
  void Emit(std::string_view rendered) override { out_ << rendered; }
  virtual void Finish() {}

 protected:
  explicit AnnotationWriter(std::ostream& out) : out_(out) {}
  std::ostream& out() { return out_; }

 private:
  std::ostream& out_;
};

}  // namespace glossa

#endif  // GLOSSA_CLI_ANNOTATE_VIEW_H_
