// glossa check and glossa import: commands that work on files of the
// user's rather than on the loaded glossary and edition, each in a file of
// its own (check_command.cc, import_command.cc), as export and qa are.
// Internal to the command-line layer; kCommands (cli.cc) lists them.

#ifndef GLOSSA_CLI_FILE_COMMANDS_H_
#define GLOSSA_CLI_FILE_COMMANDS_H_

#include <CLI/CLI.hpp>
#include <ostream>

#include "cli/command.h"
#include "cli/environment.h"

namespace glossa::cli {

// glossa check: validates TBX files and what their links point to.
void AddCheckOptions(CLI::App* check, Options& options);
int Check(const Options& options, const Environment& env, std::ostream& out,
          std::ostream& err);

// glossa import: text extracted from a PDF to a TEI edition.
void AddImportOptions(CLI::App* import, Options& options);
int Import(const Options& options, const Environment& env, std::ostream& out,
           std::ostream& err);

}  // namespace glossa::cli

#endif  // GLOSSA_CLI_FILE_COMMANDS_H_
