#include "core/glossary.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "core/once_each.h"

namespace glossa {
namespace {

constexpr std::pair<TermType, std::string_view> kTermTypes[] = {
    {TermType::kFullForm, "fullForm"},
    {TermType::kAcronym, "acronym"},
    {TermType::kAbbreviation, "abbreviation"},
    {TermType::kShortForm, "shortForm"},
    {TermType::kVariant, "variant"},
    {TermType::kPhrase, "phrase"},
};

}  // namespace

bool SameLanguage(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

std::string_view StatusName(TermStatus status) {
  switch (status) {
    case TermStatus::kPreferred:
      return "preferred";
    case TermStatus::kAdmitted:
      return "admitted";
    case TermStatus::kDeprecated:
      return "deprecated";
    case TermStatus::kSuperseded:
      return "superseded";
    case TermStatus::kUnspecified:
      break;
  }
  return "";
}

std::string_view TermTypeName(TermType type) {
  for (const auto& [value, name] : kTermTypes) {
    if (value == type) return name;
  }
  return "";
}

std::optional<TermType> ParseTermType(std::string_view name) {
  for (const auto& [value, type_name] : kTermTypes) {
    if (type_name == name) return value;
  }
  return std::nullopt;
}

const LangSection* Concept::Language(std::string_view lang) const {
  for (const LangSection& section : languages) {
    if (SameLanguage(section.lang, lang)) return &section;
  }
  return nullptr;
}

bool Term::InReport() const {
  return std::find(project_subsets.begin(), project_subsets.end(),
                   kReportSubset) != project_subsets.end();
}

bool Term::IsCommonWord() const {
  return std::find(project_subsets.begin(), project_subsets.end(),
                   kCommonWordSubset) != project_subsets.end();
}

bool Concept::IsBackground() const {
  return std::find(project_subsets.begin(), project_subsets.end(),
                   kBackgroundSubset) != project_subsets.end();
}

RelationLabel ParseRelation(std::string_view text, std::string* unknown) {
  RelationLabel out;
  out.label = std::string(text);
  std::size_t colon = text.find(": ");
  if (colon == std::string_view::npos) return out;
  std::string_view word = text.substr(0, colon);
  bool is_word =
      !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || c == '-';
      });
  if (!is_word) return out;
  for (std::size_t i = 1; i < std::size(kRelationNames); ++i) {
    if (word == kRelationNames[i]) {
      out.relation = static_cast<Relation>(i);
      out.label = std::string(text.substr(colon + 2));
      return out;
    }
  }
  if (unknown != nullptr) *unknown = std::string(word);
  return out;
}

Relation Inverse(Relation relation) {
  switch (relation) {
    case Relation::kBroader:
      return Relation::kNarrower;
    case Relation::kNarrower:
      return Relation::kBroader;
    case Relation::kPartOf:
      return Relation::kHasPart;
    case Relation::kHasPart:
      return Relation::kPartOf;
    case Relation::kInstanceOf:
      return Relation::kHasInstance;
    case Relation::kHasInstance:
      return Relation::kInstanceOf;
    default:
      return relation;
  }
}

std::vector<ChineseForms> ChineseTerms(const Concept& concept_entry) {
  std::vector<ChineseForms> out;
  const LangSection* simplified = concept_entry.Language(kSimplifiedChinese);
  if (simplified == nullptr) return out;
  const LangSection* traditional = concept_entry.Language(kTraditionalChinese);
  const LangSection* pinyin = concept_entry.Language(kPinyin);
  for (std::size_t i = 0; i < simplified->terms.size(); ++i) {
    ChineseForms forms;
    forms.simplified = &simplified->terms[i];
    if (traditional != nullptr && i < traditional->terms.size()) {
      forms.traditional = &traditional->terms[i];
    }
    if (pinyin != nullptr && i < pinyin->terms.size()) {
      forms.pinyin = &pinyin->terms[i];
    }
    out.push_back(std::move(forms));
  }
  return out;
}

void Merge(Glossary&& more, Glossary* into) {
  for (Concept& entry : more.concepts)
    into->concepts.push_back(std::move(entry));
}

struct Concepts::LazyState {
  explicit LazyState(std::size_t n) : once(n) {}
  std::vector<Shape> shapes;
  Decode decode;
  // Entry i is decoded once; what decoding it threw is thrown again at
  // every touch.
  OnceEach once;
};

