#include "core/mapped_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace glossa {

std::unique_ptr<MappedFile> MappedFile::Open(const std::string& path,
                                             std::string* error) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *error = "cannot open '" + path + "': " + std::strerror(errno);
    return nullptr;
  }
  struct stat info;
  const char* reason = nullptr;
  if (::fstat(fd, &info) != 0)
    reason = std::strerror(errno);
  else if (!S_ISREG(info.st_mode))
    reason = "not a regular file";
  if (reason != nullptr) {
    ::close(fd);
    *error = "cannot map '" + path + "': " + reason;
    return nullptr;
  }
  std::size_t size = static_cast<std::size_t>(info.st_size);
  void* address = nullptr;
  if (size > 0) {
    address = ::mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0);
    if (address == MAP_FAILED) {
      *error = "cannot map '" + path + "': " + std::strerror(errno);
      ::close(fd);
      return nullptr;
    }
  }
  return std::unique_ptr<MappedFile>(
      new MappedFile(fd, address, size, Nanoseconds(info.st_mtim)));
}

MappedFile::MappedFile(int fd, void* address, std::size_t size,
                       std::int64_t mtime_ns)
    : fd_(fd),
      mtime_ns_(mtime_ns),
      address_(address),
      bytes_(static_cast<const char*>(address), address ? size : 0) {}

MappedFile::~MappedFile() {
  if (address_ != nullptr) ::munmap(address_, bytes_.size());
  ::close(fd_);
}

std::int64_t Nanoseconds(const struct timespec& t) {
  return std::int64_t{t.tv_sec} * 1'000'000'000 + t.tv_nsec;
}

std::int64_t NowNanoseconds() {
  struct timespec now;
  ::clock_gettime(CLOCK_REALTIME, &now);
  return Nanoseconds(now);
}

void MappedFile::MarkUsed() const {
  if (NowNanoseconds() - mtime_ns_ > kNanosecondsPerDay)
    ::futimens(fd_, nullptr);
}

bool MappedFile::ReadAt(std::size_t offset, std::size_t size, char* out) const {
  while (size > 0) {
    ssize_t got = ::pread(fd_, out, size, static_cast<off_t>(offset));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    out += got;
    offset += static_cast<std::size_t>(got);
    size -= static_cast<std::size_t>(got);
  }
  return true;
}

}  // namespace glossa
