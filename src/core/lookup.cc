#include "core/lookup.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "core/little_endian.h"
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

namespace {

constexpr std::size_t kRowBytes = 5 * 4;
constexpr std::size_t kTermBytes = 3 * 4;
constexpr std::uint32_t kNoTerm = 0xFFFFFFFF;
// kInflected is found by the matcher, not the table.
constexpr auto kKinds = static_cast<std::uint32_t>(MatchKind::kInflected);

// A row of the table before it is written: its key still a view into the
// glossary or its keys.
struct NewRow {
  MatchKind kind;
  std::string_view key;
  std::uint32_t concept_index;
  std::uint32_t term_index;
};

// The table of `glossary` whose terms have the keys `keys` (Index's layout).
std::string BuildTable(const Glossary& glossary,
                       const std::vector<TermKeys>& keys) {
  std::vector<NewRow> rows;
  std::vector<std::uint32_t> term_concept;
  auto add = [&](MatchKind kind, std::string_view key, std::size_t c,
                 std::uint32_t t) {
    if (!key.empty())
      rows.push_back({kind, key, static_cast<std::uint32_t>(c), t});
  };
  for (std::size_t c = 0; c < glossary.concepts.size(); ++c) {
    const Concept& concept_entry = glossary.concepts[c];
    add(MatchKind::kId, concept_entry.id, c, kNoTerm);
    for (const LangSection& section : concept_entry.languages) {
      for (std::size_t i = 0; i < section.terms.size(); ++i) {
        const auto t = static_cast<std::uint32_t>(term_concept.size());
        const TermKeys& term_keys = keys.at(t);
        term_concept.push_back(static_cast<std::uint32_t>(c));
        add(MatchKind::kFolded, term_keys.folded, c, t);
        add(MatchKind::kLoose, term_keys.loose, c, t);
        add(MatchKind::kLoose, term_keys.transcribed, c, t);
        add(MatchKind::kPinyinTones, term_keys.pinyin_tones, c, t);
        add(MatchKind::kPinyinToneless, term_keys.pinyin_toneless, c, t);
      }
    }
  }
  // Stable: of an entry's rows with one key, the first added (its first
  // term with the key) comes first, and is the one kept.
  std::stable_sort(rows.begin(), rows.end(),
                   [](const NewRow& a, const NewRow& b) {
                     return std::tie(a.kind, a.key, a.concept_index) <
                            std::tie(b.kind, b.key, b.concept_index);
                   });
  rows.erase(std::unique(rows.begin(), rows.end(),
                         [](const NewRow& a, const NewRow& b) {
                           return a.kind == b.kind && a.key == b.key &&
                                  a.concept_index == b.concept_index;
                         }),
             rows.end());
  std::string table, blob;
  AppendLittle32(static_cast<std::uint32_t>(rows.size()), &table);
  AppendLittle32(static_cast<std::uint32_t>(term_concept.size()), &table);
  for (const NewRow& row : rows) {
    AppendLittle32(static_cast<std::uint32_t>(row.kind), &table);
    AppendLittle32(static_cast<std::uint32_t>(blob.size()), &table);
    AppendLittle32(static_cast<std::uint32_t>(row.key.size()), &table);
    AppendLittle32(row.concept_index, &table);
    AppendLittle32(row.term_index, &table);
    blob += row.key;
  }
  for (std::size_t t = 0; t < term_concept.size(); ++t) {
    AppendLittle32(term_concept[t], &table);
    AppendLittle32(static_cast<std::uint32_t>(blob.size()), &table);
    AppendLittle32(static_cast<std::uint32_t>(keys[t].loose.size()), &table);
    blob += keys[t].loose;
  }
  return table + blob;
}

}  // namespace

Index::Index(const Glossary& glossary)
    : Index(glossary, std::make_shared<const std::string>(
                          BuildTable(glossary, TermKeysOf(glossary)))) {}

Index::Index(const Glossary& glossary,
             const std::shared_ptr<const std::string>& built)
    : Index(glossary, *built, built) {}

Index::Index(const Glossary& glossary, std::string_view table,
             std::shared_ptr<const void> keep)
    : glossary_(&glossary), keep_(std::move(keep)), table_(table) {
  if (table_.size() >= 8) {
    term_count_ = ReadLittle32(table_, 4);
    keys_at_ = 8 + RowCount() * kRowBytes + term_count_ * kTermBytes;
  }
  first_term_.reserve(glossary.concepts.size() + 1);
  first_term_.push_back(0);
  for (std::size_t c = 0; c < glossary.concepts.size(); ++c)
    first_term_.push_back(first_term_.back() +
                          glossary.concepts.TermCountOf(c));
}

std::string_view Index::TermText(std::size_t term) const {
  const std::size_t c = static_cast<std::size_t>(
      std::upper_bound(first_term_.begin(), first_term_.end(), term) -
      first_term_.begin() - 1);
  std::size_t k = term - first_term_[c];
  for (const LangSection& section : glossary_->concepts[c].languages) {
    if (k < section.terms.size()) return section.terms[k].text;
    k -= section.terms.size();
  }
  return {};
}

