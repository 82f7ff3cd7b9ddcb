// The code-point trie that segments Chinese (double_array.h), on keys we
// wrote: longest prefixes in bytes, characters of one to four bytes, and
// the places a walk must stop.

#include "core/double_array.h"

#include <catch2/catch.hpp>

namespace glossa {
namespace {

struct Found {
  std::size_t length;
  std::uint32_t value;
  bool operator==(const Found&) const = default;
};

Found Longest(const std::string& units, std::string_view text) {
  std::uint32_t value = 0;
  std::size_t length = LongestPrefix(units, text, &value);
  return {length, length == 0 ? 0 : value};
}

const std::string& Units() {
  // Sorted by code point, as the index sorts them (the UTF-8 order).
  static const std::string units = BuildDoubleArray(
      {U"T恤", U"中", U"中国", U"中国人民银行", U"征信", U"\U00020BB7"},
      {1, 2, 3, 4, 5, 6});
  return units;
}

TEST_CASE("the trie finds the longest key a text starts with, in bytes",
          "[double_array]") {
  CHECK(Longest(Units(), "中国人民很好") == Found{6, 3});
  CHECK(Longest(Units(), "中国人民银行的") == Found{18, 4});
  CHECK(Longest(Units(), "中") == Found{3, 2});
  CHECK(Longest(Units(), "T恤衫") == Found{4, 1});
  CHECK(Longest(Units(), "\U00020BB7野家") == Found{4, 6});
  CHECK(Longest(Units(), "征") == Found{0, 0});
  CHECK(Longest(Units(), "国中") == Found{0, 0});
  CHECK(Longest(Units(), "") == Found{0, 0});
}

TEST_CASE("the trie stops at an ill-formed byte and at a NUL",
          "[double_array]") {
  CHECK(Longest(Units(), std::string("中国\xE4\xBA", 8)) == Found{6, 3});
  CHECK(Longest(Units(), std::string("中\xFF国", 7)) == Found{3, 2});
  CHECK(Longest(Units(), std::string("中\0国", 7)) == Found{3, 2});
}

TEST_CASE("the trie answers from any bytes without reading past them",
          "[double_array]") {
  CHECK(Longest("", "中国") == Found{0, 0});
  CHECK(Longest(std::string(7, '\xFF'), "中国") == Found{0, 0});
  // Every unit cut short or damaged in turn: some answer, no crash (the
  // ASan preset checks the reads).
  for (std::size_t cut = 0; cut < Units().size(); cut += 5) {
    std::string damaged = Units();
    damaged[cut] = '\x7F';
    Longest(damaged, "中国人民银行");
    Longest(Units().substr(0, cut), "中国人民银行");
  }
}

}  // namespace
}  // namespace glossa
