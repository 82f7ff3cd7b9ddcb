#include "core/glossary_codec.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/tbx_reader.h"
#include "core/tbx_writer.h"
#include "core/tei.h"
#include "test_support.h"

namespace glossa {
namespace {

std::string Where(const Location& at) {
  return at.file + ":" + std::to_string(at.line) + ":" +
         std::to_string(at.column) + "\n";
}

// Every origin of `glossary`, in order: what WriteTbx does not show.
std::string Origins(const Glossary& glossary) {
  std::string out = glossary.name + "\n";
  for (const Concept& c : glossary.concepts) {
    out += Where(c.origin);
    for (const CrossReference& x : c.cross_references) out += Where(x.origin);
    for (const ExternalReference& x : c.external_references)
      out += Where(x.origin);
    for (const LangSection& section : c.languages) {
      out += Where(section.origin);
      for (const Term& term : section.terms) out += Where(term.origin);
    }
  }
  return out;
}

// `glossary` through the codec and back, under the file names `now`.
Glossary RoundTrip(const Glossary& glossary, const Diagnostics& reported,
                   const std::vector<std::string>& then,
                   const std::vector<std::string>& now, Diagnostics* back) {
  Glossary out;
  std::string why;
  REQUIRE(DecodeGlossary(EncodeGlossary(glossary, reported, then), now, &out,
                         back, &why));
  return out;
}

// The built-in glossary and every TBX file of ../shared/data/tbx.
std::vector<std::string> TbxFiles() {
  std::vector<std::string> files = {std::string(GLOSSA_SOURCE_DIR) +
                                    "/glossary/social-credit.tbx"};
  for (const auto& entry : std::filesystem::recursive_directory_iterator(
           testing::SharedPath("data/tbx"))) {
    if (entry.path().extension() == ".tbx") files.push_back(entry.path());
  }
  REQUIRE(files.size() > 20);
  return files;
}

// A glossary of `entry` alone.
Glossary Only(const Concept& entry) {
  Glossary glossary;
  glossary.concepts.push_back(entry);
  return glossary;
}

TEST_CASE("a glossary comes back from its bytes field by field",
          "[glossary_codec]") {
  const std::vector<std::string> files = TbxFiles();
  std::size_t with_warnings = 0;
  for (const std::string& path : files) {
    INFO(path);
    Glossary glossary;
    Diagnostics reported;
    if (!ReadTbx(testing::ReadOrFail(path), path, reported, &glossary))
      continue;
    with_warnings += reported.warnings() > 0;
    Diagnostics back;
    const Glossary out = RoundTrip(glossary, reported, {path}, {path}, &back);
    CHECK(WriteTbx(out) == WriteTbx(glossary));
    CHECK(Origins(out) == Origins(glossary));
    CHECK(testing::Messages(back) == testing::Messages(reported));
    CHECK(back.errors() == reported.errors());
    CHECK(back.warnings() == reported.warnings());
  }
  CHECK(with_warnings > 0);
}

// What a lazy list tells of each entry without decoding it, as text.
std::string Shapes(const Concepts& entries) {
  std::string out;
  for (std::size_t i = 0; i < entries.size(); ++i)
    out += entries.IdOf(i) + " " + std::to_string(entries.TermCountOf(i)) +
           " " + std::to_string(entries.ReferenceCountOf(i)) + "\n";
  return out;
}

TEST_CASE(
    "a glossary decoded lazily knows each entry's shape at once and gives "
    "every entry as the eager decoding does, after its bytes' owner is gone",
    "[glossary_codec]") {
  for (const std::string& path : TbxFiles()) {
    INFO(path);
    Glossary glossary;
    Diagnostics reported;
    if (!ReadTbx(testing::ReadOrFail(path), path, reported, &glossary))
      continue;
    auto bytes = std::make_shared<const std::string>(
        EncodeGlossary(glossary, reported, {path}));
    Glossary lazy;
    Diagnostics back;
    std::string why;
    REQUIRE(DecodeGlossary(*bytes, {path}, &lazy, &back, &why, bytes));
    bytes.reset();  // the lazy list holds them now (ASan sees a dangling one)
    // The shapes, before any entry is decoded, are those of the entries.
    CHECK(Shapes(lazy.concepts) == Shapes(glossary.concepts));
    CHECK(testing::Messages(back) == testing::Messages(reported));
    // One entry from the middle first, then every one.
    if (!lazy.concepts.empty()) {
      const std::size_t middle = lazy.concepts.size() / 2;
      CHECK(WriteTbx(Only(lazy.concepts[middle])) ==
            WriteTbx(Only(glossary.concepts[middle])));
    }
    CHECK(WriteTbx(lazy) == WriteTbx(glossary));
    CHECK(Origins(lazy) == Origins(glossary));
  }
}

TEST_CASE("a decoded glossary names its files as the caller shows them now",
          "[glossary_codec]") {
  const std::string path =
      testing::SharedPath("data/tbx/okapi-lib-terminology/sdl_tbx.tbx");
  Glossary glossary;
  Diagnostics reported;
  REQUIRE(ReadTbx(testing::ReadOrFail(path), path, reported, &glossary));
  REQUIRE(reported.warnings() == 44);
  Diagnostics back;
  const Glossary out =
      RoundTrip(glossary, reported, {path}, {"sdl_tbx.tbx"}, &back);
  CHECK(out.name == "sdl_tbx.tbx");
  CHECK(out.concepts.front().origin.file == "sdl_tbx.tbx");
  CHECK(out.concepts.front().origin.line ==
        glossary.concepts.front().origin.line);
  REQUIRE(back.all().size() == 44);
  const Diagnostic& first = back.all().front();
  CHECK(first.location.file == "sdl_tbx.tbx");
  CHECK(FormatDiagnostic(first) ==
        "sdl_tbx.tbx" +
            FormatDiagnostic(reported.all().front()).substr(path.size()));
}

TEST_CASE("a cut or damaged glossary encoding is refused, never trusted",
          "[glossary_codec]") {
  const testing::BuiltInData& built_in = testing::BuiltIn();
  const std::string bytes =
      EncodeGlossary(built_in.glossary, Diagnostics(), {"social-credit.tbx"});
  Glossary out;
  Diagnostics back;
  std::string why;
  CHECK_FALSE(DecodeGlossary("", {}, &out, &back, &why));
  CHECK(why == "glossary: cut in a number");
  for (std::size_t cut = 1; cut < bytes.size(); cut += bytes.size() / 97) {
    INFO(cut);
    CHECK_FALSE(DecodeGlossary(bytes.substr(0, cut), {}, &out, &back, &why));
    CHECK(why.rfind("glossary: ", 0) == 0);
  }
  CHECK_FALSE(DecodeGlossary(bytes + "x", {}, &out, &back, &why));
  CHECK(why == "glossary: bytes after the end");
  std::string huge = bytes;
  huge.replace(0, 8, 8, '\xff');  // more file names than the file has bytes
  CHECK_FALSE(DecodeGlossary(huge, {}, &out, &back, &why));
  CHECK(why == "glossary: a list longer than the file");
  CHECK(back.all().empty());
}

// The bytes of a glossary of one entry, `only`, with the German term
// "Wort", and where its count of terms is in them.
struct OneEntry {
  std::string bytes;
  std::size_t terms_at = 0;
  OneEntry() {
    Glossary glossary;
    Concept entry;
    entry.id = "only";
    LangSection& de = entry.languages.emplace_back();
    de.lang = "de";
    de.terms.emplace_back().text = "Wort";
    glossary.concepts.push_back(entry);
    bytes = EncodeGlossary(glossary, Diagnostics(), {});
    // The entry: its size, its counts of terms and references, its id.
    terms_at = bytes.find(std::string("\x04\0\0\0\0\0\0\0only", 12)) - 16;
  }
};

TEST_CASE(
    "an entry that does not decode to the terms counted for it is refused "
    "eagerly, and throws when a lazy list touches it",
    "[glossary_codec]") {
  OneEntry one;
  REQUIRE(one.bytes.at(one.terms_at) == 1);
  std::string damaged = one.bytes;
  damaged[one.terms_at] = 2;
  Glossary out;
  Diagnostics back;
  std::string why;
  CHECK_FALSE(DecodeGlossary(damaged, {}, &out, &back, &why));
  CHECK(why ==
        "glossary: an entry that does not have the terms or references "
        "counted");
  // Lazily only the counts and the id are read at once: a checksum
  // (edition_cache.h) stands between a damaged file and this.
  auto held = std::make_shared<const std::string>(damaged);
  REQUIRE(DecodeGlossary(*held, {}, &out, &back, &why, held));
  const Concepts& lazy = out.concepts;
  CHECK(lazy.IdOf(0) == "only");
  CHECK(lazy.TermCountOf(0) == 2);
  CHECK_THROWS_WITH(lazy[0],
                    "cached entry only does not decode (an entry that does "
                    "not have the terms or references counted)");
  // A text longer than the entry: the same, with its own reason.
  damaged = one.bytes;
  const std::size_t word = damaged.find("Wort") - 8;
  REQUIRE(damaged.at(word) == 4);
  damaged[word + 4] = 1;  // 4 + 2^32 bytes
  held = std::make_shared<const std::string>(damaged);
  CHECK_FALSE(DecodeGlossary(*held, {}, &out, &back, &why));
  CHECK(why == "glossary: a text longer than the file");
  REQUIRE(DecodeGlossary(*held, {}, &out, &back, &why, held));
  CHECK_THROWS_WITH(out.concepts.at(0),
                    "cached entry only does not decode (a text longer than "
                    "the file)");
  // More terms than the entry has bytes is refused at once, lazily too.
  damaged = one.bytes;
  damaged[one.terms_at + 3] = 1;
  CHECK_FALSE(DecodeGlossary(damaged, {}, &out, &back, &why, held));
  CHECK(why == "glossary: an entry with more terms or references than bytes");
}

TEST_CASE(
    "an edition's document comes back from its bytes, with what reading it "
    "reported, under the name it is shown by now",
    "[glossary_codec]") {
  const std::string path =
      testing::DataDir() + "/sources/merics-2017-de.tei.xml";
  // The built-in edition, with a warning its reader gives.
  std::string tei = testing::ReadOrFail(path);
  const std::size_t body = tei.find("<body>");
  REQUIRE(body != std::string::npos);
  tei.insert(body + 6, "<marginalia/>");
  Document document;
  Diagnostics reported;
  REQUIRE(ReadTei(tei, "then.xml", reported, &document));
  REQUIRE(testing::Messages(reported).size() == 1);
  const std::string bytes = EncodeDocument(document, reported, {"then.xml"});
  Document back;
  Diagnostics replayed;
  std::string why;
  REQUIRE(DecodeDocument(bytes, {"now.xml"}, &back, &replayed, &why));
  // Every field: the encoding walks them all.
  CHECK(EncodeDocument(back, Diagnostics(), {}) ==
        EncodeDocument(document, Diagnostics(), {}));
  CHECK(WriteTei(back) == WriteTei(document));
  CHECK(back.body.size() == document.body.size());
  CHECK(testing::Messages(replayed) ==
        std::vector<std::string>{
            "now.xml" + testing::Messages(reported).front().substr(8)});
  CHECK(testing::Messages(replayed).front().find(
            ": warning: <marginalia> is not part of an edition; skipped") !=
        std::string::npos);
  // Cut anywhere, it is refused.
  for (std::size_t cut = 0; cut < bytes.size(); cut += bytes.size() / 37) {
    INFO(cut);
    CHECK_FALSE(DecodeDocument(bytes.substr(0, cut), {"now.xml"}, &back,
                               &replayed, &why));
    CHECK(why.rfind("document: ", 0) == 0);
  }
}

TEST_CASE(
    "a document nested as deep as an XML file may be comes back; deeper, "
    "it is refused before the decoder recurses further",
    "[glossary_codec]") {
  Document deepest;
  Diagnostics reported;
  REQUIRE(
      ReadTei(testing::NestedEdition(252), "limit.xml", reported, &deepest));
  const std::string bytes = EncodeDocument(deepest, reported, {"limit.xml"});
  Document back;
  Diagnostics replayed;
  std::string why;
  REQUIRE(DecodeDocument(bytes, {"limit.xml"}, &back, &replayed, &why));
  CHECK(WriteTei(back) == WriteTei(deepest));
  // 300 nodes, each the only child of the one before.
  Document deeper;
  Node* node = &deeper.body.emplace_back();
  for (int level = 1; level < 300; ++level)
    node = &node->children.emplace_back();
  CHECK_FALSE(DecodeDocument(EncodeDocument(deeper, Diagnostics(), {}), {},
                             &back, &replayed, &why));
  CHECK(why == "document: nodes nested too deep");
}

TEST_CASE(
    "key passages come back from their bytes, and a reference the entry "
    "lacks is refused",
    "[glossary_codec]") {
  const testing::BuiltInData& built_in = testing::BuiltIn();
  const Glossary& glossary = built_in.glossary;
  std::vector<std::vector<KeyPassage>> all;
  std::size_t count = 0;
  for (std::size_t i = 0; i < glossary.concepts.size(); ++i) {
    all.push_back(built_in.index->KeyPassagesOf(i));
    count += all.back().size();
  }
  REQUIRE(count > 100);
  std::vector<std::vector<KeyPassage>> back;
  std::string why;
  const std::string bytes = EncodeKeyPassages(all);
  REQUIRE(DecodeKeyPassages(bytes, glossary, &back, &why));
  REQUIRE(back.size() == all.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    REQUIRE(back[i].size() == all[i].size());
    for (std::size_t k = 0; k < all[i].size(); ++k) {
      const KeyPassage& a = all[i][k];
      const KeyPassage& b = back[i][k];
      CHECK(b.reference == a.reference);
      CHECK(b.id == a.id);
      CHECK(b.quote == a.quote);
      CHECK(b.description == a.description);
      CHECK(b.reason == a.reason);
      CHECK(b.sentence == a.sentence);
      CHECK(b.entry_in_sentence == a.entry_in_sentence);
      CHECK(b.problem == a.problem);
      CHECK(b.target_error == a.target_error);
      CHECK_FALSE(b.block.has_value());  // EditionIndex looks it up
    }
  }
  CHECK_FALSE(DecodeKeyPassages(bytes.substr(0, bytes.size() - 1), glossary,
                                &back, &why));
  CHECK(why == "key passages: a list longer than the file");
  CHECK_FALSE(DecodeKeyPassages(bytes + "x", glossary, &back, &why));
  CHECK(why == "key passages: bytes after the end");
  // One entry's list alone, as a lookup decodes it (edition_cache.cc).
  std::vector<std::string_view> lists;
  REQUIRE(OpenKeyPassages(bytes, glossary, &lists, &why));
  REQUIRE(lists.size() == all.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    std::vector<KeyPassage> one;
    REQUIRE(DecodeKeyPassagesOf(lists[i], glossary.concepts.ReferenceCountOf(i),
                                &one, &why));
    REQUIRE(one.size() == all[i].size());
    for (std::size_t k = 0; k < one.size(); ++k)
      CHECK(one[k].sentence == all[i][k].sentence);
  }
  std::vector<std::vector<KeyPassage>> wrong = all;
  wrong.pop_back();
  CHECK_FALSE(
      DecodeKeyPassages(EncodeKeyPassages(wrong), glossary, &back, &why));
  CHECK(why == "key passages: not one list per entry");
  wrong = all;
  for (std::size_t i = 0; i < wrong.size(); ++i) {
    if (wrong[i].empty()) continue;
    wrong[i][0].reference = glossary.concepts[i].external_references.size();
    break;
  }
  CHECK_FALSE(
      DecodeKeyPassages(EncodeKeyPassages(wrong), glossary, &back, &why));
  CHECK(why == "key passages: a reference the entry does not have");
}

}  // namespace
}  // namespace glossa
