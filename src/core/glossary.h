// The glossary model: concept-oriented, as TBX has it.
//
// A Glossary holds Concepts; a Concept holds one LangSection per language
// and concept-level data (subject field, definitions, notes, cross-
// references); a LangSection holds Terms and the definitions and notes
// written in that language. The model is plain data: readers fill it,
// writers and views read it.
//
// Chinese. Characters and readings are separate language sections, each an
// ordinary TBX <langSec>, so that every CAT tool can read them:
//   zh-Hans          the term in simplified characters
//   zh-Hant          the same term in traditional characters
//   zh-Latn-pinyin   its Hanyu Pinyin reading, with tone marks
// The i-th term of zh-Hant and of zh-Latn-pinyin belong to the i-th term of
// zh-Hans ("parallel sections"); ChineseForms() pairs them. This keeps the
// file within TBX-Basic, which has no data category for a reading.
//
// Round trip. Whatever a reader finds that the model does not interpret (an
// element, an attribute, a data category) is kept verbatim in the nearest
// object's `extra`, so that reading and writing a file loses nothing.

#ifndef GLOSSA_CORE_GLOSSARY_H_
#define GLOSSA_CORE_GLOSSARY_H_

#include <cstddef>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostics.h"

namespace glossa {

// Language tags of the parallel Chinese sections.
inline constexpr std::string_view kSimplifiedChinese = "zh-Hans";
inline constexpr std::string_view kTraditionalChinese = "zh-Hant";
inline constexpr std::string_view kPinyin = "zh-Latn-pinyin";

// Whether two language tags are the same; BCP 47 tags compare
// case-insensitively ("zh-Hans" and "zh-hans").
bool SameLanguage(std::string_view a, std::string_view b);

enum class TermStatus {
  kUnspecified,
  kPreferred,
  kAdmitted,
  kDeprecated,
  kSuperseded
};
enum class TermType {
  kUnspecified,
  kFullForm,
  kAcronym,
  kAbbreviation,
  kShortForm,
  kVariant,
  kPhrase,
};

// "preferred", "admitted", "deprecated", "superseded", "" for unspecified.
std::string_view StatusName(TermStatus status);
// TBX-Basic's names: "fullForm", "acronym", ..., "" for unspecified.
std::string_view TermTypeName(TermType type);
// The inverse of TermTypeName; nullopt for names TBX-Basic does not have.
std::optional<TermType> ParseTermType(std::string_view name);

// Elements and attributes a reader found and the model does not interpret.
// Each element is kept as serialised XML; a writer puts them back. For a
// Term, attributes of its <term> element are kept with the prefix "term:".
struct Extra {
  std::vector<std::pair<std::string, std::string>> attributes;
  std::vector<std::string> elements;
  bool empty() const { return attributes.empty() && elements.empty(); }
};

// A piece of text with its provenance: a definition, a context sentence or a
// note. When the element carried markup or data the model does not
// interpret, `xml` holds it verbatim and a writer writes that instead of
// rebuilding the element from `text` and `source`.
struct Text {
  std::string text;
  std::string source;
  std::string xml;
};

// The projectSubset that marks a term as printed in the edition the glossary
// annotates ("the report prints this form"), apart from its status, which
// is the glossary's recommendation: a printed form may be deprecated. The
// matcher finds a marked term whatever its status, and glossa check verifies
// that the edition holds it. Why a subset: TBX-Basic allows projectSubset on
// a termSec, and a CAT tool can filter by it.
inline constexpr std::string_view kReportSubset = "report";

// The projectSubset that marks a form as an everyday word of its language
// ("Punkt" of 信用评分: the report's „Folgende Punkte werden wiederholt
// genannt“ means items, not score points). Such a form is a rendering of the
// entry (lookup, search and the exports show it) but not a form the entry is
// found by in running text: it is found only where it is part of a longer
// form of an entry (a phrase), never on its own. The marking is a
// terminologist's judgement, made per form, because no word list tells an
// everyday word from a term ("Gericht" is everyday German, yet every
// "Gerichte" of the report is 人民法院). glossa check still verifies that
// the edition prints a marked form.
inline constexpr std::string_view kCommonWordSubset = "common-word";

struct Term {
  std::string id;
  std::string text;
  TermStatus status = TermStatus::kUnspecified;
  // The data category the status was read from: "administrativeStatus"
  // (TBX-Basic; also what empty means) or "usageStatus" (TBX-Min, TBX-Basic
  // V4). Kept so that a round trip writes the category it read.
  std::string status_category;
  TermType type = TermType::kUnspecified;
  std::string part_of_speech;      // TBX picklist value, e.g. "noun"
  std::string grammatical_gender;  // "masculine", "feminine", "neuter", "other"
  std::string geographical_usage;
  std::vector<std::string> project_subsets;  // <admin type="projectSubset">
  std::vector<std::string> sources;          // <admin type="source">
  std::vector<Text> contexts;                // <descrip type="context">
  std::vector<Text> notes;  // <note>, e.g. why a term is deprecated
  Extra extra;
  Location origin;  // where it was read from; line 0: not from a file

