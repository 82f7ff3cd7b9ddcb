#include "core/import/join.h"

#include <optional>
#include <set>

#include "core/import/patterns.h"
#include "core/unicode.h"

namespace glossa::import {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

bool IsWordChar(char32_t c) { return IsLetter(c) || c == U'-'; }

// A token without surrounding quotes, brackets and punctuation, and without
// trailing digits (a glued footnote call).
std::u32string Core(std::u32string_view token) {
  static constexpr std::u32string_view kTrailing = U"„“”\"‚‘’'«»()[].,;:!?";
  while (!token.empty() && IsQuoteOrBracket(token.front()))
    token.remove_prefix(1);
  while (!token.empty() &&
         (kTrailing.find(token.back()) != std::u32string_view::npos ||
          IsDigit(token.back()))) {
    token.remove_suffix(1);
  }
  return std::u32string(token);
}

bool OnlyWordChars(std::u32string_view s) {
  if (s.empty()) return false;
  for (char32_t c : s) {
    if (!IsWordChar(c)) return false;
  }
  return IsLetter(s.front());
}

bool LooksLikeUrl(std::u32string_view token) {
  return token.find(U"://") != std::u32string_view::npos ||
         token.substr(0, 4) == U"www." ||
         token.find(U'/') != std::u32string_view::npos;
}

bool Knows(const Vocabulary& vocabulary, const std::u32string& word,
           bool compounds) {
  return vocabulary.Knows(FromCodePoints(word), compounds);
}

bool IsLowercaseStart(std::u32string_view s) {
  return !s.empty() && IsLetter(s[0]) && !IsUppercase(s[0]);
}

// The ligature (ff, fi, fl, ffi, ffl) that makes `token`, with U+FFFD at
// `at`, a word; nullopt if none does.
std::optional<std::u32string> Ligature(const Vocabulary& vocabulary,
                                       const std::u32string& token,
                                       std::size_t at) {
  for (const char32_t* candidate : {U"ffi", U"ffl", U"ff", U"fi", U"fl"}) {
    std::u32string word =
        token.substr(0, at) + candidate + token.substr(at + 1);
    if (word.find(kReplacement) != std::u32string::npos) continue;
    if (Knows(vocabulary, Core(word), true)) return std::u32string(candidate);
  }
  return std::nullopt;
}

// Splits a line at spaces and tabs.
std::vector<std::u32string_view> Tokens(std::u32string_view s) {
  std::vector<std::u32string_view> tokens;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == U' ' || s[i] == U'\t')) ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != U' ' && s[j] != U'\t') ++j;
    if (j > i) tokens.push_back(s.substr(i, j - i));
    i = j;
  }
  return tokens;
}

}  // namespace

Vocabulary DocumentVocabulary(const Vocabulary& words,
                              const std::vector<Line>& lines) {
  Vocabulary vocabulary = words;
  for (const Line& line : lines) {
    std::u32string s = CodePoints(line.text);
    std::vector<std::u32string_view> tokens = Tokens(s);
    for (std::size_t t = 1; t + 1 < tokens.size(); ++t) {
      std::u32string core = Core(tokens[t]);
      if (OnlyWordChars(core) && core.back() != U'-')
        vocabulary.AddWord(FromCodePoints(core));
    }
  }
  return vocabulary;
}

std::string RepairLine(std::string_view text, const Vocabulary& vocabulary,
                       const Location& at, Diagnostics& diags) {
  std::u32string s = CodePoints(text);
  std::u32string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char32_t c = s[i];
    if (c != kReplacement) {
      out.push_back(c == U'\t' ? U' ' : c);
      continue;
    }
    bool letter_after = i + 1 < s.size() && IsLetter(s[i + 1]);
    bool letter_before = !out.empty() && IsLetter(out.back());
    if (!letter_after) continue;  // a bullet or marker
    // The word around it, as far as it goes in this line; a side longer
    // than a word can be is not read to its end.
    std::size_t start = out.size();
    while (start > 0 && IsWordChar(out[start - 1]) &&
           out.size() - start <= kLongestWord) {
      --start;
    }
    std::size_t end = i + 1;
    while (end < s.size() && (IsWordChar(s[end]) || s[end] == kReplacement) &&
           end - i <= kLongestWord) {
      ++end;
    }
    std::u32string token = out.substr(start) + s.substr(i, end - i);
    std::optional<std::u32string> ligature;
    if (token.size() <= kLongestWord)
      ligature = Ligature(vocabulary, token, out.size() - start);
    if (ligature) {
      out += *ligature;
    } else if (letter_before) {
      diags.Warning({at.file, at.line, at.column + static_cast<int>(i)},
                    "no ligature makes '" + FromCodePoints(token) +
                        "' a word; wrote 'fi' for U+FFFD");
      out += U"fi";
    }
  }
  // No space between two CJK characters; one space for a run of spaces.
  std::u32string collapsed;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] != U' ') {
      collapsed.push_back(out[i]);
      continue;
    }
    std::size_t j = i;
    while (j < out.size() && out[j] == U' ') ++j;
    bool between_cjk = !collapsed.empty() && IsCjk(collapsed.back()) &&
                       j < out.size() && IsCjk(out[j]);
    if (!between_cjk && !collapsed.empty() && j < out.size())
      collapsed.push_back(U' ');
    i = j - 1;
  }
  return FromCodePoints(collapsed);
}

