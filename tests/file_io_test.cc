#include "core/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <sstream>
#include <string>
#include <thread>
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
  CHECK(Names(site) == std::vector<std::string>{".glossa-site", "index.html"});
  CHECK(testing::ReadOrFail(site + "/.glossa-site") ==
        "# glossa wrote this folder and replaces it whole when it writes it\n"
        "# again; it refuses to if the folder holds a file not listed here.\n"
        "index.html\n");
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

TEST_CASE("a folder of the user's own files is never replaced", "[file_io]") {
  std::string parent = testing::MakeTempDir();
  std::string error;
  // A folder glossa did not write.
  std::string mine = parent + "/thesis";
  REQUIRE(std::filesystem::create_directory(mine));
  REQUIRE(WriteFileAtomically(mine + "/thesis.txt", "my work", &error));
  CHECK_FALSE(WriteDirectoryAtomically(mine, {{"index.html", "x"}}, &error));
  CHECK(error == "cannot write '" + mine + "': it holds '" + mine +
                     "/thesis.txt', which glossa did not write; give a new "
                     "or empty folder, or move that file away first");
  CHECK(Names(mine) == std::vector<std::string>{"thesis.txt"});
  CHECK(testing::ReadOrFail(mine + "/thesis.txt") == "my work");
  // A site the user put a file into, deep down.
  std::string site = parent + "/site";
  REQUIRE(WriteDirectoryAtomically(site, {{"entries/a.html", "a"}}, &error));
  REQUIRE(WriteFileAtomically(site + "/entries/notes.md", "mine", &error));
  CHECK_FALSE(WriteDirectoryAtomically(site, {{"index.html", "x"}}, &error));
  CHECK(error == "cannot write '" + site + "': it holds '" + site +
                     "/entries/notes.md', which glossa did not write; give a "
                     "new or empty folder, or move that file away first");
  CHECK(testing::ReadOrFail(site + "/entries/notes.md") == "mine");
  CHECK(Names(parent) == std::vector<std::string>{"site", "thesis"});
  // An empty folder is taken.
  std::string empty = parent + "/empty";
  REQUIRE(std::filesystem::create_directory(empty));
  CHECK(WriteDirectoryAtomically(empty, {{"index.html", "x"}}, &error));
  CHECK(Names(empty) == std::vector<std::string>{".glossa-site", "index.html"});
}

TEST_CASE("a reader's cache in a folder glossa wrote goes with it",
          "[file_io]") {
  std::string parent = testing::MakeTempDir();
  std::string dict = parent + "/dict";
  std::string error;
  REQUIRE(WriteDirectoryAtomically(dict, {{"d.idx", "one"}}, &error,
                                   {"d.idx.oft"}));
  CHECK(testing::ReadOrFail(dict + "/.glossa-site") ==
        "# glossa wrote this folder and replaces it whole when it writes it\n"
        "# again; it refuses to if the folder holds a file not listed here.\n"
        "d.idx\n"
        "# Caches a reader may make of the files above (\"~ \" and the "
        "path):\n"
        "~ d.idx.oft\n");
  // As sdcv does on first opening the folder.
  REQUIRE(WriteFileAtomically(dict + "/d.idx.oft", "offsets", &error));
  REQUIRE(WriteDirectoryAtomically(dict, {{"d.idx", "two"}}, &error,
                                   {"d.idx.oft"}));
  CHECK(Names(dict) == std::vector<std::string>{".glossa-site", "d.idx"});
  CHECK(testing::ReadOrFail(dict + "/d.idx") == "two");
  // Only the caches named: another file is still the user's.
  REQUIRE(WriteFileAtomically(dict + "/d.idx.bak", "mine", &error));
  CHECK_FALSE(WriteDirectoryAtomically(dict, {{"d.idx", "three"}}, &error,
                                       {"d.idx.oft"}));
  CHECK(error == "cannot write '" + dict + "': it holds '" + dict +
                     "/d.idx.bak', which glossa did not write; give a new "
                     "or empty folder, or move that file away first");
}

TEST_CASE("a link to a site folder stays a link", "[file_io]") {
  std::string parent = testing::MakeTempDir();
  std::string error;
  REQUIRE(
      WriteDirectoryAtomically(parent + "/real", {{"a.html", "1"}}, &error));
  std::filesystem::create_directory_symlink("real", parent + "/link");
  REQUIRE(
      WriteDirectoryAtomically(parent + "/link", {{"b.html", "2"}}, &error));
  CHECK(std::filesystem::is_symlink(parent + "/link"));
  CHECK(Names(parent + "/real") ==
        std::vector<std::string>{".glossa-site", "b.html"});
}