std::optional<Index> Index::Open(const Glossary& glossary,
                                 std::string_view table,
                                 std::shared_ptr<const void> keep,
                                 std::string* why) {
  if (table.empty()) {
    *why = "term index: empty";
    return std::nullopt;
  }
  Index index(glossary, table, std::move(keep));
  *why = index.Check();
  if (!why->empty()) return std::nullopt;
  return index;
}

std::string Index::Check() const {
  const std::string no = "term index: ";
  if (table_.size() < 8) return no + "cut short";
  // In 64 bits, so that counts near 2^32 cannot wrap around.
  const std::uint64_t rows = RowCount(), terms = term_count_;
  if (rows * kRowBytes + terms * kTermBytes > table_.size() - 8)
    return no + "a count past the end";
  if (terms != first_term_.back()) return no + "not one row per term";
  const std::uint64_t blob = table_.size() - keys_at_;
  Row before{};
  for (std::size_t r = 0; r < rows; ++r) {
    const std::size_t at = 8 + r * kRowBytes;
    const std::uint32_t kind = ReadLittle32(table_, at);
    const std::uint64_t key_end = std::uint64_t{ReadLittle32(table_, at + 4)} +
                                  ReadLittle32(table_, at + 8);
    const std::uint32_t concept_index = ReadLittle32(table_, at + 12);
    const std::uint32_t term = ReadLittle32(table_, at + 16);
    if (kind >= kKinds) return no + "a key of no kind";
    if (key_end > blob) return no + "a key past the end";
    if (concept_index >= glossary_->concepts.size())
      return no + "an entry the glossary does not have";
    const bool is_id = kind == static_cast<std::uint32_t>(MatchKind::kId);
    if (is_id ? term != kNoTerm
              : term >= terms || ConceptOfTerm(term) != concept_index)
      return no + "a term the entry does not have";
    const Row row = RowAt(r);
    if (r > 0 && std::tie(before.kind, before.key, before.concept_index) >=
                     std::tie(row.kind, row.key, row.concept_index))
      return no + "rows out of order";
    before = row;
  }
  std::size_t t = 0;
  // By TermCountOf: a lazy glossary (Concepts) is not decoded for this.
  for (std::size_t c = 0; c < glossary_->concepts.size(); ++c) {
    const std::size_t of_entry = glossary_->concepts.TermCountOf(c);
    for (std::size_t i = 0; i < of_entry; ++i, ++t) {
      const std::size_t at = 8 + rows * kRowBytes + t * kTermBytes;
      const std::uint64_t loose_end =
          std::uint64_t{ReadLittle32(table_, at + 4)} +
          ReadLittle32(table_, at + 8);
      if (ConceptOfTerm(t) != c) return no + "a term under another entry";
      if (loose_end > blob) return no + "a key past the end";
    }
  }
  return "";
}

std::size_t Index::RowCount() const { return ReadLittle32(table_, 0); }

std::string_view Index::Bytes(std::size_t at, std::size_t size) const {
  return table_.substr(keys_at_ + at, size);
}

Index::Row Index::RowAt(std::size_t row) const {
  const std::size_t at = 8 + row * kRowBytes;
  const std::uint32_t term = ReadLittle32(table_, at + 16);
  return {static_cast<MatchKind>(ReadLittle32(table_, at)),
          Bytes(ReadLittle32(table_, at + 4), ReadLittle32(table_, at + 8)),
          ReadLittle32(table_, at + 12),
          term == kNoTerm ? static_cast<std::size_t>(-1) : term};
}

std::size_t Index::ConceptOfTerm(std::size_t term) const {
  return ReadLittle32(table_, 8 + RowCount() * kRowBytes + term * kTermBytes);
}

std::string_view Index::LooseKeyOf(std::size_t term) const {
  const std::size_t at = 8 + RowCount() * kRowBytes + term * kTermBytes;
  return Bytes(ReadLittle32(table_, at + 4), ReadLittle32(table_, at + 8));
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
  const std::size_t rows = RowCount();
  for (const auto& [kind, key] : keys) {
    if (key.empty()) continue;
    // The first row not before (kind, key); its entries follow in order.
    std::size_t low = 0, high = rows;
    while (low < high) {
      const std::size_t middle = low + (high - low) / 2;
      const Row row = RowAt(middle);
      if (row.kind < kind || (row.kind == kind && row.key < key))
        low = middle + 1;
      else
        high = middle;
    }
    for (std::size_t r = low; r < rows; ++r) {
      const Row row = RowAt(r);
      if (row.kind != kind || row.key != key) break;
      if (!seen.insert(row.concept_index).second) continue;
      hits.push_back({row.concept_index, kind,
                      kind == MatchKind::kId
                          ? glossary_->concepts.IdOf(row.concept_index)
                          : std::string(TermText(row.term_index))});
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
  for (std::size_t t = 0; t < term_count_; ++t) {
    std::u32string key = CodePoints(LooseKeyOf(t));
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
    std::size_t concept_index = ConceptOfTerm(t);
    auto [slot, inserted] = best.try_emplace(
        concept_index,
        Suggestion{concept_index, std::string(TermText(t)), distance});
    if (!inserted && distance < slot->second.distance) {
      slot->second = {concept_index, std::string(TermText(t)), distance};
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
