// What the command line needs to know about the world it runs in: the
// data folder, the terminal, standard input. Main() finds it; Run() and the
// commands (command.h) read it. Internal to the command-line layer, apart
// from Run()'s callers (cli.h).

#ifndef GLOSSA_CLI_ENVIRONMENT_H_
#define GLOSSA_CLI_ENVIRONMENT_H_

#include <iosfwd>
#include <string>

#include "core/dictionary_open.h"

namespace glossa {

// What Run() needs to know about the world it runs in.
struct Environment {
  // The folder with the built-in data (social-credit.tbx, the edition).
  std::string data_dir;
  // Whether `out` is a terminal, and whether NO_COLOR is set: together they
  // decide --color=auto.
  bool out_is_terminal = false;
  bool no_color = false;
  int terminal_width = 80;
  // Shown instead of absolute paths under it (usually the current folder).
  std::string working_dir;
  // Standard input, for "glossa import -"; null when there is none.
  std::istream* in = nullptr;
  // The German word list `glossa import` judges words with (Debian's
  // wngerman), unless --wordlist names others.
  std::string wordlist = "/usr/share/dict/ngerman";
  // Where the general dictionaries are installed (README: "General
  // dictionaries"). Empty, as in tests, unless Main() finds them: then
  // lookup uses none unless --dict names one.
  DictionaryPlaces dictionaries;
  // The folder of compiled dictionary indexes (dictionary_cache.h), from
  // $XDG_CACHE_HOME or $HOME; empty, as in tests unless they set it: large
  // dictionaries are then read into memory each time.
  std::string dictionary_cache;
  // What tells this glossa executable from another build, for the edition
  // cache's key (edition_cache.h): its size and modification time. Empty,
  // as in tests.
  std::string build;
  // Whether the process ends when Run() returns (Main() sets it; tests,
  // which call Run() many times, do not): then a command may leave what it
  // loaded to the end of the process (KeepUntilExit, command.h).
  bool ends_process = false;
};

}  // namespace glossa

#endif  // GLOSSA_CLI_ENVIRONMENT_H_
