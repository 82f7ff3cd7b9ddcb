#include "core/lookup.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/unicode.h"

namespace glossa {

int EditDistance(std::u32string_view a, std::u32string_view b, int limit) {
  if (static_cast<int>(a.size() > b.size() ? a.size() - b.size()
                                           : b.size() - a.size()) > limit) {
    return limit + 1;
  }
  std::vector<int> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    int diagonal = row[0];
    row[0] = static_cast<int>(i);
    int best = row[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      int above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1,
                         diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
      best = std::min(best, row[j]);
    }
    if (best > limit) return limit + 1;
  }
  return row[b.size()];
}

TermKeys KeysOf(std::string_view term, std::string_view lang) {
  TermKeys keys;
  std::string simplified = ToSimplified(term);
  keys.folded = FoldKey(simplified);
  keys.loose = LooseKey(simplified);
  if (SameLanguage(lang, kPinyin)) {
    keys.pinyin_tones = PinyinToneNumbers(term);
    keys.pinyin_toneless = PinyinToneless(term);
  } else {
    keys.transcribed = TranscribedKey(simplified);
  }
  return keys;
}

std::vector<TermKeys> TermKeysOf(const Glossary& glossary) {
  std::vector<TermKeys> out;
  for (const Concept& concept_entry : glossary.concepts) {
    for (const LangSection& section : concept_entry.languages) {
      for (const Term& term : section.terms)
        out.push_back(KeysOf(term.text, section.lang));
    }
  }
  return out;
}

Index::Index(const Glossary& glossary)
    : Index(glossary, TermKeysOf(glossary)) {}

Index::Index(const Glossary& glossary, std::vector<TermKeys> keys)
    : glossary_(glossary),
      keys_of_terms_(
          std::make_unique<const std::vector<TermKeys>>(std::move(keys))) {
  const std::vector<TermKeys>& all = *keys_of_terms_;
  terms_.reserve(all.size());
  term_concept_.reserve(all.size());
  for (auto& map : keys_) map.reserve(all.size());
  for (std::size_t c = 0; c < glossary.concepts.size(); ++c) {
    const Concept& concept_entry = glossary.concepts[c];
    if (!concept_entry.id.empty()) {
      keys_[static_cast<int>(MatchKind::kId)][concept_entry.id].push_back(
          {c, static_cast<std::size_t>(-1)});
    }
    for (const LangSection& section : concept_entry.languages) {
      for (const Term& term : section.terms) {
        std::size_t index = terms_.size();
        const TermKeys& term_keys = all.at(index);
        terms_.push_back(term.text);
        term_concept_.push_back(c);
        Add(MatchKind::kFolded, term_keys.folded, {c, index});
        Add(MatchKind::kLoose, term_keys.loose, {c, index});
        Add(MatchKind::kLoose, term_keys.transcribed, {c, index});
        Add(MatchKind::kPinyinTones, term_keys.pinyin_tones, {c, index});
        Add(MatchKind::kPinyinToneless, term_keys.pinyin_toneless, {c, index});
      }
    }
  }
}

void Index::Add(MatchKind kind, std::string_view key, Posting posting) {
  if (key.empty()) return;
  std::vector<Posting>& postings = keys_[static_cast<int>(kind)][key];
  for (const Posting& existing : postings) {
    if (existing.concept_index == posting.concept_index)
      return;  // one per entry
  }
  postings.push_back(posting);
}

std::vector<Hit> Index::Find(std::string_view query) const {
  std::string simplified = ToSimplified(query);
  std::string toned = PinyinToneNumbers(query);
  // A query that gives tones means them: "zheng4xin4" does not find 征信.
  bool has_tones = toned.find_first_of("1234") != std::string::npos;
  const std::pair<MatchKind, std::string> keys[] = {
      {MatchKind::kId, std::string(query)},
      {MatchKind::kFolded, FoldKey(simplified)},
      {MatchKind::kLoose, LooseKey(simplified)},
      {MatchKind::kPinyinTones, toned},
      {MatchKind::kPinyinToneless,
       has_tones ? std::string() : PinyinToneless(query)},
  };
  std::vector<Hit> hits;
  std::set<std::size_t> seen;
  for (const auto& [kind, key] : keys) {
    if (key.empty()) continue;
    const auto& map = keys_[static_cast<int>(kind)];
    auto found = map.find(std::string_view(key));
    if (found == map.end()) continue;
    std::vector<Posting> postings = found->second;
    std::sort(postings.begin(), postings.end(),
              [](const Posting& a, const Posting& b) {
                return a.concept_index < b.concept_index;
              });
    for (const Posting& posting : postings) {
      if (!seen.insert(posting.concept_index).second) continue;
      hits.push_back({posting.concept_index, kind,
                      kind == MatchKind::kId
                          ? glossary_.concepts[posting.concept_index].id
                          : std::string(terms_[posting.term_index])});
    }
  }
  return hits;
}

std::vector<Suggestion> Index::Suggest(std::string_view query,
                                       std::size_t limit) const {
  std::u32string wanted = CodePoints(LooseKey(ToSimplified(query)));
  std::u32string wanted_pinyin = CodePoints(PinyinToneless(query));
  if (wanted.empty()) return {};
  // A typo costs about one edit in four characters, at least one, at most
  // three.
  int threshold = std::clamp(static_cast<int>(wanted.size()) / 4, 1, 3);
  std::map<std::size_t, Suggestion> best;  // by concept
  for (std::size_t t = 0; t < terms_.size(); ++t) {
    std::u32string key = CodePoints((*keys_of_terms_)[t].loose);
    int distance = EditDistance(wanted, key, threshold);
    if (!wanted_pinyin.empty()) {
      std::u32string spaced;
      for (char32_t c : key) {
        if (c != U' ' && c != U'\'' && c != U'-') spaced.push_back(c);
      }
      distance =
          std::min(distance, EditDistance(wanted_pinyin, spaced, threshold));
    }
    if (distance > threshold) continue;
    std::size_t concept_index = term_concept_[t];
    auto [slot, inserted] = best.try_emplace(
        concept_index,
        Suggestion{concept_index, std::string(terms_[t]), distance});
    if (!inserted && distance < slot->second.distance) {
      slot->second = {concept_index, std::string(terms_[t]), distance};
    }
  }
  std::vector<Suggestion> out;
  for (auto& [concept_index, suggestion] : best) out.push_back(suggestion);
  std::stable_sort(out.begin(), out.end(),
                   [](const Suggestion& a, const Suggestion& b) {
                     return a.distance < b.distance;
                   });
  if (out.size() > limit) out.resize(limit);
  return out;
}

std::vector<Hit> FindInflected(const GlossaryMatcher& matcher,
                               std::string_view query) {
  const std::size_t first = query.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const std::size_t last = query.find_last_not_of(" \t\r\n") + 1;
  auto scratch = matcher.NewScratch();
  std::vector<Hit> hits;
  for (const Matcher::Match& match : matcher.matcher().Find(query, *scratch)) {
    if (match.begin != first || match.end != last) continue;
    const auto entry = static_cast<std::size_t>(match.entry);
    bool seen = std::any_of(hits.begin(), hits.end(), [&](const Hit& hit) {
      return hit.concept_index == entry;
    });
    if (!seen)
      hits.push_back(
          {entry, MatchKind::kInflected, matcher.TermOf(match.form).text});
  }
  return hits;
}

}  // namespace glossa
