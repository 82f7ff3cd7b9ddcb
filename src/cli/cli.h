// The glossa command line: the flag table, command dispatch and output.
//
// Run() is the whole program minus the process: it takes the arguments
// and the streams, so tests call it in process and compare what it writes.
// Exit status follows grep: 0 success (found, clean), 1 nothing found or
// problems found by a checker, 2 an error (usage, unreadable input).

#ifndef GLOSSA_CLI_CLI_H_
#define GLOSSA_CLI_CLI_H_

#include <iosfwd>
#include <string>
#include <vector>

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
};

// Runs glossa with `args` (without the program name).
//
//   std::ostringstream out, err;
//   int status = Run({"lookup", "zhengxin"}, out, err, env);
int Run(const std::vector<std::string>& args, std::ostream& out,
        std::ostream& err, const Environment& env);

// Finds the environment of this process (the data folder next to the
// executable or in the source tree, the terminal) and calls Run().
int Main(int argc, char** argv);

}  // namespace glossa

#endif  // GLOSSA_CLI_CLI_H_
