// What `glossa qa` prints: each problem as a located warning and a summary
// line per file, or one JSON object (a public interface, see the README).

#ifndef GLOSSA_CLI_QA_VIEW_H_
#define GLOSSA_CLI_QA_VIEW_H_

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "core/bilingual.h"
#include "core/qa.h"

namespace glossa {

// One file glossa qa read (or tried to).
struct QaFileResult {
  std::string name;   // as shown in messages
  bool read = false;  // false: an error kept it from being checked
  BilingualFile file;
  QaReport report;
};

// "file:line:column: warning: segment ID: [missing] …" per problem, then
// "file: N segments checked, M skipped, K problems" per file read.
void PrintQa(const std::vector<QaFileResult>& results, std::ostream& out);

// {"files": […], "problems": […], "summary": {…}}.
nlohmann::ordered_json QaJson(const std::vector<QaFileResult>& results);

// "missing", "deprecated", "inconsistent".
std::string_view QaKindName(QaKind kind);

}  // namespace glossa

#endif  // GLOSSA_CLI_QA_VIEW_H_
