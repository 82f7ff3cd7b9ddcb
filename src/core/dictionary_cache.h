// The cache of compiled dictionary indexes (dictionary_index.h): a large
// dictionary file is parsed once, at first use, into an index that later
// runs map instead of parsing the file again.
//
// Where: $XDG_CACHE_HOME/glossa, else $HOME/.cache/glossa (the XDG base
// directory rule). Each index is named by its source file's content hash,
// <32 hex digits of XXH3-128>.index, so a changed file gets a new index and
// a file moved or copied keeps its own; the same bytes under two names
// share one index. Indexes of old versions of a file are removed by
// PruneCache, below, once they go unused.
//
// Found without reading the source. Hashing the default dictionaries'
// 41 MB at every run cost more than the rest of a lookup, so each source
// file also has a record, <XXH3-128 of its canonical path>.source, that
// ties what stat(2) says of it (SourceKey) to its content hash. While the
// key is unchanged, the index is opened through the record and the source
// is not read; when the key changes (a write, a touch, a copy over it), the
// source is hashed again and its index reused if the hash still matches.
// Why a record beside the index and not a key in the index's name: the
// index stays shared by equal bytes, and a touched file needs no rebuild.
// A record is a small text file (a format line, the path, the key's
// numbers, the hash); one that does not match the key is ignored and
// rewritten.
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
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/dictionary.h"
#include "core/dictionary_index.h"

namespace glossa {

// Dictionary files from this size up go through the cached index; smaller
// ones are read into memory each time. Why 64 KiB: reading CC-CEDICT and
// computing its keys in memory costs about 0.7 s per MiB (75 ms to parse,
// the rest DictionaryKeys; TBX parses at about 18 ms per MiB but has the
// same cost per term), while a cached index opens in at most 7 ms whatever
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
  // A source modified or changed less than this long before it was hashed
  // gets no record: a second write in the same clock tick could leave its
  // key as it was (git calls such entries "racy"), so it is hashed again
  // at the next run instead. Two seconds covers the coarsest file system
  // clocks (FAT). Tests that write a source and open it at once set 0.
  std::int64_t settle_ns = 2'000'000'000;
};

// Writes `bytes` as the file `path` of the cache's folder, creating the
// folder, atomically; "" on success, else why not ("no cache folder ...",
// "cannot create '...': ..."). The edition cache (edition_cache.h) writes
// through it too.
std::string StoreInCache(const DictionaryCache& cache, const std::string& path,
                         std::string_view bytes);

// How long a cache file may go unused, and how many editions are kept.
inline constexpr int kCacheUnusedDays = 30;
inline constexpr std::size_t kCacheEditions = 8;

// Removes from the cache's folder what glossa wrote there and no longer
// uses, and nothing else: StoreInCache calls it after each write, which
// happens only when something was (re)built, so a run that finds its cache
// pays nothing. Without it the folder only grew: each edit of a glossary,
// each update of a dictionary and each build of glossa left its files
// behind (a day of development left 42 editions, 67 MB, beside three
// dictionary indexes of 232 MB that were all in use).
//
// A file's modification time says when it was last used: a cache hit marks
// its file (MappedFile::MarkUsed, at most once a day). Removed are:
//  - glossa's own files (named <32 hex digits>.index, .edition, .glossary,
//    .document or .source, or a temporary file such a write left,
//    <name>.tmp-XXXXXX) unused for kCacheUnusedDays;
//  - editions beyond the kCacheEditions most recently used, and glossary
//    caches and document caches beyond as many each (an edition is 1.6 MB
//    and remade in about 0.3 s; each glossary edit makes one edition and
//    one glossary cache, each build of glossa one of all three);
//  - never `keep` (the file just written), and never a file of any other
//    name: the folder may hold the user's things.
// Best effort: a file that cannot be removed stays, silently; a running
// glossa that has a removed file mapped keeps reading it (unlink leaves an
// open file's bytes alone), and one that looks for it later rebuilds it.
// `now_ns`: the current time (tests pass their own).
void PruneCache(const std::string& dir, const std::string& keep,
                std::int64_t now_ns);

// A source file as stat(2) describes it: what the cache finds its index by
// without reading it. Two looks at a file with the same key are taken to
// see the same bytes, as make, git and ccache take them: writing a file
// changes its modification and change times, replacing it the inode.
struct SourceKey {
  std::string path;  // canonical: absolute, symbolic links resolved
  std::uint64_t device = 0;
  std::uint64_t inode = 0;
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::int64_t ctime_ns = 0;
  bool operator==(const SourceKey&) const = default;
};

// The key of the file at `path`; nullopt when it cannot be resolved or
// stat'ed (then the file is read and hashed, and its read reports why).
std::optional<SourceKey> KeySource(const std::string& path);

// The content hash the record of `key` names, when there is a record
// written for this very key (the file has not changed since); nullopt
// otherwise. The edition cache finds its glossary files' hashes this way
// too (edition_cache.h).
std::optional<ContentHash> RecordedHash(const DictionaryCache& cache,
                                        const SourceKey& key);

// Records that the file `key` describes has the content `hash`, unless it
// changed too recently to be sure (DictionaryCache::settle_ns). A record
// that cannot be written only costs a hash at the next run, so it says
// nothing.
void RecordHash(const DictionaryCache& cache, const SourceKey& key,
                const ContentHash& hash);

// The dictionary of the source file whose key is `key`, without reading
// it: from the index its record names, when the record matches the key and
// the index's structure checks out (dictionary_index.h says why its
// checksum is not recomputed here). Reports the reader's problems kept in
// the index to `diags`, as OpenIndexed does. nullptr, having reported
// nothing, when there is no such record or index: read the source and call
// OpenIndexed, which says what was wrong and rebuilds.
//
//   if (auto key = KeySource(path))
//     if (auto cached = OpenByKey(*key, source, cache, diags)) return cached;
std::unique_ptr<Dictionary> OpenByKey(const SourceKey& key,
                                      DictionarySource source,
                                      DictionaryCache& cache,
                                      Diagnostics& diags);

// Parses the source, passing each entry to `add` in order as it is read
// (the index is built as they come: the entries are never all held at
// once), and reporting problems to `diags` (broken lines as warnings).
// False when the source cannot be read at all.
using AddEntry = std::function<void(const Concept& entry)>;
using ReadEntries =
    std::function<bool(Diagnostics& diags, const AddEntry& add)>;

// The dictionary of the file whose bytes are `bytes` (source.path is its
// name), from its cached index, which is built with `read` (and written to
// the cache) when there is none to trust. Problems the reader reported are
// reported to `diags` every time, from the index when it is cached. Returns
// nullptr when `read` returns false. `key`: the source file's key, taken
// before `bytes` were read; when given, and the index is in the cache, the
// source's record is written so that OpenByKey finds it next time.
//
//   DictionaryCache cache{DictionaryCacheDir(getenv(...), getenv(...))};
//   auto cedict = OpenIndexed(bytes, read_cedict,
//                             {"CC-CEDICT", "CC BY-SA 4.0", path}, cache,
//                             diags);
std::unique_ptr<Dictionary> OpenIndexed(
    std::string_view bytes, const ReadEntries& read, DictionarySource source,
    DictionaryCache& cache, Diagnostics& diags, const SourceKey* key = nullptr);

}  // namespace glossa

#endif  // GLOSSA_CORE_DICTIONARY_CACHE_H_
