// Writing the dictionary index (the format is in dictionary_index.h).

#include <xxhash.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <tuple>
#include <unordered_map>

#include "core/char_kinds.h"
#include "core/dictionary_index.h"
#include "core/dictionary_index_format.h"
#include "core/double_array.h"
#include "core/xxh3_avx2.h"

namespace glossa {
namespace {

using namespace index_format;

// Strings, each stored once. The set that finds a string again holds its
// offset in the pool and its hash, not a copy: Ding's strings would take
// hundreds of megabytes twice over.
class Pool {
 public:
  Pool() { Add(""); }
  std::uint32_t Add(std::string_view text) {
    const std::uint64_t hash = XXH3_64bits(text.data(), text.size());
    auto [first, last] = refs_.equal_range(hash);
    for (auto it = first; it != last; ++it) {
      if (View(it->second) == text) return it->second;
    }
    auto ref = static_cast<std::uint32_t>(bytes_.size());
    PutVarint(&bytes_, text.size());
    bytes_.append(text);
    refs_.emplace(hash, ref);
    return ref;
  }
  // The string at `ref`, as Add returned it.
  std::string_view View(std::uint32_t ref) const {
    Reader reader(bytes_, ref);
    return reader.Bytes(reader.Varint());
  }
  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
  std::unordered_multimap<std::uint64_t, std::uint32_t> refs_;
};

class RecordWriter {
 public:
  RecordWriter(Pool* pool, std::string* out) : pool_(pool), out_(out) {}

  void Entry(const Concept& entry) {
    Str(entry.id);
    Num(static_cast<std::uint64_t>(std::max(entry.origin.line, 0)));
    Num(static_cast<std::uint64_t>(std::max(entry.origin.column, 0)));
    Strings(entry.subject_fields);
    Texts(entry.definitions);
    Texts(entry.notes);
    Num(entry.languages.size());
    for (const LangSection& section : entry.languages) {
      Str(section.lang);
      Texts(section.definitions);
      Texts(section.notes);
      Num(section.terms.size());
      for (const Term& term : section.terms) {
        Str(term.text);
        Num(static_cast<std::uint64_t>(term.status));
        Num(static_cast<std::uint64_t>(term.type));
        Str(term.part_of_speech);
        Str(term.grammatical_gender);
        Str(term.geographical_usage);
        Strings(term.sources);
        Texts(term.notes);
      }
    }
  }

 private:
  void Num(std::uint64_t v) { PutVarint(out_, v); }
  void Str(std::string_view text) { Num(pool_->Add(text)); }
  void Strings(const std::vector<std::string>& list) {
    Num(list.size());
    for (const std::string& text : list) Str(text);
  }
  void Texts(const std::vector<Text>& list) {
    Num(list.size());
    for (const Text& text : list) {
      Str(text.text);
      Str(text.source);
    }
  }

