// The edge where glossa touches the file system: whole-file reads and
// atomic writes. Parsers never read files themselves; they take the bytes
// this module returns and the file's name.

#ifndef GLOSSA_CORE_FILE_IO_H_
#define GLOSSA_CORE_FILE_IO_H_

#include <cstddef>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace glossa {

// Files larger than this are refused rather than read into memory.
inline constexpr std::size_t kMaxInputBytes = std::size_t{512} << 20;

// Reads the whole file at `path` into *contents. On failure returns false and
// sets *error to a message naming the file and the reason, e.g.
//   cannot open 'x.tbx': No such file or directory
//   cannot read 'glossary': Is a directory
// "-" is not special here; callers decide what it means.
bool ReadFile(const std::string& path, std::string* contents,
              std::string* error);

// Opens `path` for reading as a stream, for inputs too large to read whole.
// Returns nullptr, with *error set as ReadFile sets it, for a missing or
// unreadable file or a directory.
std::unique_ptr<std::istream> OpenStream(const std::string& path,
                                         std::string* error);

// Writes `contents` to a temporary file beside `path`, flushes it, and
// renames it over `path`, so readers see the old file or the new one and
// never half of either. On failure returns false, sets *error, and leaves
// `path` untouched.
bool WriteFileAtomically(const std::string& path, std::string_view contents,
                         std::string* error);

// A file to write into a folder: its path relative to the folder ("a/b.html",
// no "..") and its contents.
struct SiteFile {
  std::string path;
  std::string contents;
};

// Writes `files` into a new temporary folder beside `dir`, then puts it in
// the place of `dir` (an existing `dir` is moved aside and removed only once
// the new one stands), so `dir` is always either the old folder, whole, or
// the new one. On failure returns false, sets *error ("cannot write
// 'site/index.html': ..."), removes the temporary folder and leaves `dir`
// untouched. A `dir` that exists and is not a folder is an error.
bool WriteDirectoryAtomically(const std::string& dir,
                              const std::vector<SiteFile>& files,
                              std::string* error);

}  // namespace glossa

#endif  // GLOSSA_CORE_FILE_IO_H_
