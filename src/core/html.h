// HTML built as a tree, so that text from a glossary or a document can only
// ever be written escaped.
//
// The tree is a pugixml document: elements are added with El(), text with
// AddText() (or the `text` argument of El()), never as markup. WriteHtml()
// serialises it for HTML parsers, which XML serialisation does not do:
// void elements (br, img, input, link, meta, ...) are written without an
// end tag and may not have children; every other element gets one, even
// when empty (an HTML parser reads "<a/>" as an open <a>). Text and
// attribute values are escaped (& < > " and '); a <script> or <style>
// element may not hold text (glossa's scripts and styles are files), and an
// attempt is a bug that throws std::logic_error.
//
// URLs that come from data go through SafeUrl() before they become an href.
//
//   pugi::xml_document page;
//   pugi::xml_node body = El(page, "body");
//   El(body, "p", "<script> stays text", {{"class", "note"}});
//   std::string html = WriteHtml(page);  // "<!DOCTYPE html>\n<body>..."

#ifndef GLOSSA_CORE_HTML_H_
#define GLOSSA_CORE_HTML_H_

#include <initializer_list>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <utility>

namespace glossa {

using HtmlAttributes =
    std::initializer_list<std::pair<std::string_view, std::string_view>>;

// Appends an element `name` to `parent` with the given attributes and, if
// `text` is not empty, a text child. Returns the new element.
pugi::xml_node El(pugi::xml_node parent, std::string_view name,
                  std::string_view text = {}, HtmlAttributes attributes = {});

// Appends text to `parent`.
void AddText(pugi::xml_node parent, std::string_view text);

// Sets (or replaces) an attribute.
void SetAttribute(pugi::xml_node element, std::string_view name,
                  std::string_view value);

// The document as HTML, starting with "<!DOCTYPE html>". Throws
// std::logic_error for a void element with children or a script or style
// element with text: both are bugs of the caller.
std::string WriteHtml(const pugi::xml_document& document);
// The same without "<!DOCTYPE html>": a fragment for HTML inside another
// format (an Anki field, a StarDict description).
std::string WriteHtmlFragment(const pugi::xml_document& fragment);

// `url` if it is safe to link to: http, https or mailto, or a relative
// reference (no scheme); "" otherwise ("javascript:alert(1)", "data:...",
// "vbscript:"). Leading and embedded control characters and white space,
// which browsers strip before reading a scheme, make a URL unsafe too.
std::string SafeUrl(std::string_view url);

}  // namespace glossa

#endif  // GLOSSA_CORE_HTML_H_
