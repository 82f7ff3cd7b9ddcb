// The cache of compiled dictionary indexes (dictionary_index.h): a large
// dictionary file is parsed once, at first use, into an index that later
// runs map instead of parsing the file again.
//
// Where: $XDG_CACHE_HOME/glossa, else $HOME/.cache/glossa (the XDG base
// directory rule). Each index is named by its source file's content hash,
// <32 hex digits of XXH3-128>.index, so a changed file gets a new index and
// a file moved or copied keeps its own; the same bytes under two names
// share one index. Indexes of old versions of a file stay until the user
// clears the folder (glossa never deletes what it did not just write).
//
// An index is rebuilt, with a warning, when it cannot be trusted: another
// format version, another source, truncated, or a checksum that does not
// match. It is written atomically (a temporary file, then a rename), so a
// second glossa reading it at the same moment sees the old index or the new
// one, never half. When the folder cannot be written, the index is built in
// memory and used from there, with one warning per cache.

#ifndef GLOSSA_CORE_DICTIONARY_CACHE_H_
#define GLOSSA_CORE_DICTIONARY_CACHE_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/dictionary.h"

namespace glossa {

// Dictionary files from this size up go through the cached index; smaller
// ones are read into memory each time. Why 64 KiB: reading CC-CEDICT and
// computing its keys in memory costs about 0.7 s per MiB (75 ms to parse,
// the rest DictionaryKeys; TBX parses at about 18 ms per MiB but has the
// same cost per term), while a cached index opens in about 7 ms whatever
// its size. Below 64 KiB the in-memory way stays within the 50 ms a lookup
// may take for any format; above it the index wins, and a 100,000-entry
// dictionary, in any format, is far above it. The curated glossary is not
// a Dictionary and is read as before.
inline constexpr std::size_t kIndexThresholdBytes = std::size_t{64} << 10;

// The cache folder from the environment's values ("" where unset):
// $XDG_CACHE_HOME/glossa if it is an absolute path, else
// $HOME/.cache/glossa, else "" (no cache: indexes are built in memory).
std::string DictionaryCacheDir(std::string_view xdg_cache_home,
                               std::string_view home);

// A cache folder, and whether it has already warned that it cannot be
// written (it does once).
struct DictionaryCache {
  std::string dir;
  bool warned = false;
};

// Parses the source into entries, reporting problems to `diags` (broken
// lines as warnings). False when the source cannot be read at all.
using ReadEntries =
    std::function<bool(Diagnostics& diags, std::vector<Concept>* entries)>;

// The dictionary of the file whose bytes are `bytes` (source.path is its
// name), from its cached index, which is built with `read` (and written to
// the cache) when there is none to trust. Problems the reader reported are
// reported to `diags` every time, from the index when it is cached. Returns
// nullptr when `read` returns false.
//
//   DictionaryCache cache{DictionaryCacheDir(getenv(...), getenv(...))};
//   auto cedict = OpenIndexed(bytes, read_cedict,
//                             {"CC-CEDICT", "CC BY-SA 4.0", path}, cache,
//                             diags);
std::unique_ptr<Dictionary> OpenIndexed(std::string_view bytes,
                                        const ReadEntries& read,
                                        DictionarySource source,
                                        DictionaryCache& cache,
                                        Diagnostics& diags);

}  // namespace glossa

#endif  // GLOSSA_CORE_DICTIONARY_CACHE_H_
