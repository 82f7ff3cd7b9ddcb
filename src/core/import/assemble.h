// The importer's fifth stage: the document built from the recognised
// layout.
//
// Blocks become the Document's tree: the key findings and the title in the
// front matter, numbered sections and subsections with their run-in parts
// in the body, paragraphs and lists in them, footnotes beside. A paragraph
// goes on across blank lines, page breaks and floats unless the text ended a
// sentence and the next line starts one; a page break it crosses stands
// inside it, where it was crossed, and the floats it crosses (figures, pull
// quotes, the sidebar) follow it, so no sentence is broken by them. Lines
// are joined as join.h decides. Ids and footnote calls are later stages'.

#ifndef GLOSSA_CORE_IMPORT_ASSEMBLE_H_
#define GLOSSA_CORE_IMPORT_ASSEMBLE_H_

#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/document.h"
#include "core/import/layout.h"
#include "core/import/lines.h"
#include "core/vocabulary.h"

namespace glossa::import {

// The document made of `lines` as `layout` recognised them: its title,
// subtitle, front, body and notes, without ids, footnote calls or record.
// Text in the notes that belongs to no footnote is kept as a paragraph,
// with a warning of `name` at its line.
Document Assemble(const std::vector<Line>& lines, const Layout& layout,
                  const Vocabulary& vocabulary, std::string_view name,
                  Diagnostics& diags);

}  // namespace glossa::import

#endif  // GLOSSA_CORE_IMPORT_ASSEMBLE_H_
