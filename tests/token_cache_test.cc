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
    REQUIRE(cache.Find(word, KeyOfToken(word)) == nullptr);
    const TokenCache::Symbols* kept =
        cache.Add(word, KeyOfToken(word), {i, -i, i % 7});
    CHECK(*kept == TokenCache::Symbols{i, -i, i % 7});
  }
  for (int i = 0; i < 5000; ++i) {
    std::string word = "Bonität" + std::to_string(i);
    const TokenCache::Symbols* found = cache.Find(word, KeyOfToken(word));
    REQUIRE(found != nullptr);
    CHECK(*found == TokenCache::Symbols{i, -i, i % 7});
  }
  CHECK(cache.Find("Bonität", KeyOfToken("Bonität")) == nullptr);
  CHECK(cache.Find("Bonität50000", KeyOfToken("Bonität50000")) == nullptr);
  CHECK(cache.Find("", KeyOfToken("")) == nullptr);
}

TEST_CASE("words longer than 16 bytes are told apart by every byte",
          "[matcher]") {
  TokenCache cache(1 << 20);
  // The first 16 bytes are kept as two numbers, the rest as bytes: words
  // equal in their first 16 bytes differ only in the rest, and words equal
  // in the rest only in the first 16.
  const std::string head = "Bonitätsreparat";  // 16 bytes in UTF-8
  REQUIRE(head.size() == 16);
  cache.Add(head + "ur", KeyOfToken(head + "ur"), {1, 1, 1});
  cache.Add(head + "uren", KeyOfToken(head + "uren"), {2, 2, 2});
  cache.Add("Xonitätsreparatur", KeyOfToken("Xonitätsreparatur"), {3, 3, 3});
  CHECK(*cache.Find(head + "ur", KeyOfToken(head + "ur")) ==
        TokenCache::Symbols{1, 1, 1});
  CHECK(*cache.Find(head + "uren", KeyOfToken(head + "uren")) ==
        TokenCache::Symbols{2, 2, 2});
  CHECK(*cache.Find("Xonitätsreparatur", KeyOfToken("Xonitätsreparatur")) ==
        TokenCache::Symbols{3, 3, 3});
  CHECK(cache.Find(head + "uR", KeyOfToken(head + "uR")) == nullptr);
  CHECK(cache.Find(head, KeyOfToken(head)) == nullptr);
  // A word of 16 bytes and one of 8 bytes whose padding is the zero bytes
  // a longer word would have: the length tells them apart.
  const std::string eight("Ampelrot", 8);
  cache.Add(eight, KeyOfToken(eight), {4, 4, 4});
  CHECK(cache.Find(std::string("Ampelrot\0", 9),
                   KeyOfToken(std::string("Ampelrot\0", 9))) == nullptr);
}

TEST_CASE("a full token cache forgets what it held and keeps the newest word",
          "[matcher]") {
  TokenCache cache(2);
  cache.Add("Ampel", KeyOfToken("Ampel"), {1, 2, 3});
  cache.Add("Liste", KeyOfToken("Liste"), {4, 5, 6});
  cache.Add("Rot", KeyOfToken("Rot"), {7, 8, 9});
  CHECK(cache.Find("Ampel", KeyOfToken("Ampel")) == nullptr);
  CHECK(cache.Find("Liste", KeyOfToken("Liste")) == nullptr);
  const TokenCache::Symbols* rot = cache.Find("Rot", KeyOfToken("Rot"));
  REQUIRE(rot != nullptr);
  CHECK(*rot == TokenCache::Symbols{7, 8, 9});
}

}  // namespace
}  // namespace glossa
