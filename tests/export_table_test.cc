// The tabular exports (OmegaT's TSV glossary and the CSV for spreadsheet
// CAT tools), on small glossaries of our own and on the built-in one, read
// back by the real clients: OmegaT's own GlossaryReaderTSV (through
// tests/omegat-probe.sh) and translate-toolkit's csv reader.

#include <catch2/catch.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/export.h"
#include "core/file_io.h"
#include "core/glossary.h"
#include "core/tbx_reader.h"
#include "core/unicode.h"
#include "test_support.h"

namespace glossa {
namespace {

const Glossary& BuiltIn() { return testing::BuiltInGlossary(); }

Glossary Parse(const std::string& tbx) {
  Glossary glossary;
  Diagnostics diags;
  REQUIRE(ReadTbx(tbx, "test.tbx", diags, &glossary));
  REQUIRE(testing::Messages(diags) == std::vector<std::string>{});
  return glossary;
}

// A TBX-Basic file holding `entries` (conceptEntry elements).
std::string Tbx(const std::string& entries) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" "
         "xmlns=\"urn:iso:std:iso:30042:ed-2\">\n"
         "<tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc>"
         "</fileDesc></tbxHeader>\n<text><body>\n" +
         entries + "</body></text></tbx>\n";
}

std::string TermSec(const std::string& term, const std::string& status,
                    const std::string& type = "") {
  std::string out = "<termSec><term>" + term + "</term>";
  if (!status.empty())
    out += "<termNote type=\"administrativeStatus\">" + status +
           "Term-admn-sts</termNote>";
  if (!type.empty())
    out += "<termNote type=\"termType\">" + type + "</termNote>";
  return out + "</termSec>";
}

std::string LangSec(const std::string& lang, const std::string& inside,
                    const std::string& definition = "") {
  std::string out = "<langSec xml:lang=\"" + lang + "\">";
  if (!definition.empty())
    out += "<descrip type=\"definition\">" + definition + "</descrip>";
  return out + inside + "</langSec>";
}

// One entry: 征信 with a German and an English section.
const std::string kZhengxin =
    "<conceptEntry id=\"zhengxin\">" +
    LangSec("zh-Hans",
            TermSec("征信", "preferred") + TermSec("征信业", "admitted")) +
    LangSec("zh-Hant",
            TermSec("徵信", "preferred") + TermSec("徵信業", "admitted")) +
    LangSec("zh-Latn-pinyin",
            TermSec("zhēngxìn", "") + TermSec("zhēngxìnyè", "")) +
    LangSec("de",
            TermSec("Bonitätsauskunft", "admitted") +
                TermSec("Kreditauskunft", "preferred") +
                TermSec("Kreditauskünfte", "admitted", "variant") +
                TermSec("Schufa-Auskunft", "deprecated") +
                TermSec("Kreditinformation", "superseded"),
            "Die Auskunft über die\tKreditwürdigkeit, etwa\nvon "
            "Auskunfteien. Zweiter Satz.") +
    LangSec("en", TermSec("credit reporting", "preferred"),
            "Reporting on creditworthiness, \"credit\" for short.") +
    "</conceptEntry>\n";

std::vector<std::string> Lines(const std::string& text,
                               const std::string& end = "\n") {
  std::vector<std::string> out;
  std::size_t at = 0;
  for (std::size_t next; (next = text.find(end, at)) != std::string::npos;
       at = next + end.size())
    out.push_back(text.substr(at, next - at));
  if (at < text.size()) out.push_back(text.substr(at));
  return out;
}

TEST_CASE("the TSV has one row per source form and offered target",
          "[export][tsv]") {
  ExportOptions options;
  options.source = "de";
  options.target = "en";
  std::string tsv = WriteOmegaTsv(Parse(Tbx(kZhengxin)), options);
  CHECK(Lines(tsv) == std::vector<std::string>{
                          "Bonitätsauskunft\tcredit reporting\tReporting on "
                          "creditworthiness, \"credit\" for short.",
                          "Kreditauskunft\tcredit reporting\tReporting on "
                          "creditworthiness, \"credit\" for short.",
                          "Kreditauskünfte\tcredit reporting\tReporting on "
                          "creditworthiness, \"credit\" for short.",
                          "Schufa-Auskunft\tcredit reporting\tReporting on "
                          "creditworthiness, \"credit\" for short.",
                          "Kreditinformation\tcredit reporting\tReporting on "
                          "creditworthiness, \"credit\" for short.",
                      });
}

TEST_CASE(
    "the TSV offers the preferred target first and never a deprecated one or "
    "an inflected form",
    "[export][tsv]") {
  ExportOptions options;
  options.source = "en";
  options.target = "de";
  std::string tsv = WriteOmegaTsv(Parse(Tbx(kZhengxin)), options);
  CHECK(Lines(tsv) ==
        std::vector<std::string>{
            "credit reporting\tKreditauskunft\tpreferred · Die Auskunft über "
            "die Kreditwürdigkeit, etwa von Auskunfteien. · avoid: "
            "Schufa-Auskunft, Kreditinformation",
            "credit reporting\tBonitätsauskunft\tadmitted",
        });
}

TEST_CASE(
    "the TSV gives Chinese as simplified terms, with the traditional "
    "form and pinyin in the comment",
    "[export][tsv]") {
  Glossary glossary = Parse(Tbx(kZhengxin));
  ExportOptions options;
  options.source = "zh";
  options.target = "en";
  CHECK(Lines(WriteOmegaTsv(glossary, options)) ==
        std::vector<std::string>{
            "征信\tcredit reporting\t徵信 · zhēngxìn · Reporting on "
            "creditworthiness, \"credit\" for short.",
            "征信业\tcredit reporting\t徵信業 · zhēngxìnyè · Reporting on "
            "creditworthiness, \"credit\" for short.",
        });
  options.source = "en";
  options.target = "zh-Hans";  // any tag of the Chinese sections means "zh"
  CHECK(Lines(WriteOmegaTsv(glossary, options)) ==
        std::vector<std::string>{
            "credit reporting\t征信\tpreferred · 徵信 · zhēngxìn",
            "credit reporting\t征信业\tadmitted · 徵信業 · zhēngxìnyè",
        });
}

TEST_CASE(
    "the TSV comment keeps a long definition's first sentence, cut at "
    "a word",
    "[export][tsv]") {
  std::string words;
  for (int i = 0; i < 60; ++i) words += "Wort ";
  Glossary glossary = Parse(Tbx(
      "<conceptEntry id=\"a\">" + LangSec("en", TermSec("a", "preferred")) +
      LangSec("de", TermSec("b", "preferred"), words + "Ende. Zweiter Satz.") +
      "</conceptEntry>"));
  ExportOptions options;
  options.source = "en";
  options.target = "de";
  std::string comment = Lines(WriteOmegaTsv(glossary, options)).at(0);
  comment = comment.substr(comment.rfind('\t') + 1);
  // 40 words and the spaces between them fill 199 characters; the 200th
  // is a space, where the cut falls.
  std::string expected;
  for (int i = 0; i < 40; ++i) expected += i ? " Wort" : "Wort";
  CHECK(comment == expected + "…");
}

TEST_CASE("the TSV leaves out entries without an offered target",
          "[export][tsv]") {
  Glossary glossary =
      Parse(Tbx("<conceptEntry id=\"a\">" +
                LangSec("en", TermSec("social score", "preferred")) +
                LangSec("de", TermSec("Sozialpunkte", "deprecated")) +
                "</conceptEntry>"));
  ExportOptions options;
  options.source = "en";
  options.target = "de";
  CHECK(WriteOmegaTsv(glossary, options) == "");
}

// Runs OmegaT's GlossaryReaderTSV or GlossaryReaderCSV on `contents`, written
// to a file named `name`; returns the probe's exit status (77: OmegaT or
// Java missing) and fills *entries with the pairs it read (source, target,
// comment), after checking its "entries: K" line.
int RunOmegaT(const std::string& kind, const std::string& name,
              const std::string& contents, const std::string& languages,
              std::vector<std::vector<std::string>>* entries,
              std::string* output) {
  static const std::string classes = testing::MakeTempDir() + "/classes";
  std::string path = testing::MakeTempDir() + "/" + name;
  std::string error;
  REQUIRE(WriteFileAtomically(path, contents, &error));
  int status = testing::RunCommand(
      std::string(GLOSSA_SOURCE_DIR) + "/tests/omegat-probe.sh " + classes +
          " " + kind + " " + path + " " + languages + " 100000",
      output);
  if (status != 0) return status;
  std::vector<std::string> lines = Lines(*output);
  REQUIRE(!lines.empty());
  std::size_t count = std::stoul(lines[0].substr(lines[0].find(' ') + 1));
  REQUIRE(lines.size() == count + 1);
  entries->clear();
  for (std::size_t i = 1; i < lines.size(); ++i) {
    std::vector<std::string> fields = Lines(lines[i], "\t");
    fields.resize(3);
    entries->push_back(fields);
  }
  return status;
}

// What the glossary allows: for each entry, its source forms paired with its
// offered targets and with its deprecated (or superseded) ones. A term may
// be deprecated in one entry and offered in another ("credit"), so a pair is
// wrong only when no entry offers it.
struct Pairs {
  std::set<std::pair<std::string, std::string>> offered, avoided;
  std::set<std::string> targets, avoided_targets;
};
Pairs ExpectedPairs(const Glossary& glossary, const std::string& source,
                    const std::string& target) {
  auto terms = [](const Concept& entry, const std::string& lang) {
    std::vector<const Term*> out;
    if (const LangSection* section = entry.Language(lang))
      for (const Term& term : section->terms) out.push_back(&term);
    return out;
  };
  Pairs pairs;
  for (const Concept& entry : glossary.concepts) {
    for (const Term* from : terms(entry, source)) {
      for (const Term* to : terms(entry, target)) {
        bool avoided = to->status == TermStatus::kDeprecated ||
                       to->status == TermStatus::kSuperseded;
        pairs.targets.insert(to->text);
        if (avoided) pairs.avoided_targets.insert(to->text);
        auto pair = std::make_pair(from->text, to->text);
        if (avoided)
          pairs.avoided.insert(pair);
        else if (to->type != TermType::kVariant)
          pairs.offered.insert(pair);
      }
    }
  }
  return pairs;
}

std::set<std::string> PinyinTerms(const Glossary& glossary) {
  std::set<std::string> out;
  for (const Concept& entry : glossary.concepts) {
    if (const LangSection* pinyin = entry.Language(kPinyin))
      for (const Term& term : pinyin->terms) out.insert(term.text);
  }
  return out;
}

TEST_CASE(
    "OmegaT reads the built-in glossary's TSV de -> en: every form, no "
    "deprecated target",
    "[export][tsv]") {
  ExportOptions options;
  options.source = "de";
  options.target = "en";
  std::string tsv = WriteOmegaTsv(BuiltIn(), options);
  std::vector<std::vector<std::string>> entries;
  std::string output;
  int status =
      RunOmegaT("tsv", "glossary.utf8", tsv, "de en", &entries, &output);
  if (status == 77) {
    WARN("skipped: " + output);
    return;
  }
  REQUIRE(status == 0);
  CHECK(entries.size() == 705);
  CHECK(entries.size() == Lines(tsv).size());
  using Entry = std::vector<std::string>;
  auto has = [&](const Entry& e) {
    return std::find(entries.begin(), entries.end(), e) != entries.end();
  };
  CHECK(has(Entry{
      "Dateninseln", "information islands",
      "preferred · Databases or information systems, usually run by "
      "separate government departments, that are not linked and do not "
      "exchange data, so that information stays where it was collected."}));
  CHECK(has(Entry{"Dateninseln", "information silos", "admitted"}));
  Pairs pairs = ExpectedPairs(BuiltIn(), "de", "en");
  std::set<std::string> pinyin = PinyinTerms(BuiltIn());
  std::vector<Entry> wrong, chinese;
  std::set<std::string> deprecated_somewhere;
  for (const Entry& e : entries) {
    if (pairs.offered.count({e[0], e[1]}) == 0) wrong.push_back(e);
    // A reading may be spelt like a term ("FICO", "SCHUFA"): only one that
    // is no term of the target language is Chinese offered as a target.
    if ((pinyin.count(e[1]) && pairs.targets.count(e[1]) == 0) ||
        ContainsHan(e[1]))
      chinese.push_back(e);
    if (pairs.avoided_targets.count(e[1])) deprecated_somewhere.insert(e[1]);
  }
  CHECK(wrong == std::vector<Entry>{});
  CHECK(chinese == std::vector<Entry>{});
  CHECK(pairs.avoided_targets.size() == 25);
  // "credit" is deprecated in 诚信 (integrity) and admitted in 信用.
  CHECK(deprecated_somewhere == std::set<std::string>{"credit"});
}

TEST_CASE(
    "OmegaT reads the built-in glossary's TSV zh -> de: simplified "
    "sources, German targets only",
    "[export][tsv]") {
  ExportOptions options;
  options.source = "zh";
  options.target = "de";
  std::string tsv = WriteOmegaTsv(BuiltIn(), options);
  std::vector<std::vector<std::string>> entries;
  std::string output;
  int status =
      RunOmegaT("tsv", "glossary.utf8", tsv, "zh-CN de", &entries, &output);
  if (status == 77) {
    WARN("skipped: " + output);
    return;
  }
  REQUIRE(status == 0);
  CHECK(entries.size() == 420);
  using Entry = std::vector<std::string>;
  auto has = [&](const Entry& e) {
    return std::find(entries.begin(), entries.end(), e) != entries.end();
  };
  CHECK(has(
      Entry{"征信", "Kreditauskunft",
            "preferred · 徵信 · zhēngxìn · Das Sammeln, Ordnen, Speichern und "
            "Aufbereiten von Kreditinformationen über Unternehmen und "
            "Einzelpersonen und ihre Weitergabe an Nutzer wie Kreditgeber; im "
            "heutigen Chinesisch meist auf finanzielle…"}));
  CHECK(has(Entry{"征信", "finanzielle Kreditinformation", "admitted"}));
  Pairs pairs = ExpectedPairs(BuiltIn(), std::string(kSimplifiedChinese), "de");
  std::set<std::string> pinyin = PinyinTerms(BuiltIn());
  std::vector<Entry> wrong, chinese;
  std::set<std::string> deprecated_somewhere;
  for (const Entry& e : entries) {
    if (pairs.offered.count({e[0], e[1]}) == 0) wrong.push_back(e);
    if ((pinyin.count(e[1]) && pairs.targets.count(e[1]) == 0) ||
        ContainsHan(e[1]))
      chinese.push_back(e);
    if (pairs.avoided_targets.count(e[1])) deprecated_somewhere.insert(e[1]);
  }
  CHECK(wrong == std::vector<Entry>{});
  CHECK(chinese == std::vector<Entry>{});
  CHECK(pairs.avoided_targets.size() == 25);
  // Admitted as 社会信用体系's short form, deprecated in 个人征信.
  CHECK(deprecated_somewhere == std::set<std::string>{"Bonitätssystem"});
}

TEST_CASE("the CSV has a header of language codes and one row per entry",
          "[export][csv]") {
  ExportOptions options;
  options.languages = {"de", "en", "zh"};
  std::string csv = WriteCsv(Parse(Tbx(kZhengxin)), options);
  REQUIRE(csv.substr(0, 3) == "\xEF\xBB\xBF");
  CHECK(Lines(csv.substr(3), "\r\n") ==
        std::vector<std::string>{
            "Forbidden,de,en,zh-CN,zh-TW,zh pinyin,"
            "de synonyms,en synonyms,zh-CN synonyms,zh-TW synonyms,"
            "zh pinyin synonyms,"
            "de definition,en definition,zh-CN definition,zh-TW definition",
            "FALSE,Kreditauskunft,credit reporting,征信,徵信,zhēngxìn,"
            "Bonitätsauskunft,,征信业,徵信業,zhēngxìnyè,"
            "\"Die Auskunft über die Kreditwürdigkeit, etwa von Auskunfteien. "
            "Zweiter Satz.\",\"Reporting on creditworthiness, \"\"credit\"\" "
            "for short.\",,",
            // Matecat's convention: the terms of a TRUE row are forbidden.
            "TRUE,Schufa-Auskunft,,,,,,,,,,,,,",
            "TRUE,Kreditinformation,,,,,,,,,,,,,",
        });
  options.languages = {"zh-Hans"};
  options.chinese_tags = ExportOptions::ChineseTags::kScript;
  CHECK(
      Lines(WriteCsv(Parse(Tbx(kZhengxin)), options).substr(3), "\r\n").at(0) ==
      "Forbidden,zh-Hans,zh-Hant,zh pinyin,zh-Hans synonyms,"
      "zh-Hant synonyms,zh pinyin synonyms,zh-Hans definition,"
      "zh-Hant definition");
}

TEST_CASE(
    "translate-toolkit's csv reader reads the built-in glossary's CSV "
    "when told which columns are source and target",
    "[export][csv]") {
  std::string output;
  if (testing::RunCommand(
          "/usr/bin/python3 -c 'from translate.storage import csvl10n'",
          &output) != 0) {
    WARN("skipped: translate-toolkit is not installed: " + output);
    return;
  }
  ExportOptions options;
  options.languages = {"de", "en", "zh"};
  std::string path = testing::MakeTempDir() + "/glossary.csv";
  std::string error;
  REQUIRE(WriteFileAtomically(path, WriteCsv(BuiltIn(), options), &error));
  // csvl10n maps a header row only when it names a "source" column; a
  // header of language codes is read as data, its columns by position
  // (location, source, target). Told the columns, it reads every entry and
  // the header row as one more unit.
  std::string script =
      "import csv, sys\n"
      "from translate.storage import csvl10n\n"
      "path = sys.argv[1]\n"
      "header = next(csv.reader(open(path, encoding='utf-8-sig')))\n"
      "names = {'de': 'source', 'en': 'target', 'en definition': 'notes'}\n"
      "store = csvl10n.csvfile(open(path, 'rb'),\n"
      "    fieldnames=[names.get(h, h) for h in header])\n"
      "print(len(store.units))\n"
      "for unit in store.units[:3]:\n"
      "    print(unit.source, unit.target, unit.getnotes()[:40], sep='|')\n"
      "rows = list(csv.reader(open(path, encoding='utf-8-sig')))\n"
      "unread = [row[1] for row, unit in zip(rows[1:], store.units[1:])\n"
      "          if row[0] == 'FALSE' and not (unit.source and unit.target)]\n"
      "print('entries without a pair:', unread)\n"
      "print('rows of terms to avoid:', sum(row[0] == 'TRUE' for row in "
      "rows))\n";
  std::string script_path = testing::MakeTempDir() + "/read.py";
  REQUIRE(WriteFileAtomically(script_path, script, &error));
  REQUIRE(testing::RunCommand("/usr/bin/python3 " + script_path + " " + path,
                              &output) == 0);
  CHECK(Lines(output) ==
        std::vector<std::string>{
            "203",
            "de|en|en definition",
            "gesellschaftliche Bonität|social credit|In Chinese policy and "
            "law, the standing ",
            "Kreditauskunft|credit reporting|The business of gathering, "
            "sorting, stor",
            "entries without a pair: []",
            "rows of terms to avoid: 45",
        });
}

}  // namespace
}  // namespace glossa
