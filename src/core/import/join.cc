#include "core/import/join.h"

#include <algorithm>
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

constexpr std::string_view kReplacementUtf8 = "\xEF\xBF\xBD";

bool IsContinuationByte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Characters in UTF-8 `text`: its bytes that start one.
int CountCharacters(std::string_view text) {
  int count = 0;
  for (char c : text) count += IsContinuationByte(c) ? 0 : 1;
  return count;
}

// Adds `token` (from inside a line) to *vocabulary if it is a word: letters
// and inner hyphens once quotes, brackets, punctuation and a glued footnote
// number are taken off, and no longer than a word can be.
void AddIfWord(std::string_view token, Vocabulary* vocabulary) {
  if (Head(token, kLongestWord).size() < token.size()) return;
  std::u32string core = Core(CodePoints(token));
  if (OnlyWordChars(core) && core.back() != U'-')
    vocabulary->AddWord(FromCodePoints(core));
}

// The token around a U+FFFD at byte `at` of `text`, whose repair so far is
// `out`: the word characters before it in `out` and after it in `text`, each
// side read no further than a word can be long. Sets *before to the number
// of characters before the U+FFFD.
std::u32string TokenAround(std::string_view out, std::string_view text,
                           std::size_t at, std::size_t* before) {
  std::size_t start = out.size();
  *before = 0;
  while (start > 0 && *before <= kLongestWord) {
    std::string_view last = Tail(out.substr(0, start), 1);
    if (!IsWordChar(LastCharacter(last))) break;
    start -= last.size();
    ++*before;
  }
  std::size_t end = at + kReplacementUtf8.size();
  for (std::size_t after = 0; end < text.size() && after < kLongestWord;
       ++after) {
    std::string_view next = Head(text.substr(end), 1);
    char32_t c = FirstCharacter(next);
    if (!IsWordChar(c) && c != kReplacement) break;
    end += next.size();
  }
  return CodePoints(out.substr(start)) + kReplacement +
         CodePoints(text.substr(at + kReplacementUtf8.size(),
                                end - at - kReplacementUtf8.size()));
}

// `text` with runs of spaces made one space, none at either end and none
// between two CJK characters; in place.
void CollapseSpaces(std::string* text) {
  std::string& s = *text;
  std::size_t kept = 0;  // s[0, kept) is the result so far
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] != ' ') {
      s[kept++] = s[i++];
      continue;
    }
    std::size_t j = s.find_first_not_of(' ', i);
    if (j == std::string::npos) break;
    std::string_view done(s.data(), kept);
    bool between_cjk = kept > 0 && IsCjk(LastCharacter(done)) &&
                       IsCjk(FirstCharacter(std::string_view(s).substr(j)));
    if (!between_cjk && kept > 0) s[kept++] = ' ';
    i = j;
  }
  s.resize(kept);
}

}  // namespace

Vocabulary DocumentVocabulary(const Vocabulary& words,
                              const std::vector<Line>& lines) {
  Vocabulary vocabulary = words;
  for (const Line& line : lines) {
    // Every token but the first and the last: each is added once the next
    // one is found.
    std::string_view text = line.text;
    std::string_view previous;
    int seen = 0;
    for (std::size_t i = text.find_first_not_of(" \t"); i != text.npos;
         i = text.find_first_not_of(" \t", i)) {
      std::size_t end = std::min(text.find_first_of(" \t", i), text.size());
      if (seen++ >= 2) AddIfWord(previous, &vocabulary);
      previous = text.substr(i, end - i);
      i = end;
    }
  }
  return vocabulary;
}

std::string RepairLine(std::string_view text, const Vocabulary& vocabulary,
                       const Location& at, Diagnostics& diags) {
  std::string out;
  out.reserve(text.size());
  int column = 0;  // characters of `text` before i
  for (std::size_t i = 0; i < text.size();) {
    // Up to the next tab or U+FFFD (whose first byte starts other
    // characters too), the text is copied as it is.
    std::size_t stop = std::min(text.find_first_of("\t\xEF", i), text.size());
    out.append(text.substr(i, stop - i));
    column += CountCharacters(text.substr(i, stop - i));
    i = stop;
    if (i == text.size()) break;
    if (text[i] == '\t' || !text.substr(i).starts_with(kReplacementUtf8)) {
      std::string_view c = Head(text.substr(i), 1);
      out.append(text[i] == '\t' ? " " : c);
      i += c.size();
      ++column;
      continue;
    }
    std::size_t fffd = i;
    int fffd_column = column++;
    i += kReplacementUtf8.size();
    if (!IsLetter(FirstCharacter(text.substr(i)))) continue;  // a bullet
    bool letter_before = IsLetter(LastCharacter(out));
    std::size_t before = 0;
    std::u32string token = TokenAround(out, text, fffd, &before);
    std::optional<std::u32string> ligature;
    if (token.size() <= kLongestWord)
      ligature = Ligature(vocabulary, token, before);
    if (ligature) {
      out += FromCodePoints(*ligature);
    } else if (letter_before) {
      diags.Warning({at.file, at.line, at.column + fffd_column},
                    "no ligature makes '" + FromCodePoints(token) +
                        "' a word; wrote 'fi' for U+FFFD");
      out += "fi";
    }
  }
  CollapseSpaces(&out);
  return out;
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
