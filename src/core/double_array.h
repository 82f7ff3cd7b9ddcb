// A trie of code points in a double array, for the longest-prefix search
// that segments Chinese (Dictionary::LongestChinesePrefix). It is stored
// as-is in the dictionary index (dictionary_index.h), so its layout is part
// of that format.
//
// Layout: an array of units, each two little-endian uint32: `base` and
// `check`. Unit 0 is the root. The child of node s by code point c
// (1..0x10FFFF) is the unit t = base[s] + c if check[t] == s. A node where a
// key ends has the child t = base[s] (code point 0, which no key contains);
// base[t] is then the key's value, and the top bit of check[s] is set (the
// parent is the lower 31 bits), so that a walk learns where keys end from
// the units it reads anyway, and reads a value once, for the longest key.
// A free unit has check 0xFFFFFFFF. One
// step is two loads and a compare, whatever the node's fan-out: why a
// double array and not sorted child lists or a hash of (node, character).
//
// Why code points and not bytes (index format 1 stepped by byte): a Chinese
// character is three bytes, so a byte trie took three dependent steps, each
// a likely cache miss in a trie of megabytes, for every character of a text
// (a quarter of annotate --dict's time, perf). Code points as labels need
// no table to map them: a node's children spread over the CJK block, and
// the builder fills the gaps with other nodes' children.
//
// The units may come from an untrusted file: every step is bounds-checked,
// so any bytes give an answer and never an out-of-bounds read.

#ifndef GLOSSA_CORE_DOUBLE_ARRAY_H_
#define GLOSSA_CORE_DOUBLE_ARRAY_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace glossa {

inline constexpr std::size_t kTrieUnitBytes = 8;

// Builds the units for `keys` (sorted, unique, non-empty, code points
// 1..0x10FFFF), key i carrying values[i], as kTrieUnitBytes bytes per unit.
// Returns "" for no keys.
//   BuildDoubleArray({U"中", U"中国"}, {7, 9})
std::string BuildDoubleArray(const std::vector<std::u32string>& keys,
                             const std::vector<std::uint32_t>& values);

// The length in bytes of the longest key that `text` (UTF-8) starts with, 0
// when none (or when `units` is empty); *value gets that key's value. The
// walk stops at an ill-formed byte. `units` is what BuildDoubleArray
// returned, or any bytes: its size is rounded down to whole units.
std::size_t LongestPrefix(std::string_view units, std::string_view text,
                          std::uint32_t* value);

}  // namespace glossa

#endif  // GLOSSA_CORE_DOUBLE_ARRAY_H_
