// A glossary as bytes, for the edition cache (edition_cache.h): what reading
// the glossary files gave (every field of the model, and what the reader
// reported), so that a later run skips the reading. Reading the built-in
// TBX was half of a `glossa lookup`'s instructions (51 M of 111 M); decoding
// its bytes is a few percent of that.
//
// Every struct's fields are listed once (Fields in glossary_codec.cc), and
// the encoder and the decoder both walk that list, so the two cannot
// disagree on the order. A field added to the model must be added there,
// with a new kEditionCacheVersion; a static_assert on each struct's size
// stops the build until it is.
//
// Entries. Each is written after its size in bytes (u64), so that the
// decoder can find every entry without decoding the others; given what
// holds the bytes (`keep`), DecodeGlossary walks each entry once to check
// it and count its terms and references, keeping no text, and decodes it
// when it is first touched (Concepts::Lazy, glossary.h). Since edition
// cache format 5.
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
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/edition_index.h"
#include "core/glossary.h"

namespace glossa {

// `glossary` and what reading it reported, as bytes; `files` are the names
// of the glossary files it was read from, in order.
std::string EncodeGlossary(const Glossary& glossary,
                           const Diagnostics& reported,
                           const std::vector<std::string>& files);

// The glossary EncodeGlossary wrote into `bytes`, with what reading it
// reported appended to *reported; `files` names the glossary files as they
// are shown now. False, with *why set and *out unspecified, when the bytes
// are not a whole encoding (cut, or a count or length that does not fit).
// `keep`: what holds `bytes` (the cache file's mapping); given, every entry
// is checked now but decoded only when first touched (Concepts::Lazy), and
// `keep` is held as long as the glossary's entries are.
bool DecodeGlossary(std::string_view bytes,
                    const std::vector<std::string>& files, Glossary* out,
                    Diagnostics* reported, std::string* why,
                    std::shared_ptr<const void> keep = nullptr);

// Every entry's key passages (EditionIndex::KeyPassagesOf, one list per
// entry of `glossary`), as bytes, and back; false, with *why set, when the
// bytes are not a whole encoding or name a reference the entry lacks. The
// decoded passages' `block` is left empty: EditionIndex fills it.
std::string EncodeKeyPassages(
    const std::vector<std::vector<KeyPassage>>& key_passages);
bool DecodeKeyPassages(std::string_view bytes, const Glossary& glossary,
                       std::vector<std::vector<KeyPassage>>* out,
                       std::string* why);

}  // namespace glossa

#endif  // GLOSSA_CORE_GLOSSARY_CODEC_H_
