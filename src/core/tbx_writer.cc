#include "core/tbx_writer.h"

#include <pugixml.hpp>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/tbx_vocabulary.h"

namespace glossa {
namespace {

using tbx::Role;

// Appends serialised XML (one element, as the reader kept it) to `parent`.
void AppendXml(pugi::xml_node parent, const std::string& xml) {
  parent.append_buffer(xml.data(), xml.size(), pugi::parse_default,
                       pugi::encoding_utf8);
}

void AppendAttributes(pugi::xml_node element, const Extra& extra,
                      std::string_view prefix = {}) {
  for (const auto& [name, value] : extra.attributes) {
    std::string_view n = name;
    if (!prefix.empty()) {
      if (n.substr(0, prefix.size()) != prefix) continue;
      n.remove_prefix(prefix.size());
    } else if (n.find("term:") == 0) {
      continue;
    }
    element.append_attribute(std::string(n).c_str()) = value.c_str();
  }
}

pugi::xml_node AppendTextElement(pugi::xml_node parent, const char* name,
                                 const char* type, const std::string& text) {
  pugi::xml_node element = parent.append_child(name);
  if (type != nullptr) element.append_attribute("type") = type;
  element.text().set(text.c_str());
  return element;
}

// A definition or context: a descrip, or a descripGrp when it has a source.
void AppendDescrip(pugi::xml_node parent, const char* type, const Text& text) {
  if (!text.xml.empty()) return AppendXml(parent, text.xml);
  if (text.source.empty()) {
    AppendTextElement(parent, "descrip", type, text.text);
    return;
  }
  pugi::xml_node group = parent.append_child("descripGrp");
  AppendTextElement(group, "descrip", type, text.text);
  AppendTextElement(group, "admin", "source", text.source);
}

void AppendNote(pugi::xml_node parent, const Text& note) {
  if (!note.xml.empty()) return AppendXml(parent, note.xml);
  AppendTextElement(parent, "note", nullptr, note.text);
}

// Whether a kept element belongs with the termNotes at the head of a
// termSec (the core structure requires them right after the term).
bool IsTermNote(const std::string& xml) {
  pugi::xml_document fragment;
  fragment.load_buffer(xml.data(), xml.size(), pugi::parse_default,
                       pugi::encoding_utf8);
  Role role = tbx::Classify(fragment.first_child()).role;
  return role == Role::kTermNote || role == Role::kTermNoteGrp;
}

std::string_view StatusValue(const Term& term) {
  bool usage = term.status_category == "usageStatus";
  switch (term.status) {
    case TermStatus::kPreferred:
      return usage ? "preferred" : "preferredTerm-admn-sts";
    case TermStatus::kAdmitted:
      return usage ? "admitted" : "admittedTerm-admn-sts";
    case TermStatus::kDeprecated:
      return usage ? "deprecated" : "deprecatedTerm-admn-sts";
    case TermStatus::kSuperseded:
      return "supersededTerm-admn-sts";
    case TermStatus::kUnspecified:
      break;
  }
  return "";
}

void AppendTerm(pugi::xml_node lang, const Term& term) {
  pugi::xml_node sec = lang.append_child("termSec");
  if (!term.id.empty()) sec.append_attribute("id") = term.id.c_str();
  AppendAttributes(sec, term.extra);
  pugi::xml_node term_element =
      AppendTextElement(sec, "term", nullptr, term.text);
  AppendAttributes(term_element, term.extra, "term:");
  std::string_view status = StatusValue(term);
  if (!status.empty()) {
    std::string category =
        term.status == TermStatus::kSuperseded || term.status_category.empty()
            ? "administrativeStatus"
            : term.status_category;
    AppendTextElement(sec, "termNote", category.c_str(), std::string(status));
  }
  if (term.type != TermType::kUnspecified) {
    AppendTextElement(sec, "termNote", "termType",
                      std::string(TermTypeName(term.type)));
  }
  const std::pair<const char*, const std::string*> notes[] = {
      {"partOfSpeech", &term.part_of_speech},
      {"grammaticalGender", &term.grammatical_gender},
      {"geographicalUsage", &term.geographical_usage},
  };
  for (const auto& [type, value] : notes) {
    if (!value->empty()) AppendTextElement(sec, "termNote", type, *value);
  }
  for (const std::string& xml : term.extra.elements) {
    if (IsTermNote(xml)) AppendXml(sec, xml);
  }
  for (const std::string& subset : term.project_subsets) {
    AppendTextElement(sec, "admin", "projectSubset", subset);
  }
  for (const std::string& source : term.sources) {
    AppendTextElement(sec, "admin", "source", source);
  }
  for (const Text& context : term.contexts)
    AppendDescrip(sec, "context", context);
  for (const Text& note : term.notes) AppendNote(sec, note);
  for (const std::string& xml : term.extra.elements) {
    if (!IsTermNote(xml)) AppendXml(sec, xml);
  }
}

void AppendLang(pugi::xml_node entry, const LangSection& section) {
  pugi::xml_node lang = entry.append_child("langSec");
  lang.append_attribute("xml:lang") = section.lang.c_str();
  AppendAttributes(lang, section.extra);
  for (const Text& definition : section.definitions) {
    AppendDescrip(lang, "definition", definition);
  }
  for (const Text& note : section.notes) AppendNote(lang, note);
  for (const std::string& xml : section.extra.elements) AppendXml(lang, xml);
  for (const Term& term : section.terms) AppendTerm(lang, term);
}

void AppendConcept(pugi::xml_node body, const Concept& concept_entry,
                   const std::string& id) {
  pugi::xml_node entry = body.append_child("conceptEntry");
  entry.append_attribute("id") = id.c_str();
  AppendAttributes(entry, concept_entry.extra);
  for (const std::string& field : concept_entry.subject_fields) {
    AppendTextElement(entry, "descrip", "subjectField", field);
  }
  for (const std::string& subset : concept_entry.project_subsets) {
    AppendTextElement(entry, "admin", "projectSubset", subset);
  }
  for (const Text& definition : concept_entry.definitions) {
    AppendDescrip(entry, "definition", definition);
  }
  for (const Text& note : concept_entry.notes) AppendNote(entry, note);
  for (const CrossReference& reference : concept_entry.cross_references) {
    pugi::xml_node ref =
        AppendTextElement(entry, "ref", "crossReference", reference.text);
    ref.append_attribute("target") = reference.target.c_str();
  }
  for (const ExternalReference& reference : concept_entry.external_references) {
    pugi::xml_node xref = AppendTextElement(
        entry, "xref", reference.type.c_str(), reference.text);
    xref.append_attribute("target") = reference.target.c_str();
  }
  for (const std::string& xml : concept_entry.extra.elements)
    AppendXml(entry, xml);
  for (const LangSection& section : concept_entry.languages)
    AppendLang(entry, section);
}

// Whether s[*i, *i + n) are ASCII digits; if so, moves *i past them.
bool Digits(std::string_view s, std::size_t* i, std::size_t n) {
  if (s.size() - *i < n) return false;
  for (std::size_t k = *i; k < *i + n; ++k) {
    if (s[k] < '0' || s[k] > '9') return false;
  }
  *i += n;
  return true;
}

// Whether s[*i] is `c`; if so, moves *i past it.
bool Skip(std::string_view s, std::size_t* i, char c) {
  if (*i == s.size() || s[*i] != c) return false;
  ++*i;
  return true;
}

// ISO 8601 basic format (20010507T10:57:25Z, as SDL MultiTerm writes it)
// in the extended format xsd:date and xsd:dateTime require
// (2001-05-07T10:57:25Z): the same instant, in the form TBX v3 accepts.
// Other values are returned unchanged. The basic format is
//   YYYYMMDD[Thh[:]mm[:]ss[Z|(+|-)hh[:]mm]]
std::string ExtendedDate(const std::string& value) {
  std::string_view s = value;
  std::size_t i = 0;
  if (!Digits(s, &i, 8)) return value;
  std::string out =
      value.substr(0, 4) + "-" + value.substr(4, 2) + "-" + value.substr(6, 2);
  if (i == s.size()) return out;
  std::string time[3];
  if (!Skip(s, &i, 'T')) return value;
  for (int part = 0; part < 3; ++part) {
    if (part > 0) Skip(s, &i, ':');
    std::size_t start = i;
    if (!Digits(s, &i, 2)) return value;
    time[part] = value.substr(start, 2);
  }
  out += "T" + time[0] + ":" + time[1] + ":" + time[2];
  if (Skip(s, &i, 'Z')) {
    out += "Z";
  } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    std::size_t start = i++;
    if (!Digits(s, &i, 2)) return value;
    Skip(s, &i, ':');
    if (!Digits(s, &i, 2)) return value;
    out += value.substr(start, 3) + ":" + value.substr(i - 2, 2);
  }
  return i == s.size() ? out : value;
}

// Renames TBX 2008 elements to their v3 names, writes DCT-style data
// categories DCA style, and writes dates in the extended format, throughout
// the tree.
void NormalizeToV3(pugi::xml_node root) {
  for (pugi::xml_node node = root; node; node = tbx::NextInTree(node, root)) {
    if (node.type() == pugi::node_element) {
      std::string_view name = node.name();
      if (name == "ntig") {
        // <ntig><termGrp>term, termNotes</termGrp>...</ntig> becomes
        // <termSec>term, termNotes...</termSec>.
        node.set_name("termSec");
        pugi::xml_node group = node.child("termGrp");
        if (group) {
          while (pugi::xml_node part = group.first_child()) {
            node.insert_move_before(part, group);
          }
          node.remove_child(group);
        }
      } else if (name == "date") {
        std::string value = node.text().get();
        std::string extended = ExtendedDate(value);
        if (extended != value) node.text().set(extended.c_str());
      } else if (const char* v3 = tbx::V3NameFor(name)) {
        node.set_name(v3);
      } else if (name.find(':') != std::string_view::npos) {
        std::string category(tbx::LocalName(node));
        if (const char* element = tbx::DcaElementFor(category)) {
          node.set_name(element);
          node.prepend_attribute("type") = category.c_str();
        }
      }
    }
  }
}

// Levels of the tree that are indented. The TBX structure is at most ten
// levels deep (tbx, text, body, conceptEntry, langSec, termSec,
// termNoteGrp, adminGrp, transacGrp, transac); only a hostile file nests
// containers deeper, and those levels are written without indentation, so
// that the output stays linear in the input.
constexpr int kIndentedLevels = 12;

// Whether the element has children and they are all elements.
bool OnlyElements(pugi::xml_node element) {
  for (pugi::xml_node child : element.children()) {
    if (child.type() != pugi::node_element) return false;
  }
  return element.first_child() != nullptr;
}

// Indents the TBX structure: each child of a container element
// (tbx::IsContainer) that holds only elements goes on a line of its own,
// two spaces a level. Text, inline markup and elements glossa does not know
// are written exactly as they were read: pugixml's format_indent would put
// white space into mixed content, and indent a verbatim subtree nested n
// deep by n levels, which makes the output grow with the square of n.
void IndentStructure(pugi::xml_node root) {
  std::vector<std::pair<pugi::xml_node, int>> pending = {{root, 1}};
  while (!pending.empty()) {
    auto [element, depth] = pending.back();
    pending.pop_back();
    tbx::Classified item = tbx::Classify(element);
    if (depth > kIndentedLevels ||
        !tbx::IsContainer(item.role, tbx::LocalName(element)) ||
        !OnlyElements(element)) {
      continue;
    }
    std::string indent = "\n" + std::string(2 * depth, ' ');
    for (pugi::xml_node child : element.children()) {
      element.insert_child_before(pugi::node_pcdata, child)
          .set_value(indent.c_str());
      pending.emplace_back(child, depth + 1);
    }
    indent.resize(indent.size() - 2);
    element.append_child(pugi::node_pcdata).set_value(indent.c_str());
  }
}

void AppendDefaultHeader(pugi::xml_node root) {
  pugi::xml_node source = root.append_child("tbxHeader")
                              .append_child("fileDesc")
                              .append_child("sourceDesc");
  source.append_child("p").text().set("Written by glossa");
}

}  // namespace

