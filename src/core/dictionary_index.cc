// Reading the dictionary index (the format is in dictionary_index.h; the
// writer is dictionary_index_build.cc).

#include "core/dictionary_index.h"

#include <xxhash.h>

#include <algorithm>
#include <bit>
#include <limits>
#include <unordered_set>

#include "core/dictionary_index_format.h"
#include "core/double_array.h"

namespace glossa {
namespace {

using namespace index_format;

// Reads a list of `count` items with `read`, stopping at the first failure
// (a damaged count must not make a long loop).
template <typename T, typename Read>
std::vector<T> List(Reader& reader, Read read) {
  std::vector<T> out;
  std::uint64_t count = reader.Varint();
  for (std::uint64_t i = 0; i < count && !reader.failed(); ++i)
    out.push_back(read());
  return out;
}

int Clamp(std::uint64_t v) {
  return static_cast<int>(
      std::min<std::uint64_t>(v, std::numeric_limits<int>::max()));
}

}  // namespace

std::unique_ptr<MappedDictionary> MappedDictionary::Map(
    const std::string& path, std::optional<ContentHash> expected,
    DictionarySource source, std::string* error, Verify verify) {
  std::unique_ptr<MappedFile> file = MappedFile::Open(path, error);
  if (!file) return nullptr;
  std::unique_ptr<MappedDictionary> dictionary(new MappedDictionary());
  dictionary->bytes_ = file->bytes();
  dictionary->file_ = std::move(file);
  dictionary->source_ = std::move(source);
  *error = dictionary->Check(expected, verify);
  if (!error->empty()) return nullptr;
  dictionary->file_->MarkUsed();
  return dictionary;
}

std::unique_ptr<MappedDictionary> MappedDictionary::FromBytes(
    std::string index, std::optional<ContentHash> expected,
    DictionarySource source, std::string* error) {
  std::unique_ptr<MappedDictionary> dictionary(new MappedDictionary());
  dictionary->owned_ = std::move(index);
  dictionary->bytes_ = dictionary->owned_;
  dictionary->source_ = std::move(source);
  *error = dictionary->Check(expected);
  if (!error->empty()) return nullptr;
  return dictionary;
}

std::string MappedDictionary::Check(std::optional<ContentHash> expected,
                                    Verify verify) {
  const char* data = bytes_.data();
  if (bytes_.size() < kHeaderBytes || bytes_.substr(0, 8) != kMagic)
    return "not a glossa dictionary index";
  std::uint32_t version = Load32(data + kVersionAt);
  if (version != kDictionaryIndexVersion)
    return "format version " + std::to_string(version) + ", not " +
           std::to_string(kDictionaryIndexVersion);
  std::uint64_t size = Load64(data + kFileSizeAt);
  if (size != bytes_.size())
    return (size > bytes_.size() ? "truncated (" : "too long (") +
           std::to_string(bytes_.size()) + " of " + std::to_string(size) +
           " bytes)";
  ContentHash source{Load64(data + kSourceAt), Load64(data + kSourceAt + 8)};
  if (expected && source != *expected) return "built from another source";
  if (verify == Verify::kChecksum &&
      BodyChecksum() != Load64(data + kChecksumAt))
    return "checksum does not match";
  if (bytes_.size() < kHeaderBytes + kSectionTableBytes)
    return "no section table";
  std::string_view* sections[kSectionCount] = {
      &pool_,     &offsets_, &records_,  &buckets_, &tags_,
      &postings_, &trie_,    &segments_, &problems_};
  for (int s = 0; s < kSectionCount; ++s) {
    std::uint64_t at = Load64(data + kHeaderBytes + s * 16);
    std::uint64_t length = Load64(data + kHeaderBytes + s * 16 + 8);
    if (at > bytes_.size() || length > bytes_.size() - at)
      return "section " + std::to_string(s) + " lies outside the file";
    *sections[s] = bytes_.substr(at, length);
  }
  size_ = Load32(data + kEntriesAt);
  if (offsets_.size() != (size_ + 1) * 4)
    return "the entry table does not match the number of entries";
  std::size_t buckets = buckets_.size() / 4;
  if (buckets_.size() % 4 != 0 || buckets < 2 ||
      ((buckets - 1) & (buckets - 2)) != 0)
    return "the key table's directory is not a power of two";
  bucket_bits_ = std::countr_zero(buckets - 1);
  return "";
}

std::optional<std::uint64_t> MappedDictionary::BodyChecksum() const {
  if (!file_)
    return XXH3_64bits(bytes_.data() + kHeaderBytes,
                       bytes_.size() - kHeaderBytes);
  std::unique_ptr<XXH3_state_t, decltype(&XXH3_freeState)> state(
      XXH3_createState(), &XXH3_freeState);
  if (!state || XXH3_64bits_reset(state.get()) != XXH_OK) return std::nullopt;
  std::string buffer(std::size_t{1} << 20, '\0');
  for (std::size_t at = kHeaderBytes; at < bytes_.size();) {
    std::size_t n = std::min(buffer.size(), bytes_.size() - at);
    if (!file_->ReadAt(at, n, buffer.data())) return std::nullopt;
    XXH3_64bits_update(state.get(), buffer.data(), n);
    at += n;
  }
  return XXH3_64bits_digest(state.get());
}

std::string MappedDictionary::String(std::uint64_t ref,
                                     std::size_t* budget) const {
  Reader reader(pool_, ref > pool_.size() ? pool_.size() + 1 : ref);
  std::uint64_t length = reader.Varint();
  if (length > *budget) return "";
  *budget -= length;
  return std::string(reader.Bytes(length));
}

void MappedDictionary::Postings(
    MatchKind kind, std::string_view key,
    std::vector<std::pair<std::size_t, std::uint64_t>>* out) const {
  const std::uint64_t hash = KeyHash(kind, key);
  const std::uint32_t tag = KeyTag(hash, kind);
  const std::size_t bucket = KeyBucket(hash, bucket_bits_);
  const std::size_t tags = tags_.size() / kTagBytes;
  std::size_t end =
      std::min<std::size_t>(Load32(buckets_.data() + bucket * 4 + 4), tags);
  for (std::size_t k = Load32(buckets_.data() + bucket * 4); k < end; ++k) {
    if (Load32(tags_.data() + k * kTagBytes) != tag) continue;
    Reader reader(postings_, Load32(tags_.data() + k * kTagBytes + 4));
    Reader name(pool_, std::min<std::uint64_t>(reader.Varint(), pool_.size()));
    if (name.Bytes(name.Varint()) != key) continue;
    std::uint64_t count = reader.Varint(), entry = 0;
    for (std::uint64_t i = 0; i < count; ++i) {
      entry += reader.Varint();
      std::uint64_t form = reader.Varint();
      if (reader.failed() || entry >= size_) return;
      out->emplace_back(entry, form);
    }
    return;
  }
}

std::vector<DictionaryHit> MappedDictionary::Find(
    std::string_view query) const {
  std::vector<std::pair<MatchKind, std::string>> keys =
      DictionaryQueryKeys(query);
  std::vector<DictionaryHit> hits;
  std::unordered_set<std::size_t> seen;
  std::vector<std::pair<std::size_t, std::uint64_t>> found;
  for (std::size_t k = 0; k < keys.size();) {
    MatchKind kind = keys[k].first;
    found.clear();
    for (; k < keys.size() && keys[k].first == kind; ++k)
      Postings(kind, keys[k].second, &found);
    // One kind may have two keys (German and English stems): their entries
    // in file order, each with the form the first key found.
    std::stable_sort(found.begin(), found.end(),
                     [](auto& a, auto& b) { return a.first < b.first; });
    for (const auto& [entry, form] : found) {
      if (!seen.insert(entry).second) continue;
      Concept rebuilt = Entry(entry);
      auto forms = Forms(rebuilt);
      hits.push_back({entry, kind,
                      form < forms.size() ? std::string(forms[form].second)
                                          : std::string()});
    }
  }
  return hits;
}

Concept MappedDictionary::Entry(std::size_t i) const {
  Concept entry;
  if (i >= size_) return entry;
  std::uint32_t start = Load32(offsets_.data() + i * 4);
  std::uint32_t end = Load32(offsets_.data() + i * 4 + 4);
  if (start > end || end > records_.size()) return entry;
  Reader reader(records_.substr(0, end), start);
  std::size_t budget = Budget();
  auto str = [&] { return String(reader.Varint(), &budget); };
  auto text = [&] {
    Text out;
    out.text = str();
    out.source = str();
    return out;
  };
  entry.id = str();
  entry.origin.line = Clamp(reader.Varint());
  entry.origin.column = Clamp(reader.Varint());
  if (entry.origin.line > 0) entry.origin.file = source_.path;
  entry.subject_fields = List<std::string>(reader, str);
  entry.definitions = List<Text>(reader, text);
  entry.notes = List<Text>(reader, text);
  entry.languages = List<LangSection>(reader, [&] {
    LangSection section;
    section.lang = str();
    section.definitions = List<Text>(reader, text);
    section.notes = List<Text>(reader, text);
    section.terms = List<Term>(reader, [&] {
      Term term;
      term.text = str();
      std::uint64_t status = reader.Varint(), type = reader.Varint();
      if (status <= static_cast<std::uint64_t>(TermStatus::kSuperseded))
        term.status = static_cast<TermStatus>(status);
      if (type <= static_cast<std::uint64_t>(TermType::kPhrase))
        term.type = static_cast<TermType>(type);
      term.part_of_speech = str();
      term.grammatical_gender = str();
      term.geographical_usage = str();
      term.sources = List<std::string>(reader, str);
      term.notes = List<Text>(reader, text);
      return term;
    });
    return section;
  });
  return entry;
}

// The first field of Entry's record, read alone.
std::string MappedDictionary::EntryId(std::size_t i) const {
  if (i >= size_) return "";
  std::uint32_t start = Load32(offsets_.data() + i * 4);
  std::uint32_t end = Load32(offsets_.data() + i * 4 + 4);
  if (start > end || end > records_.size()) return "";
  Reader reader(records_.substr(0, end), start);
  std::size_t budget = Budget();
  return String(reader.Varint(), &budget);
}

std::size_t MappedDictionary::LongestChinesePrefix(
    std::string_view text, std::vector<std::size_t>* entries) const {
  std::uint32_t value = 0;
  std::size_t length = LongestPrefix(trie_, text, &value);
  if (entries == nullptr) return length;
  entries->clear();
  if (length == 0) return 0;
  Reader reader(segments_, value);
  std::uint64_t count = reader.Varint(), entry = 0;
  for (std::uint64_t i = 0; i < count; ++i) {
    entry += reader.Varint();
    if (reader.failed() || entry >= size_) break;
    entries->push_back(entry);
  }
  return length;
}

std::vector<Diagnostic> MappedDictionary::Problems() const {
  Reader reader(problems_, 0);
  std::size_t budget = Budget();
  return List<Diagnostic>(reader, [&] {
    Diagnostic problem;
    problem.location.file = source_.path;
    problem.location.line = Clamp(reader.Varint());
    problem.location.column = Clamp(reader.Varint());
    problem.severity =
        reader.Varint() == 0 ? Severity::kError : Severity::kWarning;
    problem.message = String(reader.Varint(), &budget);
    return problem;
  });
}

}  // namespace glossa
