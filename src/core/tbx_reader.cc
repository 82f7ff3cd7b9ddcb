#include "core/tbx_reader.h"

#include <initializer_list>
#include <map>
#include <string>

#include "core/tbx_vocabulary.h"
#include "core/unicode.h"
#include "core/xml_input.h"

namespace glossa {
namespace {

using tbx::Classified;
using tbx::Role;

// Whether every attribute of the element is one of `allowed`.
bool OnlyAttributes(pugi::xml_node element,
                    std::initializer_list<std::string_view> allowed) {
  for (pugi::xml_attribute attribute : element.attributes()) {
    bool known = false;
    for (std::string_view name : allowed)
      known = known || name == attribute.name();
    if (!known) return false;
  }
  return true;
}

// A data-category element the model can hold as plain text: character data
// only, and no attributes but its type (DCA style) or none (DCT style).
bool IsPlain(pugi::xml_node element, const Classified& item) {
  if (!tbx::IsTextOnly(element)) return false;
  return item.dct ? OnlyAttributes(element, {})
                  : OnlyAttributes(element, {"type"});
}

class Reader {
 public:
  Reader(const XmlFile& file, Diagnostics& diags)
      : file_(file), diags_(diags) {}

  bool Read(Glossary* out) {
    pugi::xml_node root = file_.root();
    std::string_view root_name = root.name();
    if (root_name != "tbx" && root_name != "martif") {
      diags_.Error(file_.Where(root), "not a TBX file: the root element is <" +
                                          std::string(root_name) +
                                          ">, not <tbx> or <martif>");
      return false;
    }
    out->name = file_.name();
    out->lang = root.attribute("xml:lang").value();
    out->dialect = root.attribute("type").value();
    for (pugi::xml_attribute attribute : root.attributes()) {
      std::string_view name = attribute.name();
      if (name == "xml:lang" || name == "type" || name == "style" ||
          name == "xmlns") {
        continue;
      }
      out->extra.attributes.emplace_back(name, attribute.value());
    }
    for (pugi::xml_node child : root.children()) {
      if (child.type() != pugi::node_element) continue;
      Role role = tbx::Classify(child).role;
      if (role == Role::kHeader) {
        out->header_xml = tbx::Serialize(child);
        out->title = tbx::TextOf(
            child.child("fileDesc").child("titleStmt").child("title"));
      } else if (role == Role::kText) {
        ReadText(child, out);
      } else {
        out->extra.elements.push_back(tbx::Serialize(child));
      }
    }
    return true;
  }

 private:
  Location OriginOf(pugi::xml_node element) const {
    return file_.Where(element);
  }

  void ReadText(pugi::xml_node text, Glossary* out) {
    for (pugi::xml_node child : text.children()) {
      if (child.type() != pugi::node_element) continue;
      Role role = tbx::Classify(child).role;
      if (role == Role::kBack) {
        out->back_xml = tbx::Serialize(child);
      } else if (role == Role::kBody) {
        for (pugi::xml_node entry : child.children()) {
          if (entry.type() != pugi::node_element) continue;
          if (tbx::Classify(entry).role == Role::kConcept) {
            out->concepts.push_back(ReadConcept(entry));
          } else {
            out->extra.elements.push_back(tbx::Serialize(entry));
          }
        }
      } else {
        out->extra.elements.push_back(tbx::Serialize(child));
      }
    }
  }

  // A definition, context or note, from a plain element or from a
  // descripGrp of the shape <descripGrp><descrip/><admin type="source"/>.
  Text ReadText(pugi::xml_node element, const Classified& item) {
    Text text;
    if (item.role == Role::kDescripGrp) {
      pugi::xml_node descrip = element.find_child(
          [](pugi::xml_node n) { return n.type() == pugi::node_element; });
      text.text = tbx::TextOf(descrip);
      bool plain = OnlyAttributes(element, {}) &&
                   IsPlain(descrip, tbx::Classify(descrip));
      int sources = 0;
      for (pugi::xml_node child = descrip.next_sibling(); child;
           child = child.next_sibling()) {
        if (child.type() != pugi::node_element) continue;
        Classified part = tbx::Classify(child);
        if (part.role == Role::kAdmin && part.type == "source" &&
            IsPlain(child, part) && ++sources == 1) {
          text.source = tbx::TextOf(child);
        } else {
          plain = false;
        }
      }
      if (!plain) text.xml = tbx::Serialize(element);
      return text;
    }
    text.text = tbx::TextOf(element);
    bool plain = item.role == Role::kNote
                     ? OnlyAttributes(element, {}) && tbx::IsTextOnly(element)
                     : IsPlain(element, item);
    if (!plain) text.xml = tbx::Serialize(element);
    return text;
  }

  // The data category of a descripGrp's descrip, or of the element itself.
  static Classified Category(pugi::xml_node element, const Classified& item) {
    if (item.role != Role::kDescripGrp) return item;
    for (pugi::xml_node child : element.children()) {
      if (child.type() == pugi::node_element) return tbx::Classify(child);
    }
    return {};
  }

