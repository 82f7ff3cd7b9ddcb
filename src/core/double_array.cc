#include "core/double_array.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>

#include "core/char_kinds.h"

namespace glossa {
namespace {

constexpr std::uint32_t kFree = 0xFFFFFFFF;
constexpr std::uint32_t kEnds = 0x80000000;  // in check: a key ends here
constexpr std::uint32_t kParent = ~kEnds;    // in check: the parent

std::uint32_t Load32(const char* p) {
  std::uint32_t v;
  std::memcpy(&v, p, 4);
  return v;  // the index format is little-endian (dictionary_index.h)
}

// Places nodes, one at a time, at the lowest free units that fit their
// children. Free units are found through `jump_` (for a used unit, a unit
// at or before the next free one, compressed as it is followed), so that
// the dense, filled start of the array is not scanned again for every node.
class Builder {
 public:
  Builder(const std::vector<std::u32string>& keys,
          const std::vector<std::uint32_t>& values)
      : keys_(keys), values_(values) {}

  std::string Build() {
    if (keys_.empty()) return "";
    Use(0, 0);  // the root; no transition leads back to unit 0
    tasks_.push_back({0, 0, keys_.size(), 0});
    while (!tasks_.empty()) {
      Task task = tasks_.back();
      tasks_.pop_back();
      Place(task);
    }
    std::string out(base_.size() * kTrieUnitBytes, '\0');
    for (std::size_t i = 0; i < base_.size(); ++i) {
      std::memcpy(&out[i * kTrieUnitBytes], &base_[i], 4);
      std::memcpy(&out[i * kTrieUnitBytes + 4], &check_[i], 4);
    }
    return out;
  }

 private:
  struct Task {
    std::uint32_t node;
    std::size_t lo, hi;  // the keys below the node
    std::size_t depth;   // code points the node has consumed
  };

  std::uint32_t Label(std::size_t key, std::size_t depth) const {
    const std::u32string& k = keys_[key];
    return depth < k.size() ? static_cast<std::uint32_t>(k[depth]) : 0;
  }

  bool IsFree(std::size_t i) const {
    return i >= check_.size() || check_[i] == kFree;
  }

  std::size_t FindFree(std::size_t i) {
    std::size_t found = i;
    while (!IsFree(found)) found = jump_[found];
    while (i != found && !IsFree(i)) {
      std::size_t next = jump_[i];
      jump_[i] = static_cast<std::uint32_t>(found);
      i = next;
    }
    return found;
  }

  void Use(std::size_t i, std::uint32_t parent) {
    // Units are numbered below kParent, so that a free unit's check, with
    // kEnds masked off, names no unit.
    if (i >= kParent) throw std::length_error("double array: too many units");
    if (i >= check_.size()) {
      std::size_t size = std::max(i + 1, check_.size() * 2);
      base_.resize(size, 0);
      check_.resize(size, kFree);
      jump_.resize(size, 0);
    }
    check_[i] = parent;
    jump_[i] = static_cast<std::uint32_t>(i + 1);
  }

  void Place(const Task& task) {
    labels_.clear();
    starts_.clear();
    for (std::size_t k = task.lo; k < task.hi; ++k) {
      std::uint32_t label = Label(k, task.depth);
      if (labels_.empty() || labels_.back() != label) {
        labels_.push_back(label);
        starts_.push_back(k);
      }
    }
    starts_.push_back(task.hi);
    hint_ = FindFree(hint_);
    std::size_t at = FindFree(std::max<std::size_t>(hint_, labels_[0] + 1));
    for (;;) {
      std::size_t base = at - labels_[0];
      bool fits = true;
      for (std::size_t l = 1; l < labels_.size() && fits; ++l)
        fits = IsFree(base + labels_[l]);
      if (fits) break;
      at = FindFree(at + 1);
    }
    std::size_t base = at - labels_[0];
    base_[task.node] = static_cast<std::uint32_t>(base);
    for (std::size_t l = 0; l < labels_.size(); ++l) {
      std::size_t child = base + labels_[l];
      Use(child, task.node);
      if (labels_[l] == 0) {
        base_[child] = values_[starts_[l]];  // keys are unique: one ends here
        check_[task.node] |= kEnds;
      } else {
        tasks_.push_back({static_cast<std::uint32_t>(child), starts_[l],
                          starts_[l + 1], task.depth + 1});
      }
    }
  }

  const std::vector<std::u32string>& keys_;
  const std::vector<std::uint32_t>& values_;
  std::vector<std::uint32_t> base_, check_, jump_;
  std::vector<Task> tasks_;
  std::vector<std::uint32_t> labels_;
  std::vector<std::size_t> starts_;
  std::size_t hint_ = 0;
};

}  // namespace

std::string BuildDoubleArray(const std::vector<std::u32string>& keys,
                             const std::vector<std::uint32_t>& values) {
  return Builder(keys, values).Build();
}

std::size_t LongestPrefix(std::string_view units, std::string_view text,
                          std::uint32_t* value) {
  const std::size_t count = units.size() / kTrieUnitBytes;
  if (count == 0) return 0;
  const char* unit = units.data();
  auto base_of = [&](std::size_t u) {
    return Load32(unit + u * kTrieUnitBytes);
  };
  auto check_of = [&](std::size_t u) {
    return Load32(unit + u * kTrieUnitBytes + 4);
  };
  std::size_t best = 0;
  std::uint32_t best_node = 0;  // 0: none (the root ends no key)
  std::uint32_t node = 0;
  for (std::size_t i = 0;;) {
    // The flag sits beside the node's base: no load of its own.
    if (node != 0 && (check_of(node) & kEnds) != 0) {
      best = i;
      best_node = node;
    }
    if (i == text.size()) break;
    char32_t c = 0;
    const std::size_t length = DecodeUtf8(text, i, &c);
    const std::size_t next = std::size_t{base_of(node)} + c;
    if (length == 0 || c == 0 || next >= count ||
        (check_of(next) & kParent) != node)
      break;
    node = static_cast<std::uint32_t>(next);
    i += length;
  }
  if (best_node == 0) return 0;
  const std::size_t end = base_of(best_node);  // the key's end, label 0
  if (end >= count || (check_of(end) & kParent) != best_node) return 0;
  *value = base_of(end);
  return best;
}

}  // namespace glossa
