// ReadBilingual: which format a file is, the helpers the readers share, and
// the TSV reader (the XML formats are in bilingual_xliff.cc and
// bilingual_tmx.cc, PO in bilingual_po.cc).

#include "core/bilingual.h"

#include <cctype>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/bilingual_internal.h"
#include "core/unicode.h"
#include "core/xml_input.h"

namespace glossa {
namespace bilingual {
namespace {

char Lower(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

// Elements whose content is native code or that hold no text.
bool IsCode(std::string_view name) {
  std::size_t colon = name.find(':');
  if (colon != std::string_view::npos) name.remove_prefix(colon + 1);
  for (std::string_view code : {"ph", "bpt", "ept", "it", "ut", "x", "bx", "ex",
                                "sc", "ec", "sm", "em"}) {
    if (name == code) return true;
  }
  return false;
}

void AppendCodePoint(std::string_view hex, std::string* out) {
  if (hex.empty() || hex.size() > 6) return;
  char32_t c = 0;
  for (char digit : hex) {
    if (!std::isxdigit(static_cast<unsigned char>(digit))) return;
    c = c * 16 + static_cast<char32_t>(std::isdigit(digit)
                                           ? digit - '0'
                                           : Lower(digit) - 'a' + 10);
  }
  if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return;
  out->append(FromCodePoints(std::u32string(1, c)));
}

void AppendText(pugi::xml_node element, std::string* out) {
  for (pugi::xml_node child : element.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      out->append(child.value());
    } else if (child.type() == pugi::node_element) {
      std::string_view name = child.name();
      if (name == "cp") {
        AppendCodePoint(child.attribute("hex").value(), out);
      } else if (!IsCode(name)) {
        AppendText(child, out);  // nesting is bounded by kMaxXmlDepth
      }
    }
  }
}

// The first character data inside `element` that is not left out as code.
pugi::xml_node FirstText(pugi::xml_node element) {
  for (pugi::xml_node child : element.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      if (*child.value() != '\0') return child;
    } else if (child.type() == pugi::node_element && !IsCode(child.name())) {
      if (pugi::xml_node text = FirstText(child)) return text;
    }
  }
  return {};
}

// Reads TSV: one segment per non-empty line, source TAB target.
void ReadTsv(std::string_view text, const std::string& name,
             BilingualFile* out) {
  out->format = "tsv";
  LineIndex index(text);
  std::size_t start = 0;
  int line = 0;
  while (start < text.size()) {
    ++line;
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view row = text.substr(start, end - start);
    if (!row.empty() && row.back() == '\r') row.remove_suffix(1);
    if (!row.empty()) {
      Segment segment;
      segment.id = std::to_string(line);
      segment.source_at = {name, line, 1};
      std::size_t tab = row.find('\t');
      segment.source = std::string(row.substr(0, tab));
      if (tab == std::string_view::npos) {
        segment.skipped = SkipReason::kNotTranslatable;
      } else {
        std::string_view target = row.substr(tab + 1);
        target = target.substr(0, target.find('\t'));
        segment.target = std::string(target);
        LineIndex::Position at = index.At(start + tab + 1);
        segment.target_at = {name, at.line, at.column};
        if (segment.target.empty()) segment.skipped = SkipReason::kUntranslated;
      }
      out->segments.push_back(std::move(segment));
    }
    start = end + 1;
  }
}

bool LooksLikePo(std::string_view text) {
  for (std::string_view start : {"msgid ", "msgid\t", "#~ msgid "}) {
    if (text.substr(0, start.size()) == start) return true;
    if (text.find("\n" + std::string(start)) != std::string_view::npos)
      return true;
  }
  return false;
}

// The charset a PO header declares ("" if none, or the template's
// placeholder "CHARSET").
std::string PoCharset(std::string_view text) {
  std::size_t at = text.substr(0, 8192).find("charset=");
  if (at == std::string_view::npos) return "";
  std::size_t begin = at + 8, end = begin;
  while (end < text.size() &&
         (std::isalnum(static_cast<unsigned char>(text[end])) ||
          text[end] == '-' || text[end] == '_'))
    ++end;
  std::string charset(text.substr(begin, end - begin));
  std::string lower;
  for (char c : charset) lower += Lower(c);
  if (lower == "charset" || lower == "utf-8" || lower == "utf8" ||
      lower == "ascii" || lower == "us-ascii")
    return "";
  return charset;
}

// Turns the bytes of a PO or TSV file into UTF-8 text: decoded from the
// charset a PO header declares, else checked as UTF-8. A located error and
// false when they cannot be.
bool DecodeText(std::string_view bytes, const std::string& name, bool po,
                Diagnostics& diags, std::string* text) {
  std::string charset = po ? PoCharset(bytes) : "";
  if (!charset.empty()) {
    std::size_t bad = 0;
    std::string error;
    if (DecodeToUtf8(bytes, charset, text, &bad, &error)) return true;
    if (!IsKnownCharset(charset)) {
      // At the name, which PoCharset found after the first "charset=".
      const LineIndex::Position at =
          LineIndex(bytes).At(bytes.find("charset=") + 8);
      diags.Error(
          {name, at.line, at.column},
          "unknown charset '" + charset + "' in the PO header's Content-Type");
      return false;
    }
    LineIndex::Position at = LineIndex(bytes.substr(0, bad)).At(bad);
    diags.Error({name, at.line, at.column}, error);
    return false;
  }
  if (std::optional<std::size_t> bad = FindInvalidUtf8(bytes)) {
    LineIndex::Position at = LineIndex(bytes).At(*bad);
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X",
                  static_cast<unsigned char>(bytes[*bad]));
    diags.Error({name, at.line, at.column},
                "invalid UTF-8 at byte offset " + std::to_string(*bad) + " (" +
                    hex + "); " + (po ? "a PO file" : "a TSV file") +
                    " is read as UTF-8" +
                    (po ? " unless its header names a charset" : ""));
    return false;
  }
  *text = std::string(bytes);
  return true;
}

bool ReadXml(std::string_view bytes, const std::string& name,
             std::string_view target_lang, Diagnostics& diags,
             BilingualFile* out) {
  std::unique_ptr<XmlFile> file =
      LoadXml(bytes, name, diags, pugi::parse_default | pugi::parse_ws_pcdata);
  if (!file) return false;
  pugi::xml_node root = file->root();
  std::string_view root_name = root.name();
  if (root_name == "tmx") return ReadTmx(*file, target_lang, diags, out);
  if (root_name != "xliff") {
    diags.Error(file->Where(root),
                "not a bilingual file: the root element is <" +
                    std::string(root_name) + ">, not <xliff> or <tmx>");
    return false;
  }
  std::string_view version = root.attribute("version").value();
  std::string_view ns = root.attribute("xmlns").value();
  if (version.substr(0, 2) == "2." ||
      (version.empty() && ns == "urn:oasis:names:tc:xliff:document:2.0"))
    return ReadXliff20(*file, target_lang, diags, out);
  if (version.substr(0, 2) == "1." || version.empty())
    return ReadXliff12(*file, target_lang, diags, out);
  diags.Error(file->WhereAttribute(root, "version"),
              "XLIFF version " + std::string(version) +
                  " is not read; glossa reads XLIFF 1.2 and 2.0");
  return false;
}

}  // namespace

