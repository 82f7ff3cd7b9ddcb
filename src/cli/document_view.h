// How `glossa read` shows the edition: wrapped text for a terminal or a
// pager, and JSON. Internal to the command-line layer.
//
// The JSON form is a public interface, documented in the README ("glossa
// read --json"); change it only by adding fields.

#ifndef GLOSSA_CLI_DOCUMENT_VIEW_H_
#define GLOSSA_CLI_DOCUMENT_VIEW_H_

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "cli/style.h"
#include "core/document.h"
#include "core/edition_index.h"

namespace glossa {

struct ReadOptions {
  Style style;
  std::string section;            // "" for the whole document, else "2.3"
  std::string notes = "section";  // "section", "end" or "none"
  std::string pages = "margin";   // "margin", "inline" or "none"
  // The glossary read against the document: with colour, its terms are
  // underlined where the index found them. May be null.
  const EditionIndex* index = nullptr;
};

// Writes the document (or one section of it) for reading in a terminal.
void RenderDocument(const Document& document, const ReadOptions& options,
                    std::ostream& out);

// The document (or one section) as JSON.
nlohmann::ordered_json DocumentJson(const Document& document,
                                    const std::string& section);

}  // namespace glossa

#endif  // GLOSSA_CLI_DOCUMENT_VIEW_H_
