// Arbitrary bytes opened as a compiled dictionary index (dictionary_index.h),
// first as they are, then with the magic, version, size and checksum made
// right, so that the fuzzer gets past the header to the sections, whose
// offsets must all be bounds-checked. Then every way of reading it.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/dictionary_index.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  std::string error;
  auto index = glossa::MappedDictionary::FromBytes(bytes, std::nullopt,
                                                   {"x", "", "x.u8"}, &error);
  if (!index && bytes.size() >= 64) {
    bytes.replace(0, 8, "GLOSSAIX");
    bytes[8] = static_cast<char>(glossa::kDictionaryIndexVersion);
    bytes[9] = bytes[10] = bytes[11] = 0;
    glossa::SealDictionaryIndex(&bytes);
    index = glossa::MappedDictionary::FromBytes(bytes, std::nullopt,
                                                {"x", "", "x.u8"}, &error);
  }
  if (!index) return 0;
  for (std::size_t i = 0; i < std::min<std::size_t>(index->Size() + 1, 64); ++i)
    index->Entry(i);
  index->Problems();
  for (std::string_view query :
       {"老赖", "區塊鏈", "lao3lai4", "lao lai", "traffic lights", "Ampeln"}) {
    for (const glossa::DictionaryHit& hit : index->Find(query))
      index->Entry(hit.entry);
  }
  index->Find(std::string_view(bytes).substr(64, 16));
  std::vector<std::size_t> entries;
  for (std::string_view text : {"社会信用体系建设", "紅綠燈", ""})
    index->LongestChinesePrefix(text, &entries);
  for (std::size_t at = 0; at < bytes.size(); at += 7)
    index->LongestChinesePrefix(std::string_view(bytes).substr(at), &entries);
  return 0;
}
