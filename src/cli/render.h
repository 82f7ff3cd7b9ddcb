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

#include "core/document.h"
#include "core/glossary.h"
#include "core/lookup.h"
#include "core/passages.h"

namespace glossa {

struct Style {
  bool color = false;  // ANSI bold and colours
  int width = 80;      // columns to wrap text at
};

// Text with runs of XML white space (space, tab, CR, LF) turned into one
// space and the ends trimmed: how text from a TBX file is shown.
std::string CollapseSpace(std::string_view text);

// A one-line name for an entry: its Chinese term with the traditional form
// and pinyin, else its first term; e.g. "征信 徵信 zhēngxìn".
std::string Headline(const Concept& concept_entry);

// What an entry view may show of the edition: with `edition`, key passages
// show their locator and text; with the entry's `passages` in it too, the
// sentence of each key passage where the entry's term stands.
struct EditionContext {
  const Document* edition = nullptr;
  const std::vector<Passage>* passages = nullptr;
};

// Writes the full entry for a terminal.
void RenderEntry(const Glossary& glossary, const Concept& concept_entry,
                 const Style& style, std::ostream& out,
                 const EditionContext& context = {});

// The entry as JSON (the README documents the fields).
nlohmann::ordered_json EntryJson(const Glossary& glossary,
                                 const Concept& concept_entry,
                                 const EditionContext& context = {});

// An entry's key passages: its relative xref targets with a fragment
// ("sources/merics-2017-de.tei.xml#fn9"), looked up in `edition` by id.
struct KeyPassage {
  std::string id;              // "fn9"
  std::string description;     // the xref's text
  std::optional<Block> block;  // nullopt: not in this edition
  // The sentence of the block to show: the first where one of the entry's
  // passages stands, else the block's first.
  std::string sentence;
};
std::vector<KeyPassage> KeyPassages(const Concept& concept_entry,
                                    const EditionContext& context);

std::string_view MatchKindName(MatchKind kind);

}  // namespace glossa

#endif  // GLOSSA_CLI_RENDER_H_
