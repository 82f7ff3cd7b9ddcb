// The edition cache: the passages of a glossary in an edition (passages.h),
// which took a quarter of a lookup to find and its matcher another fifth,
// kept in the folder of the dictionary indexes (dictionary_cache.h) so that
// later runs read them instead of finding them again.
//
// Where and keyed by what: <folder>/<32 hex digits>.edition, the digits an
// XXH3-128 (EditionKey) over the format version, the glossa build that
// found the passages (its matcher decides what a passage is), and the
// content hash of each glossary file and of the edition, in order. A
// changed glossary, edition or glossa build gives another name, so a stale
// file is never read; like an old dictionary index, it stays until the user
// clears the folder.
//
// The format (hard to undo: change it only with a new kEditionCacheVersion):
//      0  8 bytes   magic "GLOSSAED"
//      8  u32       version                 kEditionCacheVersion
//     12  u32       0
//     16  u64, u64  the key (low, high)     EditionKey
//     32  u64, u64  XXH3-128 of the rest    HashContent
//     48  the passages as EncodePassages writes them
// Trusted only when the magic, version, key and checksum match and every
// number fits the edition and the glossary (DecodePassages); otherwise the
// passages are found again and the file rewritten, with a warning. It is
// written atomically. A folder that cannot be written costs the search at
// every run and says nothing: it loses time, never a result.

#ifndef GLOSSA_CORE_EDITION_CACHE_H_
#define GLOSSA_CORE_EDITION_CACHE_H_

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/dictionary_cache.h"
#include "core/dictionary_index.h"
#include "core/edition_index.h"

namespace glossa {

inline constexpr std::uint32_t kEditionCacheVersion = 1;

// The key of the passages of the glossary files whose contents hash to
// `glossary_files` (in the order they were merged) in the edition whose
// content hashes to `document`, found by the glossa build `build` (any
// text that changes when the executable does; "" for none).
ContentHash EditionKey(const std::vector<ContentHash>& glossary_files,
                       const ContentHash& document, std::string_view build);

// The index of `glossary` in `document`, its passages read from the cache
// file of `key` when it can be trusted, else found and stored there. A
// file that cannot be trusted is reported as a warning to `diags`. With no
// cache folder (cache.dir empty), the passages are found every time.
// `glossary` and `document` must outlive the index.
//
//   DictionaryCache cache{DictionaryCacheDir(xdg_cache_home, home)};
//   auto index = OpenEditionIndex(glossary, document,
//                                 EditionKey({HashContent(tbx)},
//                                            HashContent(tei), build),
//                                 cache, diags);
std::unique_ptr<EditionIndex> OpenEditionIndex(const Glossary& glossary,
                                               const Document& document,
                                               const ContentHash& key,
                                               const DictionaryCache& cache,
                                               Diagnostics& diags);

}  // namespace glossa

#endif  // GLOSSA_CORE_EDITION_CACHE_H_
