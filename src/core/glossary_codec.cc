#include "core/glossary_codec.h"

#include <cstdint>
#include <memory>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <utility>

#include "core/little_endian.h"

namespace glossa {
namespace {

// Adding a field to one of these changes its size: add the field to its
// Fields below and raise kEditionCacheVersion (edition_cache.h), then the
// number here. (The sizes are those of libstdc++ on 64-bit Linux, the
// platform glossa is built for; elsewhere the check is skipped.)
#if defined(__GLIBCXX__) && defined(__x86_64__)
static_assert(sizeof(Location) == 40);
static_assert(sizeof(Diagnostic) == 80);
static_assert(sizeof(Extra) == 48);
static_assert(sizeof(Text) == 96);
static_assert(sizeof(Term) == 392);
static_assert(sizeof(LangSection) == 192);
static_assert(sizeof(CrossReference) == 104);
static_assert(sizeof(ExternalReference) == 136);
static_assert(sizeof(Concept) == 288);
static_assert(sizeof(Glossary) == 280);
static_assert(sizeof(KeyPassage) == 424);
#endif

// A file name, written as its number in the table of names.
struct FileName {
  std::string& name;
};

// The one list of each struct's fields, in the order they are encoded.
template <typename Io>
void Fields(Io& io, Location& x) {
  io(FileName{x.file});
  io(x.line);
  io(x.column);
}
template <typename Io>
void Fields(Io& io, Diagnostic& x) {
  io(x.location);
  io(x.severity);
  io(x.message);
}
template <typename Io>
void Fields(Io& io, Extra& x) {
  io(x.attributes);
  io(x.elements);
}
template <typename Io>
void Fields(Io& io, Text& x) {
  io(x.text);
  io(x.source);
  io(x.xml);
}
template <typename Io>
void Fields(Io& io, Term& x) {
  io(x.id);
  io(x.text);
  io(x.status);
  io(x.status_category);
  io(x.type);
  io(x.part_of_speech);
  io(x.grammatical_gender);
  io(x.geographical_usage);
  io(x.project_subsets);
  io(x.sources);
  io(x.contexts);
  io(x.notes);
  io(x.extra);
  io(x.origin);
}
template <typename Io>
void Fields(Io& io, LangSection& x) {
  io(x.lang);
  io(x.definitions);
  io(x.notes);
  io(x.terms);
  io(x.extra);
  io(x.origin);
}
template <typename Io>
void Fields(Io& io, CrossReference& x) {
  io(x.target);
  io(x.text);
  io(x.origin);
}
template <typename Io>
void Fields(Io& io, ExternalReference& x) {
  io(x.type);
  io(x.target);
  io(x.text);
  io(x.origin);
}
template <typename Io>
void Fields(Io& io, Concept& x) {
  io(x.id);
  io(x.subject_fields);
  io(x.project_subsets);
  io(x.definitions);
  io(x.notes);
  io(x.cross_references);
  io(x.external_references);
  io(x.languages);
  io(x.extra);
  io(x.origin);
}
template <typename Io>
void Fields(Io& io, Glossary& x) {
  io(FileName{x.name});
  io(x.lang);
  io(x.dialect);
  io(x.title);
  io(x.header_xml);
  io(x.back_xml);
  io(x.concepts);
  io(x.extra);
}

// All but `block`, which EditionIndex looks up again by `id`.
template <typename Io>
void Fields(Io& io, KeyPassage& x) {
  io(x.reference);
  io(x.id);
  io(x.quote);
  io(x.description);
  io(x.reason);
  io(x.sentence);
  io(x.entry_in_sentence);
  io(x.problem);
  io(x.target_error);
}

// The largest value of each enum the model stores, for the decoder's check.
constexpr int Largest(Severity) { return static_cast<int>(Severity::kWarning); }
constexpr int Largest(TermStatus) {
  return static_cast<int>(TermStatus::kSuperseded);
}
constexpr int Largest(TermType) { return static_cast<int>(TermType::kPhrase); }
constexpr int Largest(KeyPassageProblem) {
  return static_cast<int>(KeyPassageProblem::kNeedlessReason);
}

class Writer {
 public:
  explicit Writer(const std::vector<std::string>& files) {
    for (const std::string& file : files) IdOf(file);
  }

