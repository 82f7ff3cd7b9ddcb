#include "core/edition_cache.h"

#include <optional>
#include <string>
#include <utility>

#include "core/file_io.h"
#include "core/little_endian.h"

namespace glossa {
namespace {

constexpr std::string_view kMagic = "GLOSSAED";
constexpr std::size_t kHeaderBytes = 48;

std::string Header(const ContentHash& key, const ContentHash& checksum) {
  std::string out(kMagic);
  AppendLittle64(kEditionCacheVersion, &out);  // the version, then a zero u32
  AppendLittle64(key.low, &out);
  AppendLittle64(key.high, &out);
  AppendLittle64(checksum.low, &out);
  AppendLittle64(checksum.high, &out);
  return out;
}

// The passages `file` holds for `key`, or nullopt with *why set.
std::optional<EditionPassages> Read(std::string_view file,
                                    const ContentHash& key,
                                    const Glossary& glossary,
                                    const Document& document,
                                    std::string* why) {
  if (file.size() < kHeaderBytes || file.substr(0, kMagic.size()) != kMagic) {
    *why = "not an edition cache file";
    return std::nullopt;
  }
  if (ReadLittle64(file, 8) != kEditionCacheVersion) {
    *why = "another format version";
    return std::nullopt;
  }
  if (ReadLittle64(file, 16) != key.low || ReadLittle64(file, 24) != key.high) {
    *why = "made for another glossary, edition or glossa";
    return std::nullopt;
  }
  std::string_view body = file.substr(kHeaderBytes);
  const ContentHash checksum = HashContent(body);
  if (ReadLittle64(file, 32) != checksum.low ||
      ReadLittle64(file, 40) != checksum.high) {
    *why = "checksum mismatch";
    return std::nullopt;
  }
  EditionPassages found;
  if (!DecodePassages(body, document, glossary, &found, why))
    return std::nullopt;
  return found;
}

}  // namespace

ContentHash EditionKey(const std::vector<ContentHash>& glossary_files,
                       const ContentHash& document, std::string_view build) {
  std::string text = "glossa edition cache " +
                     std::to_string(kEditionCacheVersion) + "\n" +
                     std::string(build) + "\n";
  for (const ContentHash& file : glossary_files) text += file.Hex() + "\n";
  text += document.Hex() + "\n";
  return HashContent(text);
}

std::unique_ptr<EditionIndex> OpenEditionIndex(const Glossary& glossary,
                                               const Document& document,
                                               const ContentHash& key,
                                               const DictionaryCache& cache,
                                               Diagnostics& diags) {
  if (cache.dir.empty())
    return std::make_unique<EditionIndex>(glossary, document);
  const std::string path = cache.dir + "/" + key.Hex() + ".edition";
  std::string file, error;
  if (ReadFile(path, &file, &error)) {
    std::string why;
    if (std::optional<EditionPassages> found =
            Read(file, key, glossary, document, &why)) {
      return std::make_unique<EditionIndex>(glossary, document,
                                            std::move(found));
    }
    diags.Warning({path, 0, 0},
                  "edition cache not trusted (" + why + "); rebuilt");
  }
  auto index = std::make_unique<EditionIndex>(glossary, document);
  std::string body = EncodePassages(index->blocks(), index->passages());
  StoreInCache(cache, path, Header(key, HashContent(body)) + body);
  return index;
}

}  // namespace glossa
