// The compiled dictionary index: a dictionary's entries, the keys it finds
// them by and a trie over its Chinese forms, in one binary file that is
// mapped, not parsed. Opening one costs a few structural checks, whatever
// the number of entries; a lookup touches a few pages. dictionary_cache.h
// builds it once per source file and keeps it in the user's cache.
//
// The format (hard to undo: change it only with a new kDictionaryIndexVersion,
// which makes every cached index be rebuilt; so must any change to the keys
// it holds: the terms it indexes, Forms in dictionary_index_format.h;
// DictionaryKeys; the folding in unicode.h). All integers little-endian;
// varints are LEB128 (7 bits a byte, low first).
//
//   header, 64 bytes:
//     0  "GLOSSAIX"                 magic
//     8  u32 version                kDictionaryIndexVersion
//    12  u32 entries                Size()
//    16  u64, u64 source hash       XXH3-128 of the source file (low, high)
//    32  u64 file size              a truncated file is caught here
//    40  u64 checksum               XXH3-64 of bytes 64 .. file size
//    48  16 bytes, zero             reserved
//   section table, 9 × (u64 offset, u64 size), then the sections, each at
//   an offset that is a multiple of 8:
//     pool      strings, each a varint length and its bytes, each distinct
//               string once; a "string" elsewhere is a varint offset here
//               (offset 0 is "")
//     offsets   u32 × (entries + 1): where each entry's record starts in
//               `records`; the last is the end of the last record
//     records   an entry each, as varints and strings (see Entry below)
//     buckets   the key table's directory: u32 × (2^b + 1), where the keys
//               of each bucket start in `tags` (the last is their number).
//               A key's hash is XXH3-64 with its MatchKind as seed; its
//               bucket is the hash's top b bits. About 4 keys a bucket
//     tags      per key, by bucket: u32 tag (the hash's low 32 bits with
//               the kind in the lowest 3) and u32 offset of its postings
//     postings  per key: the key (a string; a tag is only a hint), varint
//               count, then per entry (ascending, each once) the varint gap
//               from the previous entry and which of its terms (the
//               first, counting through its sections) has the key, a varint
//     trie      the double array of double_array.h over every simplified
//               and traditional form (zh-Hans, zh-Hant terms) as written,
//               by code point (version 1: by byte; see double_array.h for
//               why it changed); a form's value is an offset into
//               `segments`. Not folded,
//               as Zhongwen matches: text in traditional characters meets
//               the entries written so (乾 "dry", not every entry of 干)
//     segments  for a form: varint count, then varint gaps between the
//               ascending entries that have it
//     problems  what the source's reader reported: varint count, then per
//               problem varint line, column, severity (0 error, 1 warning)
//               and the message (a string); replayed at every open, so a
//               dictionary from the cache warns as one read from its file
//
// What an entry keeps (Entry rebuilds it): the concept's id, origin line
// and column, subject fields, definitions and notes (text and source); per
// section its language, definitions, notes and terms; per term its text,
// status, type, part of speech, gender, geographical usage, sources and
// notes. Not kept, as a dictionary does not show them: cross-references,
// external references, contexts, project subsets, term ids, and the
// verbatim XML (`extra`, Text::xml) a writer needs for a round trip.
//
// A file is trusted only after its magic, version, source hash, size,
// section table and checksum check out; even then every offset read from it
// is bounds-checked, so bytes crafted with a valid checksum make wrong
// answers, never a crash.
//
// The checksum is verified once, not at every open (Verify::kStructure).
// Why: it reads the whole file, 180 MB for the default dictionaries, which
// took longer than the rest of a lookup and made every page resident. The
// cache (dictionary_cache.h) verifies it whenever it hashes the source:
// right after building (the file as written), and whenever the source's
// key changes. Between those, an index reached through its source's record
// gets the structural checks alone (magic, version, source hash, size,
// section table), which catch a truncated or foreign file. A body damaged
// after it was verified is not caught until then; that is acceptable only
// because reading it is safe: every offset is bounds-checked on use, as for
// crafted bytes (the fuzz target), so the harm is a wrong answer.

#ifndef GLOSSA_CORE_DICTIONARY_INDEX_H_
#define GLOSSA_CORE_DICTIONARY_INDEX_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dictionary.h"
#include "core/mapped_file.h"