  Pool* pool_;
  std::string* out_;
};

// A key an entry has, by the key's string in the pool: 16 bytes, where a
// map from key strings to lists took ten times that.
struct KeyPosting {
  std::uint32_t key;    // the key's string in the pool
  std::uint32_t kind;   // its MatchKind
  std::uint32_t entry;  // the entry
  std::uint32_t form;   // which of the entry's Forms has the key
};

// A simplified or traditional form an entry has, by its string in the pool.
struct FormPosting {
  std::uint32_t form;
  std::uint32_t entry;
};

// The key table (the bucket directory and the tags) and the postings it
// points to, from every entry's keys. Keys are laid out in the order of
// (kind, key), so that the same entries always give the same file; each
// key lists its entries in order, and per entry the first of its forms
// that has the key.
void WriteKeys(std::vector<KeyPosting> postings_in, const Pool& pool,
               std::string* buckets, std::string* tags, std::string* postings) {
  std::sort(postings_in.begin(), postings_in.end(), [](auto& a, auto& b) {
    return std::tie(a.key, a.kind, a.entry, a.form) <
           std::tie(b.key, b.kind, b.entry, b.form);
  });
  // Each distinct (kind, key), as its first posting's place.
  std::vector<std::size_t> keys;
  for (std::size_t i = 0; i < postings_in.size(); ++i) {
    if (i == 0 || postings_in[i].key != postings_in[i - 1].key ||
        postings_in[i].kind != postings_in[i - 1].kind)
      keys.push_back(i);
  }
  std::sort(keys.begin(), keys.end(), [&](std::size_t a, std::size_t b) {
    const KeyPosting& x = postings_in[a];
    const KeyPosting& y = postings_in[b];
    if (x.kind != y.kind) return x.kind < y.kind;
    return pool.View(x.key) < pool.View(y.key);
  });
  int bits = 0;
  while ((std::size_t{1} << bits) < keys.size() / 4) ++bits;
  struct Key {
    std::uint64_t hash;
    MatchKind kind;
    std::uint32_t record;
  };
  std::vector<Key> table;
  table.reserve(keys.size());
  for (std::size_t first : keys) {
    const KeyPosting& head = postings_in[first];
    auto kind = static_cast<MatchKind>(head.kind);
    std::size_t end = first;
    std::size_t count = 0;
    for (; end < postings_in.size() && postings_in[end].key == head.key &&
           postings_in[end].kind == head.kind;
         ++end)
      count +=
          end == first || postings_in[end].entry != postings_in[end - 1].entry;
    table.push_back({KeyHash(kind, pool.View(head.key)), kind,
                     static_cast<std::uint32_t>(postings->size())});
    PutVarint(postings, head.key);
    PutVarint(postings, count);
    std::uint32_t previous = 0;
    for (std::size_t i = first; i < end; ++i) {
      if (i > first && postings_in[i].entry == postings_in[i - 1].entry)
        continue;  // the entry's first form only
      PutVarint(postings, postings_in[i].entry - previous);
      PutVarint(postings, postings_in[i].form);
      previous = postings_in[i].entry;
    }
  }
  auto bucket = [bits](std::uint64_t hash) { return KeyBucket(hash, bits); };
  std::stable_sort(table.begin(), table.end(), [&](auto& a, auto& b) {
    return bucket(a.hash) < bucket(b.hash);
  });
  buckets->assign(((std::size_t{1} << bits) + 1) * 4, '\0');
  tags->assign(table.size() * kTagBytes, '\0');
  std::size_t at = 0;
  for (std::size_t b = 0; b <= (std::size_t{1} << bits); ++b) {
    while (at < table.size() && bucket(table[at].hash) < b) ++at;
    Store32(buckets->data() + b * 4, static_cast<std::uint32_t>(at));
  }
  for (std::size_t k = 0; k < table.size(); ++k) {
    Store32(tags->data() + k * kTagBytes, KeyTag(table[k].hash, table[k].kind));
    Store32(tags->data() + k * kTagBytes + 4, table[k].record);
  }
}

// `form` as the trie's labels; nothing if it is not well-formed UTF-8 or
// holds U+0000.
std::optional<std::u32string> TrieKey(std::string_view form) {
  std::u32string key;
  for (std::size_t i = 0; i < form.size();) {
    char32_t c = 0;
    std::size_t length = DecodeUtf8(form, i, &c);
    if (length == 0 || c == 0) return std::nullopt;
    key.push_back(c);
    i += length;
  }
  return key;
}

// The trie over the Chinese forms, in code point order, and the entry lists it
// points to.
void WriteTrie(std::vector<FormPosting> forms, const Pool& pool,
               std::string* trie, std::string* segments) {
  std::sort(forms.begin(), forms.end(), [](auto& a, auto& b) {
    return std::tie(a.form, a.entry) < std::tie(b.form, b.entry);
  });
  forms.erase(std::unique(forms.begin(), forms.end(),
                          [](auto& a, auto& b) {
                            return a.form == b.form && a.entry == b.entry;
                          }),
              forms.end());
  std::vector<std::size_t> firsts;
  for (std::size_t i = 0; i < forms.size(); ++i) {
    if (i == 0 || forms[i].form != forms[i - 1].form) firsts.push_back(i);
  }
  std::sort(firsts.begin(), firsts.end(), [&](std::size_t a, std::size_t b) {
    return pool.View(forms[a].form) < pool.View(forms[b].form);
  });
  std::vector<std::u32string> keys;
  std::vector<std::uint32_t> values;
  for (std::size_t first : firsts) {
    // Code points sort as their UTF-8 does, so the keys stay sorted. A form
    // that is not well-formed UTF-8 (or holds U+0000) can match no text.
    std::optional<std::u32string> key = TrieKey(pool.View(forms[first].form));
    if (!key) continue;
    keys.push_back(std::move(*key));
    values.push_back(static_cast<std::uint32_t>(segments->size()));
    std::size_t end = first;
    while (end < forms.size() && forms[end].form == forms[first].form) ++end;
    PutVarint(segments, end - first);
    std::uint32_t previous = 0;
    for (std::size_t i = first; i < end; ++i) {
      PutVarint(segments, forms[i].entry - previous);
      previous = forms[i].entry;
    }
  }
  *trie = BuildDoubleArray(keys, values);
}

void Align(std::string* out) { out->resize((out->size() + 7) / 8 * 8, '\0'); }

}  // namespace

std::string ContentHash::Hex() const {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (std::uint64_t half : {high, low})
    for (int shift = 60; shift >= 0; shift -= 4)
      out += kDigits[(half >> shift) & 0xF];
  return out;
}

ContentHash HashContent(std::string_view bytes) {
#if defined(GLOSSA_XXH3_AVX2)
  // The same hash either way (xxh3_avx2.h).
  static const bool avx2 = __builtin_cpu_supports("avx2");
  if (avx2) {
    ContentHash hash;
    Xxh3Avx2(bytes.data(), bytes.size(), &hash.low, &hash.high);
    return hash;
  }
#endif
  XXH128_hash_t hash = XXH3_128bits(bytes.data(), bytes.size());
  return {hash.low64, hash.high64};
}

struct DictionaryIndexBuilder::State {
  Pool pool;
  std::string offsets, records;
  std::vector<KeyPosting> keys;
  std::vector<FormPosting> forms;
  std::uint32_t size = 0;
};

DictionaryIndexBuilder::DictionaryIndexBuilder()
    : state_(std::make_unique<State>()) {}
DictionaryIndexBuilder::~DictionaryIndexBuilder() = default;
DictionaryIndexBuilder::DictionaryIndexBuilder(DictionaryIndexBuilder&&) =
    default;
DictionaryIndexBuilder& DictionaryIndexBuilder::operator=(
    DictionaryIndexBuilder&&) = default;

void DictionaryIndexBuilder::Add(const Concept& entry) {
  State& s = *state_;
  const std::uint32_t i = s.size++;
  s.offsets.append(4, '\0');
  Store32(s.offsets.data() + s.offsets.size() - 4,
          static_cast<std::uint32_t>(s.records.size()));
  RecordWriter(&s.pool, &s.records).Entry(entry);
  auto forms = Forms(entry);
  for (std::size_t f = 0; f < forms.size(); ++f) {
    for (const auto& [kind, key] :
         DictionaryKeys(forms[f].second, forms[f].first))
      s.keys.push_back({s.pool.Add(key), static_cast<std::uint32_t>(kind), i,
                        static_cast<std::uint32_t>(f)});
    const std::string_view form = forms[f].second;
    if ((SameLanguage(forms[f].first, kSimplifiedChinese) ||
         SameLanguage(forms[f].first, kTraditionalChinese)) &&
        !form.empty() && form.find('\0') == std::string_view::npos)
      s.forms.push_back({s.pool.Add(form), i});
  }
}

std::string DictionaryIndexBuilder::Finish(
    const ContentHash& source, const std::vector<Diagnostic>& problems) && {
  State& s = *state_;
  s.offsets.append(4, '\0');
  Store32(s.offsets.data() + s.offsets.size() - 4,
          static_cast<std::uint32_t>(s.records.size()));
  std::string notes;
  PutVarint(&notes, problems.size());
  for (const Diagnostic& problem : problems) {
    PutVarint(&notes,
              static_cast<std::uint64_t>(std::max(problem.location.line, 0)));
    PutVarint(&notes,
              static_cast<std::uint64_t>(std::max(problem.location.column, 0)));
    PutVarint(&notes, problem.severity == Severity::kError ? 0 : 1);
    PutVarint(&notes, s.pool.Add(problem.message));
  }
  std::string buckets, tags, postings, trie, segments;
  WriteKeys(std::move(s.keys), s.pool, &buckets, &tags, &postings);
  WriteTrie(std::move(s.forms), s.pool, &trie, &segments);

  std::string out(kHeaderBytes + kSectionTableBytes, '\0');
  out.replace(0, kMagic.size(), kMagic);
  Store32(out.data() + kVersionAt, kDictionaryIndexVersion);
  Store32(out.data() + kEntriesAt, s.size);
  Store64(out.data() + kSourceAt, source.low);
  Store64(out.data() + kSourceAt + 8, source.high);
  const std::string* sections[kSectionCount] = {
      &s.pool.bytes(), &s.offsets, &s.records, &buckets, &tags,
      &postings,       &trie,      &segments,  &notes};
  for (int section = 0; section < kSectionCount; ++section) {
    Align(&out);
    Store64(out.data() + kHeaderBytes + section * 16, out.size());
    Store64(out.data() + kHeaderBytes + section * 16 + 8,
            sections[section]->size());
    out += *sections[section];
  }
  state_.reset();
  SealDictionaryIndex(&out);
  return out;
}

std::string BuildDictionaryIndex(const std::vector<Concept>& entries,
                                 const ContentHash& source,
                                 const std::vector<Diagnostic>& problems) {
  DictionaryIndexBuilder builder;
  for (const Concept& entry : entries) builder.Add(entry);
  return std::move(builder).Finish(source, problems);
}

void SealDictionaryIndex(std::string* index) {
  if (index->size() < kHeaderBytes) return;
  Store64(index->data() + kFileSizeAt, index->size());
  Store64(
      index->data() + kChecksumAt,
      XXH3_64bits(index->data() + kHeaderBytes, index->size() - kHeaderBytes));
}

}  // namespace glossa
