// The edition on disk: TEI P5 XML, the format scholars and digital-
// humanities tools use for edited texts.
//
// The mapping (the README's "The edition" documents it for readers):
//   Document::info     teiHeader/fileDesc (titleStmt, publicationStmt,
//                      seriesStmt, notesStmt, sourceDesc)
//   title, subtitle    front/docTitle/titlePart[@type=main|sub]
//   key findings       front/div[@type=keyFindings] with a list
//   sections           body/div[@type=section|subsection|part] with @n
//   paragraphs, items  p, list/item (@n: the printed label)
//   pull quotes        quote[@type=pull]
//   figures            figure (@n; head, p, p[@type=source])
//   sidebars           floatingText[@type=sidebar]/body
//   page breaks        pb[@n], between blocks or inside one
//   footnote calls     ref[@type=noteAnchor][@target=#fnN]
//   footnotes          back/div[@type=notes]/note[@place=end][@n]
// Every block carries its provenance in the glossa namespace
// (urn:x-glossa:edition): g:page and g:lines ("89" or "89-91"), the lines
// of the imported text it came from.

#ifndef GLOSSA_CORE_TEI_H_
#define GLOSSA_CORE_TEI_H_

#include <string>
#include <string_view>

#include "core/diagnostics.h"
#include "core/document.h"

namespace glossa {

// The document as a UTF-8 TEI document, indented.
std::string WriteTei(const Document& document);

// Reads a TEI document of the shape WriteTei writes into *out. Returns
// false, after reporting why, when it is not well-formed XML or not TEI;
// parts it does not know are reported as warnings and skipped.
bool ReadTei(std::string_view bytes, std::string_view name, Diagnostics& diags,
             Document* out);

}  // namespace glossa

#endif  // GLOSSA_CORE_TEI_H_
