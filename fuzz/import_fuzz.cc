// The text importer, with and without a corrections file: the bytes before
// the first 0xFF (never in UTF-8) are the corrections file, the bytes after
// it the text; without a 0xFF the whole input is the text. What it imports
// is written as TEI.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/diagnostics.h"
#include "core/document.h"
#include "core/tei.h"
#include "core/text_import.h"
#include "core/vocabulary.h"

namespace {

// A few words of the report, so that line joins have a judge.
const glossa::Vocabulary& Words() {
  static const glossa::Vocabulary* words = [] {
    auto* v = new glossa::Vocabulary();
    v->AddWordList("Daten\nErhebung\nVerhalten\nSteuerung\nBonität\nSystem\n");
    return v;
  }();
  return *words;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  glossa::ImportOptions options;
  options.name = "in.txt";
  options.vocabulary = &Words();
  if (std::size_t split = bytes.find('\xFF'); split != bytes.npos) {
    options.corrections = bytes.substr(0, split);
    options.corrections_name = "in.corrections";
    bytes.remove_prefix(split + 1);
  }
  glossa::Diagnostics diags;
  glossa::Document document;
  if (glossa::ImportText(bytes, options, diags, &document))
    glossa::WriteTei(document);
  return 0;
}
