#include "core/xml_input.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>

#include "core/unicode.h"

namespace glossa {
namespace {

constexpr int kMaxEncodingErrors = 20;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

Location LocateInBytes(std::string_view bytes, std::string_view name,
                       std::size_t offset) {
  LineIndex index(bytes);
  LineIndex::Position position = index.At(offset);
  return {std::string(name), position.line, position.column};
}

// The value of encoding="..." in an XML declaration at the start of an
// ASCII-compatible document, with the byte offset where the value starts.
struct DeclaredEncoding {
  std::string name;
  std::size_t offset = 0;
};

std::optional<DeclaredEncoding> FindDeclaredEncoding(std::string_view bytes) {
  if (bytes.substr(0, 5) != "<?xml") return std::nullopt;
  std::size_t end = bytes.find("?>");
  if (end == std::string_view::npos) return std::nullopt;
  std::string_view declaration = bytes.substr(0, end);
  std::size_t at = declaration.find("encoding");
  if (at == std::string_view::npos) return std::nullopt;
  at += 8;
  while (at < declaration.size() &&
         std::isspace(static_cast<unsigned char>(declaration[at])))
    ++at;
  if (at >= declaration.size() || declaration[at] != '=') return std::nullopt;
  ++at;
  while (at < declaration.size() &&
         std::isspace(static_cast<unsigned char>(declaration[at])))
    ++at;
  if (at >= declaration.size()) return std::nullopt;
  char quote = declaration[at];
  if (quote != '"' && quote != '\'') return std::nullopt;
  std::size_t close = declaration.find(quote, at + 1);
  if (close == std::string_view::npos) return std::nullopt;
  return DeclaredEncoding{
      std::string(declaration.substr(at + 1, close - at - 1)), at + 1};
}

std::string Hex(std::string_view bytes) {
  std::string out;
  for (unsigned char c : bytes) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "%s0x%02X", out.empty() ? "" : " ", c);
    out += hex;
  }
  return out;
}

// Length of the ill-formed sequence at the start of `bytes` (at least 1):
// a lead byte and the continuation bytes that follow it.
std::size_t BadSequenceLength(std::string_view bytes) {
  std::size_t n = 1;
  while (n < bytes.size() && n < 4 &&
         (static_cast<unsigned char>(bytes[n]) & 0xC0) == 0x80 &&
         FindInvalidUtf8(bytes.substr(0, n + 1)).value_or(1) == 0) {
    ++n;
  }
  return n;
}

// Copies UTF-8 `bytes` into *out, replacing each ill-formed sequence by
// U+FFFD and reporting it.
void RepairUtf8(std::string_view bytes, std::string_view name,
                Diagnostics& diags, std::string* out) {
  out->clear();
  std::size_t start = 0;
  int reported = 0;
  // Built at the first error only: most files have none, and indexing the
  // lines of the built-in glossary cost more than checking its UTF-8.
  std::optional<LineIndex> index;
  while (start < bytes.size()) {
    std::optional<std::size_t> bad = FindInvalidUtf8(bytes.substr(start));
    if (!bad) {
      out->append(bytes.substr(start));
      break;
    }
    std::size_t offset = start + *bad;
    std::size_t length = BadSequenceLength(bytes.substr(offset));
    out->append(bytes.substr(start, offset - start));
    out->append("\xEF\xBF\xBD");
    if (reported < kMaxEncodingErrors) {
      if (!index) index.emplace(bytes);
      LineIndex::Position position = index->At(offset);
      diags.Error({std::string(name), position.line, position.column},
                  "invalid UTF-8 at byte offset " + std::to_string(offset) +
                      " (" + Hex(bytes.substr(offset, length)) + ")");
    } else if (reported == kMaxEncodingErrors) {
      // At the first of them, so that a listing sorted by place (glossa
      // check) shows it after the ones reported, not before them all.
      LineIndex::Position position = index->At(offset);
      diags.Error({std::string(name), position.line, position.column},
                  "more invalid UTF-8 follows from here (byte offset " +
                      std::to_string(offset) + "); not reported");
    }
    ++reported;
    start = offset + length;
  }
}

// The first element, in document order, nested deeper than kMaxXmlDepth,
// or an empty handle. A walk without recursion: it is what makes deeper
// documents harmless.
pugi::xml_node FirstTooDeep(const pugi::xml_document& document) {
  int depth = 0;  // of `node`: its ancestors below the document node
  for (pugi::xml_node node = document.first_child(); node;) {
    if (node.type() == pugi::node_element && depth >= kMaxXmlDepth) return node;
    if (node.first_child()) {
      node = node.first_child();
      ++depth;
      continue;
    }
    while (node && !node.next_sibling()) {
      node = node.parent();
      --depth;
    }
    if (node) node = node.next_sibling();
  }
  return {};
}

}  // namespace

Location XmlFile::At(std::size_t offset) const {
  LineIndex::Position position = lines_->At(offset);
  return {name_, position.line, position.column};
}

