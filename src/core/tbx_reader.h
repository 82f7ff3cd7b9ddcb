// Reading TBX into the glossary model.
//
// Reads TBX v3 (ISO 30042:2019: tbx/text/body/conceptEntry/langSec/termSec),
// in DCA style and in DCT style for the TBX-Min and TBX-Basic data
// categories, and the TBX 2008 "martif" layout
// (martif/text/body/termEntry/langSet/tig|ntig) that CAT tools still export.
// The file's encoding comes from its byte order mark or XML declaration.
//
// The reader reports what it cannot model and keeps reading: a section with
// an unknown language code, a term section without a term, a duplicate entry
// id. It does not judge dialect rules (allowed data categories, picklists,
// levels, element order); that is tbx_check's job. Whatever it does not
// interpret it keeps verbatim in the model's `extra` fields.
//
//   Diagnostics diags;
//   Glossary glossary;
//   if (!ReadTbx(bytes, "social-credit.tbx", diags, &glossary)) { ... }

#ifndef GLOSSA_CORE_TBX_READER_H_
#define GLOSSA_CORE_TBX_READER_H_

#include <string_view>

#include "core/diagnostics.h"
#include "core/glossary.h"

namespace glossa {

class XmlFile;

// Reads `bytes`, the contents of the file called `name`, into *out. Returns
// false, after reporting why, when the bytes are not a TBX document at all
// (not well-formed XML, another root element); *out is then unspecified.
// Otherwise returns true, with every problem reported to `diags` and
// everything that could be read in *out.
bool ReadTbx(std::string_view bytes, std::string_view name, Diagnostics& diags,
             Glossary* out);

// The same for a file already parsed (see xml_input.h).
bool ReadTbxFile(const XmlFile& file, Diagnostics& diags, Glossary* out);

}  // namespace glossa

#endif  // GLOSSA_CORE_TBX_READER_H_
