// A file mapped read-only into memory (POSIX mmap), for the dictionary
// index: the kernel pages in what a lookup touches, and every process that
// maps the same index shares one copy in the page cache.
//
// A mapped file must not be truncated while it is mapped (reading past its
// new end would raise SIGBUS). glossa never writes a file in place: it
// writes a new one and renames it over the old one, which leaves existing
// mappings on the old file.

#ifndef GLOSSA_CORE_MAPPED_FILE_H_
#define GLOSSA_CORE_MAPPED_FILE_H_

#include <time.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace glossa {

// Not copyable (it owns the mapping); unmaps on destruction.
// File times, in nanoseconds since the epoch as stat(2) gives them: `t` as
// one number, and the time now. The cache (dictionary_cache.h) compares
// them.
inline constexpr std::int64_t kNanosecondsPerDay =
    std::int64_t{86'400} * 1'000'000'000;
std::int64_t Nanoseconds(const struct timespec& t);
std::int64_t NowNanoseconds();

class MappedFile {
 public:
  // Maps the regular file at `path`. Returns nullptr and sets *error
  // ("cannot open 'x': No such file or directory", "cannot map 'x': not a
  // regular file") on failure. An empty file maps to an empty view.
  static std::unique_ptr<MappedFile> Open(const std::string& path,
                                          std::string* error);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  // The file's bytes; valid while this object lives.
  std::string_view bytes() const { return bytes_; }

  // Reads `size` bytes from `offset` into `out` with pread, not through the
  // mapping: a pass over the whole file (a checksum) then leaves its pages
  // in the page cache without making them resident in this process. False
  // on a read error or a short read.
  bool ReadAt(std::size_t offset, std::size_t size, char* out) const;

  // Sets the file's modification time to now when it was more than a day
  // old at Open: a cache file's modification time says when it was last
  // used, which is what PruneCache (dictionary_cache.h) goes by. At most
  // one write of the file's metadata a day, not one per run. A file that
  // cannot be touched (read-only, not ours) is left as it is.
  void MarkUsed() const;

 private:
  MappedFile(int fd, void* address, std::size_t size, std::int64_t mtime_ns);
  int fd_;
  std::int64_t mtime_ns_;  // when it was last modified, as Open found it
  void* address_;
  std::string_view bytes_;
};

}  // namespace glossa

#endif  // GLOSSA_CORE_MAPPED_FILE_H_
