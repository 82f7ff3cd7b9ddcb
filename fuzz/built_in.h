// The built-in glossary and edition, read once from the source tree for the
// targets that need a real glossary to work with. A fuzz target may abort:
// without its data it could only fuzz nothing.

#ifndef GLOSSA_FUZZ_BUILT_IN_H_
#define GLOSSA_FUZZ_BUILT_IN_H_

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "core/diagnostics.h"
#include "core/document.h"
#include "core/glossary.h"
#include "core/tbx_reader.h"
#include "core/tei.h"

namespace glossa::fuzz {

inline std::string ReadOrDie(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    std::abort();
  }
  return bytes.str();
}

// glossary/social-credit.tbx; lives for the whole run.
inline const Glossary& BuiltInGlossary() {
  static const Glossary* glossary = [] {
    auto* g = new Glossary();
    std::string path = GLOSSA_SOURCE_DATADIR "/social-credit.tbx";
    Diagnostics diags;
    if (!ReadTbx(ReadOrDie(path), path, diags, g) || diags.errors() > 0)
      std::abort();
    return g;
  }();
  return *glossary;
}

// glossary/sources/merics-2017-de.tei.xml; lives for the whole run.
inline const Document& BuiltInDocument() {
  static const Document* document = [] {
    auto* d = new Document();
    std::string path = GLOSSA_SOURCE_DATADIR "/sources/merics-2017-de.tei.xml";
    Diagnostics diags;
    if (!ReadTei(ReadOrDie(path), path, diags, d)) std::abort();
    return d;
  }();
  return *document;
}

}  // namespace glossa::fuzz

#endif  // GLOSSA_FUZZ_BUILT_IN_H_
