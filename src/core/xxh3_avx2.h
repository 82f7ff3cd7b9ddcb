// XXH3-128 computed with AVX2, for HashContent (dictionary_index.h) on a
// processor that has it: the same hash as the library's XXH3_128bits (the
// algorithm does not depend on the vector width), in about half the
// instructions. Debian's libxxhash.a, which glossa links, has only its SSE2
// code, and a warm `glossa lookup` checksums its 1.6 MB edition file (1.9 M
// of its 7.3 M instructions). xxh3_avx2.cc alone is compiled with -mavx2;
// call this only where the processor has AVX2 (HashContent asks).
//
// Only plain types here: this header is included by a file compiled for
// AVX2, and an inline function it pulled in could be linked into the rest
// of glossa in its AVX2 form.

#ifndef GLOSSA_CORE_XXH3_AVX2_H_
#define GLOSSA_CORE_XXH3_AVX2_H_

#include <stddef.h>
#include <stdint.h>

namespace glossa {

// XXH3-128 of `size` bytes at `data`, into *low and *high.
void Xxh3Avx2(const void* data, size_t size, uint64_t* low, uint64_t* high);

}  // namespace glossa

#endif  // GLOSSA_CORE_XXH3_AVX2_H_
