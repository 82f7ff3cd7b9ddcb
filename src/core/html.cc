#include "core/html.h"

#include <algorithm>
#include <array>
#include <stdexcept>

#include "core/uri.h"

namespace glossa {
namespace {

constexpr std::array<std::string_view, 14> kVoidElements = {
    "area",  "base", "br",   "col",    "embed", "hr",  "img",
    "input", "link", "meta", "source", "track", "wbr", "param"};

bool IsVoid(std::string_view name) {
  return std::find(kVoidElements.begin(), kVoidElements.end(), name) !=
         kVoidElements.end();
}

void Escape(std::string_view text, bool attribute, std::string* out) {
  for (char c : text) {
    switch (c) {
      case '&':
        *out += "&amp;";
        break;
      case '<':
        *out += "&lt;";
        break;
      case '>':
        *out += "&gt;";
        break;
      case '"':
        *out += attribute ? "&quot;" : "\"";
        break;
      case '\'':
        *out += attribute ? "&#39;" : "'";
        break;
      default:
        *out += c;
    }
  }
}

void Write(pugi::xml_node node, std::string* out) {
  if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
    Escape(node.value(), false, out);
    return;
  }
  if (node.type() != pugi::node_element) {
    for (pugi::xml_node child : node.children()) Write(child, out);
    return;
  }
  std::string_view name = node.name();
  *out += '<';
  *out += name;
  for (pugi::xml_attribute attribute : node.attributes()) {
    *out += ' ';
    *out += attribute.name();
    *out += "=\"";
    Escape(attribute.value(), true, out);
    *out += '"';
  }
  *out += '>';
  if (IsVoid(name)) {
    if (node.first_child())
      throw std::logic_error("html: void element <" + std::string(name) +
                             "> has children");
    return;
  }
  if ((name == "script" || name == "style") && node.first_child())
    throw std::logic_error("html: <" + std::string(name) + "> holds text");
  for (pugi::xml_node child : node.children()) Write(child, out);
  *out += "</";
  *out += name;
  *out += '>';
  // Block-level elements end a line, so the source stays readable and diffs
  // stay small; inline ones do not, which would add white space.
  static constexpr std::array<std::string_view, 22> kBlocks = {
      "html",   "head",  "body", "p",   "div",    "section",   "ul",   "ol",
      "li",     "h1",    "h2",   "h3",  "header", "footer",    "main", "aside",
      "figure", "table", "tr",   "nav", "title",  "blockquote"};
  if (std::find(kBlocks.begin(), kBlocks.end(), name) != kBlocks.end())
    *out += '\n';
}

}  // namespace

pugi::xml_node El(pugi::xml_node parent, std::string_view name,
                  std::string_view text, HtmlAttributes attributes) {
  pugi::xml_node element = parent.append_child(std::string(name).c_str());
  for (const auto& [key, value] : attributes) SetAttribute(element, key, value);
  if (!text.empty()) AddText(element, text);
  return element;
}

void AddText(pugi::xml_node parent, std::string_view text) {
  if (text.empty()) return;
  parent.append_child(pugi::node_pcdata).set_value(std::string(text).c_str());
}

void SetAttribute(pugi::xml_node element, std::string_view name,
                  std::string_view value) {
  std::string key(name);
  pugi::xml_attribute attribute = element.attribute(key.c_str());
  if (!attribute) attribute = element.append_attribute(key.c_str());
  attribute.set_value(std::string(value).c_str());
}

std::string WriteHtmlFragment(const pugi::xml_document& fragment) {
  std::string out;
  for (pugi::xml_node child : fragment.children()) Write(child, &out);
  return out;
}

std::string WriteHtml(const pugi::xml_document& document) {
  return "<!DOCTYPE html>\n" + WriteHtmlFragment(document);
}

std::string SafeUrl(std::string_view url) {
  for (char c : url) {
    auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7f) return "";
  }
  std::string scheme = UriScheme(url);
  if (scheme.empty() || scheme == "http" || scheme == "https" ||
      scheme == "mailto")
    return std::string(url);
  return "";
}

}  // namespace glossa
