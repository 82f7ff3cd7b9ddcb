// The TBX reader (v3 and martif), the checker and the writer. Invariant:
// a file the reader accepts (readable, no errors) is written as TBX that
// the reader accepts again and that writes back to the same bytes.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/diagnostics.h"
#include "core/glossary.h"
#include "core/glossary_check.h"
#include "core/tbx_check.h"
#include "core/tbx_reader.h"
#include "core/tbx_writer.h"

namespace {

void Fail(const char* what, const std::string& written) {
  std::fprintf(stderr, "tbx round trip: %s\n--- written:\n%s\n", what,
               written.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  glossa::Diagnostics checked;
  glossa::Glossary glossary;
  if (!glossa::CheckTbx(bytes, "in.tbx", checked, &glossary).readable) return 0;
  glossa::CheckGlossaryContent(glossary, {}, checked);

  glossa::Diagnostics read;
  glossa::Glossary accepted;
  if (!glossa::ReadTbx(bytes, "in.tbx", read, &accepted) || read.errors() > 0)
    return 0;
  std::string written = glossa::WriteTbx(accepted);
  glossa::Diagnostics again;
  glossa::Glossary reread;
  if (!glossa::ReadTbx(written, "out.tbx", again, &reread))
    Fail("the reader refuses what the writer wrote", written);
  if (again.errors() > 0)
    Fail(glossa::FormatDiagnostic(again.all()[0]).c_str(), written);
  if (glossa::WriteTbx(reread) != written)
    Fail("what the writer wrote reads back as another glossary", written);
  return 0;
}
