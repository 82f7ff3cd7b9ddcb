#include "core/tbx_check.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/tbx_reader.h"
#include "core/tbx_vocabulary.h"
#include "core/uri.h"
#include "core/xml_input.h"

namespace glossa {
namespace {

// Whether s[*i, *i + n) are ASCII digits (n == 0: one or more); if so,
// moves *i past them.
bool Digits(std::string_view s, std::size_t* i, std::size_t n) {
  std::size_t end = *i;
  while (end < s.size() && s[end] >= '0' && s[end] <= '9' &&
         (n == 0 || end - *i < n)) {
    ++end;
  }
  if (end == *i || (n > 0 && end - *i < n)) return false;
  *i = end;
  return true;
}

// Whether s[*i] is `c`; if so, moves *i past it.
bool Skip(std::string_view s, std::size_t* i, char c) {
  if (*i == s.size() || s[*i] != c) return false;
  ++*i;
  return true;
}

// Whether `value` is an xsd:date or xsd:dateTime in the form TBX v3's core
// structure requires:
//   YYYY-MM-DD[Thh:mm:ss[.s+]][Z|(+|-)hh:mm]
// Linear in the value, whatever its length (the standard library's regular
// expression it replaces recursed once per digit of the fraction).
bool IsXsdDate(std::string_view value) {
  std::size_t i = 0;
  if (!(Digits(value, &i, 4) && Skip(value, &i, '-') && Digits(value, &i, 2) &&
        Skip(value, &i, '-') && Digits(value, &i, 2))) {
    return false;
  }
  if (Skip(value, &i, 'T')) {
    if (!(Digits(value, &i, 2) && Skip(value, &i, ':') &&
          Digits(value, &i, 2) && Skip(value, &i, ':') &&
          Digits(value, &i, 2))) {
      return false;
    }
    if (Skip(value, &i, '.') && !Digits(value, &i, 0)) return false;
  }
  if (!Skip(value, &i, 'Z') && i < value.size() &&
      (value[i] == '+' || value[i] == '-')) {
    ++i;
    if (!(Digits(value, &i, 2) && Skip(value, &i, ':') &&
          Digits(value, &i, 2))) {
      return false;
    }
  }
  return i == value.size();
}

using tbx::Classified;
using tbx::Role;
using Names = std::vector<std::string_view>;

enum class Level { kConcept, kLanguage, kTerm };

std::string_view LevelName(Level level) {
  switch (level) {
    case Level::kConcept:
      return "concept";
    case Level::kLanguage:
      return "language";
    case Level::kTerm:
      return "term";
  }
  return "";
}

// The data categories a dialect allows, their picklists and levels.
struct Dialect {
  std::string_view name;
  std::map<Role, Names> categories;
  std::map<std::string_view, Names> picklists;
  std::map<std::string_view, std::vector<Level>> levels;
  // TBX-Basic v3: a source at concept level documents a definition and must
  // be grouped with it (LTAC's basic_bad.tbx).
  bool concept_source_in_group = false;
};

const Names kAdministrativeStatus = {
    "preferredTerm-admn-sts", "admittedTerm-admn-sts",
    "deprecatedTerm-admn-sts", "supersededTerm-admn-sts"};
const Names kUsageStatus = {"preferred", "admitted", "deprecated",
                            "notRecommended", "obsolete"};
const Names kGender = {"masculine", "feminine", "neuter", "other"};
const Names kTermType = {"fullForm",  "acronym", "abbreviation",
                         "shortForm", "variant", "phrase"};
const Names kTermLocation = {"checkBox",
                             "comboBox",
                             "comboBoxElement",
                             "dialogBox",
                             "groupBox",
                             "informativeMessage",
                             "interactiveMessage",
                             "menuItem",
                             "progressBar",
                             "pushButton",
                             "radioButton",
                             "slider",
                             "spinBox",
                             "tab",
                             "tableText",
                             "textBox",
                             "toolTip",
                             "user-definedType"};
const Names kTransactionType = {"origination", "modification"};

constexpr Level C = Level::kConcept, L = Level::kLanguage, T = Level::kTerm;

const Dialect& BasicV3() {
  static const Dialect dialect = {
      "TBX-Basic",
      {{Role::kAdmin, {"customerSubset", "projectSubset", "source"}},
       {Role::kDescrip, {"subjectField", "context", "definition"}},
       {Role::kRef, {"crossReference"}},
       {Role::kTermNote,
        {"administrativeStatus", "partOfSpeech", "geographicalUsage",
         "grammaticalGender", "termLocation", "termType", "usageStatus"}},
       {Role::kTransac, {"transactionType"}},
       {Role::kTransacNote, {"responsibility"}},
       {Role::kXref, {"externalCrossReference", "xGraphic"}}},
      {{"administrativeStatus", kAdministrativeStatus},
       {"usageStatus", kUsageStatus},
       {"partOfSpeech", {"adjective", "noun", "other", "verb", "adverb"}},
       {"grammaticalGender", kGender},
       {"termLocation", kTermLocation},
       {"termType", kTermType},
       {"transactionType", kTransactionType}},
      {{"customerSubset", {C, T}},
       {"projectSubset", {C, T}},
       {"source", {C, L, T}},
       {"subjectField", {C}},
       {"context", {T}},
       {"definition", {C, L}},
       {"crossReference", {C, T}},
       {"xGraphic", {C, L}},
       {"externalCrossReference", {C, L, T}},
       {"transactionType", {C, L, T}},
       {"responsibility", {C, L, T}}},
      true};
  return dialect;
}

// TBX-Basic in the 2008 martif layout, as LISA's 2009 XCS defines it.
const Dialect& BasicMartif() {
  static const Dialect dialect = {
      "TBX-Basic",
      {{Role::kAdmin, {"customerSubset", "projectSubset", "source"}},
       {Role::kDescrip, {"subjectField", "context", "definition"}},
       {Role::kRef, {"crossReference"}},
       {Role::kTermNote,
        {"administrativeStatus", "partOfSpeech", "geographicalUsage",
         "grammaticalGender", "termLocation", "termType"}},
       {Role::kTransac, {"transactionType"}},
       {Role::kTransacNote, {"responsibility"}},
       {Role::kXref, {"externalCrossReference", "xGraphic"}}},
      {{"administrativeStatus", kAdministrativeStatus},
       {"partOfSpeech",
        {"noun", "verb", "adjective", "adverb", "properNoun", "other"}},
       {"grammaticalGender", kGender},
       {"termType",
        {"abbreviation", "acronym", "fullForm", "shortForm", "variant",
         "phrase"}},
       {"transactionType", kTransactionType}},
      {{"subjectField", {C}}, {"context", {T}}, {"definition", {C, L}}},
      false};
  return dialect;
}

const Dialect& MinV3() {
  static const Dialect dialect = {
      "TBX-Min",
      {{Role::kAdmin, {"customerSubset"}},
       {Role::kDescrip, {"subjectField"}},
       {Role::kRef, {}},
       {Role::kTermNote,
        {"administrativeStatus", "partOfSpeech", "usageStatus"}},
       {Role::kTransac, {}},
       {Role::kTransacNote, {}},
       {Role::kXref, {"externalCrossReference"}}},
      {{"administrativeStatus", kAdministrativeStatus},
       {"usageStatus", kUsageStatus},
       {"partOfSpeech", {"adjective", "noun", "other", "verb", "adverb"}}},
      {{"customerSubset", {C, T}},
       {"subjectField", {C}},
       {"externalCrossReference", {C, L, T}}},
      false};
  return dialect;
}

const Dialect& CoreV3() {
  static const Dialect dialect = {"TBX-Core",
                                  {{Role::kAdmin, {}},
                                   {Role::kDescrip, {}},
                                   {Role::kRef, {}},
                                   {Role::kTermNote, {}},
                                   {Role::kTransac, {}},
                                   {Role::kTransacNote, {}},
                                   {Role::kXref, {}}},
                                  {},
                                  {},
                                  false};
  return dialect;
}

std::string Join(const Names& names) {
  std::string out;
  for (std::string_view name : names) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

bool Contains(const Names& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// One step of a content model: the roles that may stand there, how often.
struct Slot {
  std::vector<Role> roles;
  int min = 0;
  int max = std::numeric_limits<int>::max();
};

const std::vector<Role> kAuxInfo = {
    Role::kAdmin, Role::kAdminGrp, Role::kDescrip,    Role::kDescripGrp,
    Role::kNote,  Role::kRef,      Role::kTransacGrp, Role::kXref};
constexpr int kMany = std::numeric_limits<int>::max();

// The content model of a container element; empty for leaves.
std::vector<Slot> ContentModel(Role role) {
  switch (role) {
    case Role::kRoot:
      return {{{Role::kHeader}, 1, 1}, {{Role::kText}, 1, 1}};
    case Role::kText:
      return {{{Role::kBody}, 0, 1}, {{Role::kBack}, 0, 1}};
    case Role::kBody:
      return {{{Role::kConcept}, 1, kMany}};
    case Role::kBack:
      return {{{Role::kBackPart}, 0, kMany}};
    case Role::kConcept:
      return {{kAuxInfo, 0, kMany}, {{Role::kLang}, 1, kMany}};
    case Role::kLang:
      return {{kAuxInfo, 0, kMany}, {{Role::kTermSec, Role::kNtig}, 1, kMany}};
    case Role::kTermSec:  // A missing term is the reader's to report.
      return {{{Role::kTerm}, 0, 1},
              {{Role::kTermNote, Role::kTermNoteGrp}, 0, kMany},
              {kAuxInfo, 0, kMany}};
    case Role::kNtig:
      return {{{Role::kTermGrp}, 0, 1}, {kAuxInfo, 0, kMany}};
    case Role::kTermGrp:
      return {{{Role::kTerm}, 0, 1},
              {{Role::kTermNote}, 0, kMany},
              {{Role::kTermCompList}, 0, kMany}};
    case Role::kDescripGrp:
      return {{{Role::kDescrip}, 1, 1},
              {{Role::kAdmin, Role::kAdminGrp, Role::kDescripNote, Role::kNote,
                Role::kRef, Role::kTransacGrp, Role::kXref},
               0,
               kMany}};
    case Role::kAdminGrp:
      return {{{Role::kAdmin}, 1, 1},
              {{Role::kAdminNote, Role::kNote, Role::kRef, Role::kTransacGrp,
                Role::kXref},
               0,
               kMany}};
    case Role::kTermNoteGrp:
      return {{{Role::kTermNote}, 1, 1},
              {{Role::kAdmin, Role::kAdminGrp, Role::kNote, Role::kRef,
                Role::kTransacGrp, Role::kXref},
               0,
               kMany}};
    case Role::kTransacGrp:
      return {{{Role::kTransac}, 1, 1},
              {{Role::kDate, Role::kNote, Role::kRef, Role::kTransacNote,
                Role::kXref},
               0,
               kMany}};
    default:
      return {};
  }
}

bool IsDataCategory(Role role) {
  return role == Role::kAdmin || role == Role::kDescrip ||
         role == Role::kTermNote || role == Role::kRef || role == Role::kXref ||
         role == Role::kTransac || role == Role::kTransacNote;
}

std::string Tag(pugi::xml_node element) {
  return "<" + std::string(element.name()) + ">";
}

class Checker {
 public:
  Checker(const XmlFile& file, Diagnostics& diags)
      : file_(file), diags_(diags) {}

  void Run() {
    pugi::xml_node root = file_.root();
    v3_ = std::string_view(root.name()) == "tbx";
    SelectDialect(root);
    CollectIds(root);
    for (pugi::xml_node node = root; node; node = tbx::NextInTree(node, root)) {
      if (node.type() == pugi::node_element) Visit(node);
    }
  }

 private:
  void SelectDialect(pugi::xml_node root) {
    std::string_view type = root.attribute("type").value();
    std::string_view style = root.attribute("style").value();
    if (v3_) {
      std::string_view xmlns = root.attribute("xmlns").value();
      if (xmlns != tbx::kNamespace) {
        diags_.Error(file_.Where(root),
                     std::string("<tbx> must declare xmlns=\"") +
                         tbx::kNamespace + "\"");
      }
      if (root.attribute("xml:lang").empty()) {
        diags_.Error(file_.Where(root), "<tbx> has no xml:lang");
      }
      if (type.size() <= 4 || type.substr(0, 4) != "TBX-") {
        diags_.Error(file_.WhereAttribute(root, "type"),
                     "the dialect '" + std::string(type) +
                         "' is not a TBX v3 dialect name (TBX-...)");
      }
      if (style != "dca" && style != "dct") {
        diags_.Error(
            file_.WhereAttribute(root, "style"),
            "style must be 'dca' or 'dct', not '" + std::string(style) + "'");
      }
      dca_ = style != "dct";
      if (type == "TBX-Basic") dialect_ = &BasicV3();
      if (type == "TBX-Min") dialect_ = &MinV3();
      if (type == "TBX-Core") dialect_ = &CoreV3();
    } else if (type == "TBX-Basic") {
      dialect_ = &BasicMartif();
    }
    bool default_dialect = !v3_ && (type == "TBX" || type == "TBX-Default");
    if (dialect_ == nullptr && !default_dialect && type.size() > 4) {
      diags_.Warning(file_.WhereAttribute(root, "type"),
                     "glossa does not know the rules of the dialect '" +
                         std::string(type) +
                         "'; only the core structure was checked");
    }
  }

  void CollectIds(pugi::xml_node root) {
    for (pugi::xpath_node found : root.select_nodes("//*[@id]")) {
      pugi::xml_node element = found.node();
      std::string id = element.attribute("id").value();
      bool concept_entry = tbx::Classify(element).role == Role::kConcept;
      auto [first, inserted] =
          ids_.emplace(id, std::make_pair(element, concept_entry));
      // Two entries with one id are the reader's to report.
      if (!inserted && !(concept_entry && first->second.second)) {
        diags_.Error(file_.WhereAttribute(element, "id"),
                     "duplicate id '" + id + "' (first used at line " +
                         std::to_string(file_.Where(first->second.first).line) +
                         ")");
      }
    }
  }

  // Checks one element and its children's order; Run visits every element.
  void Visit(pugi::xml_node element) {
    Classified item = tbx::Classify(element);
    if (item.dct && dca_ && dialect_ != nullptr) {
      diags_.Error(file_.Where(element),
                   "DCT-style element " + Tag(element) +
                       " in a file declared style=\"dca\"");
    }
    CheckAttributes(element, item);
    if (IsDataCategory(item.role)) CheckCategory(element, item);
    CheckChildren(element, item.role);
  }

  void CheckAttributes(pugi::xml_node element, const Classified& item) {
    pugi::xml_attribute type = element.attribute("type");
    if (!item.dct && !type && IsDataCategory(item.role)) {
      diags_.Error(file_.Where(element), Tag(element) + " has no type");
    } else if (!item.dct && type && type.value()[0] == '\0' &&
               item.role != Role::kOther) {
      diags_.Error(file_.WhereAttribute(element, "type"),
                   Tag(element) + " has an empty type");
    }
    pugi::xml_attribute target = element.attribute("target");
    if (target && item.role == Role::kXref) {
      // A link out: an http(s) URL, or a relative reference that
      // glossary_check.h resolves (a key passage in an edition).
      std::string_view value = target.value();
      bool url =
          value.rfind("http://", 0) == 0 || value.rfind("https://", 0) == 0;
      if (value.empty() || (!url && !IsRelativeReference(value))) {
        diags_.Error(file_.WhereAttribute(element, "target"),
                     "target '" + std::string(value) +
                         "' is neither an http(s) URL nor a relative "
                         "reference");
      }
    } else if (target) {
      std::string_view value = target.value();
      bool url =
          value.rfind("http://", 0) == 0 || value.rfind("https://", 0) == 0;
      if (!url && ids_.count(std::string(value)) == 0) {
        diags_.Error(file_.WhereAttribute(element, "target"),
                     "target '" + std::string(value) +
                         "' is neither an id in this file nor an http(s) URL");
      }
    }
    if (v3_ && item.role == Role::kDate) {
      std::string value = tbx::TextOf(element);
      if (!IsXsdDate(value)) {
        diags_.Error(file_.Where(element),
                     "'" + value +
                         "' is not a date TBX v3 accepts (YYYY-MM-DD or "
                         "YYYY-MM-DDThh:mm:ss)");
      }
    }
    if (v3_ && item.role == Role::kConcept && element.attribute("id").empty()) {
      diags_.Error(file_.Where(element), "<conceptEntry> has no id");
    }
  }

  // The level (concept, language, term) a data category stands at: its
  // nearest entry, language or term ancestor, looking through groups.
  std::optional<Level> LevelOf(pugi::xml_node element) const {
    for (pugi::xml_node up = element.parent(); up; up = up.parent()) {
      switch (tbx::Classify(up).role) {
        case Role::kConcept:
          return Level::kConcept;
        case Role::kLang:
          return Level::kLanguage;
        case Role::kTermSec:
        case Role::kNtig:
        case Role::kTermGrp:
          return Level::kTerm;
        case Role::kAdminGrp:
        case Role::kDescripGrp:
        case Role::kTermNoteGrp:
        case Role::kTransacGrp:
          continue;
        default:
          return std::nullopt;
      }
    }
    return std::nullopt;
  }

  void CheckCategory(pugi::xml_node element, const Classified& item) {
    if (dialect_ == nullptr || item.type.empty()) return;
    const Dialect& dialect = *dialect_;
    auto allowed = dialect.categories.find(item.role);
    if (allowed != dialect.categories.end() &&
        !Contains(allowed->second, item.type)) {
      std::string where =
          item.dct ? "" : " for <" + std::string(tbx::LocalName(element)) + ">";
      diags_.Error(
          item.dct ? file_.Where(element)
                   : file_.WhereAttribute(element, "type"),
          "'" + item.type + "' is not a " + std::string(dialect.name) +
              " data category" + where +
              (allowed->second.empty()
                   ? " (" + std::string(dialect.name) + " allows none here)"
                   : " (allowed: " + Join(allowed->second) + ")"));
      return;
    }
    auto picklist = dialect.picklists.find(item.type);
    if (picklist != dialect.picklists.end()) {
      std::string value = tbx::TextOf(element);
      if (!Contains(picklist->second, value)) {
        diags_.Error(file_.Where(element),
                     "'" + value + "' is not an allowed value of " + item.type +
                         " in " + std::string(dialect.name) +
                         " (allowed: " + Join(picklist->second) + ")");
      }
    }
    std::optional<Level> level = LevelOf(element);
    auto levels = dialect.levels.find(item.type);
    if (level && levels != dialect.levels.end() &&
        std::find(levels->second.begin(), levels->second.end(), *level) ==
            levels->second.end()) {
      std::string allowed_levels;
      for (Level l : levels->second) {
        if (!allowed_levels.empty()) allowed_levels += ", ";
        allowed_levels += LevelName(l);
      }
      diags_.Error(file_.Where(element),
                   item.type + " is not allowed at " +
                       std::string(LevelName(*level)) + " level in " +
                       std::string(dialect.name) +
                       " (allowed at: " + allowed_levels + ")");
      return;
    }
    if (dialect.concept_source_in_group && item.role == Role::kAdmin &&
        item.type == "source" &&
        tbx::Classify(element.parent()).role == Role::kConcept) {
      diags_.Error(
          file_.Where(element),
          "a source at concept level must stand in a <descripGrp> with the "
          "definition it documents");
    }
  }

  void CheckChildren(pugi::xml_node element, Role role) {
    std::string_view local = tbx::LocalName(element);
    bool container = tbx::IsContainer(role, local);
    std::vector<Slot> model = ContentModel(role);
    std::size_t slot = 0;
    std::vector<int> counts(model.size(), 0);
    pugi::xml_node moved_on_by;  // the child that started the current slot
    for (pugi::xml_node child : element.children()) {
      if (child.type() == pugi::node_pcdata ||
          child.type() == pugi::node_cdata) {
        std::string_view text = child.value();
        if (container &&
            text.find_first_not_of(" \t\r\n") != std::string_view::npos) {
          diags_.Error(file_.Where(element),
                       "text is not allowed directly in " + Tag(element));
          container = false;  // once per element
        }
        continue;
      }
      if (child.type() != pugi::node_element) continue;
      Classified item = tbx::Classify(child);
      if (item.role == Role::kOther) {
        diags_.Error(file_.Where(child), Tag(child) + " is not a TBX element");
        continue;
      }
      if (model.empty()) {
        if (!container) {
          if (item.role != Role::kInline) {
            diags_.Error(file_.Where(child),
                         Tag(child) + " is not allowed in " + Tag(element));
          }
        }
        continue;
      }
      auto fits = [&](std::size_t s) {
        const std::vector<Role>& roles = model[s].roles;
        return std::find(roles.begin(), roles.end(), item.role) != roles.end();
      };
      std::size_t found = slot;
      while (found < model.size() &&
             !(fits(found) && counts[found] < model[found].max)) {
        ++found;
      }
      if (found == model.size()) {
        bool earlier = false;
        for (std::size_t s = 0; s < slot; ++s) earlier = earlier || fits(s);
        if (earlier && moved_on_by) {
          diags_.Error(file_.Where(child), Tag(child) + " must come before " +
                                               Tag(moved_on_by) + " in " +
                                               Tag(element));
        } else if (fits(slot)) {
          diags_.Error(file_.Where(child),
                       Tag(child) + " may stand only once in " + Tag(element));
        } else {
          diags_.Error(file_.Where(child),
                       Tag(child) + " is not allowed in " + Tag(element));
        }
        continue;
      }
      if (found != slot) moved_on_by = child;
      slot = found;
      ++counts[slot];
    }
    for (std::size_t s = 0; s < model.size(); ++s) {
      if (counts[s] >= model[s].min) continue;
      std::string wanted;
      for (Role r : model[s].roles) {
        if (!wanted.empty()) wanted += " or ";
        wanted += ExpectedName(r);
      }
      diags_.Error(file_.Where(element), Tag(element) + " has no " + wanted);
    }
  }

  std::string ExpectedName(Role role) const {
    switch (role) {
      case Role::kHeader:
        return v3_ ? "<tbxHeader>" : "<martifHeader>";
      case Role::kText:
        return "<text>";
      case Role::kConcept:
        return v3_ ? "<conceptEntry>" : "<termEntry>";
      case Role::kLang:
        return v3_ ? "<langSec>" : "<langSet>";
      case Role::kTermSec:
        return v3_ ? "<termSec>" : "<tig>";
      case Role::kNtig:
        return "<ntig>";
      case Role::kDescrip:
        return "<descrip>";
      case Role::kAdmin:
        return "<admin>";
      case Role::kTermNote:
        return "<termNote>";
      case Role::kTransac:
        return "<transac>";
      case Role::kBackPart:
        return v3_ ? "<refObjectSec>" : "<refObjectList>";
      default:
        return "element";
    }
  }

  const XmlFile& file_;
  Diagnostics& diags_;
  bool v3_ = true;
  bool dca_ = true;
  const Dialect* dialect_ = nullptr;
  std::map<std::string, std::pair<pugi::xml_node, bool>> ids_;
};

// glossa's convention: zh-Hant and zh-Latn-pinyin pair with zh-Hans by
// position, so their term counts must agree.
void CheckParallelChinese(const Glossary& glossary, Diagnostics& diags) {
  for (const Concept& concept_entry : glossary.concepts) {
    const LangSection* simplified = concept_entry.Language(kSimplifiedChinese);
    for (std::string_view lang : {kTraditionalChinese, kPinyin}) {
      const LangSection* section = concept_entry.Language(lang);
      if (section == nullptr) continue;
      std::size_t expected = simplified ? simplified->terms.size() : 0;
      if (section->terms.size() == expected) continue;
      diags.Warning(
          {section->origin.file, section->origin.line, section->origin.column},
          std::string(lang) + " has " + std::to_string(section->terms.size()) +
              " term(s) but zh-Hans has " + std::to_string(expected) +
              "; they pair by position, term for term");
    }
  }
}

}  // namespace

CheckResult CheckTbx(std::string_view bytes, std::string_view name,
                     Diagnostics& diags, Glossary* glossary) {
  CheckResult result;
  std::unique_ptr<XmlFile> file = LoadXml(bytes, name, diags);
  if (!file) return result;
  Glossary read;
  if (!ReadTbxFile(*file, diags, &read)) return result;
  result.readable = true;
  for (pugi::xml_node part : file->root().children()) {
    if (tbx::Classify(part).role != Role::kText) continue;
    for (pugi::xml_node body : part.children()) {
      if (tbx::Classify(body).role != Role::kBody) continue;
      for (pugi::xml_node entry : body.children()) {
        if (tbx::Classify(entry).role == Role::kConcept) ++result.entries;
      }
    }
  }
  Checker(*file, diags).Run();
  CheckParallelChinese(read, diags);
  if (glossary != nullptr) *glossary = std::move(read);
  return result;
}

}  // namespace glossa
