#include "core/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "test_support.h"

namespace glossa {
namespace {

TEST_CASE("reading a missing file names the file and the reason", "[file_io]") {
  std::string contents, error;
  CHECK_FALSE(ReadFile("/nonexistent/x.tbx", &contents, &error));
  CHECK(error == "cannot open '/nonexistent/x.tbx': No such file or directory");
}

TEST_CASE("reading a directory is an error, not an empty file", "[file_io]") {
  std::string dir = testing::MakeTempDir();
  std::string contents, error;
  CHECK_FALSE(ReadFile(dir, &contents, &error));
  CHECK(error == "cannot read '" + dir + "': Is a directory");
}

TEST_CASE("a file over the size limit is refused without reading it",
          "[file_io]") {
  // A sparse file: large on paper, no disk space used.
  std::string path = testing::MakeTempDir() + "/huge.tbx";
  int fd = ::open(path.c_str(), O_CREAT | O_WRONLY, 0644);
  REQUIRE(fd >= 0);
  REQUIRE(::ftruncate(fd, static_cast<off_t>(kMaxInputBytes) + 1) == 0);
  ::close(fd);
  std::string contents, error;
  CHECK_FALSE(ReadFile(path, &contents, &error));
  CHECK(error == "cannot read '" + path + "': file is too large (" +
                     std::to_string(kMaxInputBytes + 1) +
                     " bytes; the limit is 512 MiB)");
  CHECK(contents.empty());
}

TEST_CASE("an atomic write replaces the file and leaves nothing beside it",
          "[file_io]") {
  std::string dir = testing::MakeTempDir();
  std::string path = dir + "/out.tbx";
  std::string error;
  REQUIRE(WriteFileAtomically(path, "first", &error));
  REQUIRE(WriteFileAtomically(path, "second", &error));
  CHECK(testing::ReadOrFail(path) == "second");
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    (void)entry;
    ++files;
  }
  CHECK(files == 1);
  struct stat info;
  REQUIRE(::stat(path.c_str(), &info) == 0);
  CHECK((info.st_mode & 0044) == 0044);  // readable by others, like any file
}

TEST_CASE("a write that cannot happen leaves the old file alone", "[file_io]") {
  std::string error;
  CHECK_FALSE(WriteFileAtomically("/nonexistent/dir/out.tbx", "x", &error));
  CHECK(error ==
        "cannot write '/nonexistent/dir/out.tbx': No such file or directory");
}

// The names in a folder, sorted.
std::vector<std::string> Names(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    out.push_back(entry.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

TEST_CASE("a folder is written whole and replaces the old one", "[file_io]") {
  std::string parent = testing::MakeTempDir();
  std::string site = parent + "/site";
  std::string error;
  REQUIRE(WriteDirectoryAtomically(
      site, {{"index.html", "one"}, {"entries/a.html", "a"}}, &error));
  CHECK(testing::ReadOrFail(site + "/entries/a.html") == "a");
  REQUIRE(
      WriteDirectoryAtomically(site + "/", {{"index.html", "two"}}, &error));
  CHECK(testing::ReadOrFail(site + "/index.html") == "two");
  // The old folder's files are gone with it, and nothing is left beside it.
  CHECK(Names(site) == std::vector<std::string>{"index.html"});
  CHECK(Names(parent) == std::vector<std::string>{"site"});
}

TEST_CASE("a folder that cannot be written leaves the old one untouched",
          "[file_io]") {
  std::string parent = testing::MakeTempDir();
  std::string site = parent + "/site";
  std::string error;
  REQUIRE(WriteDirectoryAtomically(site, {{"index.html", "old"}}, &error));
  // "index.html/x" cannot be made once index.html is a file.
  CHECK_FALSE(WriteDirectoryAtomically(
      site, {{"index.html", "new"}, {"index.html/x.html", "x"}}, &error));
  CHECK(error.rfind("cannot write '" + site + "/index.html/x.html': ", 0) == 0);
  CHECK(testing::ReadOrFail(site + "/index.html") == "old");
  CHECK(Names(parent) == std::vector<std::string>{"site"});

  std::string file = parent + "/plain";
  REQUIRE(WriteFileAtomically(file, "keep", &error));
  CHECK_FALSE(WriteDirectoryAtomically(file, {{"index.html", "x"}}, &error));
  CHECK(error == "cannot write '" + file + "': Not a directory");
  CHECK(testing::ReadOrFail(file) == "keep");
}

}  // namespace
}  // namespace glossa
