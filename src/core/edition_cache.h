// The edition cache: what reading the glossary files gave (the glossary and
// what its reader reported), the index over its terms (lookup.h), and its
// passages in an edition (passages.h) and its entries' key passages
// (EditionIndex::KeyPassagesOf: resolving them splits their blocks into
// sentences, 5 M instructions of a lookup's 32 M), kept in the folder of the
// dictionary indexes (dictionary_cache.h) so that later runs read them instead
// of computing them again. Of a `glossa lookup`'s 111 M instructions, reading
// the built-in TBX took 51 M, the keys 32 M and the passages (with their
// matcher) most of the rest before they were kept here.
//
// Where and keyed by what: <folder>/<32 hex digits>.edition, the digits an
// XXH3-128 (EditionKey) over the format version, the glossa build that
// read the glossary and found the passages (its reader decides the model,
// its matcher what a passage is), and the content hash of each glossary
// file and of the edition, in order. A changed glossary, edition or glossa
// build gives another name, so a stale file is never read; like an old
// dictionary index, it is removed once unused (PruneCache,
// dictionary_cache.h). The glossary
// files' hashes come from their records (dictionary_cache.h: stat(2) tied
// to the content hash) while the files are unchanged, so a warm run does
// not read the glossary at all; the edition itself is read (its Document
// is not kept here) and hashed, 73 KB.
//
// The format (hard to undo: change it only with a new kEditionCacheVersion):
//      0  8 bytes   magic "GLOSSAED"
//      8  u32       version                 kEditionCacheVersion
//     12  u32       0
//     16  u64, u64  the key (low, high)     EditionKey
//     32  u64, u64  XXH3-128 of the rest    HashContent
//     48  u64 n, then n bytes: the glossary as EncodeGlossary writes it
//         u64 m, then m bytes: the term index's table (Index::table(),
//                              opened in place by Index::Open)
//         u64 k, then k bytes: every entry's key passages, as
//                              EncodeKeyPassages writes them
//         the rest: the passages as EncodePassages writes them
// Trusted only when the magic, version, key and checksum match and every
// part decodes whole and fits (the term index: Index::Open; one list of key
// passages per entry, OpenKeyPassages; every number of the passages fits
// the edition and the glossary: DecodePassages; the glossary's entries,
// and each entry's key passages, which must name references the entry has,
// each when first touched, glossary_codec.h, so that a file whose checksum
// matches but whose entry does not decode makes the command fail with
// "cached entry ID does not decode (why)" or "cached key passages of ID do
// not decode (why)", and glossa removes the file so that the next run
// rebuilds it: DamagedCacheFile);
// otherwise the glossary is read, the keys and passages computed and the
// file rewritten, with a warning. It is written atomically. A folder that
// cannot be written costs the work at every run and says nothing: it loses
// time, never a result.

#ifndef GLOSSA_CORE_EDITION_CACHE_H_
#define GLOSSA_CORE_EDITION_CACHE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/dictionary_cache.h"
#include "core/dictionary_index.h"
#include "core/edition_index.h"

namespace glossa {

inline constexpr std::uint32_t kEditionCacheVersion = 7;

// The key of the passages of the glossary files whose contents hash to
// `glossary_files` (in the order they were merged) in the edition whose
// content hashes to `document`, found by the glossa build `build` (any
// text that changes when the executable does; "" for none).
ContentHash EditionKey(const std::vector<ContentHash>& glossary_files,
                       const ContentHash& document, std::string_view build);

// Reads the glossary the glossary files give into *glossary, what reading
// it reported into *reported: false when it cannot be used at all.
using GlossaryReader = std::function<bool(Glossary*, Diagnostics*)>;

// The edition's glossary (into *glossary, with what reading it reported
// appended to *reported) and its index over `document`: from the cache
// file of `key` when it can be trusted, else by `read`, stored there for
// the next run. `glossary_files` names the glossary files as they are shown
// now (glossary_codec.h). A file that cannot be trusted is reported as a
// warning to `diags`. With no cache folder (cache.dir empty), it reads and
// computes every time. nullptr when `read` fails (nothing is stored).
// *glossary and `document` must outlive the index.
//
//   Glossary glossary;
//   Diagnostics reported, diags;
//   auto index = OpenEdition(EditionKey({HashContent(tbx)},
//                                       HashContent(tei), build),
//                            {"a.tbx"}, document, read_tbx, cache,
//                            &glossary, &reported, diags);
std::unique_ptr<EditionIndex> OpenEdition(
    const ContentHash& key, const std::vector<std::string>& glossary_files,
    const Document& document, const GlossaryReader& read,
    const DictionaryCache& cache, Glossary* glossary, Diagnostics* reported,
    Diagnostics& diags);

// The glossary alone, for the commands that need no edition (qa, export to
// the formats that do not quote the report, site): reading the built-in
// TBX was 50 M of the 57 M instructions of a `glossa qa` of a short file,
// and a large --glossary costs seconds at every run. Kept in
// <folder>/<32 hex digits>.glossary, the digits an XXH3-128 (GlossaryKey)
// over the format version, the glossa build and the glossary files'
// content hashes, in order. Its format is an edition file's header (magic
// "GLOSSAGL", the same version, the key, the checksum of the rest), then
// the glossary as one part (u64 n, then n bytes as EncodeGlossary writes
// them), and nothing after it. Trusted, rebuilt with a warning ("glossary
// cache not trusted (...); rebuilt"), written and pruned as an edition
// file is. False when `read` fails (nothing is stored).
ContentHash GlossaryKey(const std::vector<ContentHash>& glossary_files,
                        std::string_view build);
bool OpenGlossary(const ContentHash& key,
                  const std::vector<std::string>& glossary_files,
                  const GlossaryReader& read, const DictionaryCache& cache,
                  Glossary* glossary, Diagnostics* reported,
                  Diagnostics& diags);

// Reads the edition into *document, what reading it reported into
// *reported: false when it cannot be used at all.
using DocumentReader = std::function<bool(Document*, Diagnostics*)>;

// The edition's Document, for every command that reads the report: its
// TEI's parse was 1.7 M of a warm lookup's 8.7 M instructions. Kept in
// <folder>/<32 hex digits>.document, the digits an XXH3-128 (DocumentKey)
// over the format version, the glossa build and the edition's content
// hash. The format is a glossary file's with the magic "GLOSSADO" and the
// Document as EncodeDocument writes it; `edition` names the edition as it
// is shown now. Trusted, rebuilt with a warning ("document cache not
// trusted (...); rebuilt"), written and pruned as a glossary file is.
// False when `read` fails (nothing is stored).
ContentHash DocumentKey(const ContentHash& edition, std::string_view build);
bool OpenDocument(const ContentHash& key, const std::string& edition,
                  const DocumentReader& read, const DictionaryCache& cache,
                  Document* document, Diagnostics* reported,
                  Diagnostics& diags);

}  // namespace glossa

#endif  // GLOSSA_CORE_EDITION_CACHE_H_
