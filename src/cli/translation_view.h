// How `glossa read --translation` shows a translation of the edition: each
// block that has one, the German and under it the translation, then the qa
// findings of its sentences. Internal to the command-line layer.
//
//   §2.1, p. 5 · s2.1.p1
//   de  Die chinesische Führung betrachtet das gesellschaftliche
//       Bonitätssystem als wichtiges Instrument ...
//   en  The Chinese leadership regards the Social Credit System as ...
//   !   segment s2.1.p1.s2: [deprecated] "social credit score" ...
//
// On a coloured terminal the glossary's terms are underlined on both sides
// (the German where the index found them, the translation where the
// translation's terms are, translation.h) and a rendering qa finds
// deprecated is red. The findings and the terms come from the Translation;
// this view finds nothing itself.

#ifndef GLOSSA_CLI_TRANSLATION_VIEW_H_
#define GLOSSA_CLI_TRANSLATION_VIEW_H_

#include <ostream>

#include "cli/document_view.h"
#include "core/translation.h"

namespace glossa {

// Writes the blocks of `translation` that have a translated sentence (of
// options.section only, when it names a section "2.3" or a block id
// "s2.3.p1"; its sub-blocks too), then the findings that concern the whole
// file (inconsistent renderings), then a summary line. `options.index` must
// be the index the translation was read against.
void RenderTranslation(const Translation& translation,
                       const ReadOptions& options, std::ostream& out);

}  // namespace glossa

#endif  // GLOSSA_CLI_TRANSLATION_VIEW_H_
