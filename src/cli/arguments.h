// What Run() does with the command line beyond what CLI11 does: glossa's
// own options accepted anywhere, the nearest name offered for a mistyped
// one, and usage errors in one form. Internal to the command-line layer.

#ifndef GLOSSA_CLI_ARGUMENTS_H_
#define GLOSSA_CLI_ARGUMENTS_H_

#include <CLI/CLI.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace glossa::cli {

// Prints "glossa: error: <message>" and the line that points to --help;
// returns the exit status of an error.
int UsageError(std::ostream& err, const std::string& message);

// CLI11's message with a lower-case start, as our messages have, unless it
// starts with a name in capitals: "QUERY is required" stays.
std::string LowerFirst(std::string text);

// The name in `candidates` closest to `typed`, if it is close enough to be
// what the user meant.
std::optional<std::string> Nearest(const std::string& typed,
                                   const std::vector<std::string>& candidates);

// Every option name `app` and the apps above it accept ("--output", "-o").
std::vector<std::string> OptionNames(const CLI::App& app);

// `args` with glossa's own options (those of `app`) moved to the front,
// each with its value, so that they may stand after the command's name.
std::vector<std::string> GlobalOptionsFirst(
    const CLI::App& app, const std::vector<std::string>& args);

}  // namespace glossa::cli

#endif  // GLOSSA_CLI_ARGUMENTS_H_
