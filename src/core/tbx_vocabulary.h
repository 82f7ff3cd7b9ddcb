// The element vocabulary of TBX, shared by the reader, the checker and the
// writer: TBX v3 (ISO 30042:2019) in DCA and DCT style, and the TBX 2008
// "martif" layout. Internal to the core library.
//
// Every element is classified into a Role; for data-category elements
// (descrip, termNote, admin, ...) also into its category, whether it is
// written DCA style (<termNote type="partOfSpeech">) or DCT style
// (<min:partOfSpeech>). DCT elements are recognised by their local name
// when it is a data category of the TBX-Min or TBX-Basic module; the
// namespace prefix is not resolved.

#ifndef GLOSSA_CORE_TBX_VOCABULARY_H_
#define GLOSSA_CORE_TBX_VOCABULARY_H_

#include <pugixml.hpp>
#include <string>
#include <string_view>

namespace glossa::tbx {

inline constexpr const char* kNamespace = "urn:iso:std:iso:30042:ed-2";

enum class Role {
  kOther,   // not a TBX element (or a DCT element of an unknown module)
  kRoot,    // tbx, martif
  kHeader,  // tbxHeader, martifHeader
  kText,
  kBody,
  kBack,
  kConcept,  // conceptEntry, termEntry
  kLang,     // langSec, langSet
  kTermSec,  // termSec, tig
  kNtig,     // ntig (TBX 2008): holds a termGrp
  kTermGrp,  // termGrp (TBX 2008)
  kTerm,
  kTermNote,
  kTermNoteGrp,
  kDescrip,
  kDescripGrp,
  kAdmin,
  kAdminGrp,
  kAdminNote,
  kDescripNote,
  kNote,
  kRef,
  kXref,
  kTransacGrp,
  kTransac,
  kTransacNote,
  kDate,
  kInline,        // hi, foreign, ph, sc, ec
  kHeaderPart,    // fileDesc, titleStmt, title, publicationStmt, sourceDesc,
                  // encodingDesc, revisionDesc, change, p
  kBackPart,      // refObjectSec, refObjectList, refObject, itemSet, itemGrp,
                  // item
  kTermCompList,  // termCompList, termComp (TBX 2008)
};

struct Classified {
  Role role = Role::kOther;
  // The data category: the type attribute (DCA) or the local name (DCT).
  std::string type;
  bool dct = false;
};

Classified Classify(pugi::xml_node element);

// Whether an element of this role and local name holds only elements in
// TBX: the structure from <tbx> down to the groups (conceptEntry, termSec,
// descripGrp, the header's fileDesc, ...), as opposed to an element that
// holds text, with or without inline markup.
bool IsContainer(Role role, std::string_view local_name);

// The element's name without a namespace prefix.
std::string_view LocalName(pugi::xml_node element);

// The element a DCT data category is written as in DCA style ("descrip" for
// "definition"), or nullptr if the category is not a TBX-Min or TBX-Basic
// one.
const char* DcaElementFor(std::string_view category);

// The TBX v3 name for a TBX 2008 element name (termEntry -> conceptEntry,
// langSet -> langSec, tig -> termSec, martifHeader -> tbxHeader,
// refObjectList -> refObjectSec); nullptr when the name is the same.
const char* V3NameFor(std::string_view name);

// The node after `node` in document order within the subtree of `root`
// (its first child, else the next sibling of it or of its nearest
// ancestor below `root`), or an empty handle at the end: a walk that
// needs no recursion.
//
//   for (pugi::xml_node n = root; n; n = tbx::NextInTree(n, root)) ...
pugi::xml_node NextInTree(pugi::xml_node node, pugi::xml_node root);

// Plain text of an element: all its character data, markup removed.
std::string TextOf(pugi::xml_node element);

// Whether the element has only character data (no child elements).
bool IsTextOnly(pugi::xml_node element);

// The element serialised as XML, exactly as pugixml holds it.
std::string Serialize(pugi::xml_node node);

}  // namespace glossa::tbx

#endif  // GLOSSA_CORE_TBX_VOCABULARY_H_
