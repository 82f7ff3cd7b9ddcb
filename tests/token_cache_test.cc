// The matcher's flat token cache: what is added is found, by its words'
// bytes, across growth; a full cache starts over.

#include "core/token_cache.h"

#include <catch2/catch.hpp>
#include <string>

namespace glossa {
namespace {

TEST_CASE("the token cache finds every word added, and nothing else",
          "[matcher]") {
  TokenCache cache(1 << 20);
  // Enough words to grow the table several times; prefixes of one another
  // and words of the same length, so that only the bytes tell them apart.
  for (int i = 0; i < 5000; ++i) {
    std::string word = "Bonität" + std::to_string(i);
    REQUIRE(cache.Find(word, HashWord(word)) == nullptr);
    const TokenCache::Symbols* kept =
        cache.Add(word, HashWord(word), {i, -i, i % 7});
    CHECK(*kept == TokenCache::Symbols{i, -i, i % 7});
  }
  for (int i = 0; i < 5000; ++i) {
    std::string word = "Bonität" + std::to_string(i);
    const TokenCache::Symbols* found = cache.Find(word, HashWord(word));
    REQUIRE(found != nullptr);
    CHECK(*found == TokenCache::Symbols{i, -i, i % 7});
  }
  CHECK(cache.Find("Bonität", HashWord("Bonität")) == nullptr);
  CHECK(cache.Find("Bonität50000", HashWord("Bonität50000")) == nullptr);
  CHECK(cache.Find("", HashWord("")) == nullptr);
}

TEST_CASE("a full token cache forgets what it held and keeps the newest word",
          "[matcher]") {
  TokenCache cache(2);
  cache.Add("Ampel", HashWord("Ampel"), {1, 2, 3});
  cache.Add("Liste", HashWord("Liste"), {4, 5, 6});
  cache.Add("Rot", HashWord("Rot"), {7, 8, 9});
  CHECK(cache.Find("Ampel", HashWord("Ampel")) == nullptr);
  CHECK(cache.Find("Liste", HashWord("Liste")) == nullptr);
  const TokenCache::Symbols* rot = cache.Find("Rot", HashWord("Rot"));
  REQUIRE(rot != nullptr);
  CHECK(*rot == TokenCache::Symbols{7, 8, 9});
}

}  // namespace
}  // namespace glossa
