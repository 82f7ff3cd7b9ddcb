// A lookup query, as `glossa lookup` runs it: against the built-in glossary
// read with the built-in edition, any bytes as the query.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "built_in.h"
#include "core/edition_index.h"

namespace {

const glossa::EditionIndex* index = nullptr;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  index = new glossa::EditionIndex(glossa::fuzz::BuiltInGlossary(),
                                   glossa::fuzz::BuiltInDocument());
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  std::string_view query(reinterpret_cast<const char*>(data), size);
  std::vector<glossa::Hit> hits = index->Find(query);
  if (hits.empty()) index->terms().Suggest(query, 3);
  for (const glossa::Hit& hit : hits) index->PassagesOf(hit.concept_index);
  return 0;
}
