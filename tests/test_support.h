// Helpers shared by the tests: reading the third-party data beside the
// checkout, running the command line in process, and golden files.

#ifndef GLOSSA_TESTS_TEST_SUPPORT_H_
#define GLOSSA_TESTS_TEST_SUPPORT_H_

#include <map>
#include <memory>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "core/dictionary_open.h"
#include "core/edition_index.h"

namespace glossa::testing {

// The path of a file under ../shared/ (e.g.
// "data/tbx/ltac-test-files/min_bad.tbx").
std::string SharedPath(const std::string& relative);
// The contents of a file under ../shared/; fails the test, naming the path,
// if it is missing.
std::string ReadShared(const std::string& relative);
// The contents of any file; fails the test, naming the path, if it cannot be
// read.
std::string ReadOrFail(const std::string& path);

// The built-in glossary's folder in the source tree.
std::string DataDir();

// The built-in glossary read against the built-in edition, as `glossa`
// reads them from the source tree (names as the CLI shows them), and the
// site built from them; made once per test process.
struct BuiltInData {
  Glossary glossary;
  Document document;
  std::unique_ptr<EditionIndex> index;
  std::map<std::string, std::string> site;  // path -> contents
};
const BuiltInData& BuiltIn();
// The built-in glossary alone, read once per test process (without the
// edition and the site BuiltIn() builds), with no diagnostics.
const Glossary& BuiltInGlossary();

struct RunResult {
  int status = 0;
  std::string out;
  std::string err;
};
// Runs glossa in process with the built-in data and no colour, as if from
// the source tree's top folder.
RunResult RunGlossa(const std::vector<std::string>& args);

// Compares `actual` with tests/golden/<name>. With GLOSSA_UPDATE_GOLDEN=1 in
// the environment it writes `actual` there instead (then review the diff).
void CheckGolden(const std::string& name, const std::string& actual);

// Every diagnostic, formatted as glossa prints it ("x.tbx:3:1: error: ...").
std::vector<std::string> Messages(const Diagnostics& diags);

// Generated hostile input. `levels` elements `name`, each inside the one
// before, around `inside`: "<hi><hi>deep</hi></hi>".
std::string NestedElements(const std::string& name, int levels,
                           const std::string& inside);
// A TBX-Basic (v3) file with one entry "a" (English term "x") that holds
// `inside` at concept level, on line 5.
std::string TbxEntryHolding(const std::string& inside);
// A TEI edition whose body holds `divisions` sections, each inside the one
// before and the n-th starting line n + 2, the innermost holding the
// paragraph "deep": "Zhengxin wird hier erklärt.".
std::string NestedEdition(int divisions);

// Where scripts/install-deps puts CC-CEDICT and Ding. When either is
// missing: nullopt and a warning, so that a test of them can return; but a
// failure under CI (CI=true), where .ci/run has installed them, so that the
// test cannot pass there without running.
std::optional<DictionaryPlaces> InstalledDictionaryPlaces();

// A fresh empty folder under the system's temporary folder, removed with
// all it holds when the test process ends.
std::string MakeTempDir();

// Runs a shell command; returns its exit status and fills *output with what
// it printed (stdout and stderr).
int RunCommand(const std::string& command, std::string* output);

// The <article> of an entry page of a built site, as XML (it holds no
// void elements), white space kept as it is in the page.
pugi::xml_document EntryArticle(const std::string& page);

// The text content of a node, as the DOM's textContent is.
std::string TextContent(pugi::xml_node node);

}  // namespace glossa::testing

#endif  // GLOSSA_TESTS_TEST_SUPPORT_H_
