#include "core/tbx_vocabulary.h"

#include <cstring>
#include <sstream>
#include <utility>

namespace glossa::tbx {
namespace {

struct Name {
  const char* name;
  Role role;
};

constexpr Name kElements[] = {
    {"tbx", Role::kRoot},
    {"martif", Role::kRoot},
    {"tbxHeader", Role::kHeader},
    {"martifHeader", Role::kHeader},
    {"text", Role::kText},
    {"body", Role::kBody},
    {"back", Role::kBack},
    {"conceptEntry", Role::kConcept},
    {"termEntry", Role::kConcept},
    {"langSec", Role::kLang},
    {"langSet", Role::kLang},
    {"termSec", Role::kTermSec},
    {"tig", Role::kTermSec},
    {"ntig", Role::kNtig},
    {"termGrp", Role::kTermGrp},
    {"term", Role::kTerm},
    {"termNote", Role::kTermNote},
    {"termNoteGrp", Role::kTermNoteGrp},
    {"descrip", Role::kDescrip},
    {"descripGrp", Role::kDescripGrp},
    {"admin", Role::kAdmin},
    {"adminGrp", Role::kAdminGrp},
    {"adminNote", Role::kAdminNote},
    {"descripNote", Role::kDescripNote},
    {"note", Role::kNote},
    {"ref", Role::kRef},
    {"xref", Role::kXref},
    {"transacGrp", Role::kTransacGrp},
    {"transac", Role::kTransac},
    {"transacNote", Role::kTransacNote},
    {"date", Role::kDate},
    {"hi", Role::kInline},
    {"foreign", Role::kInline},
    {"ph", Role::kInline},
    {"sc", Role::kInline},
    {"ec", Role::kInline},
    {"bpt", Role::kInline},  // TBX 2008 inline elements
    {"ept", Role::kInline},
    {"fileDesc", Role::kHeaderPart},
    {"titleStmt", Role::kHeaderPart},
    {"title", Role::kHeaderPart},
    {"publicationStmt", Role::kHeaderPart},
    {"sourceDesc", Role::kHeaderPart},
    {"encodingDesc", Role::kHeaderPart},
    {"revisionDesc", Role::kHeaderPart},
    {"change", Role::kHeaderPart},
    {"p", Role::kHeaderPart},
    {"refObjectSec", Role::kBackPart},
    {"refObjectList", Role::kBackPart},
    {"refObject", Role::kBackPart},
    {"itemSet", Role::kBackPart},
    {"itemGrp", Role::kBackPart},
    {"item", Role::kBackPart},
    {"termCompList", Role::kTermCompList},
    {"termComp", Role::kTermCompList},
    {"termCompGrp", Role::kTermCompList},
};

// The data categories of the TBX-Min and TBX-Basic modules, with the
// element each is written as in DCA style.
constexpr std::pair<const char*, const char*> kCategories[] = {
    {"definition", "descrip"},
    {"context", "descrip"},
    {"subjectField", "descrip"},
    {"administrativeStatus", "termNote"},
    {"usageStatus", "termNote"},
    {"partOfSpeech", "termNote"},
    {"termType", "termNote"},
    {"grammaticalGender", "termNote"},
    {"geographicalUsage", "termNote"},
    {"termLocation", "termNote"},
    {"source", "admin"},
    {"customerSubset", "admin"},
    {"projectSubset", "admin"},
    {"transactionType", "transac"},
    {"responsibility", "transacNote"},
    {"xGraphic", "xref"},
    {"externalCrossReference", "xref"},
    {"crossReference", "ref"},
};

Role RoleOfName(std::string_view name) {
  for (const Name& element : kElements) {
    if (name == element.name) return element.role;
  }
  return Role::kOther;
}

}  // namespace

std::string_view LocalName(pugi::xml_node element) {
  std::string_view name = element.name();
  std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

const char* DcaElementFor(std::string_view category) {
  for (const auto& [name, element] : kCategories) {
    if (category == name) return element;
  }
  return nullptr;
}

const char* V3NameFor(std::string_view name) {
  if (name == "termEntry") return "conceptEntry";
  if (name == "langSet") return "langSec";
  if (name == "tig") return "termSec";
  if (name == "martifHeader") return "tbxHeader";
  if (name == "martif") return "tbx";
  if (name == "refObjectList") return "refObjectSec";
  return nullptr;
}

Classified Classify(pugi::xml_node element) {
  Classified out;
  std::string_view name = element.name();
  if (name.find(':') == std::string_view::npos) {
    out.role = RoleOfName(name);
    out.type = element.attribute("type").value();
    return out;
  }
  std::string_view local = LocalName(element);
  if (const char* dca = DcaElementFor(local)) {
    out.role = RoleOfName(dca);
    out.type = std::string(local);
    out.dct = true;
  }
  return out;
}

bool IsContainer(Role role, std::string_view local_name) {
  switch (role) {
    case Role::kRoot:
    case Role::kHeader:
    case Role::kText:
    case Role::kBody:
    case Role::kBack:
    case Role::kConcept:
    case Role::kLang:
    case Role::kTermSec:
    case Role::kNtig:
    case Role::kTermGrp:
    case Role::kDescripGrp:
    case Role::kAdminGrp:
    case Role::kTermNoteGrp:
    case Role::kTransacGrp:
      return true;
    case Role::kHeaderPart:
      return local_name != "title" && local_name != "p";
    case Role::kBackPart:
      return local_name != "item";
    default:
      return false;
  }
}

pugi::xml_node NextInTree(pugi::xml_node node, pugi::xml_node root) {
  if (node.first_child()) return node.first_child();
  while (node && node != root && !node.next_sibling()) node = node.parent();
  if (!node || node == root) return {};
  return node.next_sibling();
}

std::string TextOf(pugi::xml_node element) {
  std::string out;
  for (pugi::xml_node node = element; node; node = NextInTree(node, element)) {
    if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
      out += node.value();
    }
  }
  return out;
}

bool IsTextOnly(pugi::xml_node element) {
  for (pugi::xml_node child : element.children()) {
    if (child.type() == pugi::node_element) return false;
  }
  return true;
}

std::string Serialize(pugi::xml_node node) {
  std::ostringstream out;
  node.print(out, "", pugi::format_raw);
  return out.str();
}

}  // namespace glossa::tbx
