// Reading CC-CEDICT (https://cc-cedict.org/) as a glossary: a large, real
// Chinese dictionary to match with, to check readings against, and to
// measure the matcher on.
//
// Each line "TRAD SIMP [pin1 yin1] /gloss/gloss/" becomes a concept with the
// simplified, traditional and pinyin sections (pinyin with tone marks) and
// the glosses as English definitions. Lines starting with '#' are comments.

#ifndef GLOSSA_CORE_CEDICT_H_
#define GLOSSA_CORE_CEDICT_H_

#include <string_view>

#include "core/diagnostics.h"
#include "core/glossary.h"

namespace glossa {

// Whether the bytes look like CC-CEDICT (its header or its line format).
bool LooksLikeCedict(std::string_view bytes);

// Reads CC-CEDICT into *out, reporting malformed lines (which are skipped).
// Returns false, after reporting why, when the bytes are not UTF-8.
bool ReadCedict(std::string_view bytes, std::string_view name,
                Diagnostics& diags, Glossary* out);

}  // namespace glossa

#endif  // GLOSSA_CORE_CEDICT_H_