std::vector<Line> RepairLines(std::vector<Line> lines,
                              const Vocabulary& vocabulary,
                              std::string_view name, Diagnostics& diags) {
  for (Line& line : lines) {
    if (line.blank) continue;
    // The text starts after the page-start space, if the line had one.
    Location at{std::string(name), line.number, line.page_start ? 2 : 1};
    line.text = RepairLine(line.text, vocabulary, at, diags);
  }
  return lines;
}

Join DecideJoin(const Vocabulary& vocabulary, std::string_view before,
                bool trailing_space, std::string_view next) {
  // Only the token before the break and the one after it matter, and a
  // token longer than kLongestWord characters is no word: neither side is
  // read further than that.
  std::u32string prev = CodePoints(Tail(TrimRight(before), kLongestWord + 1));
  std::u32string following = CodePoints(Head(TrimLeft(next), kLongestWord + 1));
  if (prev.empty() || following.empty()) return Join::kSpace;
  std::size_t a_start = prev.find_last_of(U" \t");
  std::u32string a =
      prev.substr(a_start == std::u32string::npos ? 0 : a_start + 1);
  std::u32string b = following.substr(0, following.find_first_of(U" \t"));
  bool too_long = a.size() > kLongestWord || b.size() > kLongestWord;
  bool hyphen =
      prev.back() == U'-' && prev.size() >= 2 &&
      (IsLetter(prev[prev.size() - 2]) || IsDigit(prev[prev.size() - 2]));
  if (hyphen) {
    if (LooksLikeUrl(a)) return Join::kNoSpace;  // the hyphen is the URL's
    std::u32string b_core = Core(b);
    static const std::set<std::u32string> kConjunctions = {
        U"und", U"oder", U"bzw", U"sowie", U"and", U"or"};
    if (kConjunctions.count(b_core) > 0) return Join::kKeepHyphenSpace;
    std::u32string a_core =
        Core(std::u32string_view(a).substr(0, a.size() - 1));
    if (!too_long && OnlyWordChars(a_core) && OnlyWordChars(b_core) &&
        Knows(vocabulary, a_core + b_core, true)) {
      return Join::kDropHyphen;
    }
    bool compound_with_hyphens = a_core.find(U'-') != std::u32string::npos;
    if (compound_with_hyphens || (!b_core.empty() && IsUppercase(b_core[0])))
      return Join::kNoSpace;  // keep the hyphen: "Big-Data-gestützte"
    return Join::kDropHyphen;
  }
  if (IsCjk(prev.back()) && IsCjk(following.front())) return Join::kNoSpace;
  if (!trailing_space && LooksLikeUrl(a)) return Join::kNoSpace;
  // Deliberate change: a token of letters longer than kLongestWord was
  // joined to the next line's like any fragment; it is no word, so it is
  // not a fragment of one either.
  if (too_long) return Join::kSpace;
  std::u32string a_core = Core(a);
  std::u32string b_core = Core(b);
  // Only a word split in two can be joined: letters up to the break.
  bool a_ends_word =
      IsLetter(a.back()) &&
      a_core == std::u32string_view(a).substr(a.size() - a_core.size());
  bool b_starts_word = IsLetter(b.front());
  if (!OnlyWordChars(a_core) || !OnlyWordChars(b_core) || !a_ends_word ||
      !b_starts_word) {
    return Join::kSpace;
  }
  // A capital after a small letter starts a new word: a word split by a
  // line break goes on in small letters.
  if (IsUppercase(b_core[0]) && !IsUppercase(a_core.back()))
    return Join::kSpace;
  bool known_a = Knows(vocabulary, a_core, false);
  bool known_b = Knows(vocabulary, b_core, false);
  if (trailing_space) {
    // The layout says the words are apart; only two fragments that make a
    // word together are joined.
    return !known_a && !known_b && Knows(vocabulary, a_core + b_core, false)
               ? Join::kNoSpace
               : Join::kSpace;
  }
  // No space at the line end: most likely one word split in two. Two words
  // stay apart only when each is a word and together they are not.
  bool known_joined =
      IsLowercaseStart(b_core) && Knows(vocabulary, a_core + b_core, true);
  return known_joined || !known_a || !known_b ? Join::kNoSpace : Join::kSpace;
}

void EndBeforeJoin(Join join, std::string* text) {
  text->resize(TrimRight(*text).size());
  switch (join) {
    case Join::kDropHyphen:
      text->pop_back();
      return;
    case Join::kNoSpace:
      return;
    case Join::kKeepHyphenSpace:
    case Join::kSpace:
      text->push_back(' ');
      return;
  }
}

void ApplyJoin(Join join, std::string_view next, std::string* text) {
  EndBeforeJoin(join, text);
  text->append(TrimLeft(next));
}

std::string JoinLines(const Vocabulary& vocabulary,
                      const std::vector<Line>& lines,
                      std::span<const std::size_t> indexes) {
  std::string text;
  for (std::size_t k = 0; k < indexes.size(); ++k) {
    const Line& line = lines[indexes[k]];
    if (k == 0) {
      text = TrimLeft(line.text);
    } else {
      bool trailing_space = lines[indexes[k - 1]].trailing_space;
      ApplyJoin(DecideJoin(vocabulary, text, trailing_space, line.text),
                line.text, &text);
    }
  }
  return text;
}

}  // namespace glossa::import
