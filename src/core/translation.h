// The edition as translation units, and a translation of it read back.
//
// One place decides what a unit of the edition is, so that the XLIFF
// `glossa export --format xliff` writes (xliff_export.h) and the
// translation `glossa site --translation` and `glossa read --translation`
// read back name the same sentences:
//
//   std::vector<EditionUnit> units = EditionUnits(edition);
//
// A unit is one sentence of a block of the edition (every block with text:
// title, key findings, headings, paragraphs, list items, captions,
// sidebars, footnotes), cut as passages cut it (passages.h: Sentences), and
// named by the block's id and the sentence's number, "s2.3.p1.s2",
// "fn9.s1", "kf.2.s1". Blocks that carry the same id (a heading without one
// of its own carries its section's) number their sentences on from one
// another, in document order; a block without any id is named "block" + its
// number in blocks() ("block7.s1"). The ids are a public interface: a
// translator's XLIFF keeps them, so changing how they are made orphans
// every translation already made.
//
// Reading a translation back:
//
//   Translation translation;
//   if (ReadTranslation(edition, bytes, "report.en.xlf", diags,
//                       &translation)) ...
//
// The file is an XLIFF 1.2 or 2.0 file whose units carry the edition's ids
// (a <trans-unit id="s2.3.p1.s2">, or in 2.0 a <unit id="s2.3.p1.s2">
// whose segments, however the translator's tool split or joined them, are
// the sentence). Each unit of the edition gets the file's target text, or
// none. Every glossary term the target holds is found with the target
// language's terms (qa.h: TermFinder), and the file is checked as `glossa
// qa` checks it (qa.h: CheckTranslation); both views show these findings and
// compute none of their own.

#ifndef GLOSSA_CORE_TRANSLATION_H_
#define GLOSSA_CORE_TRANSLATION_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/document.h"
#include "core/edition_index.h"
#include "core/qa.h"

namespace glossa {

// One sentence of the edition, as a translation unit.
struct EditionUnit {
  std::string id;         // "s2.3.p1.s2"
  std::size_t block = 0;  // index into EditionIndex::blocks()
  std::size_t begin = 0;  // the sentence's bytes in the block's text,
  std::size_t end = 0;    // trimmed at the end
  std::size_t limit = 0;  // where the next sentence starts
  std::string source;     // the sentence, white space collapsed
  Locator locator;        // the block's, with the page the sentence is on
};

// Every unit of the edition, in document order.
std::vector<EditionUnit> EditionUnits(const EditionIndex& edition);

// What a translation does with one unit of the edition.
struct TranslatedUnit {
  std::string target;  // the translation as the file has it (a unit's
                       // segments joined); "" if none
  Location at;         // where the target starts in the file (line 0: none)
  std::vector<FoundTerm> terms;       // the glossary's terms in `target`
  std::vector<std::size_t> problems;  // indexes into Translation::qa.problems
};

struct Translation {
  std::string file;                // the name it was read as
  std::string target_lang;         // as the file names it ("en", "zh-CN")
  std::vector<EditionUnit> units;  // EditionUnits(edition)
  std::vector<TranslatedUnit> translated;  // by unit
  std::size_t translated_units = 0;        // units with a target
  QaReport qa;  // the file checked against the glossary; each problem's
                // segment is a unit's id
};

// One block's translation, for views that show a block at a time: its
// translated sentences joined (with a space, none in Chinese or Japanese),
// and where each sentence, term and finding stands in that text.
struct BlockTranslation {
  struct Part {            // a translated sentence
    std::size_t unit = 0;  // index into Translation::units
    std::size_t begin = 0;
    std::size_t end = 0;
  };
  struct Mark {               // a deprecated rendering qa found
    std::size_t problem = 0;  // index into Translation::qa.problems
    std::size_t begin = 0;
    std::size_t end = 0;
  };
  std::string text;
  std::vector<Part> parts;
  std::vector<FoundTerm> terms;
  std::vector<Mark> marks;
  std::vector<std::size_t> problems;  // every finding of its sentences
  std::size_t units = 0;              // the block's sentences
};

// The translation of block `block` (an index into EditionIndex::blocks());
// empty text when none of its sentences is translated.
BlockTranslation TranslationOf(const Translation& translation,
                               std::size_t block);

// Reads `bytes` (an XLIFF file, named `name` in locations) as a translation
// of `edition`. Errors (in `diags`, located; false returned, *translation
// unusable): the file cannot be read as XLIFF (bilingual.h), is another
// format, names no target language or one the glossary holds no terms in,
// or not one of its units is a unit of the edition. Warnings: a unit id the
// edition does not have; a unit whose source is not the edition's sentence
// (the edition changed since the export); the target is still shown.
bool ReadTranslation(const EditionIndex& edition, std::string_view bytes,
                     const std::string& name, Diagnostics& diags,
                     Translation* translation);

}  // namespace glossa

#endif  // GLOSSA_CORE_TRANSLATION_H_
