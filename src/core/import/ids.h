// The importer's seventh stage: ids for the document's blocks.
//
// Ids are what locators, links, key passages and the reader's --section use.
// Each is made of its scope's id (a section, a subsection, the front
// matter), the block's kind and its number in that scope, so a change in
// one section does not move the ids of another:
//   s2, s2.1         a section and a subsection, by their printed numbers
//   s2.1.p4          the 4th paragraph in 2.1 (its run-in parts included)
//   s2.3.d1          the 1st run-in part of 2.3; s2.3.l1 its 1st list,
//                    s2.3.i2 the 2nd item, s1.q1 the 1st pull quote,
//                    s3.2.box1 the 1st sidebar, s1.f1 an unnumbered figure
//   fig4             the figure numbered 4, wherever it stands
//   kf, kf.2         the key findings and the 2nd of them
//   front.p1, front.f1   paragraphs and floats in the front matter
//   s0.p1            a paragraph before the first section
//   fn9              footnote 9

#ifndef GLOSSA_CORE_IMPORT_IDS_H_
#define GLOSSA_CORE_IMPORT_IDS_H_

#include "core/document.h"

namespace glossa::import {

// Gives every node of *doc that can be pointed at (divisions, paragraphs,
// lists, items, quotes, figures, sidebars) and every footnote its id, as the
// header says; heads and page breaks get none.
void AssignIds(Document* doc);

}  // namespace glossa::import

#endif  // GLOSSA_CORE_IMPORT_IDS_H_
