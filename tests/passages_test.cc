#include "core/passages.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "core/annotate.h"
#include "core/edition_index.h"
#include "core/tbx_reader.h"
#include "core/tei.h"
#include "core/unicode.h"
#include "test_support.h"

namespace glossa {
namespace {

// The fixture glossary of the report's terms (tests/data/report-terms.tbx).
const Glossary& Terms() {
  static const Glossary* glossary = [] {
    auto* g = new Glossary();
    Diagnostics diags;
    REQUIRE(ReadTbx(testing::ReadOrFail(std::string(GLOSSA_TEST_DATA) +
                                        "/report-terms.tbx"),
                    "report-terms.tbx", diags, g));
    REQUIRE(diags.all().empty());
    return g;
  }();
  return *glossary;
}

const Document& Report() {
  static const Document* document = [] {
    auto* d = new Document();
    Diagnostics diags;
    REQUIRE(ReadTei(testing::ReadOrFail(testing::DataDir() +
                                        "/sources/merics-2017-de.tei.xml"),
                    "edition", diags, d));
    return d;
  }();
  return *document;
}

const EditionIndex& TermIndex() {
  static const EditionIndex* index = new EditionIndex(Terms(), Report());
  return *index;
}

const GlossaryMatcher& TermMatcher() { return TermIndex().matcher(); }

const std::vector<Passage>& All() { return TermIndex().passages(); }

int EntryIndex(const std::string& id) {
  for (std::size_t i = 0; i < Terms().concepts.size(); ++i) {
    if (Terms().concepts[i].id == id) return static_cast<int>(i);
  }
  FAIL("no entry " << id);
  return -1;
}

// "match | locator | node" for each passage of the entry whose match is
// `surface`.
std::vector<std::string> Where(const std::string& id,
                               const std::string& surface) {
  std::vector<std::string> out;
  for (const Passage& p : All()) {
    std::string match(
        p.sentence.substr(p.match_begin, p.match_end - p.match_begin));
    if (p.entry == EntryIndex(id) && match == surface) {
      out.push_back(match + " | " + FormatLocator(p.locator) + " | " +
                    p.locator.node);
    }
  }
  return out;
}

using Strings = std::vector<std::string>;

TEST_CASE(
    "社会信用体系 is found where the extraction split it over a line break",
    "[passages]") {
  // Lines 94-96 of the extraction: "社会信用体" / "" / "系)".
  CHECK(Where("shehui-xinyong-tixi", "社会信用体系").front() ==
        "社会信用体系 | §1, p. 4 | s1.p1");
  const Passage* found = nullptr;
  for (const Passage& p : All()) {
    if (p.locator.node == "s1.p1" &&
        p.entry == EntryIndex("shehui-xinyong-tixi") &&
        p.sentence.substr(p.match_begin, p.match_end - p.match_begin) ==
            "社会信用体系") {
      found = &p;
    }
  }
  REQUIRE(found != nullptr);
  CHECK(found->sentence ==
        "2014 veröffentlichte die chinesische Regierung einen detaillierten "
        "Plan zur Schaffung "
        "eines gesellschaftlichen Bonitätssystems (Social Credit System, "
        "社会信用体系).");
  CHECK(found->locator.section_title ==
        "Das gesellschaftliche Bonitätssystem als vielseitiges Werkzeug zur "
        "Verhaltenssteuerung");
}

TEST_CASE("诚信上海 is found where a stray space split it", "[passages]") {
  CHECK(Where("chengxin-shanghai", "诚信上海") ==
        Strings{"诚信上海 | §3.2, p. 14 | s3.2.p5"});
  // 诚信 inside it is nested.
  bool nested = false;
  for (const Passage& p : All()) {
    if (p.locator.node == "s3.2.p5" && p.entry == EntryIndex("chengxin")) {
      nested = p.nested_in == EntryIndex("chengxin-shanghai");
    }
  }
  CHECK(nested);
}

TEST_CASE("gesellschaftliche Bonität is found where Bo-nität was split",
          "[passages]") {
  CHECK(Where("shehui-xinyong", "gesellschaftliche Bonität") ==
        Strings{"gesellschaftliche Bonität | §2.1, p. 5 | s2.1.p1"});
}

TEST_CASE("BONITÄTSREPARATUR is found in the sidebar's heading", "[passages]") {
  CHECK(Where("xinyong-xiufu", "BONITÄTSREPARATUR") ==
        Strings{"BONITÄTSREPARATUR | §3.2 sidebar, p. 13 | s3.2.box1"});
  CHECK(Where("xinyong-xiufu", "Bonitätsreparatur") ==
        Strings{"Bonitätsreparatur | §3.2 sidebar, p. 13 | s3.2.box1"});
}

TEST_CASE(
    "schwarzen Listen is found, and schwarze Liste not in the sentence on red "
    "lists",
    "[passages]") {
  CHECK(Where("heimingdan", "schwarzen Listen").front() ==
        "schwarzen Listen | caption, p. 3 | front.f1");
  CHECK(Where("heimingdan", "SCHWARZE LISTEN") ==
        Strings{"SCHWARZE LISTEN | §3.1, p. 9 | s3.1"});
  for (const Passage& p : All()) {
    if (p.sentence.find("Auf roten Listen") != std::string::npos) {
      INFO(p.sentence);
      CHECK(p.entry != EntryIndex("heimingdan"));
    }
  }
  CHECK(Where("hongmingdan", "roten Listen") ==
        Strings{"roten Listen | §3.1, p. 11 | s3.1.p7"});
}

TEST_CASE("Sesame Credit is found in Sesame-Credit-App", "[passages]") {
  CHECK(Where("zhima-xinyong", "Sesame-Credit") ==
        Strings{"Sesame-Credit | §2.3, p. 8 | s2.3.p11"});
}

TEST_CASE("Zhengxin is found in footnote 9", "[passages]") {
  CHECK(Where("zhengxin", "Zhengxin") ==
        Strings{"Zhengxin | fn. 9, p. 16 | fn9"});
  for (const Passage& p : All()) {
    if (p.locator.node == "fn9" && p.entry == EntryIndex("zhengxin")) {
      CHECK(p.locator.footnote == 9);
      CHECK(p.locator.place == "footnote");
    }
  }
}

TEST_CASE("a passage is its sentence; abbreviations and dates do not end one",
          "[passages]") {
  std::vector<std::size_t> starts = SentenceStarts(
      "Manche zitieren Vertreter (z.B. bei Sesame Credit). Vgl. Abb. 2 und Nr. "
      "39. Am 17. Juni "
      "2017 kam es. Neu.",
      "de");
  CHECK(starts.size() == 4);
  for (const Passage& p : All()) {
    if (p.locator.node == "s2.3.p6" && p.entry == EntryIndex("zhima-xinyong")) {
      CHECK(p.sentence ==
            "Manche Medienberichte zitieren Vertreter staatlicher Banken, die "
            "sich über die "
            "Vermischung ökonomischer und nichtwirtschaftlicher Kriterien "
            "(z.B. bei Sesame "
            "Credit) bei der Bewertung finanzieller Bonität skeptisch äußern.");
    }
  }
}

TEST_CASE("a keyword-in-context line keeps the spaces around the keyword",
          "[passages]") {
  // The site once cut the context and the keyword apart and lost the spaces
  // between them („undDengfeng(Provinz Henan)“).
  Passage passage;
  passage.sentence = "in Rongcheng und\nDengfeng (Provinz Henan) getestet";
  passage.match_begin = passage.sentence.find("Dengfeng");
  passage.match_end = passage.match_begin + 8;
  Kwic kwic = KwicOf(passage);
  CHECK(kwic.left == "in Rongcheng und ");
  CHECK(kwic.match == "Dengfeng");
  CHECK(kwic.right == " (Provinz Henan) getestet");
  passage.sentence = "in Rongcheng und Dengfeng, getestet";
  passage.match_begin = passage.sentence.find("Dengfeng");
  passage.match_end = passage.match_begin + 8;
  kwic = KwicOf(passage);
  CHECK(kwic.left + "[" + kwic.match + "]" + kwic.right ==
        "in Rongcheng und [Dengfeng], getestet");
}

TEST_CASE("a sentence longer than a view shows is cut around its match",
          "[passages]") {
  std::string a(5000, 'a');
  CHECK(ShowSentence(a + "Bonität.", 5000, 5008).text ==
        "…" + std::string(1000, 'a') + "Bonität.");
  ShownSentence both = ShowSentence(a + " 信息孤岛 " + a, 5001, 5013);
  CHECK(both.text == "…" + std::string(999, 'a') + " 信息孤岛 " +
                         std::string(999, 'a') + "…");
  CHECK(both.text.substr(both.match_begin, both.match_end - both.match_begin) ==
        "信息孤岛");
  // Characters are counted, not bytes: no character is cut in two.
  std::string han;
  for (int i = 0; i < 1500; ++i) han += "信";
  ShownSentence wide =
      ShowSentence(han + "征信" + han, han.size(), han.size() + 6);
  CHECK(wide.text ==
        "…" + han.substr(0, 3000) + "征信" + han.substr(0, 3000) + "…");
  // A sentence that fits is shown whole.
  CHECK(ShowSentence("Ein kurzer Satz.", 4, 10).text == "Ein kurzer Satz.");
  CHECK(ShowSentence(std::string(1000, 'a') + "x" + std::string(1000, 'a'),
                     1000, 1001)
            .text == std::string(1000, 'a') + "x" + std::string(1000, 'a'));
}

TEST_CASE(
    "passages of a paragraph of two megabytes without a full stop share its "
    "text, where each copied it",
    "[passages]") {
  // 2,000 matches in one sentence of 2 MB: each passage held a copy of the
  // sentence and each concordance line all of it, and `glossa passages`,
  // `lookup` and `site` ran out of memory (std::bad_alloc at 8 GB). Time
  // and memory are bench figures; this pins what the user sees.
  std::string unit =
      "und die Regierung plant Dateninseln im Land sowie weitere Systeme "
      "für die Bürger";
  while (unit.size() < 1000) unit += " und weitere Systeme für die Bürger";
  std::string paragraph;
  std::size_t matches = 0;
  while (paragraph.size() < 2000000) {
    paragraph += (paragraph.empty() ? "" : " ") + unit;
    ++matches;
  }
  std::string path = testing::MakeTempDir() + "/long.tei.xml";
  {
    std::ofstream tei(path);
    tei << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" "
           "xmlns:g=\"urn:x-glossa:edition\" xml:lang=\"de\">\n"
           "<teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>"
           "<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p>"
           "</sourceDesc></fileDesc></teiHeader>\n"
           "<text><body><div xml:id=\"s1\" type=\"section\" n=\"1\">"
           "<head>Eins</head><p xml:id=\"s1.p1\" g:page=\"3\">"
        << paragraph << "</p></div></body></text>\n</TEI>\n";
  }
  testing::RunResult run = testing::RunGlossa(
      {"passages", "--document", path, "Dateninseln", "--context", "20"});
  CHECK(run.err == "");
  CHECK(run.status == 0);
  std::istringstream lines(run.out);
  std::string line;
  std::getline(lines, line);
  CHECK(line == "信息孤岛 信息孤島 xìnxī gūdǎo  " + std::to_string(matches) +
                    " passages");
  std::size_t shown = 0;
  while (std::getline(lines, line) && line.rfind("§1: ", 0) != 0) {
    if (line !=
        "…ie Regierung plant [Dateninseln] im Land sowie weit…  §1, "
        "p. 3")
      FAIL_CHECK(line);
    ++shown;
  }
  CHECK(shown == matches);
  CHECK(line == "§1: " + std::to_string(matches));
  // JSON shows each sentence cut to kMaxContext characters around its match.
  testing::RunResult json = testing::RunGlossa(
      {"passages", "--document", path, "Dateninseln", "--json"});
  CHECK(json.status == 0);
  nlohmann::json passages = nlohmann::json::parse(json.out)["passages"];
  REQUIRE(passages.size() == matches);
  std::size_t first = paragraph.find("Dateninseln");
  std::size_t third = paragraph.find(
      "Dateninseln", paragraph.find("Dateninseln", first + 1) + 1);
  std::u32string before = CodePoints(paragraph.substr(0, third));
  std::u32string after = CodePoints(paragraph.substr(third + 11));
  std::u32string after_first = CodePoints(paragraph.substr(first + 11, 4000));
  CHECK(passages[0]["sentence"] ==
        paragraph.substr(0, first) + "Dateninseln" +
            FromCodePoints(after_first.substr(0, 1000)) + "…");
  CHECK(passages[0]["match_offset"] == first);
  std::string left =
      "…" +
      FromCodePoints(std::u32string_view(before).substr(before.size() - 1000));
  CHECK(passages[2]["sentence"] ==
        left + "Dateninseln" + FromCodePoints(after.substr(0, 1000)) + "…");
  CHECK(passages[2]["match_offset"] == left.size());
  CHECK(passages[2]["match"] == "Dateninseln");
}

// Counts occurrences of `term` in `text` with white space between CJK
// characters removed, as a reader would see them.
std::size_t CountIndependently(const std::string& text,
                               const std::string& term) {
  std::u32string s = CodePoints(text);
  std::u32string joined;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (IsSpace(s[i]) && !joined.empty() && IsCjk(joined.back())) {
      std::size_t j = i;
      while (j < s.size() && IsSpace(s[j])) ++j;
      if (j < s.size() && IsCjk(s[j])) {
        i = j - 1;
        continue;
      }
    }
    joined.push_back(s[i]);
  }
  std::string flat = FromCodePoints(joined);
  std::size_t count = 0;
  for (std::size_t at = flat.find(term); at != std::string::npos;
       at = flat.find(term, at + 1)) {
    ++count;
  }
  return count;
}

TEST_CASE("terms in real regulations are counted exactly", "[passages]") {
  Matcher matcher;
  const char* const terms[] = {"社会信用", "诚信", "征信", "失信"};
  for (int i = 0; i < 4; ++i) matcher.Add(terms[i], "zh-Hans", i, i);
  matcher.Compile();
  auto scratch = matcher.NewScratch();
  for (const char* file : {"data/zh/shanghai-shehui-xinyong-tiaoli_2017.md",
                           "data/zh/zhengxinye-guanli-tiaoli_2013.md"}) {
    std::string text = testing::ReadShared(file);
    std::vector<std::size_t> counts(4);
    for (const Matcher::Match& m : matcher.Find(text, *scratch))
      ++counts[m.entry];
    for (int i = 0; i < 4; ++i) {
      INFO(file << " " << terms[i]);
      CHECK(counts[i] == CountIndependently(text, terms[i]));
    }
  }
  // And the figures themselves, so that a change in the data shows.
  std::string shanghai =
      testing::ReadShared("data/zh/shanghai-shehui-xinyong-tiaoli_2017.md");
  std::vector<std::size_t> counts(4);
  for (const Matcher::Match& m : matcher.Find(shanghai, *scratch))
    ++counts[m.entry];
  CHECK(counts[0] > 40);
  CHECK(counts[3] > 10);
}

// Collects what an annotator hands over: each stretch is rendered as its
// text, then a line per match with its offsets in the whole and its nesting.
class Collect : public AnnotationSink {
 public:
  void Render(std::string_view text, std::size_t offset,
              const std::vector<Matcher::Match>& matches,
              std::string* out) const override {
    *out += std::to_string(text.size()) + "\n";
    out->append(text);
    for (const Matcher::Match& m : matches) {
      *out += std::to_string(offset + m.begin) + " " +
              std::to_string(offset + m.end) + " " +
              std::to_string(m.nested_in < 0 ? 0 : 1) + "\n";
    }
  }
  void Emit(std::string_view rendered) override {
    std::size_t newline = rendered.find('\n');
    std::size_t length = std::stoul(std::string(rendered.substr(0, newline)));
    text_ += rendered.substr(newline + 1, length);
    std::istringstream lines(
        std::string(rendered.substr(newline + 1 + length)));
    std::size_t begin = 0, end = 0;
    int nested = 0;
    while (lines >> begin >> end >> nested)
      found.push_back(std::to_string(begin) + "-" + std::to_string(end) +
                      (nested ? " nested" : ""));
    ++segments;
  }
  std::string text_;
  std::vector<std::string> found;
  int segments = 0;
};

Collect AnnotateInPieces(const std::string& text, AnnotatorOptions options,
                         std::size_t piece) {
  Collect collect;
  Annotator annotator(TermMatcher(), collect, options);
  for (std::size_t at = 0; at < text.size(); at += piece)
    annotator.Write(std::string_view(text).substr(at, piece));
  annotator.Finish();
  return collect;
}

TEST_CASE("annotating in small segments finds what annotating at once does",
          "[passages]") {
  std::string text = testing::ReadShared("seed/000_7d62b1a0f379215d.txt");
  Collect whole =
      AnnotateInPieces(text, {std::size_t{1} << 20, 1}, text.size());
  REQUIRE(whole.segments == 1);
  CHECK(whole.found.size() > 100);
  // The extraction put a blank line inside 社会信用体系 (§1): a cut there
  // would lose the match.
  std::size_t split = text.find("社会信用体\n\n系");
  REQUIRE(split != std::string::npos);
  CHECK(std::find(whole.found.begin(), whole.found.end(),
                  std::to_string(split) + "-" +
                      std::to_string(split +
                                     std::string("社会信用体\n\n系").size())) !=
        whole.found.end());
  for (std::size_t segment : {256u, 1000u, 4096u}) {
    for (unsigned threads : {1u, 4u}) {
      INFO("segment " << segment << ", threads " << threads);
      Collect pieces = AnnotateInPieces(text, {segment, threads}, 1000);
      CHECK(pieces.segments > 5);
      CHECK(pieces.text_ == text);
      CHECK(pieces.found == whole.found);
    }
  }
}

TEST_CASE(
    "annotating Chinese in small segments finds what annotating at once "
    "does",
    "[passages]") {
  std::string text =
      testing::ReadShared("data/zh/shanghai-shehui-xinyong-tiaoli_2017.md");
  Collect whole =
      AnnotateInPieces(text, {std::size_t{1} << 20, 1}, text.size());
  CHECK(whole.found.size() > 50);
  Collect pieces = AnnotateInPieces(text, {512, 2}, 777);
  CHECK(pieces.segments > 20);
  CHECK(pieces.text_ == text);
  CHECK(pieces.found == whole.found);
}

TEST_CASE("a short definition is the first sentence, cut at a word to fit",
          "[passages]") {
  Concept entry;
  auto define = [&](const char* lang, const char* definition) {
    LangSection section;
    section.lang = lang;
    section.definitions.emplace_back().text = definition;
    entry.languages.push_back(section);
  };
  define("en", "Credit reporting. Art. 2 of Decree No. 631 defines it.");
  define("zh-Hans", "征信。信用信息。");
  CHECK(ShortDefinition(entry, "en") == "Credit reporting.");
  CHECK(ShortDefinition(entry, "zh") == "征信。");
  CHECK(ShortDefinition(entry, "de") == "");
  CHECK(CutAtWord("social credit system", 20) == "social credit system");
  CHECK(CutAtWord("social credit system", 19) == "social credit…");
  CHECK(CutAtWord("social credit system", 12) == "social…");
  // No space to cut at: at the columns, a Chinese character being two.
  CHECK(CutAtWord("社会信用体系", 5) == "社会…");
}

}  // namespace
}  // namespace glossa
