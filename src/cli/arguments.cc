#include "cli/arguments.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "cli/command.h"
#include "core/lookup.h"
#include "core/unicode.h"

namespace glossa::cli {
namespace {

constexpr const char* kTryHelp = "Try 'glossa --help' for more information.";

}  // namespace

std::optional<std::string> Nearest(const std::string& typed,
                                   const std::vector<std::string>& candidates) {
  std::u32string wanted = CodePoints(typed);
  int limit = std::max(1, static_cast<int>(wanted.size()) / 3);
  std::optional<std::string> best;
  int best_distance = limit + 1;
  for (const std::string& candidate : candidates) {
    int distance = EditDistance(wanted, CodePoints(candidate), limit);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

std::vector<std::string> OptionNames(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* level = &app; level != nullptr;
       level = level->get_parent()) {
    for (const CLI::Option* option : level->get_options()) {
      for (const std::string& name : option->get_lnames())
        names.push_back("--" + name);
      for (const std::string& name : option->get_snames())
        names.push_back("-" + name);
    }
  }
  return names;
}

// glossa's own options (--glossary, --document, --color) may stand anywhere;
// CLI11 takes them after a command's name but then loses the command's
// positional arguments that follow, so they are moved to the front.
std::vector<std::string> GlobalOptionsFirst(
    const CLI::App& app, const std::vector<std::string>& args) {
  std::vector<std::string> global, rest;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") {
      rest.insert(rest.end(), args.begin() + static_cast<std::ptrdiff_t>(i),
                  args.end());
      break;
    }
    const CLI::Option* option = nullptr;
    std::string name = arg.substr(0, arg.find('='));
    if (name.rfind("--", 0) == 0) {
      for (const CLI::Option* candidate : app.get_options()) {
        for (const std::string& long_name : candidate->get_lnames()) {
          if ("--" + long_name == name) option = candidate;
        }
      }
    }
    if (option == nullptr || option->get_type_size() == 0) {
      if (option != nullptr) {
        global.push_back(arg);
      } else {
        rest.push_back(arg);
      }
      continue;
    }
    global.push_back(arg);
    if (arg.find('=') == std::string::npos && i + 1 < args.size())
      global.push_back(args[++i]);
  }
  global.insert(global.end(), rest.begin(), rest.end());
  return global;
}

int UsageError(std::ostream& err, const std::string& message) {
  err << "glossa: error: " << message << '\n' << kTryHelp << '\n';
  return kError;
}

// "Could not convert" -> "could not convert"; "QUERY is required" stays.
std::string LowerFirst(std::string text) {
  bool acronym =
      text.size() > 1 && std::isupper(static_cast<unsigned char>(text[1]));
  if (!text.empty() && !acronym)
    text[0] =
        static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  return text;
}

}  // namespace glossa::cli
