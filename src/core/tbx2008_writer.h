// TBX-Basic in the TBX 2008 <martif> layout (WriteTbx2008, export.h) and
// the way back to glossa's conventions.
//
// The export renames and moves what glossa keeps in its own way, because
// CAT tools know neither script subtags nor a reading language:
//   - zh-Hans is written as zh-CN and zh-Hant as zh-TW (with
//     ChineseTags::kScript: as zh-Hans and zh-Hant);
//   - the zh-Latn-pinyin section is not a <langSet>: the i-th reading stands
//     on the i-th simplified term (the traditional one when there is no
//     simplified section; readings beyond the last term on the last term),
//     as a note a translator sees,
//       <note xml:lang="zh-Latn-pinyin">Pinyin: shèhuì xìnyòng</note>
//     followed by the reading's own notes, also marked xml:lang=
//     "zh-Latn-pinyin"; its sources are <admin type="source"
//     xml:lang="zh-Latn-pinyin">. A reading keeps its text, notes and
//     sources; TBX-Basic has no place for a reading's status or other
//     term data, which glossa's convention does not give it.
// RestoreFromTbx2008 undoes both on a glossary read back from such a file,
// so that WriteTbx gives the file glossa started from.
//
//   Glossary read;  // ReadTbx(WriteTbx2008(glossary, {}), ...)
//   RestoreFromTbx2008(&read);

#ifndef GLOSSA_CORE_TBX2008_WRITER_H_
#define GLOSSA_CORE_TBX2008_WRITER_H_

#include "core/export.h"
#include "core/glossary.h"

namespace glossa {

// Renames zh-CN and zh-TW sections to zh-Hans and zh-Hant, and turns the
// readings WriteTbx2008 put on Chinese terms (see above) back into a
// zh-Latn-pinyin section, term for term, placed after zh-Hant (or zh-Hans).
// Sections and terms without such readings are left as they are.
void RestoreFromTbx2008(Glossary* glossary);

}  // namespace glossa

#endif  // GLOSSA_CORE_TBX2008_WRITER_H_
