#include "core/dictionary_memory.h"

#include <algorithm>
#include <limits>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>

#include "core/unicode.h"

namespace glossa {
namespace {

std::uint64_t HashKey(MatchKind kind, std::string_view key) {
  std::string keyed(1, static_cast<char>('0' + static_cast<int>(kind)));
  keyed += key;
  return std::hash<std::string>{}(keyed);
}

// FNV-1a over code points: a form's hash extends its prefix's by one step,
// so indexing every prefix of a form is linear in its length. (Hashing each
// prefix anew was quadratic: a 30,000-character headword in a fuzzed
// CC-CEDICT line made 1.8 GB of strings.)
constexpr std::uint64_t kEmptyChinese = 0xcbf29ce484222325;

std::uint64_t ExtendChinese(std::uint64_t hash, char32_t c) {
  return (hash ^ c) * 0x100000001b3;
}

bool IsChinese(std::string_view lang) {
  return SameLanguage(lang, kSimplifiedChinese) ||
         SameLanguage(lang, kTraditionalChinese);
}

// The length in bytes of the UTF-8 sequence that starts with `lead`.
std::size_t SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  return lead >= 0xC0 ? 2 : 1;
}

}  // namespace

MemoryDictionary::MemoryDictionary(DictionarySource source, std::size_t size,
                                   EntryReader read)
    : source_(std::move(source)), size_(size), read_(std::move(read)) {
  if (size_ >= kNoEntry)
    throw std::length_error("a dictionary of 2^32 entries or more");
  for (std::size_t e = 0; e < size_; ++e)
    Index(static_cast<std::uint32_t>(e), read_(e));
  auto by_hash = [](const auto& a, const auto& b) {
    return a.hash != b.hash ? a.hash < b.hash : a.entry < b.entry;
  };
  auto same = [](const auto& a, const auto& b) {
    return a.hash == b.hash && a.entry == b.entry;
  };
  // One posting per key and entry: the entry's first term with the key.
  std::stable_sort(keys_.begin(), keys_.end(), by_hash);
  keys_.erase(std::unique(keys_.begin(), keys_.end(), same), keys_.end());
  keys_.shrink_to_fit();
  std::sort(chinese_.begin(), chinese_.end(), by_hash);
  chinese_.erase(std::unique(chinese_.begin(), chinese_.end(), same),
                 chinese_.end());
  chinese_.shrink_to_fit();
}

MemoryDictionary::MemoryDictionary(DictionarySource source,
                                   std::vector<Concept> entries)
    : MemoryDictionary(
          std::move(source),
          std::make_shared<const std::vector<Concept>>(std::move(entries))) {}

MemoryDictionary::MemoryDictionary(
    DictionarySource source, std::shared_ptr<const std::vector<Concept>> held)
    : MemoryDictionary(std::move(source), held->size(),
                       [held](std::size_t i) { return held->at(i); }) {}

void MemoryDictionary::Index(std::uint32_t entry,
                             const Concept& concept_entry) {
  const auto& sections = concept_entry.languages;
  for (std::size_t s = 0; s < sections.size(); ++s) {
    for (std::size_t t = 0; t < sections[s].terms.size(); ++t) {
      const std::string& text = sections[s].terms[t].text;
      for (const auto& [kind, key] : DictionaryKeys(text, sections[s].lang)) {
        keys_.push_back({HashKey(kind, key), entry,
                         static_cast<std::uint16_t>(s),
                         static_cast<std::uint16_t>(t)});
      }
      if (!IsChinese(sections[s].lang)) continue;
      // As written, not folded to simplified, as the compiled index has
      // them: CC-CEDICT gives both forms, and a fold adds entries the text
      // cannot mean (於 "Oh!" and the surname 於, whose simplified form is
      // 於, for 于; 跤 "a fall" for 交).
      std::u32string form = CodePoints(text);
      std::uint64_t hash = kEmptyChinese;
      for (std::size_t length = 1; length <= form.size(); ++length) {
        hash = ExtendChinese(hash, form[length - 1]);
        chinese_.push_back({hash, length == form.size() ? entry : kNoEntry});
      }
    }
  }
}

Concept MemoryDictionary::Entry(std::size_t i) const {
  if (i >= size_)
    throw std::out_of_range("no dictionary entry " + std::to_string(i));
  return read_(i);
}

std::vector<DictionaryHit> MemoryDictionary::Find(
    std::string_view query) const {
  std::vector<DictionaryHit> hits;
  std::set<std::uint32_t> seen;
  std::map<std::uint32_t, Concept> read;  // the entries looked at
  for (const auto& [kind, key] : DictionaryQueryKeys(query)) {
    std::uint64_t hash = HashKey(kind, key);
    auto first = std::lower_bound(keys_.begin(), keys_.end(), hash,
                                  [](const Posting& posting, std::uint64_t h) {
                                    return posting.hash < h;
                                  });
    for (auto at = first; at != keys_.end() && at->hash == hash; ++at) {
      if (seen.count(at->entry) > 0) continue;
      auto [slot, fresh] = read.try_emplace(at->entry);
      if (fresh) slot->second = read_(at->entry);
      const LangSection& section = slot->second.languages.at(at->section);
      const Term& term = section.terms.at(at->term);
      // The hash stands for the key; the term's own keys say that it is.
      std::vector<std::pair<MatchKind, std::string>> own =
          DictionaryKeys(term.text, section.lang);
      if (std::find(own.begin(), own.end(), std::make_pair(kind, key)) ==
          own.end())
        continue;
      hits.push_back({at->entry, kind, term.text});
    }
    // Best kind first, then the file's order (postings of a hash are in
    // entry order, but a kind may have several keys).
    auto kind_begin = std::find_if(
        hits.begin(), hits.end(),
        [kind = kind](const DictionaryHit& hit) { return hit.kind == kind; });
    std::stable_sort(kind_begin, hits.end(),
                     [](const DictionaryHit& a, const DictionaryHit& b) {
                       return a.entry < b.entry;
                     });
    for (auto hit = kind_begin; hit != hits.end(); ++hit)
      seen.insert(static_cast<std::uint32_t>(hit->entry));
  }
  return hits;
}

std::size_t MemoryDictionary::LongestChinesePrefix(
    std::string_view text, std::vector<std::size_t>* entries) const {
  std::uint64_t hash = kEmptyChinese;
  std::size_t at = 0;
  std::size_t longest = 0;
  std::vector<std::size_t> best;
  while (at < text.size()) {
    std::size_t length = std::min(
        SequenceLength(static_cast<unsigned char>(text[at])), text.size() - at);
    std::u32string c = CodePoints(text.substr(at, length));
    if (c.size() != 1) break;
    hash = ExtendChinese(hash, c[0]);
    auto first = std::lower_bound(
        chinese_.begin(), chinese_.end(), hash,
        [](const Prefix& prefix, std::uint64_t h) { return prefix.hash < h; });
    if (first == chinese_.end() || first->hash != hash) break;
    at += length;
    std::vector<std::size_t> found;
    for (auto p = first; p != chinese_.end() && p->hash == hash; ++p) {
      if (p->entry != kNoEntry) found.push_back(p->entry);
    }
    if (!found.empty()) {
      longest = at;
      best = std::move(found);
    }
  }
  if (entries != nullptr) *entries = std::move(best);
  return longest;
}

}  // namespace glossa