std::string WriteTbx(const Glossary& glossary) {
  pugi::xml_document document;
  pugi::xml_node root = document.append_child("tbx");
  root.append_attribute("type") = "TBX-Basic";
  root.append_attribute("style") = "dca";
  root.append_attribute("xml:lang") =
      glossary.lang.empty() ? "en" : glossary.lang.c_str();
  root.append_attribute("xmlns") = tbx::kNamespace;
  AppendAttributes(root, glossary.extra);

  if (glossary.header_xml.empty()) {
    AppendDefaultHeader(root);
  } else {
    AppendXml(root, glossary.header_xml);
  }
  pugi::xml_node text = root.append_child("text");
  pugi::xml_node body = text.append_child("body");

  std::set<std::string, std::less<>> used;
  for (const Concept& concept_entry : glossary.concepts)
    used.insert(concept_entry.id);
  int next = 1;
  for (const Concept& concept_entry : glossary.concepts) {
    std::string id = concept_entry.id;
    while (id.empty()) {
      std::string candidate = "c" + std::to_string(next++);
      if (used.insert(candidate).second) id = candidate;
    }
    AppendConcept(body, concept_entry, id);
  }
  for (const std::string& xml : glossary.extra.elements) AppendXml(body, xml);
  if (!glossary.back_xml.empty()) AppendXml(text, glossary.back_xml);

  NormalizeToV3(root);
  IndentStructure(root);
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  document.save(out, "", pugi::format_raw | pugi::format_no_declaration,
                pugi::encoding_utf8);
  out << '\n';
  return out.str();
}

}  // namespace glossa