  void operator()(const std::string& text) {
    AppendLittle64(text.size(), &out_);
    out_ += text;
  }
  void operator()(int number) {
    AppendLittle32(static_cast<std::uint32_t>(number), &out_);
  }
  void operator()(std::size_t number) { AppendLittle64(number, &out_); }
  void operator()(bool flag) { (*this)(flag ? 1 : 0); }
  void operator()(FileName file) { AppendLittle64(IdOf(file.name), &out_); }
  template <typename Enum>
  requires std::is_enum_v<Enum>
  void operator()(Enum value) { (*this)(static_cast<int>(value)); }
  template <typename T>
  void operator()(const std::vector<T>& list) {
    AppendLittle64(list.size(), &out_);
    for (const T& item : list) (*this)(item);
  }
  template <typename A, typename B>
  void operator()(const std::pair<A, B>& pair) {
    (*this)(pair.first);
    (*this)(pair.second);
  }
  // The entries, each after its size in bytes: the Reader can then find
  // each without decoding the others (Concepts::Lazy).
  void operator()(const Concepts& entries) {
    AppendLittle64(entries.size(), &out_);
    for (const Concept& entry : entries) {
      const std::size_t size_at = out_.size();
      AppendLittle64(0, &out_);
      (*this)(entry);
      std::string size;
      AppendLittle64(out_.size() - size_at - 8, &size);
      out_.replace(size_at, 8, size);
    }
  }
  // A struct of the model. Fields takes it mutable, for the Reader's sake;
  // the Writer only reads it.
  template <typename Struct>
  requires std::is_class_v<Struct>
  void operator()(const Struct& value) {
    Fields(*this, const_cast<Struct&>(value));
  }

  // The table of file names, then what was written.
  std::string Finish() const {
    std::string out;
    AppendLittle64(names_.size(), &out);
    for (const std::string& name : names_) {
      AppendLittle64(name.size(), &out);
      out += name;
    }
    return out + out_;
  }

 private:
  std::uint64_t IdOf(const std::string& name) {
    auto [at, added] = ids_.emplace(name, names_.size());
    if (added) names_.push_back(name);
    return at->second;
  }

  std::string out_;
  std::vector<std::string> names_;
  std::unordered_map<std::string, std::uint64_t> ids_;
};

// Reads what Writer wrote. The first thing that does not fit stops it:
// ok() turns false and every later read leaves its target alone.
class Reader {
 public:
  // `keep`: what holds `bytes`; given, the glossary's entries are decoded
  // when first touched (Concepts::Lazy), and `keep` is held until then.
  Reader(std::string_view bytes, const std::vector<std::string>& files,
         std::shared_ptr<const void> keep = nullptr)
      : in_(bytes), keep_(std::move(keep)) {
    std::uint64_t count = Number();
    Have(count, "a list longer than the file");
    for (std::uint64_t i = 0; ok_ && i < count; ++i) {
      std::string name;
      (*this)(name);
      own_names_.push_back(i < files.size() ? files[i] : name);
    }
  }
  // Reads one entry's bytes with the table of file names `names`. `skip`:
  // only checks them and counts their terms and external references,
  // keeping no text (what the lazy list learns before decoding).
  Reader(std::string_view entry, const std::vector<std::string>& names,
         bool skip)
      : in_(entry), names_(names), skip_(skip) {}
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  bool ok() const { return ok_; }
  bool at_end() const { return at_ == in_.size(); }
  const std::string& why() const { return why_; }

  void operator()(std::string& text) {
    std::uint64_t size = Number();
    if (!Have(size, "a text longer than the file")) return;
    // Constructed, not assigned: assigning to the new empty string took
    // the slower way through _M_replace.
    if (!skip_) text = std::string(in_.substr(at_, size));
    at_ += size;
  }
  void operator()(int& number) {
    if (!Have(4, "cut in a number")) return;
    number = static_cast<int>(ReadLittle32(in_, at_));
    at_ += 4;
  }
  void operator()(std::size_t& number) { number = Number(); }
  void operator()(bool& flag) {
    int number = 0;
    (*this)(number);
    if (ok_ && number != 0 && number != 1) Fail("a flag out of range");
    flag = number == 1;
  }
  void operator()(FileName file) {
    std::uint64_t id = Number();
    if (ok_ && id >= names_.size())
      Fail("a file name that is not in the table");
    if (ok_ && !skip_) file.name = names_[id];
  }
  template <typename Enum>
  requires std::is_enum_v<Enum>
  void operator()(Enum& value) {
    int number = 0;
    (*this)(number);
    if (ok_ && (number < 0 || number > Largest(Enum{})))
      Fail("a value out of range");
    if (ok_) value = static_cast<Enum>(number);
  }
  template <typename T>
  void operator()(std::vector<T>& list) {
    std::uint64_t count = Number();
    // Every item takes at least a byte: a count beyond the bytes left is
    // a broken file, found before anything is allocated for it.
    if (!Have(count, "a list longer than the file")) return;
    if (skip_) {  // one item read over and over, nothing kept
      if constexpr (std::is_same_v<T, Term>) terms_ += count;
      if constexpr (std::is_same_v<T, ExternalReference>) references_ += count;
      T item;
      for (std::uint64_t i = 0; ok_ && i < count; ++i) (*this)(item);
      return;
    }
    list.reserve(list.size() + count);
    for (std::uint64_t i = 0; ok_ && i < count; ++i)
      (*this)(list.emplace_back());
  }
  void operator()(Concepts& entries);
  template <typename A, typename B>
  void operator()(std::pair<A, B>& pair) {
    (*this)(pair.first);
    (*this)(pair.second);
  }
  template <typename Struct>
  requires std::is_class_v<Struct>
  void operator()(Struct& value) { Fields(*this, value); }

