// The edition cache's reader (edition_cache.h): arbitrary bytes as what
// EncodePassages wrote for the built-in glossary in the built-in edition,
// first as they are, then as edits to the real encoding (every 3 bytes of
// the input: a 16-bit offset and the byte to put there), so that the
// fuzzer works on a file that is right up to a few numbers. What decodes
// must keep every offset inside its block and sentence: each passage's
// match, sentence and locator are read back.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "built_in.h"
#include "core/glossary_matcher.h"
#include "core/passages.h"

namespace {

// Every passage's parts, touched so that a bad offset shows (ASan).
std::size_t Touch(const glossa::EditionPassages& found) {
  std::size_t sum = 0;
  for (const glossa::Passage& p : found.passages) {
    std::string_view match =
        p.sentence.substr(p.match_begin, p.match_end - p.match_begin);
    std::string_view in_block =
        std::string_view(found.blocks.at(p.block).text)
            .substr(p.block_begin, p.block_end - p.block_begin);
    sum += match.size() + in_block.size() + p.locator.node.size();
    if (!match.empty()) sum += static_cast<unsigned char>(match.back());
  }
  return sum;
}

void Decode(std::string_view bytes) {
  glossa::EditionPassages found;
  std::string why;
  if (glossa::DecodePassages(bytes, glossa::fuzz::BuiltInDocument(),
                             glossa::fuzz::BuiltInGlossary(), &found, &why))
    Touch(found);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  static const std::string real = [] {
    glossa::GlossaryMatcher matcher(glossa::fuzz::BuiltInGlossary());
    glossa::EditionPassages found =
        glossa::FindPassages(glossa::fuzz::BuiltInDocument(), matcher);
    return glossa::EncodePassages(found.blocks, found.passages);
  }();
  std::string_view input(reinterpret_cast<const char*>(data), size);
  Decode(input);
  std::string edited = real;
  for (std::size_t i = 0; i + 3 <= size; i += 3) {
    std::size_t at = (data[i] | (data[i + 1] << 8)) % (edited.size() + 1);
    if (at == edited.size())
      edited.resize(edited.size() / 2);  // a cut file
    else
      edited[at] = static_cast<char>(data[i + 2]);
  }
  Decode(edited);
  return 0;
}
