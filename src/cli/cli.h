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

#include "cli/environment.h"

namespace glossa {

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
