#include "core/char_kinds.h"

namespace glossa {
namespace {

// The names the generated table is written with.
constexpr Kind K0 = Kind::kToken;
constexpr Kind K1 = Kind::kCjk;
constexpr Kind K2 = Kind::kPunctuation;
constexpr Kind K3 = Kind::kSeparator;
static_assert(static_cast<int>(Kind::kToken) == 0 &&
              static_cast<int>(Kind::kCjk) == 1 &&
              static_cast<int>(Kind::kPunctuation) == 2 &&
              static_cast<int>(Kind::kSeparator) == 3);

#include "core/char_kinds_table.inc"

}  // namespace

const Kind* BmpKinds() { return kBmpKinds; }

}  // namespace glossa
