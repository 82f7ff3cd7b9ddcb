#include "core/tbx2008_writer.h"

#include <algorithm>
#include <pugixml.hpp>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/tbx_vocabulary.h"
#include "core/tbx_writer.h"

namespace glossa {
namespace {

// What a reading's note says before the reading itself.
constexpr std::string_view kReadingLabel = "Pinyin: ";

// The language subtag of a BCP 47 tag: "zh" for "zh-Hans".
std::string_view PrimaryTag(std::string_view tag) {
  return tag.substr(0, tag.find('-'));
}

// The concept's sections of the selected languages, in the order the
// options name the languages (translate-toolkit takes the first language
// for the source and the second for the target), else in the glossary's.
std::vector<const LangSection*> SelectedSections(const Concept& entry,
                                                 const ExportOptions& options) {
  std::vector<const LangSection*> out;
  if (options.languages.empty()) {
    for (const LangSection& section : entry.languages) out.push_back(&section);
    return out;
  }
  std::vector<bool> taken(entry.languages.size(), false);
  for (const std::string& wanted : options.languages) {
    for (std::size_t i = 0; i < entry.languages.size(); ++i) {
      if (taken[i] ||
          !SameLanguage(PrimaryTag(entry.languages[i].lang), wanted))
        continue;
      taken[i] = true;
      out.push_back(&entry.languages[i]);
    }
  }
  return out;
}

std::string ExportTag(const std::string& lang, const ExportOptions& options) {
  bool region = options.chinese_tags == ExportOptions::ChineseTags::kRegion;
  if (region && SameLanguage(lang, kSimplifiedChinese)) return "zh-CN";
  if (region && SameLanguage(lang, kTraditionalChinese)) return "zh-TW";
  return lang;
}

// Parses one serialised element (as the reader keeps them); the element is
// fragment.first_child().
void ParseFragment(const std::string& xml, pugi::xml_document* fragment) {
  fragment->load_buffer(xml.data(), xml.size(), pugi::parse_default,
                        pugi::encoding_utf8);
}

// `xml` (one element) with xml:lang="zh-Latn-pinyin" on it: how the parts
// of a reading are marked on the term that carries it.
std::string MarkAsReading(const std::string& xml) {
  pugi::xml_document fragment;
  ParseFragment(xml, &fragment);
  pugi::xml_node element = fragment.first_child();
  element.remove_attribute("xml:lang");
  element.append_attribute("xml:lang") = std::string(kPinyin).c_str();
  return tbx::Serialize(element);
}

std::string TextElement(const char* name, const char* type,
                        const std::string& text) {
  pugi::xml_document fragment;
  pugi::xml_node element = fragment.append_child(name);
  if (type != nullptr) element.append_attribute("type") = type;
  element.text().set(text.c_str());
  return tbx::Serialize(element);
}

// Puts the pinyin term `reading` on the Chinese term `host`.
void AddReading(const Term& reading, Term* host) {
  std::string label = std::string(kReadingLabel) + reading.text;
  host->notes.push_back(
      {label, "", MarkAsReading(TextElement("note", nullptr, label))});
  for (const Text& text : reading.notes) {
    std::string xml =
        text.xml.empty() ? TextElement("note", nullptr, text.text) : text.xml;
    host->notes.push_back({text.text, "", MarkAsReading(xml)});
  }
  for (const std::string& source : reading.sources) {
    host->extra.elements.push_back(
        MarkAsReading(TextElement("admin", "source", source)));
  }
}

// The concept with only the selected languages, Chinese tagged for CAT
// tools and the readings on the Chinese terms; no languages when none of
// its sections is selected.
Concept ForTbx2008(const Concept& entry, const ExportOptions& options) {
  Concept out = entry;
  out.languages.clear();
  int host = -1;  // the section the readings go on
  const LangSection* pinyin = nullptr;
  for (const LangSection* section : SelectedSections(entry, options)) {
    if (SameLanguage(section->lang, kPinyin)) {
      pinyin = section;
      continue;
    }
    if (SameLanguage(section->lang, kSimplifiedChinese) ||
        (host < 0 && SameLanguage(section->lang, kTraditionalChinese))) {
      host = static_cast<int>(out.languages.size());
    }
    out.languages.push_back(*section);
    out.languages.back().lang = ExportTag(section->lang, options);
    // TBX 2008 has administrativeStatus only.
    for (Term& term : out.languages.back().terms) term.status_category.clear();
  }
  if (pinyin == nullptr || host < 0) return out;
  std::vector<Term>& hosts = out.languages[host].terms;
  for (std::size_t i = 0; i < pinyin->terms.size() && !hosts.empty(); ++i) {
    AddReading(pinyin->terms[i], &hosts[std::min(i, hosts.size() - 1)]);
  }
  return out;
}

// The header with fileDesc's parts in the order TBX 2008 requires
// (titleStmt, publicationStmt, sourceDesc); TBX v3 files may have another.
std::string HeaderIn2008Order(const std::string& header_xml) {
  if (header_xml.empty()) return header_xml;
  pugi::xml_document fragment;
  ParseFragment(header_xml, &fragment);
  pugi::xml_node file_desc = fragment.first_child().child("fileDesc");
  for (const char* name : {"sourceDesc", "publicationStmt", "titleStmt"}) {
    std::vector<pugi::xml_node> parts;
    for (pugi::xml_node part : file_desc.children(name)) parts.push_back(part);
    for (auto it = parts.rbegin(); it != parts.rend(); ++it)
      file_desc.prepend_move(*it);
  }
  return tbx::Serialize(fragment.first_child());
}

// The glossary as the TBX 2008 export holds it (still in the model).
Glossary ForTbx2008(const Glossary& glossary, const ExportOptions& options) {
  Glossary out;
  out.lang = glossary.lang;
  out.header_xml = HeaderIn2008Order(glossary.header_xml);
  out.back_xml = glossary.back_xml;
  out.extra = glossary.extra;
  std::set<std::string, std::less<>> left_out;
  for (const Concept& entry : glossary.concepts) {
    Concept written = ForTbx2008(entry, options);
    if (written.languages.empty()) {
      left_out.insert(entry.id);
    } else {
      out.concepts.push_back(std::move(written));
    }
  }
  // A reference to an entry that is not written would point nowhere.
  for (Concept& entry : out.concepts) {
    std::erase_if(entry.cross_references, [&](const CrossReference& r) {
      return left_out.count(r.target) > 0;
    });
  }
  return out;
}

const char* Name2008For(std::string_view v3_name) {
  if (v3_name == "tbx") return "martif";
  if (v3_name == "tbxHeader") return "martifHeader";
  if (v3_name == "conceptEntry") return "termEntry";
  if (v3_name == "langSec") return "langSet";
  if (v3_name == "termSec") return "tig";
  if (v3_name == "refObjectSec") return "refObjectList";
  return nullptr;
}

// WriteTbx's TBX v3 document in the 2008 layout: the same data categories
// and indentation, the 2008 element names, no namespace.
std::string InMartifLayout(const std::string& v3) {
  pugi::xml_document document;
  document.load_buffer(v3.data(), v3.size(),
                       pugi::parse_cdata | pugi::parse_escapes |
                           pugi::parse_ws_pcdata | pugi::parse_comments,
                       pugi::encoding_utf8);
  pugi::xml_node root = document.document_element();
  root.remove_attribute("style");
  root.remove_attribute("xmlns");
  for (pugi::xml_node node = root; node; node = tbx::NextInTree(node, root)) {
    if (const char* name = Name2008For(node.name())) node.set_name(name);
  }
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  document.save(out, "", pugi::format_raw | pugi::format_no_declaration,
                pugi::encoding_utf8);
  return out.str();
}

// The element in `xml` without its reading mark, if it has one.
bool Unmark(const std::string& xml, pugi::xml_document* fragment) {
  ParseFragment(xml, fragment);
  pugi::xml_node element = fragment->first_child();
  if (!SameLanguage(element.attribute("xml:lang").value(), kPinyin))
    return false;
  element.remove_attribute("xml:lang");
  return true;
}

// Moves the readings on `host` to the end of `readings`.
void TakeReadings(Term* host, std::vector<Term>* readings) {
  std::size_t first = readings->size();
  std::vector<Text> notes;
  for (Text& note : host->notes) {
    pugi::xml_document fragment;
    if (!Unmark(note.xml, &fragment)) {
      notes.push_back(std::move(note));
      continue;
    }
    pugi::xml_node element = fragment.first_child();
    std::string_view text = note.text;
    if (text.substr(0, kReadingLabel.size()) == kReadingLabel) {
      readings->emplace_back().text = text.substr(kReadingLabel.size());
    } else if (readings->size() > first) {
      bool plain = !element.first_attribute() && tbx::IsTextOnly(element);
      readings->back().notes.push_back(
          {note.text, "", plain ? "" : tbx::Serialize(element)});
    } else {
      notes.push_back(std::move(note));
    }
  }
  host->notes = std::move(notes);
  if (readings->size() == first) return;
  std::vector<std::string> elements;
  for (std::string& xml : host->extra.elements) {
    pugi::xml_document fragment;
    if (Unmark(xml, &fragment) &&
        std::string_view(fragment.first_child().name()) == "admin" &&
        fragment.first_child().attribute("type").value() ==
            std::string_view("source")) {
      (*readings)[first].sources.push_back(tbx::TextOf(fragment.first_child()));
    } else {
      elements.push_back(std::move(xml));
    }
  }
  host->extra.elements = std::move(elements);
}

}  // namespace

std::string WriteTbx2008(const Glossary& glossary,
                         const ExportOptions& options) {
  return InMartifLayout(WriteTbx(ForTbx2008(glossary, options)));
}

void RestoreFromTbx2008(Glossary* glossary) {
  for (Concept& entry : glossary->concepts) {
    for (LangSection& section : entry.languages) {
      if (SameLanguage(section.lang, "zh-CN"))
        section.lang = kSimplifiedChinese;
      if (SameLanguage(section.lang, "zh-TW"))
        section.lang = kTraditionalChinese;
    }
    LangSection pinyin;
    pinyin.lang = kPinyin;
    std::size_t after = 0;  // the section the pinyin goes after, plus one
    for (std::string_view lang : {kSimplifiedChinese, kTraditionalChinese}) {
      for (std::size_t i = 0; i < entry.languages.size(); ++i) {
        if (!SameLanguage(entry.languages[i].lang, lang)) continue;
        for (Term& term : entry.languages[i].terms)
          TakeReadings(&term, &pinyin.terms);
        after = std::max(after, i + 1);
      }
    }
    if (pinyin.terms.empty()) continue;
    entry.languages.insert(entry.languages.begin() + after, std::move(pinyin));
  }
}

}  // namespace glossa
