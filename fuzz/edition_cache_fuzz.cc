// The edition cache's readers (edition_cache.h): arbitrary bytes as what
// EncodePassages wrote for the built-in glossary in the built-in edition,
// as what EncodeGlossary wrote for that glossary, as its term index's table
// (Index::table), as its key passages (EncodeKeyPassages) and as the
// edition's Document (EncodeDocument, written back as TEI); each first as
// they are, then as edits to the real encoding (every 3 bytes of the input: a
// 16-bit offset and the byte to put there), so that the fuzzer works on a file
// that is right up to a few numbers. What decodes must keep every offset inside
// its block and sentence: each passage's match, sentence and locator are read
// back; a decoded glossary (decoded lazily, as the cache does) is walked
// whole; an opened term index answers
// queries, and what it finds is touched.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "built_in.h"
#include "core/edition_index.h"
#include "core/glossary_codec.h"
#include "core/glossary_matcher.h"
#include "core/lookup.h"
#include "core/passages.h"
#include "core/tei.h"

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

// A string, touched.
std::size_t Touch(const std::string& text) {
  return text.empty() ? 0 : static_cast<unsigned char>(text.back());
}

// Every term of a decoded glossary, touched.
std::size_t Touch(const glossa::Glossary& glossary) {
  std::size_t sum = glossary.name.size();
  for (const glossa::Concept& c : glossary.concepts) {
    for (const glossa::LangSection& section : c.languages) {
      for (const glossa::Term& term : section.terms)
        sum += term.text.size() + term.origin.file.size() +
               glossa::StatusName(term.status).size() +
               glossa::TermTypeName(term.type).size();
    }
  }
  return sum;
}

enum class Part { kPassages, kGlossary, kTermIndex, kKeyPassages, kDocument };

void Decode(Part part, std::string_view bytes) {
  std::string why;
  if (part == Part::kPassages) {
    glossa::EditionPassages found;
    if (glossa::DecodePassages(bytes, glossa::fuzz::BuiltInDocument(),
                               glossa::fuzz::BuiltInGlossary(), &found, &why))
      Touch(found);
  } else if (part == Part::kGlossary) {
    // Lazily, as the edition cache decodes it: every entry's counts read
    // at once, each decoded (and checked) when Touch walks it; the copy is held
    // by the glossary alone, so that ASan sees a read past it.
    auto held = std::make_shared<const std::string>(bytes);
    glossa::Glossary glossary;
    glossa::Diagnostics reported;
    if (glossa::DecodeGlossary(*held, {"now.tbx"}, &glossary, &reported, &why,
                               held)) {
      held.reset();
      // An entry that does not decode throws when touched (only a file
      // that defeats the cache's checksum gets this far).
      try {
        Touch(glossary);
      } catch (const std::runtime_error&) {
      }
    }
  } else if (part == Part::kTermIndex) {
    // A copy the index holds, so that ASan sees a read past its table.
    auto table = std::make_shared<const std::string>(bytes);
    std::optional<glossa::Index> index = glossa::Index::Open(
        glossa::fuzz::BuiltInGlossary(), *table, table, &why);
    if (index) {
      for (std::string_view query :
           {"zhengxin", "征信", "Bonitaet", "shehui-xinyong-tixi", "laolai"}) {
        for (const glossa::Hit& hit : index->Find(query))
          Touch(glossa::fuzz::BuiltInGlossary()
                    .concepts.at(hit.concept_index)
                    .id +
                hit.term);
        for (const glossa::Suggestion& near : index->Suggest(query, 3))
          Touch(near.term);
      }
    }
  } else if (part == Part::kDocument) {
    glossa::Document document;
    glossa::Diagnostics reported;
    if (glossa::DecodeDocument(bytes, {"now.xml"}, &document, &reported, &why))
      Touch(glossa::WriteTei(document));
  } else {
    std::vector<std::vector<glossa::KeyPassage>> key_passages;
    if (glossa::DecodeKeyPassages(bytes, glossa::fuzz::BuiltInGlossary(),
                                  &key_passages, &why)) {
      for (const auto& of_entry : key_passages) {
        for (const glossa::KeyPassage& key : of_entry)
          Touch(glossa::fuzz::BuiltInGlossary()
                    .concepts.at(&of_entry - key_passages.data())
                    .external_references.at(key.reference)
                    .target);
      }
    }
  }
}

// The real encoding of `part`, with the input's edits.
std::string Edited(const std::string& real, const std::uint8_t* data,
                   std::size_t size) {
  std::string edited = real;
  for (std::size_t i = 0; i + 3 <= size; i += 3) {
    std::size_t at = (data[i] | (data[i + 1] << 8)) % (edited.size() + 1);
    if (at == edited.size())
      edited.resize(edited.size() / 2);  // a cut file
    else
      edited[at] = static_cast<char>(data[i + 2]);
  }
  return edited;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  static const std::string real_passages = [] {
    glossa::GlossaryMatcher matcher(glossa::fuzz::BuiltInGlossary());
    glossa::EditionPassages found =
        glossa::FindPassages(glossa::fuzz::BuiltInDocument(), matcher);
    return glossa::EncodePassages(found.blocks, found.passages);
  }();
  static const std::string real_glossary = glossa::EncodeGlossary(
      glossa::fuzz::BuiltInGlossary(), glossa::Diagnostics(), {"then.tbx"});
  static const std::string real_keys(
      glossa::Index(glossa::fuzz::BuiltInGlossary()).table());
  static const std::string real_key_passages = [] {
    glossa::EditionIndex index(glossa::fuzz::BuiltInGlossary(),
                               glossa::fuzz::BuiltInDocument());
    std::vector<std::vector<glossa::KeyPassage>> all;
    for (std::size_t i = 0; i < index.glossary().concepts.size(); ++i)
      all.push_back(index.KeyPassagesOf(i));
    return glossa::EncodeKeyPassages(all);
  }();
  static const std::string real_document = glossa::EncodeDocument(
      glossa::fuzz::BuiltInDocument(), glossa::Diagnostics(), {"then.xml"});
  std::string_view input(reinterpret_cast<const char*>(data), size);
  for (Part part : {Part::kPassages, Part::kGlossary, Part::kTermIndex,
                    Part::kKeyPassages, Part::kDocument})
    Decode(part, input);
  Decode(Part::kPassages, Edited(real_passages, data, size));
  Decode(Part::kGlossary, Edited(real_glossary, data, size));
  Decode(Part::kTermIndex, Edited(real_keys, data, size));
  Decode(Part::kKeyPassages, Edited(real_key_passages, data, size));
  Decode(Part::kDocument, Edited(real_document, data, size));
  return 0;
}
