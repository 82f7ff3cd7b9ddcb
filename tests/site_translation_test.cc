// translation.html, read as the HTML it is: one row per translated block,
// the terms linked on both sides as the report links them, and the qa
// findings of tests/data/translation/report-sample.en.xlf (an English
// translation of the key findings and §2.1 with two planted problems)
// marked where they stand. tests/browser/translation.test.mjs checks the
// same page in a real browser.

#include <catch2/catch.hpp>
#include <map>
#include <pugixml.hpp>
#include <string>
#include <utility>
#include <vector>

#include "core/site.h"
#include "core/translation.h"
#include "test_support.h"

namespace glossa {
namespace {

constexpr char kFixture[] = "translation/report-sample.en.xlf";

std::string FixtureBytes() {
  return testing::ReadOrFail(std::string(GLOSSA_TEST_DATA) + "/" + kFixture);
}

// The fixture (or `bytes`) read against the built-in report.
Translation ReadFixture(const std::string& bytes = FixtureBytes()) {
  Translation translation;
  Diagnostics diags;
  REQUIRE(ReadTranslation(*testing::BuiltIn().index, bytes, kFixture, diags,
                          &translation));
  CHECK(testing::Messages(diags).empty());
  return translation;
}

std::map<std::string, std::string> SiteWith(const Translation& translation) {
  std::map<std::string, std::string> files;
  for (SiteFile& file : BuildSite(*testing::BuiltIn().index, &translation))
    files[file.path] = std::move(file.contents);
  return files;
}

// The <main> element of a page, parsed (it holds no void elements, so it
// reads as XML).
struct Main {
  explicit Main(const std::string& html) {
    std::size_t begin = html.find("<main");
    std::size_t end = html.find("</main>");
    REQUIRE(begin != std::string::npos);
    REQUIRE(end != std::string::npos);
    std::string main = html.substr(begin, end + 7 - begin);
    pugi::xml_parse_result parsed = document.load_string(main.c_str());
    INFO(parsed.description() << " at byte " << parsed.offset);
    REQUIRE(parsed);
  }
  pugi::xml_node Select(const std::string& xpath) const {
    return document.select_node(xpath.c_str()).node();
  }
  pugi::xml_document document;
};

std::string Text(pugi::xml_node node) {
  std::string out;
  for (pugi::xpath_node text : node.select_nodes(".//text()"))
    out += text.node().value();
  return out;
}

// The terms an element links, in order: "entry-id text".
std::vector<std::string> Links(pugi::xml_node node) {
  std::vector<std::string> out;
  for (pugi::xpath_node a : node.select_nodes(".//a[@class='term']"))
    out.push_back(std::string(a.node().attribute("data-entry").value()) + " " +
                  Text(a.node()));
  return out;
}

std::string Row(const std::string& id) {
  return "//div[@class='pair'][@id='" + id + "']";
}

const QaProblem& OnlyProblem(const Translation& translation, QaKind kind) {
  const QaProblem* found = nullptr;
  for (const QaProblem& problem : translation.qa.problems) {
    if (problem.kind != kind) continue;
    REQUIRE(found == nullptr);
    found = &problem;
  }
  REQUIRE(found != nullptr);
  return *found;
}

TEST_CASE("translation.html has a row per translated block, in report order",
          "[site][translation]") {
  const Translation translation = ReadFixture();
  const Main page(SiteWith(translation).at("translation.html"));
  std::vector<std::string> rows;
  for (pugi::xpath_node row :
       page.document.select_nodes("//div[@class='pair']"))
    rows.push_back(row.node().attribute("id").value());
  CHECK(rows == std::vector<std::string>{"kf", "kf.1", "kf.2", "kf.3", "kf.4",
                                         "kf.5", "kf.6", "kf.7", "kf.8", "s2.1",
                                         "s2.1.p1", "s2.1.p2", "s2.1.p3",
                                         "s2.1.p4", "s2.1.q1"});
  std::size_t translated_blocks = 0;
  for (std::size_t b = 0; b < testing::BuiltIn().index->blocks().size(); ++b)
    translated_blocks += TranslationOf(translation, b).parts.empty() ? 0 : 1;
  CHECK(rows.size() == translated_blocks);
  // Every translated sentence stands in its row, under its unit's id.
  CHECK(page.document.select_nodes("//span[@class='unit']").size() == 36);
  CHECK(Text(page.Select(Row("kf.1") + "//span[@id='u-kf.1.s2']")) ==
        "The state wants to create a central pool of data on citizens and "
        "companies in order to monitor them, subject them to credit "
        "evaluation and influence their behaviour through rewards and "
        "punishments.");
  CHECK(Text(page.Select("//p[@class='summary']/span[@data-ui='en']")) ==
        "36 of 365 sentences translated, 3 qa findings");
  CHECK(Text(page.Select("//p[@class='summary']/code[1]")) ==
        "report-sample.en.xlf");
  CHECK(Text(page.Select("//p[@class='summary']/code[2]")) == "en");
  CHECK(page.Select(Row("kf.1") + "/div[@class='side source']")
            .attribute("lang")
            .value() == std::string("de"));
  CHECK(page.Select(Row("kf.1") + "/div[@class='side target']")
            .attribute("lang")
            .value() == std::string("en"));
}

TEST_CASE("the planted deprecated rendering is marked where it stands",
          "[site][translation]") {
  const Translation translation = ReadFixture();
  const QaProblem& deprecated = OnlyProblem(translation, QaKind::kDeprecated);
  CHECK(deprecated.segment == "s2.1.p1.s2");
  CHECK(deprecated.message.rfind(
            "segment s2.1.p1.s2: [deprecated] \"social credit score\" "
            "(Bonitätswert, not in the source) is to avoid: implies one "
            "nationwide score per person",
            0) == 0);
  const Main page(SiteWith(translation).at("translation.html"));
  pugi::xpath_node_set marks = page.document.select_nodes("//mark");
  REQUIRE(marks.size() == 1);
  pugi::xml_node mark =
      page.Select(Row("s2.1.p1") + "//span[@id='u-s2.1.p1.s2']/mark");
  REQUIRE(mark == marks.first().node());
  CHECK(mark.attribute("class").value() == std::string("qa qa-deprecated"));
  CHECK(Text(mark) == "social credit score");
  CHECK(mark.attribute("title").value() == deprecated.message);
  // Described by the note after the sentence, which shows the message.
  std::string note_id = mark.attribute("aria-describedby").value();
  pugi::xml_node note = page.Select("//span[@id='" + note_id + "']");
  CHECK(note.attribute("class").value() ==
        std::string("finding finding-deprecated"));
  CHECK(note.previous_sibling() == page.Select("//span[@id='u-s2.1.p1.s2']"));
  CHECK(Text(note.child("span").find_child_by_attribute("data-ui", "en")) ==
        "Deprecated:");
  CHECK(Text(note.find_child_by_attribute("class", "qa-message")) ==
        deprecated.message);
  // The rendering is a link to its (deprecated) entry as well.
  pugi::xml_node term = mark.child("a");
  CHECK(term.attribute("class").value() == std::string("term deprecated"));
  CHECK(term.attribute("href").value() ==
        std::string("entries/xinyong-fen.html"));
}

TEST_CASE("the planted missing term is noted after its sentence",
          "[site][translation]") {
  const Translation translation = ReadFixture();
  const QaProblem& missing = OnlyProblem(translation, QaKind::kMissing);
  CHECK(missing.message ==
        "segment kf.5.s2: [missing] Datenaustausch → expected \"information "
        "sharing\" (or: \"data exchange\"); target has none");
  const Main page(SiteWith(translation).at("translation.html"));
  pugi::xpath_node_set notes =
      page.document.select_nodes("//span[@class='finding finding-missing']");
  REQUIRE(notes.size() == 1);
  pugi::xml_node note = notes.first().node();
  CHECK(note.attribute("role").value() == std::string("note"));
  CHECK(note.previous_sibling() ==
        page.Select(Row("kf.5") + "//span[@id='u-kf.5.s2']"));
  CHECK(Text(note.child("span").find_child_by_attribute("data-ui", "de")) ==
        "Begriff fehlt:");
  CHECK(Text(note.find_child_by_attribute("class", "qa-message")) ==
        missing.message);
}

TEST_CASE("the findings across the file link to where they are first seen",
          "[site][translation]") {
  const Main page(SiteWith(ReadFixture()).at("translation.html"));
  std::vector<std::string> links;
  for (pugi::xpath_node item : page.document.select_nodes(
           "//section[@class='file-findings']//li[@class='finding "
           "finding-inconsistent']")) {
    std::string href = item.node().child("a").attribute("href").value();
    links.push_back(href);
    INFO(href);
    CHECK(page.Select("//span[@class='unit'][@id='" + href.substr(1) + "']"));
  }
  // The one planted: „Integrität“ rendered "honesty" in s2.1.p3.s1, first
  // rendered "integrity" in s2.1.p2.s3.
  CHECK(links == std::vector<std::string>{"#u-s2.1.p2.s3"});
}

TEST_CASE("a target term links to its entry page as the report's terms do",
          "[site][translation]") {
  const Main page(SiteWith(ReadFixture()).at("translation.html"));
  const std::vector<std::string> target =
      Links(page.Select(Row("kf.1") + "/div[@class='side target']"));
  CHECK(target == std::vector<std::string>{
                      "shehui-xinyong-tixi Social Credit System",
                      "dashuju big data", "xinyong-pingjia credit evaluation",
                      "shouxin-jili-shixin-chengjie rewards and punishments"});
  pugi::xml_node link =
      page.Select(Row("kf.1") + "/div[@class='side target']//a");
  CHECK(link.attribute("href").value() ==
        std::string("entries/shehui-xinyong-tixi.html"));
}

TEST_CASE("each row's German side links the terms the report links there",
          "[site][translation]") {
  const std::map<std::string, std::string> site = SiteWith(ReadFixture());
  const Main page(site.at("translation.html"));
  const Main report(site.at("index.html"));
  std::size_t compared = 0;
  for (pugi::xpath_node row :
       page.document.select_nodes("//div[@class='pair']")) {
    std::string id = row.node().attribute("id").value();
    INFO(id);
    pugi::xml_node block = report.Select("//*[@id='" + id + "']");
    REQUIRE(block);
    // A heading carries its section's id.
    if (std::string(block.name()) == "section")
      block = block.select_node("(h2|h3|h4)[1]").node();
    std::vector<std::string> german =
        Links(row.node().find_child_by_attribute("class", "side source"));
    CHECK(german == Links(block));
    compared += german.size();
  }
  CHECK(compared > 40);
}

TEST_CASE("a partly translated block says how many sentences are missing",
          "[site][translation]") {
  std::string bytes = FixtureBytes();
  // kf.8.s2 without its target.
  std::size_t unit = bytes.find("<trans-unit id=\"kf.8.s2\">");
  REQUIRE(unit != std::string::npos);
  std::size_t begin = bytes.find("        <target", unit);
  std::size_t end = bytes.find("</target>\n", begin) + 10;
  bytes.erase(begin, end - begin);
  const Main page(SiteWith(ReadFixture(bytes)).at("translation.html"));
  pugi::xml_node target =
      page.Select(Row("kf.8") + "/div[@class='side target']");
  CHECK(target.select_nodes(".//span[@class='unit']").size() == 2);
  pugi::xml_node note = target.find_child_by_attribute("class", "untranslated");
  CHECK(Text(note.find_child_by_attribute("data-ui", "de")) ==
        "1 von 3 Sätzen nicht übersetzt");
  CHECK(Text(note.find_child_by_attribute("data-ui", "en")) ==
        "1 of 3 sentences not translated");
}

TEST_CASE("a translation adds translation.html and the report's link to it",
          "[site][translation]") {
  const std::map<std::string, std::string>& without = testing::BuiltIn().site;
  CHECK(without.count("translation.html") == 0);
  CHECK(without.at("index.html").find("translation.html") == std::string::npos);
  std::map<std::string, std::string> with = SiteWith(ReadFixture());
  CHECK(with.size() == without.size() + 1);
  const std::string link =
      "<p class=\"translation-link\"><a href=\"translation.html\"><span "
      "data-ui=\"de\">Der Bericht neben seiner Übersetzung "
      "(en)</span><span data-ui=\"en\" lang=\"en\">The report beside its "
      "translation (en)</span></a></p>\n";
  std::string& report = with.at("index.html");
  std::size_t at = report.find(link);
  REQUIRE(at != std::string::npos);
  // Nothing else changes: not the report, nor any other file.
  report.erase(at, link.size());
  with.erase("translation.html");
  for (const auto& [path, contents] : without) {
    INFO(path);
    CHECK(with.at(path) == contents);
  }
  // translation.html leads back through the bar every page has.
  const std::string page = SiteWith(ReadFixture()).at("translation.html");
  CHECK(page.find("data-page=\"translation\"") != std::string::npos);
  CHECK(page.find("<a href=\"index.html\"><span data-ui=\"de\">"
                  "Bericht</span>") != std::string::npos);
}

}  // namespace
}  // namespace glossa
