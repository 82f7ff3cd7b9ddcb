// The CC-CEDICT reader, and a matcher and lookup index over what it read
// (as `glossa --glossary cedict_ts.u8` builds them).

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/cedict.h"
#include "core/diagnostics.h"
#include "core/glossary.h"
#include "core/glossary_matcher.h"
#include "core/lookup.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  glossa::LooksLikeCedict(bytes);
  glossa::Diagnostics diags;
  glossa::Glossary glossary;
  if (!glossa::ReadCedict(bytes, "cedict_ts.u8", diags, &glossary)) return 0;
  // Forms read from hostile lines, matched in the same bytes as text.
  glossa::GlossaryMatcher matcher(glossary);
  matcher.matcher().Find(bytes, *matcher.NewScratch());
  glossa::Index index(glossary);
  if (!glossary.concepts.empty()) index.Find(glossary.concepts[0].id);
  return 0;
}
