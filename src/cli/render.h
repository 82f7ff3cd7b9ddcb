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
#include "core/edition_index.h"
#include "core/lookup.h"

namespace glossa {

// Writes the full entry `entry` (an index into the index's glossary) for a
// terminal, its key passages as the index resolved them.
void RenderEntry(const EditionIndex& index, std::size_t entry,
                 const Style& style, std::ostream& out);

// The entry as JSON (the README documents the fields).
nlohmann::ordered_json EntryJson(const EditionIndex& index, std::size_t entry);

// The parts of EntryJson that need only the concept, for the general
// dictionaries' entries too: "chinese", "languages", and a list of
// definitions or notes.
nlohmann::ordered_json ChineseJson(const Concept& concept_entry);
nlohmann::ordered_json LanguagesJson(const Concept& concept_entry);
nlohmann::ordered_json TextsJson(const std::vector<Text>& texts);

std::string_view MatchKindName(MatchKind kind);

// How many passages an entry view shows before pointing to `glossa passages`.
inline constexpr std::size_t kPassagesInEntry = 3;

// What `glossa lookup --json QUERY` prints: the entries `hits` found, each
// with its passage count and first passages, or the suggestions.
nlohmann::ordered_json LookupJson(const EditionIndex& index,
                                  std::string_view query,
                                  const std::vector<Hit>& hits,
                                  const std::vector<Suggestion>& suggestions);

// What `glossa passages --json` prints for an entry: the entry and every
// passage of it.
nlohmann::ordered_json PassagesJson(const EditionIndex& index,
                                    std::size_t entry);

}  // namespace glossa

#endif  // GLOSSA_CLI_RENDER_H_
