// The importer's last stage: what it did not find, said as warnings.
//
// A text in another layout still imports, as paragraphs; the warnings say
// which of the structures the importer looks for were not there, so a user
// can tell a plain text from an extraction the heuristics failed on.

#ifndef GLOSSA_CORE_IMPORT_UNRECOGNISED_H_
#define GLOSSA_CORE_IMPORT_UNRECOGNISED_H_

#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/document.h"
#include "core/import/corrections.h"
#include "core/import/lines.h"

namespace glossa::import {

// Warns, in this order, when `lines` have no page start after the first
// line, `doc` has no numbered section, no footnotes, or footnotes out of
// order (at the line of each one out of order), all as locations in
// `name`; and when a corrections region starts past the last line (a
// warning of `corrections_name`).
void ReportUnrecognised(const Document& doc, const std::vector<Line>& lines,
                        const Corrections& corrections, std::string_view name,
                        std::string_view corrections_name, Diagnostics& diags);

}  // namespace glossa::import

#endif  // GLOSSA_CORE_IMPORT_UNRECOGNISED_H_