 private:
  std::uint64_t Number() {
    if (!Have(8, "cut in a number")) return 0;
    std::uint64_t number = ReadLittle64(in_, at_);
    at_ += 8;
    return number;
  }
  bool Have(std::uint64_t bytes, const char* otherwise) {
    if (ok_ && bytes > in_.size() - at_) Fail(otherwise);
    return ok_;
  }
  void Fail(std::string why) {
    ok_ = false;
    why_ = std::move(why);
  }

  std::string_view in_;
  std::size_t at_ = 0;
  bool ok_ = true;
  std::string why_;
  std::vector<std::string> own_names_;
  const std::vector<std::string>& names_ = own_names_;
  std::shared_ptr<const void> keep_;
  bool skip_ = false;
  std::size_t terms_ = 0;       // skipped: the terms seen
  std::size_t references_ = 0;  // and the external references
};

void Reader::operator()(Concepts& entries) {
  std::uint64_t count = Number();
  // Each entry takes at least its size, 8 bytes.
  if (!Have(count, "a list longer than the file") ||
      !Have(count * 8, "a list longer than the file"))
    return;
  std::vector<std::string_view> bytes;
  std::vector<Concepts::Shape> shapes;
  for (std::uint64_t i = 0; ok_ && i < count; ++i) {
    std::uint64_t size = Number();
    if (!Have(size, "an entry longer than the file")) return;
    const std::string_view entry = in_.substr(at_, size);
    at_ += size;
    Reader one(entry, names_, keep_ != nullptr);
    Concept decoded;
    one(decoded);
    if (one.ok() && !one.at_end()) one.Fail("bytes after the end of an entry");
    if (!one.ok()) return Fail(one.why());
    if (keep_ == nullptr) {
      entries.push_back(std::move(decoded));
      continue;
    }
    Reader id(entry, names_, false);  // the first field is the id
    Concepts::Shape& shape = shapes.emplace_back();
    id(shape.id);
    shape.terms = one.terms_;
    shape.references = one.references_;
    bytes.push_back(entry);
  }
  if (keep_ == nullptr) return;
  // Checked above: decoding an entry cannot fail.
  entries = Concepts::Lazy(
      std::move(shapes),
      [bytes = std::move(bytes), names = names_, keep = keep_](std::size_t i) {
        Reader one(bytes[i], names, false);
        Concept entry;
        one(entry);
        return entry;
      });
}

// Decodes what `reader` holds into *out, failing unless it is all of it.
template <typename T>
bool DecodeAll(Reader& reader, T* out, std::string* why) {
  reader(*out);
  if (reader.ok() && !reader.at_end()) {
    *why = "bytes after the end";
    return false;
  }
  if (!reader.ok()) *why = reader.why();
  return reader.ok();
}

}  // namespace

std::string EncodeGlossary(const Glossary& glossary,
                           const Diagnostics& reported,
                           const std::vector<std::string>& files) {
  Writer writer(files);
  writer(reported.all());
  writer(glossary);
  return writer.Finish();
}

bool DecodeGlossary(std::string_view bytes,
                    const std::vector<std::string>& files, Glossary* out,
                    Diagnostics* reported, std::string* why,
                    std::shared_ptr<const void> keep) {
  Reader reader(bytes, files, std::move(keep));
  std::vector<Diagnostic> diagnostics;
  reader(diagnostics);
  *out = Glossary();
  if (!DecodeAll(reader, out, why)) {
    *why = "glossary: " + *why;
    return false;
  }
  for (Diagnostic& diagnostic : diagnostics)
    reported->Add(std::move(diagnostic));
  return true;
}

std::string EncodeKeyPassages(
    const std::vector<std::vector<KeyPassage>>& key_passages) {
  Writer writer({});
  writer(key_passages);
  return writer.Finish();
}

bool DecodeKeyPassages(std::string_view bytes, const Glossary& glossary,
                       std::vector<std::vector<KeyPassage>>* out,
                       std::string* why) {
  Reader reader(bytes, {});
  out->clear();
  if (!DecodeAll(reader, out, why)) {
    *why = "key passages: " + *why;
    return false;
  }
  if (out->size() != glossary.concepts.size()) {
    *why = "key passages: not one list per entry";
    return false;
  }
  for (std::size_t i = 0; i < out->size(); ++i) {
    for (const KeyPassage& key : (*out)[i]) {
      if (key.reference >= glossary.concepts.ReferenceCountOf(i)) {
        *why = "key passages: a reference the entry does not have";
        return false;
      }
    }
  }
  return true;
}

}  // namespace glossa