TEST_CASE("a file the output replaces keeps its permissions", "[file_io]") {
  std::string path = testing::MakeTempDir() + "/out.tbx";
  std::string error;
  REQUIRE(WriteFileAtomically(path, "first", &error));
  REQUIRE(::chmod(path.c_str(), 0640) == 0);
  REQUIRE(WriteFileAtomically(path, "second", &error));
  struct stat info;
  REQUIRE(::stat(path.c_str(), &info) == 0);
  CHECK((info.st_mode & 07777) == 0640);
}

TEST_CASE("an output link to a file stays a link; the file is replaced",
          "[file_io]") {
  std::string dir = testing::MakeTempDir();
  std::string error;
  REQUIRE(WriteFileAtomically(dir + "/target.tbx", "old", &error));
  std::filesystem::create_symlink("target.tbx", dir + "/link.tbx");
  REQUIRE(WriteFileAtomically(dir + "/link.tbx", "new", &error));
  CHECK(std::filesystem::is_symlink(dir + "/link.tbx"));
  CHECK(testing::ReadOrFail(dir + "/target.tbx") == "new");
  // A dangling link: the file it names is made.
  std::filesystem::create_symlink("made.tbx", dir + "/dangling.tbx");
  REQUIRE(WriteFileAtomically(dir + "/dangling.tbx", "made", &error));
  CHECK(std::filesystem::is_symlink(dir + "/dangling.tbx"));
  CHECK(testing::ReadOrFail(dir + "/made.tbx") == "made");
  CHECK(Names(dir) == std::vector<std::string>{"dangling.tbx", "link.tbx",
                                               "made.tbx", "target.tbx"});
}

TEST_CASE("an output FIFO is written into, not replaced", "[file_io]") {
  std::string fifo = testing::MakeTempDir() + "/pipe";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  std::string read, read_error;
  std::thread reader([&] { ReadFile(fifo, &read, &read_error); });
  std::string error;
  bool written = WriteFileAtomically(fifo, "through the pipe", &error);
  reader.join();
  CHECK(written);
  CHECK(read == "through the pipe");
  struct stat info;
  REQUIRE(::lstat(fifo.c_str(), &info) == 0);
  CHECK(S_ISFIFO(info.st_mode));
}

TEST_CASE("an output under /proc or /dev is appended to, as a shell would",
          "[file_io]") {
  // `glossa export -o /dev/stdout >> log`: stdout is a file opened for
  // appending; what was in it stays, and it stays the same file.
  std::string log = testing::MakeTempDir() + "/log";
  std::string error;
  REQUIRE(WriteFileAtomically(log, "before\n", &error));
  struct stat before;
  REQUIRE(::stat(log.c_str(), &before) == 0);
  int fd = ::open(log.c_str(), O_WRONLY | O_APPEND);
  REQUIRE(fd >= 0);
  std::string through = "/proc/self/fd/" + std::to_string(fd);
  CHECK(WriteFileAtomically(through, "after\n", &error));
  ::close(fd);
  CHECK(testing::ReadOrFail(log) == "before\nafter\n");
  struct stat after;
  REQUIRE(::stat(log.c_str(), &after) == 0);
  CHECK(after.st_ino == before.st_ino);
  // A character device stays one.
  CHECK(WriteFileAtomically("/dev/null", "nothing", &error));
  REQUIRE(::lstat("/dev/null", &after) == 0);
  CHECK(S_ISCHR(after.st_mode));
}

TEST_CASE("a directory is no output file", "[file_io]") {
  std::string dir = testing::MakeTempDir();
  std::string error;
  CHECK_FALSE(WriteFileAtomically(dir, "x", &error));
  CHECK(error == "cannot write '" + dir + "': Is a directory");
  CHECK(Names(dir).empty());
}

TEST_CASE("standard input has the size limit files have", "[file_io]") {
  std::istringstream small("12345678");
  std::string contents, error;
  CHECK(ReadStream(small, "<stdin>", &contents, &error, 8));
  CHECK(contents == "12345678");
  std::istringstream large("123456789");
  CHECK_FALSE(ReadStream(large, "<stdin>", &contents, &error, 8));
  CHECK(error ==
        "cannot read '<stdin>': input is too large (the limit is 8 "
        "bytes)");
  CHECK(contents.empty());
}

TEST_CASE("a linked file must be a regular file", "[file_io]") {
  std::string fifo = testing::MakeTempDir() + "/edition.xml";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  std::string contents, error;
  CHECK_FALSE(ReadRegularFile(fifo, &contents, &error));
  CHECK(error == "cannot read '" + fifo + "': not a regular file");
  CHECK_FALSE(ReadRegularFile("/dev/zero", &contents, &error));
  CHECK(error == "cannot read '/dev/zero': not a regular file");
}

}  // namespace
}  // namespace glossa