  // Whether the term is marked as printed in the edition the glossary
  // annotates (kReportSubset).
  bool InReport() const;
  // Whether the term is marked as an everyday word (kCommonWordSubset).
  bool IsCommonWord() const;
};

struct LangSection {
  std::string lang;  // BCP 47, as in the file: "de", "en", "zh-Hans"
  std::vector<Text> definitions;
  std::vector<Text> notes;
  std::vector<Term> terms;
  Extra extra;
  Location origin;  // where it was read from; line 0: not from a file
};

// A <ref type="crossReference">: the id of another concept and the text
// shown for it. glossa's convention (TBX-Basic has no typed references):
// the text may begin with the relation, "broader: 社会信用"; see Relation().
struct CrossReference {
  std::string target;
  std::string text;
  Location origin;  // where it was read from; line 0: not from a file
};

// The relations a cross-reference may name, the types of ISO 1087 and ISO
// 704: generic ("A broader B": B is the broader concept of A; narrower),
// partitive ("A part-of B": A is a part of B; has-part), instance ("A
// instance-of B": A is an individual of the kind B; has-instance), and
// associative (related; contrast for opposites).
enum class Relation {
  kNone,
  kBroader,
  kNarrower,
  kPartOf,
  kHasPart,
  kInstanceOf,
  kHasInstance,
  kRelated,
  kContrast
};
inline constexpr std::string_view kRelationNames[] = {
    "",         "broader",     "narrower",     "part-of",
    "has-part", "instance-of", "has-instance", "related",
    "contrast"};

// The relation a cross-reference's text names and the label after it:
// "broader: 社会信用" gives {kBroader, "社会信用"}; text without a known
// relation gives {kNone, text}. `unknown`, if given, is set to a word that
// stands where a relation would ("wider: x" gives "wider").
struct RelationLabel {
  Relation relation = Relation::kNone;
  std::string label;
};
RelationLabel ParseRelation(std::string_view text,
                            std::string* unknown = nullptr);
// The relation seen from the other end: broader <-> narrower, part-of <->
// has-part, instance-of <-> has-instance; related and contrast are their own
// inverses.
Relation Inverse(Relation relation);

// An <xref> at concept level: a link out of the glossary, of TBX-Basic's
// type "externalCrossReference" (or "xGraphic", or another dialect's). A
// relative target is resolved against the glossary file's folder; with a
// fragment, "sources/merics-2017-de.tei.xml#fn9", it is a key passage: a
// block of the edition the glossary annotates, by id (glossary_check.h).
struct ExternalReference {
  std::string type;
  std::string target;
  std::string text;
  Location origin;  // where it was read from; line 0: not from a file
};

// The projectSubset that marks an entry as background: its concept does not
// occur in the edition the glossary annotates and is there to explain one
// that does (glossa check verifies both ways).
inline constexpr std::string_view kBackgroundSubset = "background";

struct Concept {
  std::string id;
  std::vector<std::string> subject_fields;
  std::vector<std::string> project_subsets;  // <admin type="projectSubset">
  std::vector<Text> definitions;  // concept level, in no particular language
  std::vector<Text> notes;
  std::vector<CrossReference> cross_references;
  std::vector<ExternalReference> external_references;
  std::vector<LangSection> languages;
  Extra extra;
  Location origin;  // where it was read from; line 0: not from a file

  // The section for `lang` (compared case-insensitively), or nullptr.
  const LangSection* Language(std::string_view lang) const;
  // Whether the entry is marked as background (kBackgroundSubset).
  bool IsBackground() const;
};

// A Chinese term with its traditional form and reading, paired from the
// parallel sections (null where a section has no i-th term). The pointers
// point into the concept.
struct ChineseForms {
  const Term* simplified = nullptr;
  const Term* traditional = nullptr;
  const Term* pinyin = nullptr;
};
std::vector<ChineseForms> ChineseTerms(const Concept& concept_entry);

// Text with runs of XML white space (space, tab, CR, LF) turned into one
// space and the ends trimmed: how text from a TBX file is shown.
std::string CollapseSpace(std::string_view text);

// A one-line name for an entry: its Chinese term with the traditional form
// and pinyin, else its first term; e.g. "征信 徵信 zhēngxìn".
std::string Headline(const Concept& concept_entry);

// The term of `lang` to name the entry by in one line: the preferred term,
// else the first admitted or unmarked one, a deprecated rendering only when
// there is nothing else; "" when the entry has no term in `lang`.
std::string DisplayTerm(const Concept& concept_entry, std::string_view lang);

// A glossary's entries: a vector of Concepts, which may also be lazy, each
// entry decoded when first touched. The edition cache (edition_cache.h)
// opens its glossary so: decoding the built-in glossary's 157 entries was
// 6.3 M of a warm `glossa lookup`'s 14.7 M instructions and most of its
// page faults (2.2 MB of strings), while a lookup shows one entry and the
// headwords of the few it names.
//
// An entry is decoded by operator[], at, front and back (one entry), and
// by begin, end and data (every entry: iterating visits them all anyway).
// size, empty and the three Of functions below answer without decoding:
// they are what every entry's checks (the term index, the passages, the
// key passages) and FindConcept need. Decoding is thread-safe (a const
// list may be read from several threads, as EditionIndex's is). Anything
// that may change an entry or the list (a mutable accessor or iterator,
// push_back, emplace_back, resize, reserve, clear) first decodes every
// entry, and the list is an ordinary vector from then on, so that what
// the Of functions say cannot go stale: read a lazy list through a const
// reference. Copying decodes every entry of the source.
class Concepts {
 public:
  using value_type = Concept;
  using iterator = std::vector<Concept>::iterator;
  using const_iterator = std::vector<Concept>::const_iterator;