namespace glossa {

inline constexpr std::uint32_t kDictionaryIndexVersion = 2;

// A file's content hash: XXH3-128.
struct ContentHash {
  std::uint64_t low = 0;
  std::uint64_t high = 0;
  bool operator==(const ContentHash&) const = default;
  // 32 lower-case hex digits, high half first.
  std::string Hex() const;
};
ContentHash HashContent(std::string_view bytes);

// The index of `entries`, for a source whose bytes hash to `source`.
//   std::string index = BuildDictionaryIndex(glossary.concepts,
//                                            HashContent(bytes));
// `problems`: what reading the source reported (their file is not kept:
// Problems() names the source's path).
std::string BuildDictionaryIndex(const std::vector<Concept>& entries,
                                 const ContentHash& source,
                                 const std::vector<Diagnostic>& problems = {});

// Builds an index one entry at a time, so that a dictionary's entries are
// never all held at once: the index keeps each entry's record and, per
// key, 16 bytes (the key is a string of the pool). Reading Ding whole and
// then building took 1.7 GB; see README "The dictionary index" for now.
// Movable, not copyable.
//
//   DictionaryIndexBuilder builder;
//   for (const EntrySpan& span : spans) builder.Add(EntryAt(span));
//   std::string index = std::move(builder).Finish(HashContent(bytes));
class DictionaryIndexBuilder {
 public:
  DictionaryIndexBuilder();
  ~DictionaryIndexBuilder();
  DictionaryIndexBuilder(DictionaryIndexBuilder&&);
  DictionaryIndexBuilder& operator=(DictionaryIndexBuilder&&);

  // Adds the next entry; entries are numbered in the order added.
  void Add(const Concept& entry);
  // The index of the entries added, as BuildDictionaryIndex makes it. The
  // builder is used up.
  std::string Finish(const ContentHash& source,
                     const std::vector<Diagnostic>& problems = {}) &&;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Recomputes the header's checksum and size for `index`'s bytes, as the
// builder does last. For tests and the fuzz target, which change an index
// and want it to pass the checksum.
void SealDictionaryIndex(std::string* index);

// A Dictionary that answers from an index's bytes, mapped from a file or
// held in memory. Const methods may run on several threads at once.
class MappedDictionary : public Dictionary {
 public:
  // Maps the index file at `path`. Returns nullptr and sets *error to why
  // it is not to be trusted ("truncated (4096 of 20480 bytes)", "format
  // version 2, not 1", "built from another source", "checksum does not
  // match", "cannot open '...': ...") when it cannot be used. `expected`:
  // the source's hash; nullopt accepts any. `verify`: whether the checksum
  // is recomputed (see "The checksum is verified once" above).
  enum class Verify { kChecksum, kStructure };
  static std::unique_ptr<MappedDictionary> Map(
      const std::string& path, std::optional<ContentHash> expected,
      DictionarySource source, std::string* error,
      Verify verify = Verify::kChecksum);
  // The same for an index held in memory.
  static std::unique_ptr<MappedDictionary> FromBytes(
      std::string index, std::optional<ContentHash> expected,
      DictionarySource source, std::string* error);

  const DictionarySource& Source() const override { return source_; }
  std::size_t Size() const override { return size_; }
  std::vector<DictionaryHit> Find(std::string_view query) const override;
  Concept Entry(std::size_t i) const override;
  std::string EntryId(std::size_t i) const override;
  std::size_t LongestChinesePrefix(
      std::string_view text, std::vector<std::size_t>* entries) const override;

  // What reading the source reported when the index was built, located in
  // Source().path.
  std::vector<Diagnostic> Problems() const;

 private:
  MappedDictionary() = default;
  // Checks the bytes and fills the section views; "" when they can be
  // trusted, else why not.
  std::string Check(std::optional<ContentHash> expected,
                    Verify verify = Verify::kChecksum);
  // XXH3-64 of the bytes after the header; for a mapped file read with
  // pread (MappedFile::ReadAt says why). nullopt on a read error.
  std::optional<std::uint64_t> BodyChecksum() const;
  // The string at `ref` in the pool, "" when it lies outside. `budget`:
  // bytes a call may still copy out (see Budget()); a string longer is "".
  std::string String(std::uint64_t ref, std::size_t* budget) const;
  // What one call may copy out of the pool: far more than any entry built
  // from real data needs, but bounded, so that a crafted index cannot make
  // a few bytes that name a long string many times take gigabytes.
  std::size_t Budget() const { return 16 * bytes_.size() + (1 << 20); }
  // Adds the postings of (kind, key) to *out: (entry, which form) pairs.
  void Postings(MatchKind kind, std::string_view key,
                std::vector<std::pair<std::size_t, std::uint64_t>>* out) const;

  std::unique_ptr<MappedFile> file_;
  std::string owned_;
  std::string_view bytes_;
  DictionarySource source_;
  std::size_t size_ = 0;
  int bucket_bits_ = 0;
  std::string_view pool_, offsets_, records_, buckets_, tags_, postings_, trie_,
      segments_, problems_;
};

}  // namespace glossa

#endif  // GLOSSA_CORE_DICTIONARY_INDEX_H_
