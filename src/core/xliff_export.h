// The edition as a translation job: XLIFF 1.2, what OmegaT, translate-toolkit
// (Pootle, Virtaal) and Okapi read, or XLIFF 2.0 with the glossary module.
//
//   EditionIndex edition(glossary, document);
//   std::string xliff = WriteXliff(edition, "en");
//   std::string xliff2 = WriteXliff2(edition, "en");
//
// One <trans-unit> per sentence of the edition, in document order: every
// block with text (title, key findings, headings, paragraphs, list items,
// captions, sidebars, footnotes) is cut into sentences as passages cut it
// (passages.h: Sentences), and its units are named by the block's id and
// the sentence's number, "s2.3.p1.s2", "fn9.s1", "kf.2.s1". Blocks that
// carry the same id (a heading without one of its own carries its
// section's, passages.h) number their sentences on from one another, in
// document order, as key passages count them; a block without any id is
// named "block" + its number in blocks() ("block7.s1").
//
// Each unit has:
//   <source xml:space="preserve">  the sentence, white space collapsed;
//   no <target>: the unit is untranslated (OmegaT, translate-toolkit and
//     Okapi read a missing target as untranslated and write one);
//   <context-group name="locator" purpose="location"> with a <context
//     context-type="x-glossa-locator">: where the sentence starts, as views
//     show it ("§2.3, p. 7", "fn. 9, p. 16");
//   <note from="glossa">, when glossary terms stand in the sentence: each
//     entry, in order of appearance, with the forms the sentence prints
//     and its preferred rendering in the target language, "征信 → credit
//     reporting; Dateninseln / 信息孤岛 → information islands". Only
//     top-level matches count (not a term inside a longer one); an entry
//     without a term to offer in the target language (none, or only
//     deprecated, superseded or matching forms) shows "(no en term)".
//
// XLIFF 2.0 has the same units, each a <unit id="s2.3.p1.s3"> with, in the
// order the 2.0 schema requires:
//   <gls:glossary> (urn:oasis:names:tc:xliff:glossary:2.0), when glossary
//     terms stand in the sentence: the same entries in the same order as
//     the 1.2 note, one <gls:glossEntry> per form the sentence prints (a
//     glossEntry holds exactly one <gls:term>), each with the entry's
//     <gls:translation> (the same rendering; none when the entry has none)
//     and its first <gls:definition> in the target language, if it has
//     one. An entry with neither is left out: the module requires a
//     translation or a definition;
//   <notes><note category="location">: the locator, "§2.3, p. 7";
//   one <segment> without id (readers name it "s2.3.p1.s3/1",
//     bilingual.h), its <source xml:space="preserve">, no <target>.

#ifndef GLOSSA_CORE_XLIFF_EXPORT_H_
#define GLOSSA_CORE_XLIFF_EXPORT_H_

#include <string>
#include <string_view>

#include "core/edition_index.h"

namespace glossa {

// The edition of `edition` as XLIFF 1.2 for translation into `target_lang`
// (a BCP 47 tag written as target-language: "en", "de", "zh-CN"). The
// rendering in the note comes from the glossary section of the tag's
// language: "zh-CN", "zh-SG", "zh-Hans" and "zh" read zh-Hans, "zh-TW",
// "zh-HK", "zh-MO" and "zh-Hant" read zh-Hant, others their primary
// subtag ("en-GB" reads en). `original` is the edition's file name, written
// as <file original>: the name the edition was read from, by default the
// built-in edition's.
std::string WriteXliff(const EditionIndex& edition,
                       std::string_view target_lang,
                       std::string_view original = "merics-2017-de.tei.xml");

// The same job as XLIFF 2.0 (srcLang, trgLang `target_lang`, one <file
// id="f1" original=`original`>), the glossary terms of each sentence in the
// glossary module rather than a note. Tags and sections as for WriteXliff.
std::string WriteXliff2(const EditionIndex& edition,
                        std::string_view target_lang,
                        std::string_view original = "merics-2017-de.tei.xml");

}  // namespace glossa

#endif  // GLOSSA_CORE_XLIFF_EXPORT_H_
