// Concepts (glossary.h): a glossary's entries, eager or lazy.

#include <atomic>
#include <catch2/catch.hpp>
#include <string>
#include <thread>
#include <vector>

#include "core/glossary.h"

namespace glossa {
namespace {

// An entry with `terms` German terms and `references` external references.
Concept Entry(const std::string& id, std::size_t terms,
              std::size_t references) {
  Concept entry;
  entry.id = id;
  LangSection& de = entry.languages.emplace_back();
  de.lang = "de";
  for (std::size_t t = 0; t < terms; ++t)
    de.terms.emplace_back().text = id + "-" + std::to_string(t);
  entry.external_references.resize(references);
  return entry;
}

// Three entries, lazily, each decoded by counting into decoded[i].
struct Lazy {
  std::vector<std::atomic<int>> decoded = std::vector<std::atomic<int>>(3);
  Concepts entries = Concepts::Lazy(
      {{"a", 2, 0}, {"b", 1, 3}, {"c", 0, 1}},
      [this](std::size_t i, const Concepts::Shape&) {
        ++decoded[i];
        const std::size_t terms[] = {2, 1, 0}, references[] = {0, 3, 1};
        return Entry(std::string(1, static_cast<char>('a' + i)), terms[i],
                     references[i]);
      });
  std::string Decoded() const {
    std::string out;
    for (const auto& count : decoded) out += std::to_string(count.load());
    return out;
  }
};

TEST_CASE(
    "a lazy list answers size, ids and counts without decoding, and decodes "
    "an entry once, when it is first touched",
    "[glossary]") {
  Lazy lazy;
  const Concepts& entries = lazy.entries;
  CHECK(entries.size() == 3);
  CHECK(entries.IdOf(1) == "b");
  CHECK(entries.TermCountOf(0) == 2);
  CHECK(entries.ReferenceCountOf(1) == 3);
  CHECK(lazy.Decoded() == "000");
  CHECK(entries[1].languages.at(0).terms.at(0).text == "b-0");
  CHECK(entries.at(1).id == "b");
  CHECK(lazy.Decoded() == "010");
  CHECK(entries.back().id == "c");
  CHECK(lazy.Decoded() == "011");
  CHECK_THROWS_AS(entries.at(3), std::out_of_range);
  // Iterating visits every entry, so it decodes every one, once.
  std::string ids;
  for (const Concept& entry : entries) ids += entry.id;
  CHECK(ids == "abc");
  CHECK(lazy.Decoded() == "111");
}

TEST_CASE(
    "a lazy list read from several threads at once decodes each entry once",
    "[glossary]") {
  Lazy lazy;
  const Concepts& entries = lazy.entries;
  std::vector<std::thread> readers;
  std::atomic<int> bad = 0;
  for (int t = 0; t < 4; ++t) {
    readers.emplace_back([&] {
      for (std::size_t i = 0; i < entries.size(); ++i)
        if (entries[i].id != std::string(1, static_cast<char>('a' + i))) ++bad;
    });
  }
  for (std::thread& reader : readers) reader.join();
  CHECK(bad == 0);
  CHECK(lazy.Decoded() == "111");
}

TEST_CASE(
    "a changed or copied lazy list has every entry decoded, and an eager "
    "one counts from its entries",
    "[glossary]") {
  Lazy lazy;
  Concepts copy = lazy.entries;
  CHECK(lazy.Decoded() == "111");
  CHECK(copy.size() == 3);
  CHECK(copy[2].id == "c");
  Lazy changed;
  changed.entries.push_back(Entry("d", 4, 2));
  CHECK(changed.Decoded() == "111");
  CHECK(changed.entries.size() == 4);
  CHECK(changed.entries.IdOf(3) == "d");
  CHECK(changed.entries.TermCountOf(3) == 4);
  CHECK(changed.entries.ReferenceCountOf(3) == 2);
  CHECK(changed.entries.TermCountOf(0) == 2);
  // A mutable accessor may change an entry: the list turns eager first.
  Lazy written;
  written.entries[0].id = "z";
  CHECK(written.Decoded() == "111");
  CHECK(written.entries.IdOf(0) == "z");
  std::vector<Concept> taken = std::move(changed.entries).Take();
  CHECK(taken.size() == 4);
  CHECK(taken[1].external_references.size() == 3);
}

}  // namespace
}  // namespace glossa
