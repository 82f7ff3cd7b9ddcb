// Reading Ding, the German-English dictionary of TU Chemnitz
// (https://dict.tu-chemnitz.de/; Debian's trans-de-en installs it as
// /usr/share/trans/de-en, GPL-2.0-or-later), as a list of entries.
//
// The format, one entry per line, '#' starting a comment:
//   Ampel {f}; Verkehrsampel {f} | Ampeln {pl}; Verkehrsampeln {pl} ::
//     traffic light; robot [South Africa] | traffic lights; robots
// " :: " parts German from English; " | " parts a line into sub-entries,
// aligned between the two sides (a headword, then its plural, then phrases
// with it); "; " parts synonyms. Annotations stand in brackets: {f} {pl}
// {adj} {vt} (grammar), [ugs.] [Br.] (usage, region, field), (...)
// (explanations), <...> (other spellings and search words).
//
// Each line becomes a Concept "ding-LINE" with a "de" and an "en" section.
// Their terms are the synonyms of every sub-entry with the annotations taken
// off, so that a form matches what people type ("Ampeln", "traffic
// light"); the words in <...> are terms too (variants). Gender and part of
// speech go to the term's fields, {pl} to a TBX grammaticalNumber note in
// its extra. Each side's sub-entries, as written, are the section's
// definitions, in parallel (the i-th German one translates the i-th
// English one), so that a view can show the line as Ding shows it.

#ifndef GLOSSA_CORE_DING_H_
#define GLOSSA_CORE_DING_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/dictionary_entries.h"
#include "core/glossary.h"

namespace glossa {

// Whether the bytes look like Ding: a first line that is Ding's header
// ("# Version :: ...") or an entry "German :: English".
bool LooksLikeDing(std::string_view bytes);

// A form of one synonym without its annotations and with white space
// collapsed: "Ampel {f} [auto] (an der Kreuzung)" gives "Ampel". Brackets
// nest; a closing bracket without an opening one is kept as text.
std::string DingForm(std::string_view synonym);

// Splits `text` at `separator` where it stands outside brackets:
// "a {prp; +Dat.}; b" at "; " gives "a {prp; +Dat.}" and "b".
std::vector<std::string_view> SplitOutsideBrackets(std::string_view text,
                                                   std::string_view separator);

// Reads one line (without its line break), line `number` of the file
// `name`, into *entry. Returns why it is no entry, when it is not one:
// not "German :: English" (no or several " :: "), an empty side,
// ill-formed UTF-8.
std::optional<std::string> ReadDingEntry(std::string_view line,
                                         std::string_view name, int number,
                                         Concept* entry);

// Where the entries stand: every line that ReadDingEntry reads, in order.
// Each other line that is not a comment or blank is reported as a warning
// with its line number ("not a Ding line ...; skipped").
std::vector<EntrySpan> DingEntries(std::string_view bytes,
                                   std::string_view name, Diagnostics& diags);

// Appends the entry of every line DingEntries finds to *out.
void ReadDing(std::string_view bytes, std::string_view name, Diagnostics& diags,
              std::vector<Concept>* out);

}  // namespace glossa

#endif  // GLOSSA_CORE_DING_H_
