// Aho-Corasick over integer symbols: the automata of the matcher
// (matcher.cc), one per channel, whose symbols are the units of text (word
// stems, folded words, characters) the matcher numbers. Moved here from
// matcher.cc as it was, to keep that file readable; internal to the
// matcher. Header-only: Next and ForEachOutput run for every unit of a
// text and must inline.

#ifndef GLOSSA_CORE_AHO_CORASICK_H_
#define GLOSSA_CORE_AHO_CORASICK_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <unordered_map>
#include <utility>
#include <vector>

namespace glossa::matching {

// Transitions of a large automaton: (state, symbol) -> state in an open-
// addressing table, probed linearly. std::unordered_map was a tenth of the
// time of matching with CC-CEDICT.
class TransitionTable {
 public:
  void Build(const std::vector<std::pair<std::uint64_t, int>>& entries) {
    std::size_t size = 16;
    while (size < entries.size() * 2) size *= 2;
    mask_ = size - 1;
    slots_.assign(size, {kEmpty, 0});
    for (const auto& [key, value] : entries) {
      std::size_t at = Slot(key);
      while (slots_[at].first != kEmpty) at = (at + 1) & mask_;
      slots_[at] = {key, value};
    }
  }

  int Find(std::uint64_t key) const {
    if (slots_.empty()) return -1;
    for (std::size_t at = Slot(key);; at = (at + 1) & mask_) {
      if (slots_[at].first == key) return slots_[at].second;
      if (slots_[at].first == kEmpty) return -1;
    }
  }

 private:
  static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};
  std::size_t Slot(std::uint64_t key) const {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> 20) &
           mask_;
  }
  std::vector<std::pair<std::uint64_t, int>> slots_;
  std::size_t mask_ = 0;
};

class Automaton {
 public:
  Automaton() : nodes_(1) {}

  void AddPattern(const std::vector<int>& symbols, int pattern) {
    int state = 0;
    for (int symbol : symbols) {
      int next = Child(state, symbol);
      if (next < 0) {
        next = static_cast<int>(nodes_.size());
        nodes_.emplace_back();
        nodes_[state].children.push_back({symbol, next});
        building_.emplace(Key(state, symbol), next);
      }
      state = next;
    }
    nodes_[state].patterns.push_back(pattern);
  }

  // Links the failure and output states; then, for a small automaton, works
  // out every transition (a DFA: one lookup per symbol), for a large one
  // keeps the trie's edges in a TransitionTable and follows failure links.
  void Build(int symbols) {
    symbols_ = symbols;
    root_.assign(static_cast<std::size_t>(symbols), 0);
    for (const auto& [symbol, child] : nodes_[0].children)
      root_[symbol] = child;
    std::vector<int> order;  // breadth first
    std::deque<int> queue;
    for (const auto& [symbol, child] : nodes_[0].children)
      queue.push_back(child);
    while (!queue.empty()) {
      int u = queue.front();
      queue.pop_front();
      order.push_back(u);
      for (const auto& [symbol, v] : nodes_[u].children) {
        int f = nodes_[u].fail;
        while (f != 0 && Child(f, symbol) < 0) f = nodes_[f].fail;
        int target = u == 0 ? 0 : Child(f, symbol);
        nodes_[v].fail = target < 0 || target == v ? 0 : target;
        int fail = nodes_[v].fail;
        nodes_[v].output =
            !nodes_[fail].patterns.empty() ? fail : nodes_[fail].output;
        queue.push_back(v);
      }
    }
    std::size_t cells = nodes_.size() * static_cast<std::size_t>(symbols);
    if (cells <= kDenseCells) {
      dense_.assign(cells, 0);
      std::copy(root_.begin(), root_.end(), dense_.begin());
      for (int u : order) {
        // A state's moves are its failure state's, but for its own edges;
        // the failure state comes earlier in breadth-first order.
        std::size_t row = static_cast<std::size_t>(u) * symbols_;
        std::size_t fail_row =
            static_cast<std::size_t>(nodes_[u].fail) * symbols_;
        std::copy(dense_.begin() + fail_row,
                  dense_.begin() + fail_row + symbols_, dense_.begin() + row);
        for (const auto& [symbol, v] : nodes_[u].children)
          dense_[row + symbol] = v;
      }
    } else {
      std::vector<std::pair<std::uint64_t, int>> edges(building_.begin(),
                                                       building_.end());
      sparse_.Build(edges);
    }
    building_.clear();
    first_output_.resize(nodes_.size());
    for (std::size_t s = 0; s < nodes_.size(); ++s) {
      first_output_[s] =
          nodes_[s].patterns.empty() ? nodes_[s].output : static_cast<int>(s);
    }
    for (Node& node : nodes_) {
      node.children.clear();
      node.children.shrink_to_fit();
    }
  }

  bool empty() const { return nodes_.size() == 1; }

  int Next(int state, int symbol) const {
    if (!dense_.empty())
      return dense_[static_cast<std::size_t>(state) * symbols_ + symbol];
    for (;;) {
      if (state == 0) return root_[symbol];
      int found = sparse_.Find(Key(state, symbol));
      if (found >= 0) return found;
      state = nodes_[state].fail;
    }
  }

  // Calls f(pattern) for every pattern that ends in `state`.
  template <typename F>
  void ForEachOutput(int state, F&& f) const {
    for (int s = first_output_[static_cast<std::size_t>(state)]; s > 0;
         s = nodes_[s].output) {
      for (int pattern : nodes_[s].patterns) f(pattern);
    }
  }

 private:
  // Up to this many state x symbol cells (16 MB), the automaton is a DFA.
  static constexpr std::size_t kDenseCells = std::size_t{1} << 22;

  struct Node {
    int fail = 0;
    int output = 0;  // the nearest suffix state with patterns (0: none)
    std::vector<int> patterns;
    std::vector<std::pair<int, int>> children;  // symbol, state (building)
  };

  static std::uint64_t Key(int state, int symbol) {
    return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(state))
            << 32) |
           static_cast<std::uint32_t>(symbol);
  }

  int Child(int state, int symbol) const {
    auto found = building_.find(Key(state, symbol));
    return found == building_.end() ? -1 : found->second;
  }

  std::vector<Node> nodes_;
  // By state: the first state whose patterns end there (itself or an
  // output link), 0 for none. Most units end no pattern; this answers so
  // from 4 bytes a state, not from the state's Node.
  std::vector<int> first_output_;
  std::size_t symbols_ = 0;
  std::vector<int> root_;
  std::vector<int> dense_;  // state * symbols_ + symbol -> state
  TransitionTable sparse_;  // trie edges of a large automaton
  std::unordered_map<std::uint64_t, int> building_;  // until Build
};

}  // namespace glossa::matching

#endif  // GLOSSA_CORE_AHO_CORASICK_H_