  static bool IsDescrip(const Classified& item, const Classified& category,
                        std::string_view type) {
    return (item.role == Role::kDescrip || item.role == Role::kDescripGrp) &&
           category.role == Role::kDescrip && category.type == type;
  }

  Concept ReadConcept(pugi::xml_node entry) {
    Concept concept_entry;
    concept_entry.origin = OriginOf(entry);
    for (pugi::xml_attribute attribute : entry.attributes()) {
      if (std::string_view(attribute.name()) == "id") {
        concept_entry.id = attribute.value();
      } else {
        concept_entry.extra.attributes.emplace_back(attribute.name(),
                                                    attribute.value());
      }
    }
    if (!concept_entry.id.empty()) {
      auto [first, inserted] =
          concept_ids_.emplace(concept_entry.id, file_.Where(entry));
      if (!inserted) {
        diags_.Error(file_.WhereAttribute(entry, "id"),
                     "duplicate entry id '" + concept_entry.id +
                         "' (first used at line " +
                         std::to_string(first->second.line) + ")");
      }
    }
    for (pugi::xml_node child : entry.children()) {
      if (child.type() != pugi::node_element) continue;
      Classified item = tbx::Classify(child);
      Classified category = Category(child, item);
      if (item.role == Role::kLang) {
        if (!ReadLang(child, &concept_entry)) {
          concept_entry.extra.elements.push_back(tbx::Serialize(child));
        }
      } else if (item.role == Role::kDescrip && item.type == "subjectField" &&
                 IsPlain(child, item)) {
        concept_entry.subject_fields.push_back(tbx::TextOf(child));
      } else if (IsDescrip(item, category, "definition")) {
        concept_entry.definitions.push_back(ReadText(child, item));
      } else if (item.role == Role::kNote) {
        concept_entry.notes.push_back(ReadText(child, item));
      } else if (item.role == Role::kRef && item.type == "crossReference" &&
                 tbx::IsTextOnly(child) &&
                 OnlyAttributes(child, {"type", "target"})) {
        concept_entry.cross_references.push_back(
            {child.attribute("target").value(), tbx::TextOf(child),
             OriginOf(child)});
      } else if (item.role == Role::kXref && !item.type.empty() &&
                 tbx::IsTextOnly(child) &&
                 OnlyAttributes(child, {"type", "target"})) {
        concept_entry.external_references.push_back(
            {item.type, child.attribute("target").value(), tbx::TextOf(child),
             OriginOf(child)});
      } else if (item.role == Role::kAdmin && item.type == "projectSubset" &&
                 IsPlain(child, item)) {
        concept_entry.project_subsets.push_back(tbx::TextOf(child));
      } else {
        concept_entry.extra.elements.push_back(tbx::Serialize(child));
      }
    }
    return concept_entry;
  }

  bool KnownLanguage(const std::string& tag) {
    auto found = known_languages_.find(tag);
    if (found == known_languages_.end())
      found = known_languages_.emplace(tag, IsKnownLanguageTag(tag)).first;
    return found->second;
  }

  // Reads a language section into the concept; false (after reporting why)
  // when its language is missing or unknown.
  bool ReadLang(pugi::xml_node element, Concept* concept_entry) {
    LangSection section;
    section.origin = OriginOf(element);
    section.lang = element.attribute("xml:lang").value();
    if (section.lang.empty()) {
      diags_.Error(file_.Where(element),
                   "<" + std::string(element.name()) +
                       "> has no xml:lang; section skipped");
      return false;
    }
    if (!KnownLanguage(section.lang)) {
      diags_.Error(
          file_.WhereAttribute(element, "xml:lang"),
          "unknown language code '" + section.lang + "'; section skipped");
      return false;
    }
    for (pugi::xml_attribute attribute : element.attributes()) {
      if (std::string_view(attribute.name()) != "xml:lang") {
        section.extra.attributes.emplace_back(attribute.name(),
                                              attribute.value());
      }
    }
    for (pugi::xml_node child : element.children()) {
      if (child.type() != pugi::node_element) continue;
      Classified item = tbx::Classify(child);
      if (item.role == Role::kTermSec || item.role == Role::kNtig) {
        Term term;
        if (ReadTerm(child, item.role, &term)) {
          section.terms.push_back(std::move(term));
        } else {
          section.extra.elements.push_back(tbx::Serialize(child));
        }
      } else if (IsDescrip(item, Category(child, item), "definition")) {
        section.definitions.push_back(ReadText(child, item));
      } else if (item.role == Role::kNote) {
        section.notes.push_back(ReadText(child, item));
      } else {
        section.extra.elements.push_back(tbx::Serialize(child));
      }
    }
    concept_entry->languages.push_back(std::move(section));
    return true;
  }

