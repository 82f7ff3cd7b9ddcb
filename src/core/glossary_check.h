// Checks of a glossary's content beyond the rules of TBX (tbx_check.h):
// what `glossa check` adds for glossa's own conventions.
//
//   - Relations. A cross-reference whose text begins with a word and ": "
//     names a relation (glossary.h: broader, narrower, part-of, has-part,
//     instance-of, has-instance, related, contrast); another word there is a
//     warning, and so is a relation the target does not answer with a
//     cross-reference back carrying the inverse relation (broader <->
//     narrower, part-of <-> has-part, instance-of <-> has-instance; related
//     and contrast both ways).
//   - Recommendation. A language section has at most one preferred term,
//     and one when its terms carry a status (pinyin readings aside).
//   - Links. An <xref> with a relative target names a file in the
//     glossary's folder or below it (uri.h StaysInFolder; anything else is
//     an error, and never opened), which must exist; with a #fragment the file
//     must read as a TEI edition and the key passage must follow the rule in
//     edition_index.h (a block that exists, a sentence where the entry
//     stands or a reason why not).
//   - Occurrence. A glossary that links into an edition annotates it: each
//     entry must occur in it (the matcher finds one of its forms, as
//     `glossa passages` does) unless it is marked background, and an entry
//     marked background must not occur (warnings).
//   - The report's forms. A term marked as printed in the edition
//     (kReportSubset) must be found there (an error); a term found there on
//     its own, not nested in a longer match, must be marked (a warning;
//     traditional characters and pinyin aside).
//
// The checks read no files: the caller reads the files the glossary links
// to (LinkedFiles) and hands in what it found.
//
//   std::map<std::string, LinkedFile> files;  // read by the caller
//   Diagnostics diags;
//   CheckGlossaryContent(glossary, files, diags);

#ifndef GLOSSA_CORE_GLOSSARY_CHECK_H_
#define GLOSSA_CORE_GLOSSARY_CHECK_H_

#include <map>
#include <string>

#include "core/diagnostics.h"
#include "core/edition_index.h"
#include "core/glossary.h"

namespace glossa {

// The files the glossary's relative <xref> targets name, as the targets
// write them ("sources/merics-2017-de.tei.xml"), only those that stay in
// the glossary's folder (StaysInFolder), each with whether a
// target points into it with a #fragment (then it must be an edition).
std::map<std::string, bool> LinkedFiles(const Glossary& glossary);

// What the caller found at one of those files.
struct LinkedFile {
  // Why it could not be read, or read as an edition when it must be one,
  // in a form that follows "target 'x': " ("no file 'a/b.png'", "cannot
  // open ...", "cannot read 'a.xml' as a TEI edition: ..."); "" when it was.
  std::string error;
  // The glossary read against the edition, for a file targets point into.
  const EditionIndex* edition = nullptr;
};

// Reports the problems of `glossary`'s content to `diags`, at the places
// its origins give. `files` holds what the caller found for each file of
// LinkedFiles(glossary); a file missing from it is not checked.
void CheckGlossaryContent(const Glossary& glossary,
                          const std::map<std::string, LinkedFile>& files,
                          Diagnostics& diags);

}  // namespace glossa

#endif  // GLOSSA_CORE_GLOSSARY_CHECK_H_