Location XmlFile::Where(pugi::xml_node element) const {
  ptrdiff_t offset = element.offset_debug();
  if (offset <= 0) return {name_, 0, 0};
  // offset_debug points at the name; the tag starts one byte earlier.
  return At(static_cast<std::size_t>(offset - 1));
}

Location XmlFile::WhereAttribute(pugi::xml_node element,
                                 const char* attribute) const {
  ptrdiff_t offset = element.offset_debug();
  if (offset <= 0) return {name_, 0, 0};
  std::size_t tag_end = text_.find('>', static_cast<std::size_t>(offset));
  std::string_view tag(text_.data() + offset,
                       (tag_end == std::string::npos ? text_.size() : tag_end) -
                           static_cast<std::size_t>(offset));
  std::size_t length = std::strlen(attribute);
  for (std::size_t at = tag.find(attribute); at != std::string_view::npos;
       at = tag.find(attribute, at + 1)) {
    bool starts_word =
        at > 0 && std::isspace(static_cast<unsigned char>(tag[at - 1]));
    std::size_t after = at + length;
    while (after < tag.size() &&
           std::isspace(static_cast<unsigned char>(tag[after])))
      ++after;
    if (starts_word && after < tag.size() && tag[after] == '=') {
      return At(static_cast<std::size_t>(offset) + at);
    }
  }
  return Where(element);
}

std::unique_ptr<XmlFile> LoadXml(std::string_view bytes, std::string_view name,
                                 Diagnostics& diags, unsigned parse_options) {
  std::unique_ptr<XmlFile> file(new XmlFile());
  file->name_ = std::string(name);
  if (bytes.empty()) {
    diags.Error({file->name_, 1, 1}, "file is empty");
    return nullptr;
  }

  // The byte order mark, then the declaration, decide the encoding.
  std::string encoding = "UTF-8";
  std::string_view body = bytes;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    body = bytes.substr(3);
  } else if (bytes.substr(0, 4) == std::string_view("\xFF\xFE\0\0", 4)) {
    encoding = "UTF-32LE";
    body = bytes.substr(4);
  } else if (bytes.substr(0, 4) == std::string_view("\0\0\xFE\xFF", 4)) {
    encoding = "UTF-32BE";
    body = bytes.substr(4);
  } else if (bytes.substr(0, 2) == "\xFF\xFE") {
    encoding = "UTF-16LE";
    body = bytes.substr(2);
  } else if (bytes.substr(0, 2) == "\xFE\xFF") {
    encoding = "UTF-16BE";
    body = bytes.substr(2);
  } else if (std::optional<DeclaredEncoding> declared =
                 FindDeclaredEncoding(bytes)) {
    if (!IsKnownCharset(declared->name)) {
      diags.Error(LocateInBytes(bytes, name, declared->offset),
                  "unknown encoding '" + declared->name + "'");
      return nullptr;
    }
    encoding = declared->name;
  }
  file->encoding_ = encoding;

  std::string lower = Lower(encoding);
  if (lower == "utf-8" || lower == "utf8") {
    RepairUtf8(body, name, diags, &file->text_);
  } else {
    std::size_t bad_offset = 0;
    std::string error;
    if (!DecodeToUtf8(body, encoding, &file->text_, &bad_offset, &error)) {
      std::size_t raw_offset =
          bad_offset + static_cast<std::size_t>(body.data() - bytes.data());
      diags.Error(LocateInBytes(bytes, name, raw_offset),
                  error + " at byte offset " + std::to_string(raw_offset));
      return nullptr;
    }
  }
  file->lines_ = std::make_unique<LineIndex>(file->text_);

  pugi::xml_parse_result result =
      file->document_.load_buffer(file->text_.data(), file->text_.size(),
                                  parse_options, pugi::encoding_utf8);
  if (!result) {
    std::string description = result.description();
    if (!description.empty()) {
      description[0] = static_cast<char>(
          std::tolower(static_cast<unsigned char>(description[0])));
    }
    diags.Error(file->At(static_cast<std::size_t>(
                    std::max<ptrdiff_t>(result.offset, 0))),
                "malformed XML: " + description);
    return nullptr;
  }
  int roots = 0;
  for (pugi::xml_node child : file->document_.children()) {
    if (child.type() != pugi::node_element) continue;
    if (++roots == 2) {
      diags.Error(file->Where(child), "malformed XML: a second root element <" +
                                          std::string(child.name()) + ">");
      return nullptr;
    }
  }
  if (pugi::xml_node deep = FirstTooDeep(file->document_)) {
    diags.Error(file->Where(deep), "<" + std::string(deep.name()) +
                                       "> is nested " +
                                       std::to_string(kMaxXmlDepth + 1) +
                                       " elements deep; glossa reads at most " +
                                       std::to_string(kMaxXmlDepth));
    return nullptr;
  }
  return file;
}

}  // namespace glossa
