#include "core/dictionary_marks.h"

#include <algorithm>

#include "core/char_kinds.h"
#include "core/unicode.h"

namespace glossa {
namespace {

// The code point at text[at] and its length in bytes; an ill-formed byte
// reads as U+FFFD of length 1.
std::pair<char32_t, std::size_t> DecodeAt(std::string_view text,
                                          std::size_t at) {
  char32_t c = 0xFFFD;
  std::size_t length = DecodeUtf8(text, at, &c);
  return {c, length == 0 ? 1 : length};
}

// A letter (not CJK), digit or mark: what a word other than Chinese is
// made of.
bool IsWordPart(char32_t c) { return KindOf(c) == Kind::kToken; }

bool IsChinese(char32_t c) { return KindOf(c) == Kind::kCjk; }

bool IsApostrophe(char32_t c) { return c == U'\'' || c == U'\u2019'; }

// SimplifiedCharacter(c). That one locks its cache; every character of
// every Chinese mark asks, from every worker, so each thread keeps its own
// answers for the Basic Multilingual Plane (256 KiB).
char32_t Simplified(char32_t c) {
  if (c >= 0x10000) return SimplifiedCharacter(c);
  thread_local std::vector<char32_t> known(0x10000, 0);  // 0: not asked
  char32_t& answer = known[c];
  if (answer == 0) answer = SimplifiedCharacter(c);
  return answer;
}

// The end of the word that starts at `at`: letters, digits and marks, an
// apostrophe only between letters ("China's"), no Chinese.
std::size_t WordEnd(std::string_view text, std::size_t at) {
  std::size_t end = at;
  while (end < text.size()) {
    auto [c, length] = DecodeAt(text, end);
    if (IsChinese(c)) break;
    if (IsWordPart(c)) {
      end += length;
      continue;
    }
    if (!IsApostrophe(c) || end + length >= text.size()) break;
    auto [next, next_length] = DecodeAt(text, end + length);
    if (!IsLetter(next) || IsChinese(next)) break;
    end += length + next_length;
  }
  return end;
}

// The longest Chinese form at `at` (ending before `limit`) in any of the
// dictionaries; nothing when none has one.
std::optional<DictionaryMark> ChineseMark(
    std::string_view text, std::size_t at, std::size_t limit,
    const std::vector<const Dictionary*>& dictionaries) {
  std::optional<DictionaryMark> best;
  std::string_view rest = text.substr(at, limit - at);
  for (std::size_t d = 0; d < dictionaries.size(); ++d) {
    std::size_t length = dictionaries[d]->LongestChinesePrefix(rest, nullptr);
    if (length == 0 || (best && at + length <= best->end)) continue;
    best = DictionaryMark{at, at + length, d};
  }
  return best;
}

// The word text[at, end) in the first dictionary that has it.
std::optional<DictionaryMark> WordMark(
    std::string_view text, std::size_t at, std::size_t end,
    const std::vector<const Dictionary*>& dictionaries) {
  std::string_view word = text.substr(at, end - at);
  for (std::size_t d = 0; d < dictionaries.size(); ++d) {
    if (!dictionaries[d]->Find(word).empty()) return DictionaryMark{at, end, d};
  }
  return std::nullopt;
}

}  // namespace

void MarkWords(std::string_view text,
               const std::vector<std::pair<std::size_t, std::size_t>>& taken,
               const std::vector<const Dictionary*>& dictionaries,
               std::vector<DictionaryMark>* marks) {
  marks->clear();
  if (dictionaries.empty()) return;
  std::size_t next_taken = 0;
  std::size_t at = 0;
  while (at < text.size()) {
    while (next_taken < taken.size() && taken[next_taken].second <= at)
      ++next_taken;
    std::size_t limit = text.size();
    if (next_taken < taken.size()) {
      if (taken[next_taken].first <= at) {
        at = taken[next_taken].second;
        continue;
      }
      limit = taken[next_taken].first;
    }
    auto [c, length] = DecodeAt(text, at);
    std::optional<DictionaryMark> mark;
    std::size_t end = at + length;
    if (IsChinese(c)) {
      mark = ChineseMark(text, at, limit, dictionaries);
    } else if (IsWordPart(c)) {
      end = std::min(WordEnd(text, at), limit);
      bool has_letter = false;
      for (std::size_t i = at; i < end && !has_letter;) {
        auto [w, w_length] = DecodeAt(text, i);
        has_letter = IsLetter(w);
        i += w_length;
      }
      if (has_letter) mark = WordMark(text, at, end, dictionaries);
    }
    if (mark) {
      end = mark->end;
      marks->push_back(*mark);
    }
    at = end;
  }
}

DictionaryWord DescribeWord(std::string_view surface,
                            const Dictionary& dictionary) {
  DictionaryWord word;
  if (surface.empty()) return word;
  if (IsChinese(DecodeAt(surface, 0).first)) {
    // The surface is the longest form at its start, so the longest prefix
    // of the surface alone is the whole of it, with the same entries.
    if (dictionary.LongestChinesePrefix(surface, &word.entries) == 0)
      return word;
    for (std::size_t i = 0; i < surface.size();) {
      auto [c, length] = DecodeAt(surface, i);
      AppendUtf8(Simplified(c), &word.term);
      i += length;
    }
    return word;
  }
  std::vector<DictionaryHit> hits = dictionary.Find(surface);
  if (hits.empty()) return word;
  word.term = hits.front().term;
  for (const DictionaryHit& hit : hits) {
    if (hit.kind != hits.front().kind) break;
    word.entries.push_back(hit.entry);
  }
  return word;
}

}  // namespace glossa
