#include "core/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
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

bool ReadFile(const std::string& path, std::string* contents,
              std::string* error) {
  FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
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
  if (S_ISREG(info.st_mode) &&
      static_cast<std::size_t>(info.st_size) > kMaxInputBytes) {
    *error = "cannot read " + Quote(path) + ": file is too large (" +
             std::to_string(info.st_size) + " bytes; the limit is " +
             std::to_string(kMaxInputBytes >> 20) + " MiB)";
    return false;
  }
  contents->clear();
  char buffer[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      *error = "cannot read " + Quote(path) + ": " + Reason(errno);
      return false;
    }
    if (n == 0) break;
    if (contents->size() + static_cast<std::size_t>(n) > kMaxInputBytes) {
      *error = "cannot read " + Quote(path) +
               ": file is too large (the limit is " +
               std::to_string(kMaxInputBytes >> 20) + " MiB)";
      return false;
    }
    contents->append(buffer, static_cast<std::size_t>(n));
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

bool WriteFileAtomically(const std::string& path, std::string_view contents,
                         std::string* error) {
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
  // mkstemp creates the file 0600; a written glossary is an ordinary file.
  mode_t mask = ::umask(0);
  ::umask(mask);
  if (::fchmod(fd.get(), 0666 & ~mask) != 0) return fail(errno);
  if (::fsync(fd.get()) != 0) return fail(errno);
  if (!fd.Close()) return fail(errno);
  if (::rename(temp.c_str(), path.c_str()) != 0) return fail(errno);
  return true;
}

bool WriteDirectoryAtomically(const std::string& given,
                              const std::vector<SiteFile>& files,
                              std::string* error) {
  namespace fs = std::filesystem;
  std::error_code code;
  // "site/" names the folder "site".
  std::string dir = given;
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
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
  for (const SiteFile& file : files) {
    fs::path relative(file.path);
    for (const fs::path& part : relative) {
      if (part == ".." || relative.is_absolute())
        throw std::logic_error("WriteDirectoryAtomically: bad path " +
                               file.path);
    }
    std::string shown = dir + "/" + file.path;
    fs::path target = fs::path(temp) / relative;
    fs::create_directories(target.parent_path(), code);
    if (code) return fail(shown, code.value());
    FileDescriptor fd(
        ::open(target.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666 & ~mask));
    if (fd.get() < 0) return fail(shown, errno);
    if (!WriteAll(fd.get(), file.contents) || ::fsync(fd.get()) != 0 ||
        !fd.Close())
      return fail(shown, errno);
  }
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
