// Writing the dictionary index (the format is in dictionary_index.h).

#include <xxhash.h>

#include <algorithm>
#include <map>
#include <unordered_map>

#include "core/dictionary_index.h"
#include "core/dictionary_index_format.h"
#include "core/double_array.h"

namespace glossa {
namespace {

using namespace index_format;

// Strings, each stored once.
class Pool {
 public:
  Pool() { Add(""); }
  std::uint64_t Add(std::string_view text) {
    auto found = refs_.find(text);
    if (found != refs_.end()) return found->second;
    std::uint64_t ref = bytes_.size();
    PutVarint(&bytes_, text.size());
    bytes_.append(text);
    refs_.emplace(std::string(text), ref);
    return ref;
  }
  const std::string& bytes() const { return bytes_; }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
      return XXH3_64bits(text.data(), text.size());
    }
  };
  std::string bytes_;
  std::unordered_map<std::string, std::uint64_t, Hash, std::equal_to<>> refs_;
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

struct Posting {
  std::uint32_t entry;
  std::uint32_t form;  // which of the entry's Forms
};

// The key table (the bucket directory and the tags) and the postings it
// points to.
void WriteKeys(
    const std::vector<std::pair<std::string, std::vector<Posting>>>& keys,
    Pool* pool, std::string* buckets, std::string* tags,
    std::string* postings) {
  int bits = 0;
  while ((std::size_t{1} << bits) < keys.size() / 4) ++bits;
  struct Key {
    std::uint64_t hash;
    MatchKind kind;
    std::uint32_t record;
  };
  std::vector<Key> table;
  table.reserve(keys.size());
  for (const auto& [kind_and_key, entries] : keys) {
    auto kind = static_cast<MatchKind>(kind_and_key[0]);
    std::string_view key = std::string_view(kind_and_key).substr(1);
    table.push_back({KeyHash(kind, key), kind,
                     static_cast<std::uint32_t>(postings->size())});
    PutVarint(postings, pool->Add(key));
    PutVarint(postings, entries.size());
    std::uint32_t previous = 0;
    for (const Posting& posting : entries) {
      PutVarint(postings, posting.entry - previous);
      PutVarint(postings, posting.form);
      previous = posting.entry;
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

// The trie over the Chinese forms and the entry lists it points to.
void WriteTrie(const std::vector<Concept>& entries, std::string* trie,
               std::string* segments) {
  std::map<std::string_view, std::vector<std::uint32_t>> forms;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    for (const LangSection& section : entries[i].languages) {
      if (!SameLanguage(section.lang, kSimplifiedChinese) &&
          !SameLanguage(section.lang, kTraditionalChinese))
        continue;
      for (const Term& term : section.terms) {
        if (term.text.empty() || term.text.find('\0') != std::string::npos)
          continue;
        std::vector<std::uint32_t>& list = forms[term.text];
        if (list.empty() || list.back() != i)
          list.push_back(static_cast<std::uint32_t>(i));
      }
    }
  }
  std::vector<std::string_view> keys;
  std::vector<std::uint32_t> values;
  for (const auto& [form, list] : forms) {
    keys.push_back(form);
    values.push_back(static_cast<std::uint32_t>(segments->size()));
    PutVarint(segments, list.size());
    std::uint32_t previous = 0;
    for (std::uint32_t entry : list) {
      PutVarint(segments, entry - previous);
      previous = entry;
    }
  }
  *trie = BuildDoubleArray(keys, values);
}

// The (kind, key) pairs of every entry's forms, each with its entries in
// order and, per entry, the first of its forms that has the key. Sorted, so
// that the same entries always give the same file.
std::vector<std::pair<std::string, std::vector<Posting>>> CollectKeys(
    const std::vector<Concept>& entries) {
  std::unordered_map<std::string, std::vector<Posting>> keys;
  std::string kind_and_key;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    auto forms = Forms(entries[i]);
    for (std::size_t f = 0; f < forms.size(); ++f) {
      for (const auto& [kind, key] :
           DictionaryKeys(forms[f].second, forms[f].first)) {
        kind_and_key.assign(1, static_cast<char>(kind));
        kind_and_key += key;
        std::vector<Posting>& list = keys[kind_and_key];
        if (list.empty() || list.back().entry != i)
          list.push_back(
              {static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(f)});
      }
    }
  }
  std::vector<std::pair<std::string, std::vector<Posting>>> sorted(
      std::make_move_iterator(keys.begin()),
      std::make_move_iterator(keys.end()));
  std::sort(sorted.begin(), sorted.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  return sorted;
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
  XXH128_hash_t hash = XXH3_128bits(bytes.data(), bytes.size());
  return {hash.low64, hash.high64};
}

std::string BuildDictionaryIndex(const std::vector<Concept>& entries,
                                 const ContentHash& source,
                                 const std::vector<Diagnostic>& problems) {
  Pool pool;
  std::string offsets, records;
  RecordWriter writer(&pool, &records);
  for (const Concept& entry : entries) {
    offsets.append(4, '\0');
    Store32(offsets.data() + offsets.size() - 4,
            static_cast<std::uint32_t>(records.size()));
    writer.Entry(entry);
  }
  offsets.append(4, '\0');
  Store32(offsets.data() + offsets.size() - 4,
          static_cast<std::uint32_t>(records.size()));
  std::string buckets, tags, postings, trie, segments;
  WriteKeys(CollectKeys(entries), &pool, &buckets, &tags, &postings);
  WriteTrie(entries, &trie, &segments);
  std::string notes;
  PutVarint(&notes, problems.size());
  for (const Diagnostic& problem : problems) {
    PutVarint(&notes,
              static_cast<std::uint64_t>(std::max(problem.location.line, 0)));
    PutVarint(&notes,
              static_cast<std::uint64_t>(std::max(problem.location.column, 0)));
    PutVarint(&notes, problem.severity == Severity::kError ? 0 : 1);
    PutVarint(&notes, pool.Add(problem.message));
  }

  std::string out(kHeaderBytes + kSectionTableBytes, '\0');
  out.replace(0, kMagic.size(), kMagic);
  Store32(out.data() + kVersionAt, kDictionaryIndexVersion);
  Store32(out.data() + kEntriesAt, static_cast<std::uint32_t>(entries.size()));
  Store64(out.data() + kSourceAt, source.low);
  Store64(out.data() + kSourceAt + 8, source.high);
  const std::string* sections[kSectionCount] = {
      &pool.bytes(), &offsets, &records,  &buckets, &tags,
      &postings,     &trie,    &segments, &notes};
  for (int s = 0; s < kSectionCount; ++s) {
    Align(&out);
    Store64(out.data() + kHeaderBytes + s * 16, out.size());
    Store64(out.data() + kHeaderBytes + s * 16 + 8, sections[s]->size());
    out += *sections[s];
  }
  SealDictionaryIndex(&out);
  return out;
}

void SealDictionaryIndex(std::string* index) {
  if (index->size() < kHeaderBytes) return;
  Store64(index->data() + kFileSizeAt, index->size());
  Store64(
      index->data() + kChecksumAt,
      XXH3_64bits(index->data() + kHeaderBytes, index->size() - kHeaderBytes));
}

}  // namespace glossa
