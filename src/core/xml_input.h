// Reading XML files: bytes in whatever encoding the file declares, parsed
// with pugixml, with every element locatable as file:line:column.
//
// pugixml reads UTF-8, UTF-16 and UTF-32 and reports byte offsets; this
// module adds the rest of what a user needs: the encoding named in the XML
// declaration (windows-1254, ISO-8859-*, GB18030, Big5, ... through ICU),
// invalid UTF-8 reported at its byte offset, and offsets turned into lines
// and columns. Internal to the core library (its header includes pugixml).
//
// It also refuses documents nested deeper than kMaxXmlDepth elements, so
// that nothing that walks a parsed document, or a model built from one,
// needs more than that many levels of anything.

#ifndef GLOSSA_CORE_XML_INPUT_H_
#define GLOSSA_CORE_XML_INPUT_H_

#include <memory>
#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "core/diagnostics.h"

namespace glossa {

// The deepest nesting of elements LoadXml accepts, the root element being
// level 1: libxml2's default limit. Real files stay far below it: TBX nests
// 7 or 8 levels deep (every file in ../shared/data/tbx), the shipped TEI
// edition 9.
inline constexpr int kMaxXmlDepth = 256;

// A parsed XML file. Not copyable or movable: the line index and the parsed
// tree point into `text`.
class XmlFile {
 public:
  XmlFile(const XmlFile&) = delete;
  XmlFile& operator=(const XmlFile&) = delete;

  const std::string& name() const { return name_; }
  // The document as UTF-8, whatever its encoding on disk.
  const std::string& text() const { return text_; }
  const pugi::xml_document& document() const { return document_; }
  pugi::xml_node root() const { return document_.document_element(); }
  // The encoding the file declared or its byte order mark implied.
  const std::string& encoding() const { return encoding_; }

  // Where the element's start tag begins (its "<").
  Location Where(pugi::xml_node element) const;
  // Where the attribute's name stands in the element's start tag; the
  // element's location if it cannot be found.
  Location WhereAttribute(pugi::xml_node element, const char* attribute) const;
  Location At(std::size_t offset) const;

 private:
  friend std::unique_ptr<XmlFile> LoadXml(std::string_view, std::string_view,
                                          Diagnostics&, unsigned);
  XmlFile() = default;

  std::string name_;
  std::string text_;
  std::string encoding_;
  pugi::xml_document document_;
  std::unique_ptr<LineIndex> lines_;
};

// Decodes and parses `bytes`, the contents of the file called `name`.
// Returns nullptr after reporting the reason when the bytes are not a
// well-formed XML document (empty, undecodable, unknown encoding, malformed)
// or when it nests elements deeper than kMaxXmlDepth (the error points at
// the first element too deep).
// Invalid UTF-8 sequences are reported one by one (up to 20) and replaced by
// U+FFFD, and the rest of the file is still parsed.
//
// `parse_options` are pugixml's (pugi::parse_default unless a reader needs
// more, e.g. pugi::parse_ws_pcdata to keep white space between inline
// elements).
std::unique_ptr<XmlFile> LoadXml(std::string_view bytes, std::string_view name,
                                 Diagnostics& diags,
                                 unsigned parse_options = pugi::parse_default);

}  // namespace glossa

#endif  // GLOSSA_CORE_XML_INPUT_H_
