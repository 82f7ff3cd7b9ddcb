// How glossa shows entries: as text for a terminal and as JSON. Internal to
// the command-line layer.
//
// The JSON form of an entry is a public interface, documented in the
// README ("JSON output"); change it only by adding fields.

#ifndef GLOSSA_CLI_RENDER_H_
#define GLOSSA_CLI_RENDER_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/style.h"
#include "core/document.h"
#include "core/glossary.h"
#include "core/lookup.h"
#include "core/passages.h"

namespace glossa {

// Writes the full entry for a terminal.
void RenderEntry(const Glossary& glossary, const Concept& concept_entry,
                 const Style& style, std::ostream& out,
                 const EditionContext& context = {});

// The entry as JSON (the README documents the fields).
nlohmann::ordered_json EntryJson(const Glossary& glossary,
                                 const Concept& concept_entry,
                                 const EditionContext& context = {});

std::string_view MatchKindName(MatchKind kind);

}  // namespace glossa

#endif  // GLOSSA_CLI_RENDER_H_
