// The built-in glossary's content: complete, sourced, and in agreement with
// CC-CEDICT and TERMS.md. These tests read the shipped glossary, the
// inventory in ../shared/TERMS.md and CC-CEDICT as they are.

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "core/edition_index.h"
#include "core/glossary.h"
#include "core/tbx_reader.h"
#include "core/tei.h"
#include "core/unicode.h"
#include "test_support.h"

namespace glossa {
namespace {

const Glossary& BuiltIn() { return testing::BuiltInGlossary(); }

// The Chinese terms of TERMS.md section A: the first cell of each table
// row, "征信机构 / 征信平台" counting as two.
std::vector<std::string> TermsOfSectionA() {
  std::string text = testing::ReadShared("TERMS.md");
  std::size_t begin = text.find("## A.");
  std::size_t end = text.find("## B.");
  REQUIRE(begin != std::string::npos);
  REQUIRE(end != std::string::npos);
  std::vector<std::string> out;
  std::size_t at = begin;
  while ((at = text.find("\n| ", at)) != std::string::npos && at < end) {
    at += 3;
    std::string cell = text.substr(at, text.find(" |", at) - at);
    if (cell == "Chinese" || cell.rfind("---", 0) == 0) continue;
    for (std::size_t slash; (slash = cell.find(" / ")) != std::string::npos;) {
      out.push_back(cell.substr(0, slash));
      cell = cell.substr(slash + 3);
    }
    out.push_back(cell);
  }
  return out;
}

TEST_CASE("every Chinese term of TERMS.md section A has an entry",
          "[content]") {
  std::set<std::string> simplified;
  for (const Concept& entry : BuiltIn().concepts) {
    if (const LangSection* zh = entry.Language(kSimplifiedChinese)) {
      for (const Term& term : zh->terms)
        simplified.insert(CollapseSpace(term.text));
    }
  }
  std::vector<std::string> wanted = TermsOfSectionA();
  CHECK(wanted.size() == 25);
  std::vector<std::string> missing;
  for (const std::string& term : wanted) {
    if (simplified.count(term) == 0) missing.push_back(term);
  }
  CHECK(missing == std::vector<std::string>{});
}

TEST_CASE("every entry has the three languages, definitions and sources",
          "[content]") {
  const Glossary& glossary = BuiltIn();
  CHECK(glossary.concepts.size() >= 70);
  std::vector<std::string> problems;
  for (const Concept& entry : glossary.concepts) {
    for (std::string_view lang :
         {kSimplifiedChinese, kTraditionalChinese, kPinyin,
          std::string_view("en"), std::string_view("de")}) {
      const LangSection* section = entry.Language(lang);
      if (section == nullptr || section->terms.empty()) {
        problems.push_back(entry.id + ": no " + std::string(lang) + " term");
        continue;
      }
      for (const Term& term : section->terms) {
        if (term.sources.empty()) {
          problems.push_back(entry.id + ": " + std::string(lang) + " term '" +
                             CollapseSpace(term.text) + "' has no source");
        }
      }
      if ((lang == "en" || lang == "de") && section->definitions.empty())
        problems.push_back(entry.id + ": no " + std::string(lang) +
                           " definition");
      for (const Text& definition : section->definitions) {
        if (definition.source.empty())
          problems.push_back(entry.id + ": a " + std::string(lang) +
                             " definition has no source");
      }
    }
    const LangSection* simplified = entry.Language(kSimplifiedChinese);
    const LangSection* traditional = entry.Language(kTraditionalChinese);
    const LangSection* pinyin = entry.Language(kPinyin);
    if (simplified && traditional && pinyin &&
        (traditional->terms.size() != simplified->terms.size() ||
         pinyin->terms.size() != simplified->terms.size())) {
      problems.push_back(entry.id + ": the Chinese sections do not pair up");
    }
  }
  CHECK(problems == std::vector<std::string>{});
}

struct CedictReading {
  std::string traditional;
  std::string pinyin;  // as CC-CEDICT writes it: "zheng1 xin4"
};

// CC-CEDICT's entries by simplified headword.
const std::multimap<std::string, CedictReading>& Cedict() {
  static const auto* cedict = [] {
    auto* out = new std::multimap<std::string, CedictReading>;
    std::ifstream in(testing::SharedPath("data/dict/cedict_ts.u8"));
    REQUIRE(in);
    std::string line;
    static const std::regex kLine(R"(^(\S+) (\S+) \[([^\]]*)\])");
    std::smatch m;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      if (std::regex_search(line, m, kLine))
        out->emplace(m[2].str(), CedictReading{m[1].str(), m[3].str()});
    }
    return out;
  }();
  return *cedict;
}

// A reading as a comparable key: its letters, then its tones in order
// ("henan|22"), the neutral tone not written. Syllable boundaries are left
// out: "Hénán" may be split he-nán or hén-án, but letters and tones are the
// same either way.
std::string ReadingKey(std::string_view pinyin) {
  std::string numbered = ToLower(PinyinToneNumbers(pinyin));
  std::string letters, tones;
  for (char c : numbered) {
    if (c >= '1' && c <= '4') {
      tones += c;
    } else if (c != '5' && c != '0' && c != ' ' && c != '\'' && c != '-') {
      letters += c;
    }
  }
  return letters + "|" + tones;
}

bool MentionsCedict(const Term* term) {
  if (term == nullptr) return false;
  for (const Text& note : term->notes) {
    if (note.text.find("CC-CEDICT") != std::string::npos) return true;
  }
  return false;
}

TEST_CASE("readings and traditional forms agree with CC-CEDICT or say why",
          "[content]") {
  CHECK(ReadingKey("zhēngxìn") == ReadingKey("zheng1 xin4"));
  CHECK(ReadingKey("Héféi Shì") == ReadingKey("He2 fei2 shi4"));
  CHECK(ReadingKey("Hénán") == ReadingKey("He2 nan2"));
  CHECK(ReadingKey("Xī'ān") == ReadingKey("Xi1 an1"));
  CHECK(ReadingKey("zhīshi chǎnquán") == ReadingKey("zhi1 shi5 chan3 quan2"));
  CHECK(ReadingKey("zhēngxìn") != ReadingKey("zheng4 xin4"));
  std::vector<std::string> unexplained;
  int compared = 0;
  for (const Concept& entry : BuiltIn().concepts) {
    for (const ChineseForms& forms : ChineseTerms(entry)) {
      std::string simplified = CollapseSpace(forms.simplified->text);
      auto [first, last] = Cedict().equal_range(simplified);
      if (first == last || forms.pinyin == nullptr ||
          forms.traditional == nullptr) {
        continue;  // CC-CEDICT lacks the word: composed, and sourced so
      }
      ++compared;
      std::string ours = ReadingKey(CollapseSpace(forms.pinyin->text));
      std::string traditional = CollapseSpace(forms.traditional->text);
      bool reading = false, characters = false;
      std::string theirs;
      for (auto it = first; it != last; ++it) {
        reading = reading || ReadingKey(it->second.pinyin) == ours;
        characters = characters || it->second.traditional == traditional;
        theirs += (theirs.empty() ? "" : ", ") + it->second.traditional + " [" +
                  it->second.pinyin + "]";
      }
      if (!reading && !MentionsCedict(forms.pinyin)) {
        unexplained.push_back(entry.id + ": " + simplified + " read '" +
                              CollapseSpace(forms.pinyin->text) +
                              "'; CC-CEDICT: " + theirs);
      }
      if (!characters && !MentionsCedict(forms.traditional)) {
        unexplained.push_back(entry.id + ": " + simplified + " written '" +
                              traditional + "'; CC-CEDICT: " + theirs);
      }
    }
  }
  CHECK(compared > 100);
  CHECK(unexplained == std::vector<std::string>{});
}

TEST_CASE("every term of every entry finds its entry", "[content]") {
  const Glossary& glossary = BuiltIn();
  Index index(glossary);
  std::vector<std::string> lost;
  for (std::size_t i = 0; i < glossary.concepts.size(); ++i) {
    for (const LangSection& section : glossary.concepts[i].languages) {
      for (const Term& term : section.terms) {
        std::vector<Hit> hits = index.Find(CollapseSpace(term.text));
        bool found = std::any_of(hits.begin(), hits.end(), [&](const Hit& h) {
          return h.concept_index == i;
        });
        if (!found)
          lost.push_back(glossary.concepts[i].id + ": " +
                         CollapseSpace(term.text));
      }
    }
  }
  CHECK(lost == std::vector<std::string>{});
}

// What a reader copies out of the report finds the entry: every passage's
// matched text, as printed ("schwarzen Listen", "Bonitätssünder",
// "征信"), looked up as `glossa lookup` does.
TEST_CASE("every form as the report prints it finds its entry", "[content]") {
  const Glossary& glossary = BuiltIn();
  std::string path = testing::DataDir() + "/sources/merics-2017-de.tei.xml";
  Diagnostics diags;
  Document document;
  REQUIRE(ReadTei(testing::ReadOrFail(path), path, diags, &document));
  const EditionIndex index(glossary, document);
  const std::vector<Passage>& passages = index.passages();
  REQUIRE(passages.size() > 500);
  std::set<std::string> printed_forms;
  std::vector<std::string> lost;
  for (const Passage& passage : passages) {
    std::string printed = CollapseSpace(passage.sentence.substr(
        passage.match_begin, passage.match_end - passage.match_begin));
    printed_forms.insert(printed);
    std::vector<Hit> hits = index.Find(printed);
    bool found = std::any_of(hits.begin(), hits.end(), [&](const Hit& h) {
      return h.concept_index == static_cast<std::size_t>(passage.entry);
    });
    if (!found)
      lost.push_back(glossary.concepts[passage.entry].id + ": " + printed);
  }
  CHECK(printed_forms.count("schwarzen Listen") == 1);
  CHECK(printed_forms.count("gesellschaftlichen Bonitätssystems") == 1);
  CHECK(lost == std::vector<std::string>{});
}

// --- Issue 12: what a review found, pinned ---------------------------------

const Concept& Entry(std::string_view id) {
  for (const Concept& entry : BuiltIn().concepts) {
    if (entry.id == id) return entry;
  }
  FAIL("no entry " << id);
  throw 0;
}

// The preferred term of `lang`, "" when there is none.
std::string Preferred(const Concept& entry, std::string_view lang) {
  const LangSection* section = entry.Language(lang);
  if (section == nullptr) return "";
  for (const Term& term : section->terms) {
    if (term.status == TermStatus::kPreferred) return CollapseSpace(term.text);
  }
  return "";
}

const Term* TermNamed(const Concept& entry, std::string_view lang,
                      std::string_view text) {
  const LangSection* section = entry.Language(lang);
  if (section == nullptr) return nullptr;
  for (const Term& term : section->terms) {
    if (CollapseSpace(term.text) == text) return &term;
  }
  return nullptr;
}

std::string Definition(const Concept& entry, std::string_view lang) {
  const LangSection* section = entry.Language(lang);
  REQUIRE(section != nullptr);
  REQUIRE(!section->definitions.empty());
  return CollapseSpace(section->definitions.front().text);
}

// Every piece of prose of an entry: definitions, notes, contexts, sources,
// key passage texts, in every language.
std::vector<std::string> ProseOf(const Concept& entry) {
  std::vector<std::string> out;
  auto texts = [&](const std::vector<Text>& list) {
    for (const Text& text : list) {
      out.push_back(text.text);
      if (!text.source.empty()) out.push_back(text.source);
    }
  };
  texts(entry.definitions);
  texts(entry.notes);
  for (const ExternalReference& reference : entry.external_references)
    out.push_back(reference.text);
  for (const LangSection& section : entry.languages) {
    texts(section.definitions);
    texts(section.notes);
    for (const Term& term : section.terms) {
      texts(term.contexts);
      texts(term.notes);
      out.insert(out.end(), term.sources.begin(), term.sources.end());
    }
  }
  return out;
}

TEST_CASE(
    "a form the report prints but the glossary advises against is "
    "found, marked and not preferred",
    "[content]") {
  const Concept& entry = Entry("shehui-chengxin");
  const Term* printed = TermNamed(entry, "de", "soziales Vertrauen");
  REQUIRE(printed != nullptr);
  CHECK(printed->status == TermStatus::kDeprecated);
  CHECK(printed->InReport());
  CHECK(Preferred(entry, "de") != "soziales Vertrauen");

  std::string path = testing::DataDir() + "/sources/merics-2017-de.tei.xml";
  Diagnostics diags;
  Document document;
  REQUIRE(ReadTei(testing::ReadOrFail(path), path, diags, &document));
  const EditionIndex index(BuiltIn(), document);
  // The passages of the entry hold it where the report prints it.
  const Glossary& glossary = BuiltIn();
  std::size_t at = 0;
  while (glossary.concepts[at].id != "shehui-chengxin") ++at;
  std::vector<std::string> printed_forms;
  for (const Passage& passage : index.PassagesOf(at)) {
    if (index.matcher().TermOf(passage.form).status == TermStatus::kDeprecated)
      printed_forms.push_back(std::string(passage.sentence.substr(
          passage.match_begin, passage.match_end - passage.match_begin)));
  }
  CHECK(printed_forms == std::vector<std::string>{"soziales Vertrauen"});
  // It is not the only one (glossa check verifies each mark).
  std::size_t deprecated_printed = 0;
  for (const Concept& concept_entry : glossary.concepts) {
    for (const LangSection& section : concept_entry.languages) {
      for (const Term& term : section.terms) {
        if (term.InReport() && term.status == TermStatus::kDeprecated)
          ++deprecated_printed;
      }
    }
  }
  CHECK(deprecated_printed >= 5);
}

TEST_CASE("the concepts a reader of the report missed have entries",
          "[content]") {
  // Issue 12, section 4: each Chinese term is the simplified term of an
  // entry.
  std::set<std::string> simplified;
  for (const Concept& entry : BuiltIn().concepts) {
    if (const LangSection* zh = entry.Language(kSimplifiedChinese)) {
      for (const Term& term : zh->terms)
        simplified.insert(CollapseSpace(term.text));
    }
  }
  std::vector<std::string> missing;
  for (const char* wanted :
       {"法定代表人", "限制高消费", "曝光", "中国人民银行征信中心",
        "金融信用信息基础数据库", "百行征信", "全国信用信息共享平台",
        "公共信用信息", "守信", "异议", "刷分", "失信行为", "严重失信行为",
        "最高人民法院"}) {
    if (simplified.count(wanted) == 0) missing.push_back(wanted);
  }
  CHECK(missing == std::vector<std::string>{});
  CHECK(Preferred(Entry("fading-daibiaoren"), "de") ==
        "gesetzlicher Vertreter");
}

TEST_CASE("the social credit system is older than the 2014 plan", "[content]") {
  const Concept& entry = Entry("shehui-xinyong-tixi");
  for (std::string_view lang : {"en", "de"}) {
    std::string definition = Definition(entry, lang);
    INFO(definition);
    CHECK(definition.find("2007") != std::string::npos);
    CHECK(definition.find("launched by") == std::string::npos);
    CHECK(definition.find("begonnen") == std::string::npos);
  }
}

TEST_CASE("the court's list has one German name, in the terms of German law",
          "[content]") {
  const Concept& entry = Entry("shixin-beizhixingren");
  CHECK(Preferred(entry, "de") == "unredlicher Vollstreckungsschuldner");
  const Term* late = TermNamed(entry, "de", "säumiger Schuldner");
  REQUIRE(late != nullptr);
  CHECK(late->status == TermStatus::kDeprecated);
  CHECK(TermNamed(entry, "de", "Vollstreckungsschuldner") != nullptr);
  bool compared = false;
  for (const std::string& text : ProseOf(entry))
    compared =
        compared || (text.find("Schuldnerverzeichnis") != std::string::npos &&
                     text.find("882b") != std::string::npos);
  CHECK(compared);
  // Where the glossary names the list itself: definitions and key passages
  // (a note may quote a press form to advise against it).
  std::vector<std::string> other_names;
  for (const Concept& any : BuiltIn().concepts) {
    std::vector<std::string> naming;
    for (const ExternalReference& reference : any.external_references)
      naming.push_back(reference.text);
    for (const LangSection& section : any.languages) {
      for (const Text& definition : section.definitions)
        naming.push_back(definition.text);
    }
    for (const std::string& text : naming) {
      for (const char* name :
           {"Liste säumiger", "unzuverlässigen Vollstreckungsschuldner",
            "schwarze Schuldnerliste"}) {
        if (text.find(name) != std::string::npos)
          other_names.push_back(any.id + ": " + name);
      }
    }
  }
  CHECK(other_names == std::vector<std::string>{});
}

TEST_CASE("every concept has a German rendering, in German", "[content]") {
  CHECK(Preferred(Entry("lianhe-chengjie"), "de") !=
        "joint disciplinary action");
  CHECK_FALSE(Preferred(Entry("lianhe-chengjie"), "de").empty());
  CHECK_FALSE(Preferred(Entry("zhengxin-pingtai"), "de").empty());
  CHECK_FALSE(Preferred(Entry("rule-by-law"), "de").empty());
  CHECK(Preferred(Entry("zhengxin"), "de") == "Kreditauskunft");
  CHECK(Preferred(Entry("zhima-xinyong"), "en") == "Sesame Credit");
}

TEST_CASE("facts the review found wrong stay right", "[content]") {
  auto prose = [](std::string_view id) {
    std::string all;
    for (const std::string& text : ProseOf(Entry(id))) all += text + "\n";
    return all;
  };
  // The operator of Sesame Credit is sourced in 个人征信; no hedge on it.
  std::string zhima = prose("zhima-xinyong");
  CHECK(zhima.find("芝麻信用管理有限公司") != std::string::npos);
  // The 2016 candidates were approved by the NDRC–PBOC reply.
  CHECK(prose("shifan-chengshi").find("发改财金〔2016〕769号") !=
        std::string::npos);
  // SCHUFA is a credit bureau, not a business-information agency.
  CHECK(Definition(Entry("schufa"), "de").find("Kreditauskunftei") !=
        std::string::npos);
  CHECK(prose("schufa").find("Wirtschaftsauskunftei") == std::string::npos);
  // The places of fn. 1 were candidates for demonstration cities, and are
  // its instances.
  std::size_t places = 0;
  std::vector<std::string> wrong;
  for (const Concept& entry : BuiltIn().concepts) {
    bool candidate = false;
    for (const CrossReference& reference : entry.cross_references) {
      candidate = candidate || (reference.target == "shifan-chengshi" &&
                                ParseRelation(reference.text).relation ==
                                    Relation::kInstanceOf);
    }
    if (!candidate) continue;
    ++places;
    std::string all = prose(entry.id);
    for (const char* pilot : {"pilot place", "Pilotstandort", "Pilotort"}) {
      if (all.find(pilot) != std::string::npos)
        wrong.push_back(entry.id + ": " + pilot);
    }
  }
  CHECK(places >= 38);
  CHECK(wrong == std::vector<std::string>{});
}

TEST_CASE("published prose has no project-internal words or block ids",
          "[content]") {
  // Readers see „§3.1“ and „Fn. 9“; ids belong in key passages' targets.
  static const std::regex kBlockId(
      R"((^|[\s(,;])(s\d(\.\d)?\.[pdiq]\d+|fn\d+|kf\.\d+|front\.f\d+)\b)");
  std::vector<std::string> found;
  for (const Concept& entry : BuiltIn().concepts) {
    for (const std::string& text : ProseOf(entry)) {
      std::smatch m;
      if (std::regex_search(text, m, kBlockId))
        found.push_back(entry.id + ": " + m[2].str());
      for (const char* word : {"printed_forms", "Block-Id", "block id",
                               "TERMS.md", ".tbx", "could not be read"}) {
        if (text.find(word) != std::string::npos)
          found.push_back(entry.id + ": " + word);
      }
    }
  }
  CHECK(found == std::vector<std::string>{});
}

TEST_CASE("notes in a German section are written in German", "[content]") {
  // An English note has two of English's commonest words; German prose
  // quoting an English title has at most one.
  static const std::regex kEnglish(R"(\b(the|and|of|is|which|with)\b)");
  std::vector<std::string> english;
  for (const Concept& entry : BuiltIn().concepts) {
    const LangSection* german = entry.Language("de");
    if (german == nullptr) continue;
    std::vector<const Text*> notes;
    for (const Text& note : german->notes) notes.push_back(&note);
    for (const Term& term : german->terms) {
      for (const Text& note : term.notes) notes.push_back(&note);
    }
    for (const Text* note : notes) {
      std::string text =
          std::regex_replace(note->text, std::regex(R"(https?://[^\s)]+)"), "");
      // Quotations are not the note's own language.
      text = std::regex_replace(text,
                                std::regex(R"(["“„‚'][^"“”„‚‘']*["”“‘'])"), "");
      auto words = std::distance(
          std::sregex_iterator(text.begin(), text.end(), kEnglish),
          std::sregex_iterator());
      if (words >= 2)
        english.push_back(entry.id + ": " + CollapseSpace(note->text));
    }
  }
  CHECK(english == std::vector<std::string>{});
}

TEST_CASE("the built-in glossary validates against the TBX v3 core schema",
          "[content]") {
  std::string schema =
      testing::SharedPath("data/tbx/ltac-dialects/TBXcoreStructV03.rng");
  testing::ReadOrFail(schema);
  std::string glossary = testing::DataDir() + "/social-credit.tbx";
  std::string printed;
  int status = testing::RunCommand(
      "xmllint --noout --relaxng '" + schema + "' '" + glossary + "'",
      &printed);
  INFO(printed);
  CHECK(status == 0);
  CHECK(printed.find(glossary + " validates") != std::string::npos);
}

}  // namespace
}  // namespace glossa
