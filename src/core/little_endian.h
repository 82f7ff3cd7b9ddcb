// Numbers in byte strings, least significant byte first, byte by byte (so
// on any machine): how glossa's cache files that are read by parsing, not
// in place, store them (the edition cache and the passages it holds).
//
//   std::string bytes;
//   AppendLittle32(631, &bytes);        // "\x77\x02\x00\x00"
//   ReadLittle32(bytes, 0) == 631;

#ifndef GLOSSA_CORE_LITTLE_ENDIAN_H_
#define GLOSSA_CORE_LITTLE_ENDIAN_H_

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace glossa {

template <typename Number>
void AppendLittle(Number value, std::string* out) {
  for (std::size_t i = 0; i < sizeof(Number); ++i)
    out->push_back(static_cast<char>(value >> (8 * i)));
}

// The number at `at`; the caller has checked that its bytes are there. On
// a little-endian machine, one load: GCC 12 at -O2 left the byte-by-byte
// loop a loop, 31 instructions for a u32, and the cache readers read
// hundreds of thousands of numbers at every run.
template <typename Number>
Number ReadLittle(std::string_view bytes, std::size_t at) {
  Number value = 0;
  if constexpr (std::endian::native == std::endian::little) {
    std::memcpy(&value, bytes.data() + at, sizeof(Number));
  } else {
    for (std::size_t i = 0; i < sizeof(Number); ++i)
      value |= Number{static_cast<unsigned char>(bytes[at + i])} << (8 * i);
  }
  return value;
}

inline void AppendLittle32(std::uint32_t value, std::string* out) {
  AppendLittle(value, out);
}
inline void AppendLittle64(std::uint64_t value, std::string* out) {
  AppendLittle(value, out);
}
inline std::uint32_t ReadLittle32(std::string_view bytes, std::size_t at) {
  return ReadLittle<std::uint32_t>(bytes, at);
}
inline std::uint64_t ReadLittle64(std::string_view bytes, std::size_t at) {
  return ReadLittle<std::uint64_t>(bytes, at);
}

}  // namespace glossa

#endif  // GLOSSA_CORE_LITTLE_ENDIAN_H_
