// Checks of a glossary's content beyond the rules of TBX (tbx_check.h):
// what `glossa check` adds for glossa's own conventions.
//
//   - Relations. A cross-reference whose text begins with a word and ": "
//     names a relation (glossary.h: broader, narrower, related, contrast);
//     another word there is a warning, and so is a relation the target does
//     not answer with a cross-reference back carrying the inverse relation
//     (broader <-> narrower; related and contrast both ways).
//   - Key passages. An <xref type="externalCrossReference"> with a relative
//     target is resolved against the glossary file's folder: the file must
//     read as a TEI edition and the #fragment must be one of its block ids
//     (an error otherwise: the link would point at nothing).
//   - Occurrence. A glossary that links into an edition annotates it: each
//     entry must occur in it (the matcher finds one of its forms, as
//     `glossa passages` does) unless it is marked background, and an entry
//     marked background must not occur (warnings).
//
//   Diagnostics diags;
//   CheckGlossaryContent(glossary, "glossary/social-credit.tbx", diags);

#ifndef GLOSSA_CORE_GLOSSARY_CHECK_H_
#define GLOSSA_CORE_GLOSSARY_CHECK_H_

#include <string_view>

#include "core/diagnostics.h"
#include "core/glossary.h"

namespace glossa {

// `path` is where the glossary file is, for resolving relative targets; the
// diagnostics name the places the glossary's origins give.
void CheckGlossaryContent(const Glossary& glossary, std::string_view path,
                          Diagnostics& diags);

// Whether a URI reference is relative (has no scheme such as "https:").
bool IsRelativeReference(std::string_view target);

}  // namespace glossa

#endif  // GLOSSA_CORE_GLOSSARY_CHECK_H_
