// Compiled with -mavx2 (CMakeLists.txt): xxhash.h's functions are made
// static to this file (XXH_INLINE_ALL) and use its AVX2 code (XXH_VECTOR).
// Nothing else may be included here (xxh3_avx2.h says why).

#include "core/xxh3_avx2.h"

#define XXH_INLINE_ALL
#define XXH_VECTOR XXH_AVX2
#include <xxhash.h>

namespace glossa {

void Xxh3Avx2(const void* data, size_t size, uint64_t* low, uint64_t* high) {
  const XXH128_hash_t hash = XXH3_128bits(data, size);
  *low = hash.low64;
  *high = hash.high64;
}

}  // namespace glossa
