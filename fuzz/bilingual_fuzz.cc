// The bilingual readers (XLIFF 1.2 and 2.0, TMX, PO, TSV). Invariants: no
// crash, no sanitizer report, and every segment they return is located in
// the input it was read from, and said to be skipped when its target is
// empty.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/bilingual.h"
#include "core/diagnostics.h"

namespace {

void Fail(const char* what, const glossa::Segment& segment) {
  std::fprintf(stderr, "bilingual: %s: segment [%s]\n", what,
               segment.id.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The first byte, when it is a digit, chooses a target language, so that
  // both "the one other language" and a named one are explored.
  std::string_view target;
  if (!bytes.empty() && bytes[0] >= '0' && bytes[0] <= '2')
    target = bytes[0] == '0' ? "de" : bytes[0] == '1' ? "zh-CN" : "en";
  glossa::Diagnostics diags;
  glossa::BilingualFile file;
  if (!glossa::ReadBilingual(bytes, "in", target, diags, &file)) return 0;
  for (const glossa::Segment& segment : file.segments) {
    if (segment.source_at.line < 0 || segment.target_at.line < 0)
      Fail("a negative line", segment);
    if (segment.skipped == glossa::SkipReason::kNone && segment.target.empty())
      Fail("an empty target is checked", segment);
  }
  for (const glossa::Diagnostic& diagnostic : diags.all())
    if (diagnostic.message.empty()) std::abort();
  return 0;
}
