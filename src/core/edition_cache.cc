#include "core/edition_cache.h"

#include <optional>
#include <string>
#include <utility>

#include "core/glossary_codec.h"
#include "core/little_endian.h"
#include "core/mapped_file.h"

namespace glossa {
namespace {

// The two kinds of file, by their magic and what a file without it is not.
struct Kind {
  std::string_view magic;
  std::string_view not_one;
};
constexpr Kind kEdition{"GLOSSAED", "not an edition cache file"};
constexpr Kind kGlossaryOnly{"GLOSSAGL", "not a glossary cache file"};
constexpr Kind kDocument{"GLOSSADO", "not a document cache file"};
constexpr std::size_t kHeaderBytes = 48;

std::string Header(const Kind& kind, const ContentHash& key,
                   const ContentHash& checksum) {
  std::string out(kind.magic);
  AppendLittle64(kEditionCacheVersion, &out);  // the version, then a zero u32
  AppendLittle64(key.low, &out);
  AppendLittle64(key.high, &out);
  AppendLittle64(checksum.low, &out);
  AppendLittle64(checksum.high, &out);
  return out;
}

// The next part of `body` at *at (a u64 size, then that many bytes), or
// nullopt when it does not fit.
std::optional<std::string_view> Part(std::string_view body, std::size_t* at) {
  if (body.size() - *at < 8) return std::nullopt;
  std::uint64_t size = ReadLittle64(body, *at);
  *at += 8;
  if (size > body.size() - *at) return std::nullopt;
  std::string_view part = body.substr(*at, size);
  *at += size;
  return part;
}

void AppendPart(std::string_view part, std::string* out) {
  AppendLittle64(part.size(), out);
  out->append(part);
}

// Appends what `from` holds to *to.
void Replay(const Diagnostics& from, Diagnostics* to) {
  for (const Diagnostic& diagnostic : from.all()) to->Add(diagnostic);
}

// The checked body of `file`, a file of `kind`, for `key`, or nullopt with
// *why set.
std::optional<std::string_view> Body(const Kind& kind, std::string_view file,
                                     const ContentHash& key, std::string* why) {
  if (file.size() < kHeaderBytes ||
      file.substr(0, kind.magic.size()) != kind.magic) {
    *why = kind.not_one;
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
  return body;
}

// What a trusted body holds besides the glossary.
struct Computed {
  std::optional<Index> terms;
  EditionIndex::KeyPassageSource key_passages;
  EditionPassages found;
};

// Decodes a trusted body into *glossary, *reported and *computed; false
// with *why set when a part does not decode or fit.
// The term index is opened in place: `file` holds its bytes; `path` names
// it.
bool Decode(std::string_view body, const std::shared_ptr<const void>& file,
            const std::string& path, const std::vector<std::string>& files,
            const Document& document, Glossary* glossary, Diagnostics* reported,
            Computed* computed, std::string* why) {
  std::size_t at = 0;
  std::optional<std::string_view> glossary_bytes = Part(body, &at);
  std::optional<std::string_view> key_bytes, key_passage_bytes;
  if (glossary_bytes) key_bytes = Part(body, &at);
  if (key_bytes) key_passage_bytes = Part(body, &at);
  if (!key_passage_bytes) {
    *why = "cut short";
    return false;
  }
  Diagnostics read;
  // Lazily: each entry is decoded when first touched (Concepts), holding
  // the mapping; a lookup shows one.
  if (!DecodeGlossary(*glossary_bytes, files, glossary, &read, why, file, path))
    return false;
  computed->terms = Index::Open(*glossary, *key_bytes, file, why);
  std::vector<std::string_view> key_lists;
  if (!computed->terms ||
      !OpenKeyPassages(*key_passage_bytes, *glossary, &key_lists, why))
    return false;
  // Lazily too: each entry's list is decoded when first asked for, and
  // one that does not decode throws as an entry does.
  computed->key_passages = [lists = std::move(key_lists), glossary, file,
                            path](std::size_t entry) {
    std::vector<KeyPassage> list;
    std::string why;
    if (!DecodeKeyPassagesOf(lists[entry],
                             glossary->concepts.ReferenceCountOf(entry), &list,
                             &why))
      throw DamagedCacheFile(path, "cached key passages of " +
                                       glossary->concepts.IdOf(entry) +
                                       " do not decode (" + why + ")");
    return list;
  };
  if (!DecodePassages(body.substr(at), document, *glossary, &computed->found,
                      why))
    return false;
  Replay(read, reported);
  return true;
}

// Reads the glossary files anew into *glossary with `read`; what reading
// reported goes into *read_report (to be kept in the cache) and is appended
// to *reported. False when `read` fails.
bool ReadAfresh(const GlossaryReader& read, Glossary* glossary,
                Diagnostics* read_report, Diagnostics* reported) {
  *glossary = Glossary();
  const bool read_ok = read(glossary, read_report);
  Replay(*read_report, reported);
  return read_ok;
}

// Opens the cache file of `kind` and `key` that holds one part (a u64 size,
// then what `decode` takes: false with *why set when it does not decode).
// Missing or not trusted (a warning to `diags`, "<name> cache not trusted
// (...); rebuilt"), `rebuild` makes the value anew and gives its encoding
// to store (asked for only when there is a folder to store it in), or
// nullopt when it fails. False when `rebuild` fails.
bool OpenOnePart(
    const Kind& kind, std::string_view name, const ContentHash& key,
    const DictionaryCache& cache,
    const std::function<bool(std::string_view, std::string*)>& decode,
    const std::function<std::optional<std::string>(bool store)>& rebuild,
    Diagnostics& diags) {
  const std::string path =
      cache.dir.empty() ? ""
                        : cache.dir + "/" + key.Hex() + "." + std::string(name);
  std::string error, why;
  std::unique_ptr<MappedFile> file;
  if (!path.empty()) file = MappedFile::Open(path, &error);
  if (file) {
    std::optional<std::string_view> body = Body(kind, file->bytes(), key, &why);
    std::size_t at = 0;
    std::optional<std::string_view> part;
    if (body) part = Part(*body, &at);
    if (body && !part) why = "cut short";
    if (part && at != body->size())
      why = "bytes after the " + std::string(name);
    if (part && at == body->size() && decode(*part, &why)) {
      file->MarkUsed();
      return true;
    }
    diags.Warning({path, 0, 0}, std::string(name) + " cache not trusted (" +
                                    why + "); rebuilt");
  }
  std::optional<std::string> encoded = rebuild(!path.empty());
  if (!encoded) return false;
  if (path.empty()) return true;
  std::string body;
  AppendPart(*encoded, &body);
  StoreInCache(cache, path, Header(kind, key, HashContent(body)) + body);
  return true;
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

std::unique_ptr<EditionIndex> OpenEdition(
    const ContentHash& key, const std::vector<std::string>& glossary_files,
    const Document& document, const GlossaryReader& read,
    const DictionaryCache& cache, Glossary* glossary, Diagnostics* reported,
    Diagnostics& diags) {
  const std::string path =
      cache.dir.empty() ? "" : cache.dir + "/" + key.Hex() + ".edition";
  std::string error, why;
  // Mapped, not read: a mapping costs neither zeroing a buffer nor copying
  // the file into it. The decoders copy what they keep, but for the term
  // index, which is read in place and holds the mapping.
  std::shared_ptr<const MappedFile> file;
  if (!path.empty()) file = MappedFile::Open(path, &error);
  if (file) {
    Computed computed;
    std::optional<std::string_view> body =
        Body(kEdition, file->bytes(), key, &why);
    if (body && Decode(*body, file, path, glossary_files, document, glossary,
                       reported, &computed, &why)) {
      file->MarkUsed();
      return std::make_unique<EditionIndex>(
          *glossary, document, std::move(computed.found),
          std::move(computed.terms), std::move(computed.key_passages));
    }
    diags.Warning({path, 0, 0},
                  "edition cache not trusted (" + why + "); rebuilt");
  }
  Diagnostics read_report;
  if (!ReadAfresh(read, glossary, &read_report, reported)) return nullptr;
  auto index = std::make_unique<EditionIndex>(*glossary, document);
  if (path.empty()) return index;
  std::string body;
  AppendPart(EncodeGlossary(*glossary, read_report, glossary_files), &body);
  AppendPart(index->terms().table(), &body);
  std::vector<std::vector<KeyPassage>> key_passages;
  for (std::size_t i = 0; i < glossary->concepts.size(); ++i)
    key_passages.push_back(index->KeyPassagesOf(i));
  AppendPart(EncodeKeyPassages(key_passages), &body);
  body += EncodePassages(index->blocks(), index->passages());
  StoreInCache(cache, path, Header(kEdition, key, HashContent(body)) + body);
  return index;
}

ContentHash GlossaryKey(const std::vector<ContentHash>& glossary_files,
                        std::string_view build) {
  std::string text = "glossa glossary cache " +
                     std::to_string(kEditionCacheVersion) + "\n" +
                     std::string(build) + "\n";
  for (const ContentHash& file : glossary_files) text += file.Hex() + "\n";
  return HashContent(text);
}

bool OpenGlossary(const ContentHash& key,
                  const std::vector<std::string>& glossary_files,
                  const GlossaryReader& read, const DictionaryCache& cache,
                  Glossary* glossary, Diagnostics* reported,
                  Diagnostics& diags) {
  return OpenOnePart(
      kGlossaryOnly, "glossary", key, cache,
      [&](std::string_view part, std::string* why) {
        // What reading reported is added only when all of it decodes.
        return DecodeGlossary(part, glossary_files, glossary, reported, why);
      },
      [&](bool store) -> std::optional<std::string> {
        Diagnostics read_report;
        if (!ReadAfresh(read, glossary, &read_report, reported))
          return std::nullopt;
        return store ? EncodeGlossary(*glossary, read_report, glossary_files)
                     : "";
      },
      diags);
}

ContentHash DocumentKey(const ContentHash& edition, std::string_view build) {
  return HashContent("glossa document cache " +
                     std::to_string(kEditionCacheVersion) + "\n" +
                     std::string(build) + "\n" + edition.Hex() + "\n");
}

bool OpenDocument(const ContentHash& key, const std::string& edition,
                  const DocumentReader& read, const DictionaryCache& cache,
                  Document* document, Diagnostics* reported,
                  Diagnostics& diags) {
  return OpenOnePart(
      kDocument, "document", key, cache,
      [&](std::string_view part, std::string* why) {
        return DecodeDocument(part, {edition}, document, reported, why);
      },
      [&](bool store) -> std::optional<std::string> {
        Diagnostics read_report;
        *document = Document();
        const bool read_ok = read(document, &read_report);
        Replay(read_report, reported);
        if (!read_ok) return std::nullopt;
        return store ? EncodeDocument(*document, read_report, {edition}) : "";
      },
      diags);
}

}  // namespace glossa
