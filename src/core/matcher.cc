#include "core/matcher.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <deque>
#include <set>
#include <stdexcept>
#include <string>
#include <tuple>
#include <unordered_map>

#include "core/aho_corasick.h"
#include "core/ascii_word.h"
#include "core/char_kinds.h"
#include "core/stemmer.h"
#include "core/token_cache.h"
#include "core/unicode.h"

namespace glossa {
namespace {

using matching::Automaton;

enum Channel { kGerman = 0, kEnglish = 1, kExact = 2 };
constexpr int kChannels = 3;
static_assert(std::tuple_size_v<TokenCache::Symbols> == kChannels);
constexpr int kNone = -1;  // a unit no form has: the automata restart
constexpr std::array<int, kChannels> kUnknown = {-2, -2,
                                                 -2};  // not yet looked up
// Whether a unit is a symbol of any automaton; one that is not restarts
// them all. Compared one by one: std::array's == called memcmp.
bool HasSymbol(const std::array<int, kChannels>& symbols) {
  return symbols[0] != kNone || symbols[1] != kNone || symbols[2] != kNone;
}

// A token cache this large is cleared rather than grown, so that memory
// stays bounded however much text is scanned.
constexpr std::size_t kMaxCachedTokens = 1 << 20;

// ---------------------------------------------------------------------------
// Reading text as units.

enum class Class : std::uint8_t { kWord, kSeparator, kApostrophe, kBreak };

struct AsciiClasses {
  Class table[128];
  char base[128];  // lower-case letter or digit; 0 else
  bool word[256];  // an ASCII letter or digit (bytes of 0x80 up: false)
  AsciiClasses() {
    for (int c = 0; c < 256; ++c)
      word[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                (c >= '0' && c <= '9');
    for (int c = 0; c < 128; ++c) {
      base[c] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a')
                : (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    ? static_cast<char>(c)
                    : 0;
      bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                  (c >= '0' && c <= '9');
      bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
                   c == '\f' || c == '\v';
      table[c] = word                ? Class::kWord
                 : space || c == '-' ? Class::kSeparator
                 : c == '\''         ? Class::kApostrophe
                                     : Class::kBreak;
    }
  }
};
const AsciiClasses kAscii;

bool IsApostrophe(char32_t c) { return c == U'\'' || c == 0x2019; }

// A word's first letters, lower-cased and without diacritics, as keys for
// the PrefixFilter: key[k] is the key of the first k letters. Only Latin
// letters and digits are keyed; a word with another character among its
// first three is not `keyable`.
struct PrefixKey {
  std::uint32_t key[4] = {0, 0, 0, 0};
  int letters = 0;
  bool keyable = true;

  void Push(char base) {
    if (letters == 3) return;
    if (base == 0) {
      keyable = false;
      letters = 3;  // nothing more to learn
      return;
    }
    key[letters + 1] = key[letters] * 37 + static_cast<std::uint32_t>(base);
    ++letters;
  }
  // The key of the first `k` letters (k <= letters).
  std::uint32_t Of(int k) const {
    return key[k] * 4 + static_cast<std::uint32_t>(k);
  }
};

// a-z and 0-9 for Latin letters and digits, diacritics removed; 0 else.
char BaseLetter(char32_t c) {
  static const std::vector<char>* table = [] {
    auto* bases = new std::vector<char>(0x250, 0);
    for (char32_t cp = 0; cp < 0x250; ++cp) {
      std::string loose = cp < 0x80
                              ? std::string(1, static_cast<char>(cp))
                              : LooseKey(FromCodePoints(std::u32string(1, cp)));
      char b = loose.empty() ? 0 : loose[0];
      if (b >= 'A' && b <= 'Z') b = static_cast<char>(b - 'A' + 'a');
      (*bases)[cp] = (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') ? b : 0;
    }
    return bases;
  }();
  return c < 0x250 ? (*table)[c] : 0;
}

// The end of the word that starts at `i`: letters, digits and marks, with
// apostrophes between letters ("China's"). Fills `key`, if given, with the
// word's first letters. This is the loop every word of a text goes through:
// ASCII letters take the short way.
std::size_t ScanWord(std::string_view text, std::size_t i, PrefixKey* key) {
  std::size_t n = text.size();
  auto ascii_word = [&](std::size_t k) {
    return k < n && static_cast<unsigned char>(text[k]) < 0x80 &&
           kAscii.table[static_cast<unsigned char>(text[k])] == Class::kWord;
  };
  while (i < n) {
    auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      Class cls = kAscii.table[b];
      if (cls == Class::kWord) {
        if (key != nullptr && key->letters < 3) {
          key->Push(kAscii.base[b]);
          ++i;
          continue;
        }
        // The rest of a run of ASCII letters, the short way.
        do {
          ++i;
        } while (i < n && kAscii.word[static_cast<unsigned char>(text[i])]);
        continue;
      }
      if (cls == Class::kApostrophe && ascii_word(i + 1)) {
        if (key != nullptr) key->Push(0);
        ++i;
        continue;
      }
      return i;
    }
    char32_t c = 0;
    std::size_t length = DecodeUtf8(text, i, &c);
    if (length == 0) return i;
    if (IsApostrophe(c)) {
      if (!ascii_word(i + length)) return i;
      if (key != nullptr) key->Push(0);
    } else if (KindOf(c) != Kind::kToken) {
      return i;
    } else if (key != nullptr) {
      key->Push(BaseLetter(c));
    }
    i += length;
  }
  return i;
}

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Whether a web address starts at i: "http://", "https://" or "www.".
bool StartsUrl(std::string_view text, std::size_t i) {
  auto starts = [&](std::string_view prefix) {
    if (text.size() - i < prefix.size()) return false;
    for (std::size_t k = 0; k < prefix.size(); ++k) {
      char c = text[i + k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != prefix[k]) return false;
    }
    return true;
  };
  return (text[i] == 'h' || text[i] == 'H' || text[i] == 'w' ||
          text[i] == 'W') &&
         (starts("http://") || starts("https://") || starts("www."));
}

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

std::string Fold(std::string_view token) {
  if (IsAscii(token)) {
    std::string out(token);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  return FoldKey(token);
}

struct TransparentHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const {
    return static_cast<std::size_t>(HashWord(s));
  }
};
using SymbolTable =
    std::unordered_map<std::string, int, TransparentHash, std::equal_to<>>;

int Lookup(const SymbolTable& table, std::string_view key) {
  auto found = table.find(key);
  return found == table.end() ? kNone : found->second;
}

std::string Utf8(char32_t c) { return FromCodePoints(std::u32string(1, c)); }

// A quick test that lets most words of a text skip the token cache: the
// first three letters of every word of every form, lower-cased and without
// diacritics, in a Bloom-like bit set. A word whose first letters are in no
// form cannot match (stems and case-folding change endings and case, not
// beginnings). Only Latin letters and digits are keyed; a word with others
// is always looked up.
class PrefixFilter {
 public:
  PrefixFilter() : bits_(kBits / 64, 0) {}

  void Add(std::string_view word) {
    PrefixKey key;
    ScanWord(word, 0, &key);
    if (!key.keyable) {
      open_ = true;  // a word the filter cannot key: let everything through
      return;
    }
    if (key.letters < 3) short_ = true;
    Set(key.Of(key.letters));
  }

  // Whether every word may be part of a form (MayMatch is always true).
  bool open() const { return open_; }

  // Whether a word with these first letters may be part of a form.
  bool MayMatch(const PrefixKey& key) const {
    if (open_ || !key.keyable) return true;
    if (Test(key.Of(key.letters))) return true;
    if (!short_) return false;
    for (int letters = 1; letters < key.letters; ++letters) {
      if (Test(key.Of(letters))) return true;
    }
    return false;
  }

 private:
  static constexpr std::uint32_t kBits = 1 << 16;

  void Set(std::uint32_t key) {
    std::uint32_t bit = (key * 2654435761U) >> 16;
    bits_[bit / 64] |= std::uint64_t{1} << (bit % 64);
  }
  bool Test(std::uint32_t key) const {
    std::uint32_t bit = (key * 2654435761U) >> 16;
    return (bits_[bit / 64] >> (bit % 64)) & 1;
  }

  std::vector<std::uint64_t> bits_;
  bool open_ = false;
  bool short_ = false;
};

}  // namespace

// ---------------------------------------------------------------------------

struct Matcher::Impl {
  struct Pattern {
    int entry;
    int form;
    int length;  // in units
  };
  std::vector<Pattern> patterns;
  std::array<std::vector<std::pair<std::vector<std::string>, int>>, kChannels>
      pending;
  std::array<SymbolTable, kChannels> symbols;
  std::array<Automaton, kChannels> automata;
  std::array<bool, kChannels> used = {false, false, false};
  PrefixFilter words;  // the first letters of every word of every form
  int longest = 1;
  bool compiled = false;
  std::unique_ptr<Stemmer> german, english;  // for the forms, while adding
  // Their stems by folded word, German then English, while adding.
  std::array<std::unordered_map<std::string, std::string>, 2> stems;
  // Forms already added, by channel, keys and entry: a form that folds like
  // another of its entry (its traditional spelling, say) adds nothing.
  std::set<std::tuple<int, std::vector<std::string>, int>> seen;
};

struct Matcher::Scratch::State {
  std::unique_ptr<Stemmer> german;
  std::unique_ptr<Stemmer> english;
  TokenCache tokens{kMaxCachedTokens};
  // Symbols of single characters (CJK, punctuation) by code point.
  // by block of 256 code points, each made when first needed (a text
  // uses few blocks; all of them would be 768 KB to clear per scratch).
  using Block = std::array<std::array<int, kChannels>, 256>;
  std::array<std::unique_ptr<Block>, 256> bmp;
  std::unordered_map<char32_t, std::array<int, kChannels>> astral;
  std::vector<Match> found;  // before the leftmost-longest choice
};

Matcher::Scratch::Scratch(std::unique_ptr<State> state)
    : state_(std::move(state)) {}
Matcher::Scratch::~Scratch() = default;

Matcher::Matcher() : impl_(std::make_unique<Impl>()) {}
Matcher::~Matcher() = default;
Matcher::Matcher(Matcher&&) noexcept = default;
Matcher& Matcher::operator=(Matcher&&) noexcept = default;

std::size_t Matcher::forms() const { return impl_->patterns.size(); }

bool Matcher::Add(std::string_view form, std::string_view lang, int entry,
                  int form_id) {
  if (impl_->compiled) throw std::logic_error("Matcher::Add after Compile");
  std::string lower = ToLower(lang);
  if (lower.find("pinyin") != std::string::npos) return false;
  std::string primary = lower.substr(0, lower.find('-'));
  Channel channel = primary == "de"   ? kGerman
                    : primary == "en" ? kEnglish
                                      : kExact;
  // Split the form into units, as text is read.
  struct Unit {
    std::string text;
    bool cjk;
    bool punctuation;
  };
  std::vector<Unit> units;
  std::size_t i = 0;
  while (i < form.size()) {
    char32_t c = 0;
    std::size_t length = static_cast<unsigned char>(form[i]) < 0x80
                             ? 1
                             : DecodeUtf8(form, i, &c);
    if (length == 0) return false;
    if (length == 1) c = static_cast<unsigned char>(form[i]);
    Kind kind =
        c < 0x80 ? (kAscii.table[c] == Class::kWord        ? Kind::kToken
                    : kAscii.table[c] == Class::kSeparator ? Kind::kSeparator
                                                           : Kind::kPunctuation)
                 : KindOf(c);
    if (kind == Kind::kToken) {
      std::size_t end = ScanWord(form, i, nullptr);
      units.push_back({std::string(form.substr(i, end - i)), false, false});
      i = end;
    } else if (kind == Kind::kCjk) {
      units.push_back({Utf8(SimplifiedCharacter(c)), true, false});
      i += length;
    } else if (kind == Kind::kPunctuation) {
      units.push_back({FoldKey(Utf8(c)), false, true});
      i += length;
    } else {
      i += length;
    }
  }
  if (units.empty()) return false;
  bool any_cjk = std::any_of(units.begin(), units.end(),
                             [](const Unit& u) { return u.cjk; });
  if (any_cjk) channel = kExact;
  std::vector<std::string> keys;
  Stemmer* stemmer = nullptr;
  if (channel == kGerman) {
    if (!impl_->german) impl_->german = std::make_unique<Stemmer>("de");
    stemmer = impl_->german.get();
  } else if (channel == kEnglish) {
    if (!impl_->english) impl_->english = std::make_unique<Stemmer>("en");
    stemmer = impl_->english.get();
  }
  for (const Unit& unit : units) {
    if (unit.cjk || unit.punctuation) {
      keys.push_back(unit.text);
    } else {
      impl_->words.Add(unit.text);
      std::string folded = Fold(unit.text);
      if (stemmer == nullptr) {
        keys.push_back(std::move(folded));
        continue;
      }
      // The glossary's forms share many words („der“, "credit"): each is
      // stemmed once (stemming was a fifth of building the matcher).
      auto& stems = impl_->stems[channel == kGerman ? 0 : 1];
      auto [stem, added] = stems.try_emplace(std::move(folded));
      if (added) stem->second = stemmer->Stem(stem->first);
      keys.push_back(stem->second);
    }
  }
  if (!impl_->seen.emplace(channel, keys, entry).second) return true;
  int pattern = static_cast<int>(impl_->patterns.size());
  impl_->patterns.push_back({entry, form_id, static_cast<int>(keys.size())});
  impl_->pending[channel].push_back({std::move(keys), pattern});
  impl_->longest = std::max(impl_->longest, static_cast<int>(units.size()));
  return true;
}

void Matcher::Compile() {
  for (int channel = 0; channel < kChannels; ++channel) {
    SymbolTable& table = impl_->symbols[channel];
    for (auto& [keys, pattern] : impl_->pending[channel]) {
      std::vector<int> symbols;
      for (const std::string& key : keys) {
        auto [it, inserted] =
            table.emplace(key, static_cast<int>(table.size()));
        symbols.push_back(it->second);
      }
      impl_->automata[channel].AddPattern(symbols, pattern);
    }
    impl_->automata[channel].Build(static_cast<int>(table.size()));
    impl_->used[channel] = !impl_->automata[channel].empty();
    impl_->pending[channel].clear();
  }
  impl_->seen.clear();
  impl_->german.reset();
  impl_->english.reset();
  impl_->stems = {};
  impl_->compiled = true;
}

bool Matcher::Breaks(char32_t c) const {
  if (IsApostrophe(c)) return false;
  Kind kind = c >= 0x80                          ? KindOf(c)
              : kAscii.table[c] == Class::kBreak ? Kind::kPunctuation
                                                 : Kind::kToken;
  if (kind != Kind::kPunctuation) return false;
  std::string key = FoldKey(Utf8(c));
  for (int channel = 0; channel < kChannels; ++channel) {
    if (Lookup(impl_->symbols[channel], key) != kNone) return false;
  }
  return true;
}

std::unique_ptr<Matcher::Scratch> Matcher::NewScratch() const {
  auto state = std::make_unique<Scratch::State>();
  if (impl_->used[kGerman]) state->german = std::make_unique<Stemmer>("de");
  if (impl_->used[kEnglish]) state->english = std::make_unique<Stemmer>("en");
  return std::unique_ptr<Scratch>(new Scratch(std::move(state)));
}

std::vector<Matcher::Match> Matcher::Find(std::string_view text,
                                          Scratch& scratch) const {
  std::vector<Match> result;
  Find(text, scratch, &result);
  return result;
}

void Matcher::Find(std::string_view text, Scratch& scratch,
                   std::vector<Match>* out) const {
  if (!impl_->compiled) throw std::logic_error("Matcher::Find before Compile");
  Scratch::State& cache = *scratch.state_;
  const Impl& impl = *impl_;
  std::vector<Match>& found = cache.found;
  found.clear();

  struct Position {
    std::size_t begin, end;
  };
  // The last units' positions, as many as the longest form has, rounded up
  // to a power of two: a mask, not a division, per unit and per match.
  std::size_t ring_size = 1;
  while (ring_size < static_cast<std::size_t>(impl.longest)) ring_size *= 2;
  const std::size_t ring_mask = ring_size - 1;
  std::vector<Position> ring(ring_size);
  std::size_t units = 0;
  std::array<int, kChannels> state = {0, 0, 0};

  auto reset = [&]() { state = {0, 0, 0}; };
  auto step = [&](const std::array<int, kChannels>& symbols, std::size_t begin,
                  std::size_t end) {
    ring[units & ring_mask] = {begin, end};
    for (int channel = 0; channel < kChannels; ++channel) {
      if (!impl.used[channel]) continue;
      int symbol = symbols[channel];
      if (symbol == kNone) {
        state[channel] = 0;
        continue;
      }
      state[channel] = impl.automata[channel].Next(state[channel], symbol);
      impl.automata[channel].ForEachOutput(state[channel], [&](int p) {
        const Impl::Pattern& pattern = impl.patterns[p];
        std::size_t first =
            units + 1 - static_cast<std::size_t>(pattern.length);
        found.push_back({ring[first & ring_mask].begin, end, pattern.entry,
                         pattern.form, -1});
      });
    }
    ++units;
  };
  // Symbols of a single character (CJK, punctuation), cached by code point.
  auto character_symbols = [&](char32_t c,
                               bool cjk) -> const std::array<int, kChannels>& {
    std::array<int, kChannels>* slot = nullptr;
    if (c < 0x10000) {
      std::unique_ptr<Scratch::State::Block>& block = cache.bmp[c >> 8];
      if (!block) {
        block = std::make_unique<Scratch::State::Block>();
        block->fill(kUnknown);
      }
      slot = &(*block)[c & 0xFF];
    } else {
      slot = &cache.astral.emplace(c, kUnknown).first->second;
    }
    if ((*slot)[0] == -2) {
      std::string key = cjk ? Utf8(SimplifiedCharacter(c)) : FoldKey(Utf8(c));
      for (int channel = 0; channel < kChannels; ++channel) {
        (*slot)[channel] = Lookup(impl.symbols[channel], key);
      }
    }
    return *slot;
  };

  const Kind* bmp_kinds = BmpKinds();
  const bool filtering = !impl.words.open();
  std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    auto b = static_cast<unsigned char>(text[i]);
    char32_t c = b;
    std::size_t length = 1;
    Kind kind;
    if (b < 0x80) {
      Class cls = kAscii.table[b];
      kind = cls == Class::kWord        ? Kind::kToken
             : cls == Class::kSeparator ? Kind::kSeparator
                                        : Kind::kPunctuation;
    } else {
      length = DecodeUtf8(text, i, &c);
      kind = length == 0   ? Kind::kInvalid
             : c < 0x10000 ? bmp_kinds[c]
                           : ComputeKind(c);
      if (length == 0) length = 1;
    }
    switch (kind) {
      case Kind::kSeparator:
        i += length;
        break;
      case Kind::kInvalid:
        reset();
        i += length;
        break;
      case Kind::kToken: {
        // Most words start with neither h nor w: no call.
        const unsigned char lower = b | 0x20;
        if ((lower == 'h' || lower == 'w') && StartsUrl(text, i)) {
          // Words in a web address are not terms.
          while (i < n && !IsAsciiSpace(text[i])) ++i;
          reset();
          break;
        }
        PrefixKey key;
        std::size_t end = i;
        std::uint64_t head[2];
        const bool ascii = ScanAsciiWord(text, i, &end, head);
        // An open filter (the built-in glossary's Yu'ebao opens it) needs
        // no key.
        if (ascii) {
          if (filtering) {
            for (std::size_t k = i; k < end && key.letters < 3; ++k)
              key.Push(kAscii.base[static_cast<unsigned char>(text[k])]);
          }
        } else if (filtering) {
          end = ScanWord(text, i, &key);  // the key needs the first letters
        } else {
          end = ScanWord(text, end, nullptr);  // on from the ASCII letters
        }
        if (filtering && !impl.words.MayMatch(key)) {
          reset();  // as a word no form has
          i = end;
          break;
        }
        std::string_view token = text.substr(i, end - i);
        const TokenKey token_key =
            ascii ? KeyOfToken(token, head[0], head[1]) : KeyOfToken(token);
        const TokenCache::Symbols* cached = cache.tokens.Find(token, token_key);
        if (cached == nullptr) {
          std::string folded = Fold(token);
          std::array<int, kChannels> symbols = {kNone, kNone, kNone};
          if (cache.german)
            symbols[kGerman] =
                Lookup(impl.symbols[kGerman], cache.german->Stem(folded));
          if (cache.english) {
            symbols[kEnglish] =
                Lookup(impl.symbols[kEnglish], cache.english->Stem(folded));
          }
          symbols[kExact] = Lookup(impl.symbols[kExact], folded);
          cached = cache.tokens.Add(token, token_key, symbols);
        }
        if (HasSymbol(*cached)) {
          step(*cached, i, end);
        } else {
          reset();  // a word no form has, though its first letters are
        }
        i = end;
        break;
      }
      case Kind::kCjk:
      case Kind::kPunctuation: {
        const std::array<int, kChannels>& symbols =
            character_symbols(c, kind == Kind::kCjk);
        if (HasSymbol(symbols)) {
          step(symbols, i, i + length);
        } else {
          reset();
        }
        i += length;
        break;
      }
    }
  }

  // Leftmost-longest, with the matches inside each winner kept as nested.
  std::sort(found.begin(), found.end(), [](const Match& a, const Match& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end > b.end;
    if (a.entry != b.entry) return a.entry < b.entry;
    return a.form < b.form;
  });
  std::vector<Match>& result = *out;
  result.clear();
  int top = -1;
  for (const Match& m : found) {
    if (!result.empty() && result.back().begin == m.begin &&
        result.back().end == m.end && result.back().entry == m.entry) {
      continue;  // another form of the same entry on the same span
    }
    if (top >= 0 && m.begin < result[top].end) {
      if (m.end > result[top].end) continue;  // overlaps the winner: dropped
      Match nested = m;
      bool tie = m.begin == result[top].begin && m.end == result[top].end;
      nested.nested_in = tie ? -1 : top;
      result.push_back(nested);
      continue;
    }
    top = static_cast<int>(result.size());
    result.push_back(m);
  }
}

bool StartsWebAddress(std::string_view text, std::size_t i) {
  return StartsUrl(text, i);
}

}  // namespace glossa
