// Keyword-in-context lines for `glossa passages` and the lookup view, and
// the passage JSON. Internal to the command-line layer.

#ifndef GLOSSA_CLI_CONCORDANCE_H_
#define GLOSSA_CLI_CONCORDANCE_H_

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "cli/style.h"
#include "core/glossary.h"
#include "core/glossary_matcher.h"
#include "core/passages.h"

namespace glossa {

struct ConcordanceOptions {
  Style style;
  std::string sort = "position";  // "position", "left" or "right"
  int context = 0;  // columns of context each side; 0: fit the width
};

// Writes one line per passage: left context, the match, right context, and
// the locator, with the matches in one column (East Asian wide characters
// count two columns).
void RenderConcordance(std::vector<Passage> passages,
                       const ConcordanceOptions& options, std::ostream& out);

// "§2.1: 3, §2.3: 1, fn. 9: 1": passages per section, footnote or place
// (EditionIndex::CountsOf), as a line.
std::string FormatCounts(
    const std::vector<std::pair<std::string, int>>& counts);

// A passage as JSON (the README documents the fields).
nlohmann::ordered_json PassageJson(const Passage& passage,
                                   const GlossaryMatcher& matcher);

}  // namespace glossa

#endif  // GLOSSA_CLI_CONCORDANCE_H_
