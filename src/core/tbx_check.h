// Checking TBX files: what `glossa check` reports.
//
// Beyond what the reader reports (see tbx_reader.h), the checker validates:
//   - the core structure: known elements only, in the order TBX requires
//     (a term first in its termSec/tig, termNotes before other data,
//     descriptive data before the language sections, ...), required
//     attributes, no stray text where only elements may stand;
//   - the dialect the file declares: the data categories TBX-Basic, TBX-Min
//     and TBX-Core allow, their picklist values and the levels they may
//     stand at, following LTAC's Schematron rules (v1.2.1) for TBX v3 and
//     LISA's 2009 XCS for TBX-Basic in the martif layout. One extension:
//     usageStatus (TBX-Min, TBX-Basic V4) is accepted beside
//     administrativeStatus, with the values preferred, admitted, deprecated,
//     notRecommended and obsolete. Files of other dialects ("TBX", the TBX
//     2008 default) get the structural checks only;
//   - references: every target is an http(s) URL or an id in the file (an
//     <xref>'s may be a relative reference instead, which glossary_check.h
//     resolves); ids are unique;
//   - glossa's convention for Chinese: zh-Hant and zh-Latn-pinyin sections
//     have as many terms as zh-Hans (they pair by position; a warning).

#ifndef GLOSSA_CORE_TBX_CHECK_H_
#define GLOSSA_CORE_TBX_CHECK_H_

#include <string_view>

#include "core/diagnostics.h"
#include "core/glossary.h"

namespace glossa {

struct CheckResult {
  bool readable = false;  // false: not XML or not TBX; nothing was checked
  int entries = 0;        // concept entries in the file
};

// Checks the TBX document in `bytes` (the contents of the file called
// `name`), reporting every problem to `diags`. If `glossary` is not null it
// receives what the reader read.
CheckResult CheckTbx(std::string_view bytes, std::string_view name,
                     Diagnostics& diags, Glossary* glossary = nullptr);

}  // namespace glossa

#endif  // GLOSSA_CORE_TBX_CHECK_H_
