// Bilingual files translators check against the glossary (`glossa qa`):
// XLIFF 1.2, XLIFF 2.0, TMX 1.1-1.4, gettext PO, and two-column TSV, read
// into one model of segments.
//
//   BilingualFile file;
//   Diagnostics diags;
//   if (ReadBilingual(bytes, "validators.de.xlf", diags, &file)) ...
//
// What a segment is. XLIFF 1.2: a <trans-unit> (its <source> and
// <target>, not those of <alt-trans>); XLIFF 2.0: a <segment> of a <unit>
// (id "unit/segment", a segment without id numbered from 1 in its unit;
// <ignorable> is not a segment); TMX: a <tu>, its variant in the source
// language and each variant in the target language (several variants: one
// segment each, same id; no target variant: one untranslated segment; no
// source variant: no segment); PO: a message (msgid, msgstr; plural forms:
// msgstr[0] against msgid, msgstr[n] for n >= 1 against msgid_plural, ids
// ending "[n]"); TSV: a non-empty line (source TAB target; further columns
// are ignored). Inline markup is not text: XLIFF's <g>, <x/>,
// <bx/>, <ex/>, <ph>, <bpt>, <ept>, <it>, <mrk> (1.2) and <pc>, <ph/>, <sc/>,
// <ec/>, <mrk>, <sm/>, <em/> (2.0) and TMX's <bpt>, <ept>, <ph>, <it>, <hi>,
// <ut> contribute only the text they enclose as content (a <ph> or <bpt>'s
// own content is native code, not text, and is left out; a code adds no
// space). XLIFF 2.0's <cp hex="..."/> is its character.
//
// Skipped segments are kept, with the reason, so that the checker can count
// them: no target or an empty one, translate="no" (inherited from <group>
// and, in 2.0, <file>; a TSV line with one column), fuzzy (PO's #, fuzzy;
// XLIFF 1.2 state="needs-translation"/"new"/... is NOT skipped unless the
// target is empty; XLIFF 2.0 state="initial" with an empty target), and
// obsolete PO entries (#~; obsolete comes before fuzzy, fuzzy before
// untranslated).
//
// Languages. XLIFF: source-language/target-language of the first <file>
// (1.2), srcLang/trgLang (2.0). TMX: the header's srclang (a <tu>'s own
// srclang wins; "*all*": the first variant's language); variants are
// matched ignoring case and region ("EN" takes "en-US", "de" takes "DE").
// PO: the header's Language for the target; the source is "en" (gettext's
// convention that msgids are English) unless X-Source-Language names
// another. TSV: both unknown (""). The PO header's charset is honoured
// (decoded through ICU); a TSV, or a PO that names none, must be UTF-8.

#ifndef GLOSSA_CORE_BILINGUAL_H_
#define GLOSSA_CORE_BILINGUAL_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"

namespace glossa {

enum class SkipReason {
  kNone,             // checked
  kUntranslated,     // no target, or an empty one
  kNotTranslatable,  // translate="no" (XLIFF), or a TSV line with one column
  kFuzzy,            // PO's fuzzy flag
  kObsolete,         // PO's #~ entries
};

struct Segment {
  std::string id;      // trans-unit/unit id, TMX tuid (else its position:
                       // "tu 12"), PO msgid (with a context:
                       // "msgctxt|msgid"), TSV line number
  std::string source;  // plain text, inline markup removed
  std::string target;
  Location source_at;  // where the source text starts
  Location target_at;  // where the target text starts (line 0: none)
  SkipReason skipped = SkipReason::kNone;
};

struct BilingualFile {
  std::string name;         // the name it was read as, for locations
  std::string format;       // "xliff-1.2", "xliff-2.0", "tmx", "po", "tsv"
  std::string source_lang;  // BCP 47 as the file writes it ("en", "EN",
  std::string target_lang;  // "zh_CN" normalised to "zh-CN", "de_DE.UTF-8"
                            // to "de-DE"); "" if unknown
  std::vector<Segment> segments;
};

// Reads `bytes` (the file's content; `name` for locations) as whichever of
// the formats it is: XML by its root element (<xliff version="1.2|2.0">,
// <tmx>), else PO if it has msgid lines, else TSV. `target_lang` chooses the
// target variant of a TMX file (which names only its source language);
// empty: the one language other than the source (several: an error, and
// false). Problems go to `diags` with file, line and column: malformed XML,
// a PO syntax error (reported, the rest of the file still read), an XLIFF
// or TMX without the languages (the target language is not missing when
// `target_lang` names it), an unknown root element or XLIFF version, an
// empty file, invalid UTF-8 in PO or TSV (the first bad byte; the file is
// refused). Returns false when the file cannot be read at all (nothing
// usable in *file).
bool ReadBilingual(std::string_view bytes, const std::string& name,
                   std::string_view target_lang, Diagnostics& diags,
                   BilingualFile* file);

}  // namespace glossa

#endif  // GLOSSA_CORE_BILINGUAL_H_
