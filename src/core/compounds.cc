#include "core/compounds.h"

#include <string>
#include <string_view>
#include <vector>

#include "core/unicode.h"

namespace glossa {

std::string GermanCompounds::StemOf(std::string_view word) {
  return stemmer_.Stem(FoldKey(word));
}

bool GermanCompounds::Hold(std::string_view text,
                           const std::vector<std::string>& renderings) {
  static constexpr std::string_view kSuffixes[] = {
      "ung",  "heit", "keit", "lich", "isch", "schaft", "bar",
      "haft", "sam",  "los",  "ling", "nis",  "tum",    "ig"};
  std::vector<std::string> parts;  // the target's words, as letters
  std::u32string word;
  for (char32_t c : CodePoints(text)) {
    if (IsLetter(c) || IsMark(c)) {
      word += c;
    } else if (!word.empty()) {
      parts.push_back(FromCodePoints(word));
      word.clear();
    }
  }
  if (!word.empty()) parts.push_back(FromCodePoints(word));
  for (const std::string& expected : renderings) {
    if (expected.find(' ') != std::string::npos) continue;
    std::string stem = StemOf(expected);
    if (stem.size() < 3) continue;
    for (const std::string& part : parts) {
      std::string whole = StemOf(part);
      if (whole.size() >= stem.size() + 3 &&
          whole.compare(whole.size() - stem.size(), stem.size(), stem) == 0)
        return true;
      std::string loose = LooseKey(part);
      if (stem.size() < 4 || loose.size() < stem.size() + 4 ||
          loose.compare(0, stem.size(), stem) != 0)
        continue;
      std::string_view rest = std::string_view(loose).substr(stem.size());
      bool derived = false;
      for (std::string_view suffix : kSuffixes)
        derived = derived || rest.substr(0, suffix.size()) == suffix;
      if (!derived) return true;
    }
  }
  return false;
}

}  // namespace glossa
