#include "core/diagnostics.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace glossa {

std::string FormatDiagnostic(const Diagnostic& diagnostic) {
  std::string out = diagnostic.location.file;
  if (diagnostic.location.line > 0) {
    out += ':' + std::to_string(diagnostic.location.line);
    if (diagnostic.location.column > 0) {
      out += ':' + std::to_string(diagnostic.location.column);
    }
  }
  out += diagnostic.severity == Severity::kError ? ": error: " : ": warning: ";
  out += diagnostic.message;
  return out;
}

void Diagnostics::Error(Location location, std::string message) {
  all_.push_back({std::move(location), Severity::kError, std::move(message)});
  ++errors_;
}

void Diagnostics::Warning(Location location, std::string message) {
  all_.push_back({std::move(location), Severity::kWarning, std::move(message)});
  ++warnings_;
}

void Diagnostics::Add(Diagnostic diagnostic) {
  ++(diagnostic.severity == Severity::kError ? errors_ : warnings_);
  all_.push_back(std::move(diagnostic));
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  // memchr rather than a test of each byte: every XML file read is indexed
  // so, the built-in glossary's 1.5 MB at every run.
  const char* begin = text.data();
  const char* end = begin + text.size();
  for (const char* at = begin; at < end; ++at) {
    at = static_cast<const char*>(std::memchr(at, '\n', end - at));
    if (at == nullptr) break;
    line_starts_.push_back(static_cast<std::size_t>(at - begin) + 1);
  }
}

LineIndex::Position LineIndex::At(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  auto next =
      std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  std::size_t line = static_cast<std::size_t>(next - line_starts_.begin());
  std::size_t start = line_starts_[line - 1];
  int column = 1;
  for (std::size_t i = start; i < offset; ++i) {
    // Count every byte that is not a UTF-8 continuation byte.
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  }
  return {static_cast<int>(line), column};
}

}  // namespace glossa
