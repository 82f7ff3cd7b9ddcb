// Writing the glossary model as TBX-Basic, TBX v3 (ISO 30042:2019), DCA
// style, the current standard. (OmegaT and translate-toolkit read only the
// 2008 <martif> layout: tbx2008_writer.h.)
//
// Everything the reader kept verbatim (Extra, Text::xml, the header and back
// matter) is written back, renamed where TBX 2008 and v3 differ (termEntry
// -> conceptEntry, ...) and with DCT-style data categories written DCA
// style, so a file read from either layout comes out as v3. The one value
// rewritten is a date in ISO 8601's basic format (20010507T10:57:25Z), which
// is written in the extended format TBX v3 requires. Output that came
// from a valid file validates against the TBX v3 core structure schema
// (TBXcoreStructV03.rng).
//
//   std::string xml = WriteTbx(glossary);

#ifndef GLOSSA_CORE_TBX_WRITER_H_
#define GLOSSA_CORE_TBX_WRITER_H_

#include <string>

#include "core/glossary.h"

namespace glossa {

// Returns the glossary as a UTF-8 TBX document. Concepts without an id get
// one ("c1", "c2", ... skipping ids in use), because TBX v3 requires it.
std::string WriteTbx(const Glossary& glossary);

}  // namespace glossa

#endif  // GLOSSA_CORE_TBX_WRITER_H_