Concepts Concepts::Lazy(std::vector<Shape> shapes, Decode decode) {
  Concepts out;
  out.items_.resize(shapes.size());
  out.lazy_ = std::make_shared<LazyState>(shapes.size());
  out.lazy_->shapes = std::move(shapes);
  out.lazy_->decode = std::move(decode);
  return out;
}

Concepts::Concepts(const Concepts& other) : items_(other.All()) {}

Concepts& Concepts::operator=(const Concepts& other) {
  if (this != &other) {
    items_ = other.All();
    lazy_.reset();
  }
  return *this;
}

Concepts::Concepts(Concepts&&) noexcept = default;
Concepts& Concepts::operator=(Concepts&&) noexcept = default;
Concepts::~Concepts() = default;

Concept& Concepts::Touch(std::size_t i) const {
  if (lazy_ != nullptr && i < items_.size()) {
    lazy_->once.Run(i, [&] { items_[i] = lazy_->decode(i, lazy_->shapes[i]); });
  }
  return items_[i];
}

const Concept& Concepts::at(std::size_t i) const {
  if (i >= size()) throw std::out_of_range("no entry " + std::to_string(i));
  return Touch(i);
}

const std::vector<Concept>& Concepts::All() const {
  if (lazy_ != nullptr)
    for (std::size_t i = 0; i < items_.size(); ++i) Touch(i);
  return items_;
}

std::vector<Concept>& Concepts::Eager() {
  All();
  lazy_.reset();
  return items_;
}

void Concepts::clear() {
  items_.clear();
  lazy_.reset();
}

const std::string& Concepts::IdOf(std::size_t i) const {
  return lazy_ != nullptr ? lazy_->shapes.at(i).id : items_.at(i).id;
}

Concepts::Shape Concepts::ShapeOf(const Concept& entry) {
  Shape shape;
  for (const LangSection& section : entry.languages)
    shape.terms += section.terms.size();
  shape.references = entry.external_references.size();
  return shape;
}

std::size_t Concepts::TermCountOf(std::size_t i) const {
  return lazy_ != nullptr ? lazy_->shapes.at(i).terms
                          : ShapeOf(items_.at(i)).terms;
}

std::size_t Concepts::ReferenceCountOf(std::size_t i) const {
  return lazy_ != nullptr ? lazy_->shapes.at(i).references
                          : items_.at(i).external_references.size();
}

std::vector<Concept> Concepts::Take() && {
  Eager();
  std::vector<Concept> out = std::move(items_);
  items_.clear();
  return out;
}

std::string CollapseSpace(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

static std::string TextOf(const Term* term) {
  return term == nullptr ? "" : CollapseSpace(term->text);
}

std::string Headline(const Concept& concept_entry) {
  std::vector<ChineseForms> chinese = ChineseTerms(concept_entry);
  if (!chinese.empty()) {
    const ChineseForms& first = chinese.front();
    std::string out = TextOf(first.simplified);
    std::string traditional = TextOf(first.traditional);
    if (!traditional.empty() && traditional != out) out += " " + traditional;
    if (first.pinyin != nullptr) out += " " + TextOf(first.pinyin);
    return out;
  }
  for (const LangSection& section : concept_entry.languages) {
    if (!section.terms.empty())
      return CollapseSpace(section.terms.front().text);
  }
  return concept_entry.id;
}

std::string DisplayTerm(const Concept& concept_entry, std::string_view lang) {
  const LangSection* section = concept_entry.Language(lang);
  if (section == nullptr || section->terms.empty()) return "";
  // The preferred term, else the first admitted or unmarked one; a
  // deprecated rendering only when there is nothing else.
  for (const Term& term : section->terms) {
    if (term.status == TermStatus::kPreferred) return CollapseSpace(term.text);
  }
  for (const Term& term : section->terms) {
    if (term.status != TermStatus::kDeprecated &&
        term.status != TermStatus::kSuperseded) {
      return CollapseSpace(term.text);
    }
  }
  return CollapseSpace(section->terms.front().text);
}

const Concept* FindConcept(const Glossary& glossary, std::string_view id) {
  // By IdOf, so that a lazy list decodes only the entry found.
  for (std::size_t i = 0; i < glossary.concepts.size(); ++i) {
    if (glossary.concepts.IdOf(i) == id) return &glossary.concepts[i];
  }
  return nullptr;
}

}  // namespace glossa
