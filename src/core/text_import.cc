#include "core/text_import.h"

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "core/import/assemble.h"
#include "core/import/corrections.h"
#include "core/import/ids.h"
#include "core/import/join.h"
#include "core/import/layout.h"
#include "core/import/lines.h"
#include "core/import/note_calls.h"
#include "core/import/unrecognised.h"
#include "core/unicode.h"

namespace glossa {
namespace {

// Refuses what is not text: empty input, a NUL byte, invalid UTF-8.
bool Validate(std::string_view bytes, const std::string& name,
              Diagnostics& diags) {
  if (bytes.empty()) {
    diags.Error({name, 1, 1}, "file is empty");
    return false;
  }
  std::size_t nul = bytes.find('\0');
  if (nul != std::string_view::npos) {
    LineIndex::Position p = LineIndex(bytes).At(nul);
    diags.Error({name, p.line, p.column},
                "binary input: a NUL byte at byte offset " +
                    std::to_string(nul) + "; expected text");
    return false;
  }
  if (std::optional<std::size_t> bad = FindInvalidUtf8(bytes)) {
    LineIndex::Position p = LineIndex(bytes).At(*bad);
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X",
                  static_cast<unsigned char>(bytes[*bad]));
    diags.Error({name, p.line, p.column}, "invalid UTF-8 at byte offset " +
                                              std::to_string(*bad) + " (" +
                                              hex + ")");
    return false;
  }
  return true;
}

}  // namespace

bool ImportText(std::string_view bytes, const ImportOptions& options,
                Diagnostics& diags, Document* out) {
  *out = Document();
  if (!Validate(bytes, options.name, diags)) return false;
  import::Corrections corrections;
  if (!options.corrections.empty()) {
    corrections = import::ParseCorrections(options.corrections,
                                           options.corrections_name, diags);
  }
  std::vector<import::Line> lines = import::SplitLines(
      bytes, corrections.replacements, options.corrections_name, diags);
  Vocabulary vocabulary =
      import::DocumentVocabulary(*options.vocabulary, lines);
  lines =
      import::RepairLines(std::move(lines), vocabulary, options.name, diags);
  import::Layout layout =
      import::RecogniseLayout(lines, corrections, vocabulary);
  *out = import::Assemble(lines, layout, vocabulary, options.name, diags);
  import::FindNoteCalls(options.name, diags, out);
  out->info = corrections.info;
  out->info.title = PlainText(out->title);
  out->info.subtitle = PlainText(out->subtitle);
  out->info.source_file = options.name;
  out->info.source_bytes = static_cast<long long>(bytes.size());
  out->info.source_lines = static_cast<int>(lines.size());
  import::AssignIds(out);
  import::ReportUnrecognised(*out, lines, corrections, options.name,
                             options.corrections_name, diags);
  return true;
}

}  // namespace glossa