std::string NormaliseLanguage(std::string_view code) {
  code = code.substr(0, code.find_first_of(".@"));
  std::string out(code);
  for (char& c : out) {
    if (c == '_') c = '-';
  }
  return out;
}

bool SameLanguage(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (a.empty()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return a.size() == b.size() || b[a.size()] == '-' || b[a.size()] == '_';
}

std::string InlineText(pugi::xml_node element) {
  std::string text;
  AppendText(element, &text);
  return text;
}

Location TextStart(const XmlFile& file, pugi::xml_node element) {
  pugi::xml_node text = FirstText(element);
  if (!text || text.offset_debug() < 0) return file.Where(element);
  return file.At(static_cast<std::size_t>(text.offset_debug()));
}

}  // namespace bilingual

bool ReadBilingual(std::string_view bytes, const std::string& name,
                   std::string_view target_lang, Diagnostics& diags,
                   BilingualFile* file) {
  *file = BilingualFile();
  file->name = name;
  std::string_view rest = bytes;
  if (rest.substr(0, 3) == "\xEF\xBB\xBF") rest.remove_prefix(3);
  bool utf16 =
      bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF";
  std::size_t first = rest.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) {
    diags.Error({name, 1, 1}, "file is empty");
    return false;
  }
  if (utf16 || rest[first] == '<')
    return bilingual::ReadXml(bytes, name, target_lang, diags, file);
  bool po = bilingual::LooksLikePo(rest);
  std::string text;
  if (!bilingual::DecodeText(rest, name, po, diags, &text)) return false;
  if (po) return bilingual::ReadPo(text, name, diags, file);
  bilingual::ReadTsv(text, name, file);
  return true;
}

}  // namespace glossa
