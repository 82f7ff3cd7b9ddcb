#include "core/glossary_codec.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <utility>

#include "core/little_endian.h"
#include "core/xml_input.h"

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
static_assert(sizeof(Span) == 48);
static_assert(sizeof(Provenance) == 12);
static_assert(sizeof(Node) == 168);
static_assert(sizeof(Note) == 80);
static_assert(sizeof(DocumentInfo) == 352);
static_assert(sizeof(Document) == 488);
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

// The edition's Document (document.h).
template <typename Io>
void Fields(Io& io, Span& x) {
  io(x.kind);
  io(x.text);
  io(x.number);
}
template <typename Io>
void Fields(Io& io, Provenance& x) {
  io(x.page);
  io(x.first_line);
  io(x.last_line);
}
template <typename Io>
void Fields(Io& io, Node& x) {
  io(x.kind);
  io(x.id);
  io(x.type);
  io(x.n);
  io(x.content);
  io(x.children);
  io(x.source);
}
template <typename Io>
void Fields(Io& io, Note& x) {
  io(x.number);
  io(x.id);
  io(x.content);
  io(x.source);
}
template <typename Io>
void Fields(Io& io, DocumentInfo& x) {
  io(x.title);
  io(x.subtitle);
  io(x.authors);
  io(x.series);
  io(x.publisher);
  io(x.language);
  io(x.notes);
  io(x.original_title);
  io(x.original_date);
  io(x.rights);
  io(x.source_file);
  io(x.source_bytes);
  io(x.source_lines);
}
template <typename Io>
void Fields(Io& io, Document& x) {
  io(x.info);
  io(x.title);
  io(x.subtitle);
  io(x.title_source);
  io(x.front);
  io(x.body);
  io(x.notes);
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
constexpr int Largest(Span::Kind) {
  return static_cast<int>(Span::Kind::kPageBreak);
}
constexpr int Largest(Node::Kind) {
  return static_cast<int>(Node::Kind::kPageBreak);
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
  void operator()(long long number) {
    AppendLittle64(static_cast<std::uint64_t>(number), &out_);
  }
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
  // The entries, each after its size in bytes and its shape's two counts
  // (Concepts::ShapeOf): the Reader can then find each entry, and open
  // the list lazily, without decoding any (Concepts::Lazy).
  void operator()(const Concepts& entries) {
    AppendLittle64(entries.size(), &out_);
    for (const Concept& entry : entries) {
      const std::size_t size_at = out_.size();
      AppendLittle64(0, &out_);
      const Concepts::Shape shape = Concepts::ShapeOf(entry);
      AppendLittle64(shape.terms, &out_);
      AppendLittle64(shape.references, &out_);
      (*this)(entry);
      std::string size;
      AppendLittle64(out_.size() - size_at - 24, &size);
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
  // when first touched (Concepts::Lazy), and `keep` is held until then;
  // `source` names the file, for DamagedCacheFile.
  Reader(std::string_view bytes, const std::vector<std::string>& files,
         std::shared_ptr<const void> keep = nullptr, std::string source = "")
      : in_(bytes), keep_(std::move(keep)), source_(std::move(source)) {
    std::uint64_t count = Number();
    Have(count, "a list longer than the file");
    for (std::uint64_t i = 0; ok_ && i < count; ++i) {
      std::string name;
      (*this)(name);
      own_names_.push_back(i < files.size() ? files[i] : name);
    }
  }
  // Reads one entry's bytes with the table of file names `names`.
  struct OneEntry {};
  Reader(OneEntry, std::string_view entry,
         const std::vector<std::string>& names)
      : in_(entry), names_(names) {}
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
    text = std::string(in_.substr(at_, size));
    at_ += size;
  }
  void operator()(int& number) {
    if (!Have(4, "cut in a number")) return;
    number = static_cast<int>(ReadLittle32(in_, at_));
    at_ += 4;
  }
  void operator()(std::size_t& number) { number = Number(); }
  void operator()(long long& number) {
    number = static_cast<long long>(Number());
  }
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
    if (ok_) file.name = names_[id];
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
    list.reserve(list.size() + count);
    for (std::uint64_t i = 0; ok_ && i < count; ++i)
      (*this)(list.emplace_back());
  }
  void operator()(Concepts& entries);
  // A node, no deeper than an XML file may nest (kMaxXmlDepth): the
  // decoder recurses once per level.
  void operator()(Node& node) {
    if (ok_ && ++depth_ > kMaxXmlDepth) Fail("nodes nested too deep");
    if (ok_) Fields(*this, node);
    --depth_;
  }
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
  std::string source_;
  int depth_ = 0;  // of the Node being read
};

// The entry `bytes` hold, which must have the shape `shape`; nullopt with
// *why set otherwise.
std::optional<Concept> DecodeEntry(std::string_view bytes,
                                   const std::vector<std::string>& names,
                                   const Concepts::Shape& shape,
                                   std::string* why) {
  Reader one(Reader::OneEntry{}, bytes, names);
  Concept entry;
  one(entry);
  if (!one.ok() || !one.at_end()) {
    *why = one.ok() ? "bytes after the end of an entry" : one.why();
    return std::nullopt;
  }
  const Concepts::Shape found = Concepts::ShapeOf(entry);
  if (found.terms != shape.terms || found.references != shape.references) {
    *why = "an entry that does not have the terms or references counted";
    return std::nullopt;
  }
  return entry;
}

// Eagerly (no `keep`), every entry is decoded and checked here. Lazily,
// only each entry's size, counts and id are read here; the rest is
// checked when the entry is decoded, and an entry that fails then throws
// (Concepts::Decode): the cache's checksum (edition_cache.h) makes that
// happen only to a file written to defeat it. Checking every entry at
// once was 2.9 M of a warm lookup's 12 M instructions.
void Reader::operator()(Concepts& entries) {
  std::uint64_t count = Number();
  // Each entry takes at least its size and counts, 24 bytes.
  if (!Have(count, "a list longer than the file") ||
      !Have(count * 24, "a list longer than the file"))
    return;
  std::vector<std::string_view> bytes;
  std::vector<Concepts::Shape> shapes;
  for (std::uint64_t i = 0; ok_ && i < count; ++i) {
    Concepts::Shape shape;
    const std::uint64_t size = Number();
    shape.terms = Number();
    shape.references = Number();
    if (!Have(size, "an entry longer than the file")) return;
    const std::string_view entry = in_.substr(at_, size);
    at_ += size;
    // Every term and reference takes more than a byte.
    if (shape.terms > size || shape.references > size)
      return Fail("an entry with more terms or references than bytes");
    if (keep_ == nullptr) {
      std::string why;
      std::optional<Concept> decoded = DecodeEntry(entry, names_, shape, &why);
      if (!decoded) return Fail(why);
      entries.push_back(std::move(*decoded));
      continue;
    }
    Reader id(OneEntry{}, entry, names_);  // the first field is the id
    id(shape.id);
    if (!id.ok()) return Fail(id.why());
    shapes.push_back(std::move(shape));
    bytes.push_back(entry);
  }
  if (keep_ == nullptr) return;
  entries = Concepts::Lazy(
      std::move(shapes),
      [bytes = std::move(bytes), names = names_, keep = keep_,
       source = source_](std::size_t i, const Concepts::Shape& shape) {
        std::string why;
        std::optional<Concept> entry =
            DecodeEntry(bytes[i], names, shape, &why);
        if (!entry)
          throw DamagedCacheFile(source, "cached entry " + shape.id +
                                             " does not decode (" + why + ")");
        return std::move(*entry);
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

// What reading gave, `value`, after what reading reported, with the
// table of file names that starts with `files`.
template <typename T>
std::string EncodeReported(const T& value, const Diagnostics& reported,
                           const std::vector<std::string>& files) {
  Writer writer(files);
  writer(reported.all());
  writer(value);
  return writer.Finish();
}

// What EncodeReported wrote: the value into *out (reset first), what was
// reported appended to *reported; false with *why ("<what>: ...") when
// `reader` does not hold all of it.
template <typename T>
bool DecodeReported(Reader& reader, std::string_view what, T* out,
                    Diagnostics* reported, std::string* why) {
  std::vector<Diagnostic> diagnostics;
  reader(diagnostics);
  *out = T();
  if (!DecodeAll(reader, out, why)) {
    *why = std::string(what) + ": " + *why;
    return false;
  }
  for (Diagnostic& diagnostic : diagnostics)
    reported->Add(std::move(diagnostic));
  return true;
}

}  // namespace

std::string EncodeGlossary(const Glossary& glossary,
                           const Diagnostics& reported,
                           const std::vector<std::string>& files) {
  return EncodeReported(glossary, reported, files);
}

bool DecodeGlossary(std::string_view bytes,
                    const std::vector<std::string>& files, Glossary* out,
                    Diagnostics* reported, std::string* why,
                    std::shared_ptr<const void> keep, std::string source) {
  Reader reader(bytes, files, std::move(keep), std::move(source));
  return DecodeReported(reader, "glossary", out, reported, why);
}

std::string EncodeDocument(const Document& document,
                           const Diagnostics& reported,
                           const std::vector<std::string>& files) {
  return EncodeReported(document, reported, files);
}

bool DecodeDocument(std::string_view bytes,
                    const std::vector<std::string>& files, Document* out,
                    Diagnostics* reported, std::string* why) {
  Reader reader(bytes, files);
  return DecodeReported(reader, "document", out, reported, why);
}

std::string EncodeKeyPassages(
    const std::vector<std::vector<KeyPassage>>& key_passages) {
  std::string out;
  AppendLittle64(key_passages.size(), &out);
  for (const std::vector<KeyPassage>& list : key_passages) {
    Writer writer({});
    writer(list);
    const std::string bytes = writer.Finish();
    AppendLittle64(bytes.size(), &out);
    out += bytes;
  }
  return out;
}

bool OpenKeyPassages(std::string_view bytes, const Glossary& glossary,
                     std::vector<std::string_view>* out, std::string* why) {
  out->clear();
  if (bytes.size() < 8) {
    *why = "key passages: cut in a number";
    return false;
  }
  const std::uint64_t count = ReadLittle64(bytes, 0);
  if (count != glossary.concepts.size()) {
    *why = "key passages: not one list per entry";
    return false;
  }
  std::size_t at = 8;
  for (std::uint64_t i = 0; i < count; ++i) {
    if (bytes.size() - at < 8) {
      *why = "key passages: cut in a number";
      return false;
    }
    const std::uint64_t size = ReadLittle64(bytes, at);
    at += 8;
    if (size > bytes.size() - at) {
      *why = "key passages: a list longer than the file";
      return false;
    }
    out->push_back(bytes.substr(at, size));
    at += size;
  }
  if (at != bytes.size()) {
    *why = "key passages: bytes after the end";
    return false;
  }
  return true;
}

bool DecodeKeyPassagesOf(std::string_view bytes, std::size_t references,
                         std::vector<KeyPassage>* out, std::string* why) {
  Reader reader(bytes, {});
  out->clear();
  if (!DecodeAll(reader, out, why)) return false;
  for (const KeyPassage& key : *out) {
    if (key.reference >= references) {
      *why = "a reference the entry does not have";
      return false;
    }
  }
  return true;
}

bool DecodeKeyPassages(std::string_view bytes, const Glossary& glossary,
                       std::vector<std::vector<KeyPassage>>* out,
                       std::string* why) {
  std::vector<std::string_view> lists;
  if (!OpenKeyPassages(bytes, glossary, &lists, why)) return false;
  out->assign(lists.size(), {});
  for (std::size_t i = 0; i < lists.size(); ++i) {
    if (!DecodeKeyPassagesOf(lists[i], glossary.concepts.ReferenceCountOf(i),
                             &(*out)[i], why)) {
      *why = "key passages: " + *why;
      return false;
    }
  }
  return true;
}

}  // namespace glossa
