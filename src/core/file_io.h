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
// A FIFO or a device is read like a file, to its end or the size limit.
// "-" is not special here; callers decide what it means.
bool ReadFile(const std::string& path, std::string* contents,
              std::string* error);

// As ReadFile, for a path glossa did not get from the user (a file a
// glossary links to): only a regular file is read. A FIFO, a device, a
// socket or a directory is refused without waiting for a writer
// ("cannot read 'a': not a regular file").
bool ReadRegularFile(const std::string& path, std::string* contents,
                     std::string* error);

// Reads `in` to its end into *contents, as ReadFile reads a file, with the
// same size limit (`limit` bytes; tests lower it): standard input is no
// way around it. On failure returns false and sets *error
// ("cannot read '<stdin>': input is too large (the limit is 512 MiB)").
bool ReadStream(std::istream& in, std::string_view name, std::string* contents,
                std::string* error, std::size_t limit = kMaxInputBytes);

// Opens `path` for reading as a stream, for inputs too large to read whole.
// Returns nullptr, with *error set as ReadFile sets it, for a missing or
// unreadable file or a directory.
std::unique_ptr<std::istream> OpenStream(const std::string& path,
                                         std::string* error);

// Writes `contents` to `path`. A regular file, or a path where nothing is
// yet, is written atomically: a temporary file beside it, flushed, then
// renamed over it, so readers see the old file or the new one and never
// half of either; an existing file keeps its permissions. A symbolic link to
// a regular file stays a link, and the file it names is replaced the same
// way. Anything else is written through, never replaced: a FIFO, a device,
// a socket, a dangling link (which creates the file it names), and every
// path under /dev/ or /proc/ (/dev/stdout, /proc/self/fd/1), which is
// opened for appending, so `-o /dev/stdout >> log` adds to the log. On
// failure returns false, sets *error ("cannot write 'x': Is a directory"),
// and leaves a regular file untouched.
bool WriteFileAtomically(const std::string& path, std::string_view contents,
                         std::string* error);

// A file to write into a folder: its path relative to the folder ("a/b.html",
// no "..") and its contents.
struct SiteFile {
  std::string path;
  std::string contents;
};

// The file WriteDirectoryAtomically adds to every folder it writes: a
// comment, then the path of each file it wrote, one per line, then each
// reader's cache it allows (below), one per line after "~ ". It is how a
// later write knows that a folder, and everything in it, is glossa's.
// (A line's meaning never changes: older glossa reads "~ x" as a file "~ x"
// that is never there, which is harmless.)
inline constexpr std::string_view kFolderManifest = ".glossa-site";

// Writes `files`, and the manifest listing them, into a new temporary folder
// beside `dir`, then puts it in the place of `dir` (an existing `dir` is
// moved aside and removed only once the new one stands), so `dir` is always
// either the old folder, whole, or the new one.
//
// An existing `dir` is replaced only when nothing would be lost: when it is
// empty, or when its manifest lists every file in it. A folder of the
// user's own, or a site the user added a file to, is refused ("cannot write
// 'site': it holds 'site/thesis.txt', which glossa did not write; ...").
// A `dir` that is a symbolic link to a folder stays a link; the folder it
// names is replaced. On failure returns false, sets *error ("cannot write
// 'site/index.html': ..."), removes the temporary folder and leaves `dir`
// untouched. A `dir` that exists and is not a folder is an error.
//
// `reader_caches`: paths of files that a program reading the folder may add
// beside `files`, made from them alone (sdcv writes NAME.idx.oft the first
// time it opens a dictionary). They are not the user's: a later write
// replaces the folder although they are there, and they go with it.
bool WriteDirectoryAtomically(
    const std::string& dir, const std::vector<SiteFile>& files,
    std::string* error, const std::vector<std::string>& reader_caches = {});

}  // namespace glossa

#endif  // GLOSSA_CORE_FILE_IO_H_
