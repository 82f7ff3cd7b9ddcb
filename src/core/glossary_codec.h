// A glossary as bytes, for the edition cache (edition_cache.h): what reading
// the glossary files gave (every field of the model, and what the reader
// reported), so that a later run skips the reading; the same for the
// edition's Document and for the key passages. Reading the built-in
// TBX was half of a `glossa lookup`'s instructions (51 M of 111 M); decoding
// its bytes is a few percent of that.
//
// Every struct's fields are listed once (Fields in glossary_codec.cc), and
// the encoder and the decoder both walk that list, so the two cannot
// disagree on the order. A field added to the model must be added there,
// with a new kEditionCacheVersion; a static_assert on each struct's size
// stops the build until it is.
//
// Entries. Each is written after its size in bytes and its shape's counts
// of terms and external references (three u64s), so that the decoder can
// find every entry without decoding the others. Given what holds the bytes
// (`keep`), DecodeGlossary reads only those and each entry's id, and
// decodes an entry when it is first touched (Concepts::Lazy, glossary.h):
// only then is the entry checked, and one that does not decode whole, to
// the counts given, throws. The edition cache stands a checksum before
// this, so only a file made to defeat it gets there. Without `keep`
// every entry is decoded and checked at once, counts included. Since
// edition cache format 6 (format 5 walked every entry at open to check and
// count it: 2.9 M of a warm lookup's 12 M instructions).
//
// File names. Each Location (and Glossary::name) names the file it was read
// from as the command line showed it, which depends on where glossa runs.
// The encoding keeps the names in a table whose first entries are the
// glossary files, in order; the decoder puts the names the caller shows now
// in their place, so a warning replayed from the cache names the file as
// the same warning read afresh would.
//
//   std::string bytes = EncodeGlossary(glossary, diags, {"a.tbx"});
//   Glossary back;
//   Diagnostics reported;
//   std::string why;
//   DecodeGlossary(bytes, {"../a.tbx"}, &back, &reported, &why);

#ifndef GLOSSA_CORE_GLOSSARY_CODEC_H_
#define GLOSSA_CORE_GLOSSARY_CODEC_H_

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/document.h"
#include "core/edition_index.h"
#include "core/glossary.h"

namespace glossa {

// `glossary` and what reading it reported, as bytes; `files` are the names
// of the glossary files it was read from, in order.
std::string EncodeGlossary(const Glossary& glossary,
                           const Diagnostics& reported,
                           const std::vector<std::string>& files);

// What an entry decoded only when first touched throws when it does not
// decode: the cache file `path` passed its checksum but holds bytes no
// encoder wrote (made to defeat it, or a checksum collision). The command
// that touched it cannot go on; glossa removes the file (cli.cc), so that
// the next run rebuilds it instead of failing the same way.
class DamagedCacheFile : public std::runtime_error {
 public:
  DamagedCacheFile(std::string path, const std::string& what)
      : std::runtime_error(what), path_(std::move(path)) {}
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// The glossary EncodeGlossary wrote into `bytes`, with what reading it
// reported appended to *reported (nothing when the bytes do not decode);
// `files` names the glossary files as they are shown now. False, with *why set
// and *out unspecified, when the bytes are not a whole encoding (cut, or a
// count or length that does not fit). `keep`: what holds `bytes` (the cache
// file's mapping); given, every entry is decoded and checked only when first
// touched (Concepts::Lazy; one that fails throws DamagedCacheFile then, naming
// `source`, the file), and `keep` is held as long as the glossary's entries
// are.
bool DecodeGlossary(std::string_view bytes,
                    const std::vector<std::string>& files, Glossary* out,
                    Diagnostics* reported, std::string* why,
                    std::shared_ptr<const void> keep = nullptr,
                    std::string source = "");

// The edition's Document (document.h) as reading its TEI gave it, with
// what reading reported, as bytes, and back, as for the glossary: `files`
// name the edition as it is shown (the first entry of the names' table).
// Reading the built-in edition's TEI was 1.7 M of a warm lookup's 8.7 M
// instructions and most of its heap.
std::string EncodeDocument(const Document& document,
                           const Diagnostics& reported,
                           const std::vector<std::string>& files);
bool DecodeDocument(std::string_view bytes,
                    const std::vector<std::string>& files, Document* out,
                    Diagnostics* reported, std::string* why);

// Every entry's key passages (EditionIndex::KeyPassagesOf, one list per
// entry of `glossary`), as bytes: the number of lists, then each list after
// its size in bytes, so that a lookup, which shows one entry's, decodes
// only that list (decoding all of them was 0.4 M of a warm lookup's 6 M
// instructions; edition cache format 7).
std::string EncodeKeyPassages(
    const std::vector<std::vector<KeyPassage>>& key_passages);
// Finds each entry's list in `bytes` without decoding it, into *out (one
// view into `bytes` per entry); false, with *why set, when there is not one
// list per entry or the lists do not fill the bytes exactly.
bool OpenKeyPassages(std::string_view bytes, const Glossary& glossary,
                     std::vector<std::string_view>* out, std::string* why);
// Decodes one list found by OpenKeyPassages, of an entry that has
// `references` external references; false, with *why set (without
// DecodeKeyPassages' "key passages: "), when the bytes are not a whole
// list or name a reference the entry lacks. The decoded
// passages' `block` is left empty: EditionIndex fills it.
bool DecodeKeyPassagesOf(std::string_view bytes, std::size_t references,
                         std::vector<KeyPassage>* out, std::string* why);
// Every list at once: OpenKeyPassages, then DecodeKeyPassagesOf for each.
bool DecodeKeyPassages(std::string_view bytes, const Glossary& glossary,
                       std::vector<std::vector<KeyPassage>>* out,
                       std::string* why);

}  // namespace glossa

#endif  // GLOSSA_CORE_GLOSSARY_CODEC_H_
