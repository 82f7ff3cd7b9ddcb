#include "core/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <stdexcept>
#include <string>

namespace glossa {
namespace {

std::string Quote(std::string_view path) {
  return "'" + std::string(path) + "'";
}

std::string Reason(int error_number) { return std::strerror(error_number); }

class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  // Closes now and reports whether closing worked (it can fail on NFS).
  bool Close() {
    int fd = fd_;
    fd_ = -1;
    return ::close(fd) == 0;
  }

 private:
  int fd_;
};

// Writes all of `contents` to `fd`; false with errno set on failure.
bool WriteAll(int fd, std::string_view contents) {
  const char* data = contents.data();
  std::size_t left = contents.size();
  while (left > 0) {
    ssize_t n = ::write(fd, data, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace

namespace {

std::string TooLarge(std::string_view name) {
  return "cannot read " + Quote(name) + ": input is too large (the limit is " +
         std::to_string(kMaxInputBytes >> 20) + " MiB)";
}

// ReadFile and ReadRegularFile. O_NONBLOCK keeps open() from waiting for the
// writer of a FIFO that is then refused; it changes nothing for a file.
bool ReadWhole(const std::string& path, bool regular_only,
               std::string* contents, std::string* error) {
  int flags = O_RDONLY | O_CLOEXEC | (regular_only ? O_NONBLOCK : 0);
  FileDescriptor fd(::open(path.c_str(), flags));
  if (fd.get() < 0) {
    *error = "cannot open " + Quote(path) + ": " + Reason(errno);
    return false;
  }
  struct stat info;
  if (::fstat(fd.get(), &info) != 0) {
    *error = "cannot read " + Quote(path) + ": " + Reason(errno);
    return false;
  }
  if (S_ISDIR(info.st_mode)) {
    *error = "cannot read " + Quote(path) + ": " + Reason(EISDIR);
    return false;
  }
  if (regular_only && !S_ISREG(info.st_mode)) {
    *error = "cannot read " + Quote(path) + ": not a regular file";
    return false;
  }
  if (S_ISREG(info.st_mode) &&
      static_cast<std::size_t>(info.st_size) > kMaxInputBytes) {
    *error = "cannot read " + Quote(path) + ": file is too large (" +
             std::to_string(info.st_size) + " bytes; the limit is " +
             std::to_string(kMaxInputBytes >> 20) + " MiB)";
    return false;
  }
  // Straight into the string: a regular file's size is known, and one
  // byte more lets the read that finds its end need no room of its own.
  // (Through a buffer, reading the built-in glossary and edition was a
  // tenth of a lookup's instructions.)
  std::size_t used = 0;
  std::size_t room = S_ISREG(info.st_mode)
                         ? static_cast<std::size_t>(info.st_size) + 1
                         : std::size_t{1} << 16;
  contents->clear();
  for (;;) {
    if (used == contents->size())
      contents->resize(
          std::min(used + std::max(room, used), kMaxInputBytes + 1));
    ssize_t n =
        ::read(fd.get(), contents->data() + used, contents->size() - used);
    if (n < 0) {
      if (errno == EINTR) continue;
      contents->clear();
      *error = "cannot read " + Quote(path) + ": " + Reason(errno);
      return false;
    }
    if (n == 0) break;
    used += static_cast<std::size_t>(n);
    if (used > kMaxInputBytes) {
      contents->clear();
      *error = TooLarge(path);
      return false;
    }
  }
  contents->resize(used);
  return true;
}

}  // namespace

bool ReadFile(const std::string& path, std::string* contents,
              std::string* error) {
  return ReadWhole(path, false, contents, error);
}

bool ReadRegularFile(const std::string& path, std::string* contents,
                     std::string* error) {
  return ReadWhole(path, true, contents, error);
}

bool ReadStream(std::istream& in, std::string_view name, std::string* contents,
                std::string* error, std::size_t limit) {
  contents->clear();
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    std::size_t n = static_cast<std::size_t>(in.gcount());
    if (contents->size() + n > limit) {
      contents->clear();
      *error = "cannot read " + Quote(name) +
               ": input is too large (the limit is " +
               (limit >= (std::size_t{1} << 20)
                    ? std::to_string(limit >> 20) + " MiB)"
                    : std::to_string(limit) + " bytes)");
      return false;
    }
    contents->append(buffer, n);
  }
  if (in.bad()) {
    *error = "cannot read " + Quote(name);
    return false;
  }
  return true;
}

std::unique_ptr<std::istream> OpenStream(const std::string& path,
                                         std::string* error) {
  struct stat info;
  if (::stat(path.c_str(), &info) != 0) {
    *error = "cannot open " + Quote(path) + ": " + Reason(errno);
    return nullptr;
  }
  if (S_ISDIR(info.st_mode)) {
    *error = "cannot read " + Quote(path) + ": " + Reason(EISDIR);
    return nullptr;
  }
  auto stream = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*stream) {
    *error = "cannot open " + Quote(path) + ": " + Reason(errno);
    return nullptr;
  }
  return stream;
}

namespace {

// Whether `path` lies under /dev/ or /proc/, where a name stands for a
// device or an open file (/dev/stdout, /proc/self/fd/1), not for a file to
// replace.
bool IsSystemPath(const std::string& path) {
  std::error_code code;
  std::string absolute =
      std::filesystem::absolute(path, code).lexically_normal().string();
  return absolute.starts_with("/dev/") || absolute.starts_with("/proc/");
}

// Opens `path` with `flags` added to O_WRONLY and writes `contents` into
// what it names.
bool WriteThrough(const std::string& path, int flags, std::string_view contents,
                  std::string* error) {
  FileDescriptor fd(::open(path.c_str(), O_WRONLY | O_CLOEXEC | flags, 0666));
  if (fd.get() < 0 || !WriteAll(fd.get(), contents) || !fd.Close()) {
    *error = "cannot write " + Quote(path) + ": " + Reason(errno);
    return false;
  }
  return true;
}

// Writes a new file beside `path` and renames it over `path`; the new file
// gets `mode`.
bool ReplaceFile(const std::string& path, std::string_view contents,
                 mode_t mode, std::string* error) {
  std::string temp = path + ".tmp-XXXXXX";
  FileDescriptor fd(::mkstemp(temp.data()));
  if (fd.get() < 0) {
    *error = "cannot write " + Quote(path) + ": " + Reason(errno);
    return false;
  }
  auto fail = [&](int error_number) {
    ::unlink(temp.c_str());
    *error = "cannot write " + Quote(path) + ": " + Reason(error_number);
    return false;
  };
  if (!WriteAll(fd.get(), contents)) return fail(errno);
  if (::fchmod(fd.get(), mode) != 0) return fail(errno);
  if (::fsync(fd.get()) != 0) return fail(errno);
  if (!fd.Close()) return fail(errno);
  if (::rename(temp.c_str(), path.c_str()) != 0) return fail(errno);
  return true;
}

}  // namespace

bool WriteFileAtomically(const std::string& path, std::string_view contents,
                         std::string* error) {
  if (IsSystemPath(path)) return WriteThrough(path, O_APPEND, contents, error);
  std::string target = path;
  struct stat info;
  if (::lstat(path.c_str(), &info) == 0 && S_ISLNK(info.st_mode)) {
    std::unique_ptr<char, decltype(&std::free)> real(
        ::realpath(path.c_str(), nullptr), &std::free);
    if (real == nullptr)  // dangling: create the file the link names
      return WriteThrough(path, O_CREAT | O_TRUNC, contents, error);
    target = real.get();
    if (IsSystemPath(target))
      return WriteThrough(path, O_APPEND, contents, error);
  }
  if (::stat(target.c_str(), &info) != 0) {
    // Nothing there yet: mkstemp makes files 0600, a written file is an
    // ordinary one.
    mode_t mask = ::umask(0);
    ::umask(mask);
    return ReplaceFile(target, contents, 0666 & ~mask, error);
  }
  if (S_ISDIR(info.st_mode)) {
    *error = "cannot write " + Quote(path) + ": " + Reason(EISDIR);
    return false;
  }
  if (!S_ISREG(info.st_mode))
    return WriteThrough(target, O_TRUNC, contents, error);
  return ReplaceFile(target, contents, info.st_mode & 07777, error);
}

namespace {

// How a manifest's line names a reader's cache (file_io.h).
constexpr std::string_view kReaderCache = "~ ";

// The manifest of a folder that holds `files`.
std::string Manifest(const std::vector<SiteFile>& files,
                     const std::vector<std::string>& reader_caches) {
  std::string out =
      "# glossa wrote this folder and replaces it whole when it writes it\n"
      "# again; it refuses to if the folder holds a file not listed here.\n";
  for (const SiteFile& file : files) out += file.path + "\n";
  if (!reader_caches.empty())
    out +=
        "# Caches a reader may make of the files above (\"~ \" and the "
        "path):\n";
  for (const std::string& cache : reader_caches)
    out += std::string(kReaderCache) + cache + "\n";
  return out;
}

// Why replacing the folder `dir` would lose something the user has, or ""
// when it would not: it is empty, or its manifest lists every file in it.
std::string WhatWouldBeLost(const std::string& dir) {
  namespace fs = std::filesystem;
  std::set<std::string, std::less<>> listed;
  std::string manifest, unused;
  if (ReadRegularFile(dir + "/" + std::string(kFolderManifest), &manifest,
                      &unused)) {
    std::size_t begin = 0;
    while (begin < manifest.size()) {
      std::size_t end = manifest.find('\n', begin);
      if (end == std::string::npos) end = manifest.size();
      std::string_view line(manifest.data() + begin, end - begin);
      if (line.starts_with(kReaderCache))
        line.remove_prefix(kReaderCache.size());
      if (!line.empty() && line[0] != '#') listed.emplace(line);
      begin = end + 1;
    }
  }
  std::error_code code;
  fs::recursive_directory_iterator it(dir, code), end;
  for (; !code && it != end; it.increment(code)) {
    if (it->symlink_status(code).type() == fs::file_type::directory) continue;
    std::string relative = it->path().lexically_relative(dir).generic_string();
    if (relative == kFolderManifest || listed.count(relative)) continue;
    return "it holds " + Quote(dir + "/" + relative) +
           ", which glossa did not write; give a new or empty folder, or "
           "move that file away first";
  }
  if (code) return "cannot look into it: " + code.message();
  return "";
}

}  // namespace

bool WriteDirectoryAtomically(const std::string& given,
                              const std::vector<SiteFile>& files,
                              std::string* error,
                              const std::vector<std::string>& reader_caches) {
  namespace fs = std::filesystem;
  std::error_code code;
  // "site/" names the folder "site"; a link to a folder stays a link.
  std::string dir = given;
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  if (fs::is_symlink(fs::symlink_status(dir, code))) {
    fs::path real = fs::canonical(dir, code);
    if (!code && fs::is_directory(real, code)) dir = real.string();
  }
  fs::file_status status = fs::status(dir, code);
  const bool exists = fs::exists(status);
  if (exists && !fs::is_directory(status)) {
    *error = "cannot write " + Quote(dir) + ": " + Reason(ENOTDIR);
    return false;
  }
  std::string parent = fs::path(dir).parent_path().string();
  std::string name = fs::path(dir).filename().string();
  if (name.empty() || name == "." || name == "..") {
    *error = "cannot write " + Quote(dir) + ": not a folder name";
    return false;
  }
  if (exists) {
    std::string lost = WhatWouldBeLost(dir);
    if (!lost.empty()) {
      *error = "cannot write " + Quote(dir) + ": " + lost;
      return false;
    }
  }
  std::string temp =
      (parent.empty() ? "" : parent + "/") + "." + name + ".tmp-XXXXXX";
  if (::mkdtemp(temp.data()) == nullptr) {
    *error = "cannot write " + Quote(dir) + ": " + Reason(errno);
    return false;
  }
  auto fail = [&](const std::string& what, int error_number) {
    fs::remove_all(temp, code);
    *error = "cannot write " + Quote(what) + ": " + Reason(error_number);
    return false;
  };
  mode_t mask = ::umask(0);
  ::umask(mask);
  if (::chmod(temp.c_str(), 0777 & ~mask) != 0) return fail(dir, errno);
  auto write = [&](const std::string& path, std::string_view contents) {
    fs::path relative(path);
    for (const fs::path& part : relative) {
      if (part == ".." || relative.is_absolute())
        throw std::logic_error("WriteDirectoryAtomically: bad path " + path);
    }
    std::string shown = dir + "/" + path;
    fs::path target = fs::path(temp) / relative;
    fs::create_directories(target.parent_path(), code);
    if (code) return fail(shown, code.value());
    FileDescriptor fd(
        ::open(target.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666 & ~mask));
    if (fd.get() < 0) return fail(shown, errno);
    if (!WriteAll(fd.get(), contents) || ::fsync(fd.get()) != 0 || !fd.Close())
      return fail(shown, errno);
    return true;
  };
  for (const SiteFile& file : files)
    if (!write(file.path, file.contents)) return false;
  if (!write(std::string(kFolderManifest), Manifest(files, reader_caches)))
    return false;
  if (!exists) {
    if (::rename(temp.c_str(), dir.c_str()) != 0) return fail(dir, errno);
    return true;
  }
  // Swap the new folder with the old in one step, then remove the old.
  if (::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, dir.c_str(),
                  RENAME_EXCHANGE) != 0)
    return fail(dir, errno);
  fs::remove_all(temp, code);
  return true;
}

}  // namespace glossa
