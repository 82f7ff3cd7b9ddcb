#include "core/vocabulary.h"

#include "core/unicode.h"

namespace glossa {
namespace {

// German compounds join parts of at least this many letters.
constexpr std::size_t kMinPart = 3;

std::u32string Capitalized(std::u32string word) {
  if (!word.empty())
    word =
        CodePoints(ToUpper(FromCodePoints(word.substr(0, 1)))) + word.substr(1);
  return word;
}

std::u32string LowerFirst(std::u32string word) {
  if (!word.empty())
    word =
        CodePoints(ToLower(FromCodePoints(word.substr(0, 1)))) + word.substr(1);
  return word;
}

bool AllUppercase(const std::u32string& word) {
  bool any = false;
  for (char32_t c : word) {
    if (!IsLetter(c)) continue;
    if (!IsUppercase(c)) return false;
    any = true;
  }
  return any;
}

}  // namespace

void Vocabulary::AddWordList(std::string_view text) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty() && line[0] != '#') AddWord(line);
    start = end + 1;
  }
}

void Vocabulary::AddWord(std::string_view word) {
  if (word.empty()) return;
  exact_.emplace(word);
  lower_.insert(ToLower(word));
}

bool Vocabulary::KnowsAsWritten(const std::u32string& word) const {
  if (word.empty()) return false;
  std::string utf8 = FromCodePoints(word);
  if (exact_.count(utf8) > 0) return true;
  // A word at the start of a sentence is capitalised.
  if (IsUppercase(word[0]) &&
      exact_.count(FromCodePoints(LowerFirst(word))) > 0) {
    return true;
  }
  // Headings in capitals: "BONITÄTSPRÜFUNGEN".
  return AllUppercase(word) && lower_.count(ToLower(utf8)) > 0;
}

bool Vocabulary::KnowsCompound(const std::u32string& word, int depth) const {
  if (KnowsAsWritten(word)) return true;
  if (depth > 2 || word.size() < 2 * kMinPart) return false;
  for (std::size_t i = kMinPart; i + kMinPart <= word.size(); ++i) {
    std::u32string head = word.substr(0, i);
    std::u32string tail = word.substr(i);
    bool head_known = lower_.count(ToLower(FromCodePoints(head))) > 0;
    if (!head_known) continue;
    if (KnowsCompound(Capitalized(tail), depth + 1) ||
        KnowsCompound(tail, depth + 1)) {
      return true;
    }
    // The linking "s" of German compounds: "Verhaltens|steuerung".
    if (tail[0] == U's' && tail.size() > kMinPart + 1 &&
        KnowsCompound(Capitalized(tail.substr(1)), depth + 1)) {
      return true;
    }
  }
  return false;
}

bool Vocabulary::Knows(std::string_view word, bool compounds) const {
  std::u32string text = CodePoints(word);
  if (text.empty()) return false;
  // Each part of a hyphenated word must be a word.
  std::size_t start = 0;
  bool any = false;
  while (start <= text.size()) {
    std::size_t end = text.find(U'-', start);
    if (end == std::u32string::npos) end = text.size();
    std::u32string part = text.substr(start, end - start);
    if (!part.empty()) {
      any = true;
      if (!(compounds ? KnowsCompound(part, 0) : KnowsAsWritten(part)))
        return false;
    }
    start = end + 1;
  }
  return any;
}

}  // namespace glossa
