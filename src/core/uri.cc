#include "core/uri.h"

#include "core/unicode.h"

namespace glossa {
namespace {

bool IsAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Percent-decodes `text` into *out; false at a "%" not followed by two hex
// digits.
bool PercentDecode(std::string_view text, std::string* out) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out->push_back(text[i]);
      continue;
    }
    if (i + 2 >= text.size()) return false;
    int high = HexValue(text[i + 1]);
    int low = HexValue(text[i + 2]);
    if (high < 0 || low < 0) return false;
    out->push_back(static_cast<char>(high * 16 + low));
    i += 2;
  }
  return true;
}

}  // namespace

std::string UriScheme(std::string_view reference) {
  std::size_t colon = reference.find(':');
  if (colon == std::string_view::npos || colon == 0 || !IsAlpha(reference[0]))
    return "";
  std::string scheme;
  for (char c : reference.substr(0, colon)) {
    bool ok = IsAlpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' ||
              c == '.';
    if (!ok) return "";
    scheme.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a')
                                          : c);
  }
  return scheme;
}

bool IsRelativeReference(std::string_view reference) {
  return UriScheme(reference).empty();
}

bool StaysInFolder(std::string_view path) {
  if (path.empty() || path[0] == '/') return false;
  int depth = 0;
  while (!path.empty()) {
    std::size_t slash = path.find('/');
    std::string_view part = path.substr(0, slash);
    if (part == "..") {
      if (--depth < 0) return false;
    } else if (!part.empty() && part != ".") {
      ++depth;
    }
    path = slash == std::string_view::npos ? "" : path.substr(slash + 1);
  }
  return true;
}

EditionTarget ParseEditionTarget(std::string_view reference) {
  EditionTarget out;
  std::size_t hash = reference.find('#');
  out.file = std::string(reference.substr(0, hash));
  if (hash == std::string_view::npos) return out;
  out.has_fragment = true;
  std::string_view fragment = reference.substr(hash + 1);
  out.fragment = std::string(fragment);
  std::size_t delimiter = fragment.find(":~:");
  out.id = std::string(fragment.substr(0, delimiter));
  if (delimiter == std::string_view::npos) return out;
  std::string_view directive = fragment.substr(delimiter + 3);
  constexpr std::string_view kText = "text=";
  if (directive.substr(0, kText.size()) != kText) {
    out.error = "glossa reads only a text directive (text=...), not '" +
                std::string(directive) + "'";
    return out;
  }
  std::string_view start = directive.substr(kText.size());
  // The spec's other parts (prefix-, ,textEnd, ,-suffix) and further
  // directives (&...) are separated by these; in textStart they are escaped.
  if (start.find_first_of(",&") != std::string_view::npos ||
      (!start.empty() && start.back() == '-')) {
    out.error =
        "glossa reads only text=START, without a prefix, an end, a "
        "suffix or a second directive: '" +
        std::string(directive) + "'";
    return out;
  }
  std::string quote;
  if (!PercentDecode(start, &quote)) {
    out.error = "bad percent escape in '" + std::string(start) + "'";
  } else if (FindInvalidUtf8(quote)) {
    out.error = "the text directive '" + std::string(start) +
                "' does not decode to UTF-8";
  } else if (quote.empty()) {
    out.error = "the text directive is empty";
  } else {
    out.quote = std::move(quote);
  }
  return out;
}

}  // namespace glossa
