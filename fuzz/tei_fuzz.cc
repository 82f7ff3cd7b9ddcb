// The TEI edition reader, the passages of the built-in glossary in what it
// read, and the writer. Invariant: an edition the reader accepts is written
// as TEI that reads back and writes to the same bytes.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "built_in.h"
#include "core/diagnostics.h"
#include "core/document.h"
#include "core/glossary_matcher.h"
#include "core/passages.h"
#include "core/tei.h"

namespace {

const glossa::GlossaryMatcher* matcher = nullptr;

void Fail(const char* what, const std::string& written) {
  std::fprintf(stderr, "tei round trip: %s\n--- written:\n%s\n", what,
               written.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  matcher = new glossa::GlossaryMatcher(glossa::fuzz::BuiltInGlossary());
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  glossa::Diagnostics diags;
  glossa::Document document;
  if (!glossa::ReadTei(bytes, "in.tei.xml", diags, &document)) return 0;
  glossa::FindPassages(document, *matcher);

  std::string written = glossa::WriteTei(document);
  glossa::Diagnostics again;
  glossa::Document reread;
  if (!glossa::ReadTei(written, "out.tei.xml", again, &reread))
    Fail("the reader refuses what the writer wrote", written);
  if (glossa::WriteTei(reread) != written)
    Fail("what the writer wrote reads back as another edition", written);
  return 0;
}
