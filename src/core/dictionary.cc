#include "core/dictionary.h"

#include <algorithm>
#include <memory>

#include "core/glossary.h"
#include "core/stemmer.h"

namespace glossa {
namespace {

// The Snowball stems of the words of `folded` (a folded key), joined by
// single spaces; "" for a language without a stemmer. A Stemmer is not
// thread-safe: each thread has its own.
std::string StemsOf(std::string_view folded, std::string_view lang) {
  thread_local std::unique_ptr<Stemmer> german;
  thread_local std::unique_ptr<Stemmer> english;
  Stemmer* stemmer = nullptr;
  if (SameLanguage(lang, "de")) {
    if (!german) german = std::make_unique<Stemmer>("de");
    stemmer = german.get();
  } else if (SameLanguage(lang, "en")) {
    if (!english) english = std::make_unique<Stemmer>("en");
    stemmer = english.get();
  }
  if (stemmer == nullptr) return "";
  std::string stems;
  std::size_t at = 0;
  while (at < folded.size()) {
    std::size_t end = folded.find(' ', at);
    if (end == std::string_view::npos) end = folded.size();
    if (end > at) {
      if (!stems.empty()) stems += ' ';
      stems += stemmer->Stem(folded.substr(at, end - at));
    }
    at = end + 1;
  }
  return stems;
}

}  // namespace

std::vector<std::pair<MatchKind, std::string>> DictionaryKeys(
    std::string_view term, std::string_view lang) {
  TermKeys keys = KeysOf(term, lang);
  std::vector<std::pair<MatchKind, std::string>> out;
  auto add = [&out](MatchKind kind, std::string key) {
    if (!key.empty()) out.emplace_back(kind, std::move(key));
  };
  std::string stems = StemsOf(CollapseSpace(keys.folded), lang);
  add(MatchKind::kFolded, std::move(keys.folded));
  add(MatchKind::kLoose, std::move(keys.loose));
  add(MatchKind::kPinyinTones, std::move(keys.pinyin_tones));
  add(MatchKind::kPinyinToneless, std::move(keys.pinyin_toneless));
  add(MatchKind::kInflected, std::move(stems));
  return out;
}

std::vector<std::pair<MatchKind, std::string>> DictionaryQueryKeys(
    std::string_view query) {
  std::vector<std::pair<MatchKind, std::string>> keys;
  for (std::string_view lang :
       {kPinyin, std::string_view("de"), std::string_view("en")}) {
    for (auto& key : DictionaryKeys(query, lang)) {
      if (std::find(keys.begin(), keys.end(), key) == keys.end())
        keys.push_back(std::move(key));
    }
  }
  // A query that gives tones means them, as in Index::Find.
  std::string toned;
  for (const auto& [kind, key] : keys) {
    if (kind == MatchKind::kPinyinTones) toned = key;
  }
  if (toned.find_first_of("1234") != std::string::npos) {
    keys.erase(std::remove_if(keys.begin(), keys.end(),
                              [](const auto& key) {
                                return key.first == MatchKind::kPinyinToneless;
                              }),
               keys.end());
  }
  std::stable_sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) {
    return a.first < b.first;
  });
  return keys;
}

}  // namespace glossa
