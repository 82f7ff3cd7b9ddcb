// The importer's fourth stage: the layout of the page, recognised.
//
// The lines are cut into blocks (at blank lines and page starts), and each
// block is given a Role: the key findings' heading and bullets, the title,
// numbered sections and subsections in order, run-in headings, list items,
// footnotes, figure labels and sources with their captions, pull quotes (a
// block of short lines that does not end a sentence) and sidebars (a
// heading in capitals and the blocks after it on its page). A corrections
// file's regions override the heuristics. Floating material (figures,
// quotes, sidebars) is then gathered into groups, one per float, which the
// assembler (assemble.h) places after the paragraph they interrupt.

#ifndef GLOSSA_CORE_IMPORT_LAYOUT_H_
#define GLOSSA_CORE_IMPORT_LAYOUT_H_

#include <cstddef>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/import/corrections.h"
#include "core/import/lines.h"
#include "core/vocabulary.h"

namespace glossa::import {

// Consecutive non-blank lines on one page.
struct Block {
  std::vector<std::size_t> lines;  // indexes into the lines
  Role role = Role::kBody;
  int group = -1;          // the float it belongs to: an index into groups
  bool corrected = false;  // the role is the corrections file's
};

// A figure, pull quote or sidebar, and the blocks it is made of.
struct FloatGroup {
  Node::Kind kind = Node::Kind::kFigure;  // kFigure, kQuote or kSidebar
  std::string figure;                     // a figure's number, if known
  std::vector<std::size_t> blocks;        // indexes into the blocks, in order
  bool labelled = false;                  // has a kLabel block
};

struct Layout {
  std::vector<Block> blocks;
  std::vector<FloatGroup> groups;
};

// The layout of `lines` (repaired, join.h). `corrections` override the
// heuristics; `vocabulary` judges how lines join where a heading's text is
// weighed as a whole.
Layout RecogniseLayout(const std::vector<Line>& lines,
                       const Corrections& corrections,
                       const Vocabulary& vocabulary);

}  // namespace glossa::import

#endif  // GLOSSA_CORE_IMPORT_LAYOUT_H_