  // What the lazy list knows of each entry before decoding it.
  struct Shape {
    std::string id;
    std::size_t terms = 0;       // in all its language sections
    std::size_t references = 0;  // external_references.size()
  };
  // The shape of `entry` (its id is not copied).
  static Shape ShapeOf(const Concept& entry);
  // `shapes.size()` entries; entry i is `decode(i, shapes[i])`, called at
  // most once, from any thread; it must give an entry of that shape or
  // throw (then the accessor that touched the entry throws).
  using Decode = std::function<Concept(std::size_t, const Shape&)>;
  static Concepts Lazy(std::vector<Shape> shapes, Decode decode);

  Concepts() = default;
  Concepts(std::initializer_list<Concept> entries) : items_(entries) {}
  Concepts(const Concepts& other);
  Concepts& operator=(const Concepts& other);
  Concepts(Concepts&&) noexcept;
  Concepts& operator=(Concepts&&) noexcept;
  ~Concepts();

  std::size_t size() const { return items_.size(); }
  bool empty() const { return items_.empty(); }
  const Concept& operator[](std::size_t i) const { return Touch(i); }
  Concept& operator[](std::size_t i) { return Eager()[i]; }
  const Concept& at(std::size_t i) const;
  Concept& at(std::size_t i) { return Eager().at(i); }
  const Concept& front() const { return (*this)[0]; }
  Concept& front() { return Eager().front(); }
  const Concept& back() const { return (*this)[size() - 1]; }
  Concept& back() { return Eager().back(); }
  const_iterator begin() const { return All().begin(); }
  const_iterator end() const { return All().end(); }
  iterator begin() { return Eager().begin(); }
  iterator end() { return Eager().end(); }
  const Concept* data() const { return All().data(); }

  void push_back(Concept entry) { Eager().push_back(std::move(entry)); }
  template <typename... Args>
  Concept& emplace_back(Args&&... args) {
    return Eager().emplace_back(std::forward<Args>(args)...);
  }
  void resize(std::size_t n) { Eager().resize(n); }
  void reserve(std::size_t n) { Eager().reserve(n); }
  void clear();

  // Entry i's id, its number of terms (in all its language sections) and
  // of external references, without decoding it.
  const std::string& IdOf(std::size_t i) const;
  std::size_t TermCountOf(std::size_t i) const;
  std::size_t ReferenceCountOf(std::size_t i) const;

  // The entries as a vector, every one decoded; the list is left empty.
  std::vector<Concept> Take() &&;

 private:
  struct LazyState;
  Concept& Touch(std::size_t i) const;
  const std::vector<Concept>& All() const;  // every entry decoded
  std::vector<Concept>& Eager();            // and no longer lazy

  mutable std::vector<Concept> items_;
  // Null: every entry is in items_. (Shared only so that the type may stay
  // incomplete here; no two lists share one.)
  std::shared_ptr<LazyState> lazy_;
};

struct Glossary {
  std::string name;        // the file it was read from
  std::string lang;        // xml:lang of the root element
  std::string dialect;     // type="TBX-Basic", "TBX" for TBX 2008 files, ...
  std::string title;       // tbxHeader/fileDesc/titleStmt/title, if any
  std::string header_xml;  // the whole <tbxHeader>, as read (TBX v3 names)
  std::string back_xml;    // the whole <back>, as read (TBX v3 names)
  Concepts concepts;
  Extra extra;  // of the root element
};

// The concept with this id, or nullptr.
const Concept* FindConcept(const Glossary& glossary, std::string_view id);

// Appends the concepts of `more` to `into`: how several --glossary files
// become one. The header of `into` is kept.
void Merge(Glossary&& more, Glossary* into);

}  // namespace glossa

#endif  // GLOSSA_CORE_GLOSSARY_H_
