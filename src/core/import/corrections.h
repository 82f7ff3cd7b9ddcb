// The importer's first stage: the corrections file, parsed.
//
// What the layout heuristics get wrong is fixed in a corrections file, never
// in the edition (the format is in ImportOptions::corrections,
// core/text_import.h). This stage turns its text into a value: the roles it
// gives to ranges of input lines, the replacements to make on lines before
// anything else, and the bibliographic record the text lacks. It also
// defines Role, the vocabulary the layout stage (layout.h) speaks.

#ifndef GLOSSA_CORE_IMPORT_CORRECTIONS_H_
#define GLOSSA_CORE_IMPORT_CORRECTIONS_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/document.h"

namespace glossa::import {

// What a block of lines is.
enum class Role {
  kBody,
  kKeyFindingsHead,  // the heading above the bulleted key findings
  kBullet,           // a key finding
  kTitle,            // the title (first line) and subtitle
  kSection,          // "1. Title"
  kSubsection,       // "2.1 TITLE"
  kRunIn,            // "Kritikpunkt 1: ..."
  kItem,             // "1) ..."
  kNote,             // "9 | ..." and what follows it
  kLabel,            // "Abbildung 3"
  kSource,           // "Quelle: ..."
  kCaption,          // a figure's text
  kQuote,            // a pull quote
  kSidebar,          // a box: its first block is its heading
};

// The largest line number a corrections file may name: nine digits, more
// lines than an input of kMaxInputBytes (core/file_io.h) can have. A larger
// number is an error ("line number '1234567890' is too large (at most
// 999999999)"), never a wrapped or clamped one.
inline constexpr int kMaxLineNumber = 999999999;

// Lines first..last (1-based, inclusive) have the role given.
struct Correction {
  int first = 0;
  int last = 0;
  Role role = Role::kBody;
  std::string figure;  // "figure N" and "caption N": the figure's number
  int origin = 0;      // its line in the corrections file; 0 if unknown
};

// Replace the first `from` on input line `line` by `to`.
struct Replacement {
  int line = 0;
  std::string from;
  std::string to;
  int origin = 0;  // its line in the corrections file; 0 if unknown
};

struct Corrections {
  std::vector<Correction> regions;
  std::vector<Replacement> replacements;
  DocumentInfo info;  // from "meta" directives

  // The region that holds input line `line`, the first one listed if
  // several do; nullptr if none. The pointer lives as long as *this.
  const Correction* At(int line) const;
};

// Parses a corrections file (`name` is for messages). Each bad line (a
// malformed directive, a line number above kMaxLineNumber, invalid UTF-8) is
// reported as an error with its line and column and skipped; the good ones
// are kept.
Corrections ParseCorrections(std::string_view text, std::string_view name,
                             Diagnostics& diags);

}  // namespace glossa::import

#endif  // GLOSSA_CORE_IMPORT_CORRECTIONS_H_
