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
  // out every transition (a DFA that follows no failure link, kept as each
  // state's moves that differ from the root's: BuildMoves), for a large one
  // keeps the trie's edges in a TransitionTable and follows failure links.
  void Build(int symbols) {
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
      BuildMoves(order);
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
    if (!move_begin_.empty()) {
      if (state != 0) {
        // A state's moves that differ from the root's, by symbol.
        const auto* move = moves_.data() + move_begin_[state];
        const auto* last = moves_.data() + move_begin_[state + 1];
        for (; move != last && move->first <= symbol; ++move) {
          if (move->first == symbol) return move->second;
        }
      }
      return root_[symbol];
    }
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
  // Up to this many state x symbol cells, the automaton is a DFA (Moves),
  // else trie edges and failure links (sparse_).
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

  // Works out every state's moves (a DFA: no failure links followed while
  // matching), keeping of each state only those that differ from the
  // root's: delta(s, a) is s's child on a, else delta(fail(s), a), so a
  // state differs from the root where it or a state on its failure chain
  // has a child. Why not the whole table: the built-in glossary's German
  // automaton was a table of several megabytes, and a step from any state
  // but the root missed the cache (a third of matching German, perf record
  // on the report repeated to 113 MB); a state has a few such moves, read
  // from a few bytes. `order`: every state but the root, breadth first, so
  // that a state's failure state comes before it.
  void BuildMoves(const std::vector<int>& order) {
    std::vector<std::vector<std::pair<int, int>>> moves(nodes_.size());
    for (int u : order) {
      std::vector<std::pair<int, int>>& own =
          moves[static_cast<std::size_t>(u)];
      own = nodes_[static_cast<std::size_t>(u)].children;
      std::sort(own.begin(), own.end());
      const std::size_t children = own.size();
      for (const auto& move : moves[static_cast<std::size_t>(nodes_[u].fail)]) {
        auto child = std::lower_bound(own.begin(), own.begin() + children,
                                      std::make_pair(move.first, 0));
        if (child == own.begin() + children || child->first != move.first)
          own.push_back(move);
      }
      std::inplace_merge(own.begin(), own.begin() + children, own.end());
    }
    move_begin_.assign(nodes_.size() + 1, 0);
    for (std::size_t s = 0; s < nodes_.size(); ++s) {
      move_begin_[s] = static_cast<std::uint32_t>(moves_.size());
      moves_.insert(moves_.end(), moves[s].begin(), moves[s].end());
    }
    move_begin_[nodes_.size()] = static_cast<std::uint32_t>(moves_.size());
  }

  std::vector<Node> nodes_;
  // By state: the first state whose patterns end there (itself or an
  // output link), 0 for none. Most units end no pattern; this answers so
  // from 4 bytes a state, not from the state's Node.
  std::vector<int> first_output_;
  std::vector<int> root_;
  // The DFA (BuildMoves): state s's moves that differ from the root's are
  // moves_[move_begin_[s]] up to moves_[move_begin_[s + 1]], as (symbol,
  // state), by symbol; empty for a large automaton.
  std::vector<std::uint32_t> move_begin_;
  std::vector<std::pair<int, int>> moves_;
  TransitionTable sparse_;  // trie edges of a large automaton
  std::unordered_map<std::uint64_t, int> building_;  // until Build
};

}  // namespace glossa::matching

#endif  // GLOSSA_CORE_AHO_CORASICK_H_