  // Reads one termNote into the term; false if the model cannot hold it.
  static bool ReadTermNote(pugi::xml_node note, const Classified& item,
                           Term* term) {
    if (!IsPlain(note, item)) return false;
    std::string value = tbx::TextOf(note);
    if (item.type == "administrativeStatus" || item.type == "usageStatus") {
      static const std::map<std::string, TermStatus, std::less<>> kStatuses = {
          {"preferredTerm-admn-sts", TermStatus::kPreferred},
          {"admittedTerm-admn-sts", TermStatus::kAdmitted},
          {"deprecatedTerm-admn-sts", TermStatus::kDeprecated},
          {"supersededTerm-admn-sts", TermStatus::kSuperseded},
      };
      static const std::map<std::string, TermStatus, std::less<>> kUsage = {
          {"preferred", TermStatus::kPreferred},
          {"admitted", TermStatus::kAdmitted},
          {"deprecated", TermStatus::kDeprecated},
      };
      const auto& values = item.type == "usageStatus" ? kUsage : kStatuses;
      auto found = values.find(value);
      if (found == values.end() || term->status != TermStatus::kUnspecified) {
        return false;
      }
      term->status = found->second;
      term->status_category = item.type;
      return true;
    }
    if (item.type == "termType") {
      std::optional<TermType> type = ParseTermType(value);
      if (!type || term->type != TermType::kUnspecified) return false;
      term->type = *type;
      return true;
    }
    std::string* field =
        item.type == "partOfSpeech"        ? &term->part_of_speech
        : item.type == "grammaticalGender" ? &term->grammatical_gender
        : item.type == "geographicalUsage" ? &term->geographical_usage
                                           : nullptr;
    if (field == nullptr || !field->empty()) return false;
    *field = value;
    return true;
  }

  // Reads a termSec or tig (role kTermSec) or an ntig (kNtig). Returns false,
  // after reporting it, when there is no term.
  bool ReadTerm(pugi::xml_node element, Role role, Term* term) {
    term->origin = OriginOf(element);
    for (pugi::xml_attribute attribute : element.attributes()) {
      if (std::string_view(attribute.name()) == "id") {
        term->id = attribute.value();
      } else {
        term->extra.attributes.emplace_back(attribute.name(),
                                            attribute.value());
      }
    }
    // The term and its termNotes: in a termGrp for an ntig, else directly.
    pugi::xml_node group = element;
    if (role == Role::kNtig) {
      group = element.find_child([](pugi::xml_node n) {
        return tbx::Classify(n).role == Role::kTermGrp;
      });
    }
    bool found_term = false;
    auto read_part = [&](pugi::xml_node child) {
      Classified item = tbx::Classify(child);
      if (item.role == Role::kTerm && !found_term) {
        found_term = true;
        term->text = tbx::TextOf(child);
        // Inline markup inside <term> (<hi>) is flattened; its attributes
        // other than id are kept.
        for (pugi::xml_attribute attribute : child.attributes()) {
          term->extra.attributes.emplace_back(
              std::string("term:") + attribute.name(), attribute.value());
        }
      } else if (item.role == Role::kTermNote &&
                 ReadTermNote(child, item, term)) {
      } else if (item.role == Role::kAdmin && item.type == "source" &&
                 IsPlain(child, item)) {
        term->sources.push_back(tbx::TextOf(child));
      } else if (item.role == Role::kAdmin && item.type == "projectSubset" &&
                 IsPlain(child, item)) {
        term->project_subsets.push_back(tbx::TextOf(child));
      } else if (IsDescrip(item, Category(child, item), "context")) {
        term->contexts.push_back(ReadText(child, item));
      } else if (item.role == Role::kNote) {
        term->notes.push_back(ReadText(child, item));
      } else {
        term->extra.elements.push_back(tbx::Serialize(child));
      }
    };
    for (pugi::xml_node child : group.children()) {
      if (child.type() == pugi::node_element) read_part(child);
    }
    if (role == Role::kNtig) {
      for (pugi::xml_node child : element.children()) {
        if (child.type() == pugi::node_element && child != group)
          read_part(child);
      }
    }
    if (!found_term) {
      diags_.Error(file_.Where(element),
                   "<" + std::string(element.name()) + "> has no <term>");
      return false;
    }
    if (term->text.find_first_not_of(" \t\r\n") == std::string::npos) {
      // Valid TBX (CAT tools export it for a missing translation), but
      // there is nothing to look up.
      diags_.Warning(
          file_.Where(element),
          "<" + std::string(element.name()) + "> has an empty <term>; skipped");
      return false;
    }
    return true;
  }

  const XmlFile& file_;
  Diagnostics& diags_;
  std::map<std::string, Location> concept_ids_;
  // IsKnownLanguageTag's answer per tag. ICU's answer costs some 20,000
  // instructions: asked once per section, it was a sixth of reading the
  // built-in glossary, which has five tags in 786 sections.
  std::map<std::string, bool, std::less<>> known_languages_;
};

}  // namespace

bool ReadTbxFile(const XmlFile& file, Diagnostics& diags, Glossary* out) {
  return Reader(file, diags).Read(out);
}

bool ReadTbx(std::string_view bytes, std::string_view name, Diagnostics& diags,
             Glossary* out) {
  std::unique_ptr<XmlFile> file = LoadXml(bytes, name, diags);
  if (!file) return false;
  return ReadTbxFile(*file, diags, out);
}

}  // namespace glossa
