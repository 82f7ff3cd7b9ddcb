#include "core/edition_index.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "test_support.h"

namespace glossa {
namespace {

Concept Entry(std::string id, std::string hans,
              std::vector<std::string> targets) {
  Concept entry;
  entry.id = std::move(id);
  LangSection zh;
  zh.lang = "zh-Hans";
  Term term;
  term.text = std::move(hans);
  term.status = TermStatus::kPreferred;
  zh.terms.push_back(term);
  entry.languages.push_back(zh);
  for (std::string& target : targets) {
    ExternalReference reference;
    reference.type = "externalCrossReference";
    std::size_t space = target.find(' ');
    reference.target = target.substr(0, space);
    if (space != std::string::npos) reference.text = target.substr(space + 1);
    entry.external_references.push_back(reference);
  }
  return entry;
}

// A paragraph "s1.p1" of two sentences, the first with 诚信 only, the
// second with 征信 and 诚信, and a footnote with 征信.
Document Edition() {
  Document document;
  document.info.language = "de";
  Node paragraph;
  paragraph.kind = Node::Kind::kParagraph;
  paragraph.id = "s1.p1";
  paragraph.source.page = 4;
  AppendText(&paragraph.content,
             "Das Ziel ist 诚信. Die Pläne nennen 征信 und 诚信.");
  document.body.push_back(paragraph);
  Note note;
  note.number = 1;
  note.id = "fn1";
  note.source.page = 9;
  AppendText(&note.content, "Zu 征信 siehe oben.");
  document.notes.push_back(note);
  return document;
}

const KeyPassage& OnlyKey(const EditionIndex& index, std::size_t entry) {
  REQUIRE(index.KeyPassagesOf(entry).size() == 1);
  return index.KeyPassagesOf(entry).front();
}

TEST_CASE(
    "a key passage shows a sentence where its own entry stands, not "
    "another entry's",
    "[edition-index]") {
  // The site once showed the first sentence of the block where any entry
  // stood: 诚信's sentence as 征信's key passage.
  Glossary glossary;
  glossary.concepts = {Entry("chengxin", "诚信", {"e.xml#s1.p1"}),
                       Entry("zhengxin", "征信", {"e.xml#s1.p1"})};
  Document document = Edition();
  const EditionIndex index(glossary, document);
  const KeyPassage& chengxin = OnlyKey(index, 0);
  CHECK(chengxin.sentence == "Das Ziel ist 诚信.");
  CHECK(chengxin.entry_in_sentence);
  CHECK(chengxin.problem == KeyPassageProblem::kNone);
  const KeyPassage& zhengxin = OnlyKey(index, 1);
  CHECK(zhengxin.sentence == "Die Pläne nennen 征信 und 诚信.");
  CHECK(zhengxin.entry_in_sentence);
  CHECK(zhengxin.block->locator.node == "s1.p1");
  CHECK(FormatLocator(zhengxin.block->locator) == "p. 4");
}

TEST_CASE("a key passage that quotes a sentence without its entry says why",
          "[edition-index]") {
  Glossary glossary;
  glossary.concepts = {
      Entry("zhengxin", "征信",
            {"e.xml#s1.p1:~:text=Das%20Ziel the aim",
             "e.xml#s1.p1:~:text=Das%20Ziel the aim [not named: the aim "
             "is 诚信, which 征信 serves]",
             "e.xml#s1.p1:~:text=nennen the plans [not named: why?]",
             "e.xml#s1.p1:~:text=Lob praise", "e.xml#s9.p9 nowhere",
             "e.xml#fn1:~:text=a-,b bad"})};
  Document document = Edition();
  const EditionIndex index(glossary, document);
  const std::vector<KeyPassage>& keys = index.KeyPassagesOf(0);
  REQUIRE(keys.size() == 6);

  CHECK(keys[0].sentence == "Das Ziel ist 诚信.");
  CHECK_FALSE(keys[0].entry_in_sentence);
  CHECK(keys[0].problem == KeyPassageProblem::kNoReason);

  CHECK(keys[1].sentence == "Das Ziel ist 诚信.");
  CHECK(keys[1].description == "the aim");
  CHECK(keys[1].reason == "the aim is 诚信, which 征信 serves");
  CHECK(keys[1].problem == KeyPassageProblem::kNone);

  CHECK(keys[2].sentence == "Die Pläne nennen 征信 und 诚信.");
  CHECK(keys[2].entry_in_sentence);
  CHECK(keys[2].problem == KeyPassageProblem::kNeedlessReason);

  CHECK(keys[3].problem == KeyPassageProblem::kNoSentence);
  CHECK(keys[4].problem == KeyPassageProblem::kNoBlock);
  CHECK_FALSE(keys[4].block.has_value());
  CHECK(keys[5].problem == KeyPassageProblem::kBadTarget);
  CHECK(keys[5].target_error ==
        "glossa reads only text=START, without a prefix, an end, a suffix "
        "or a second directive: 'text=a-,b'");
}

TEST_CASE("a key passage into a block where its entry is absent is flagged",
          "[edition-index]") {
  Glossary glossary;
  glossary.concepts = {Entry("xinyong", "信用", {"e.xml#s1.p1"})};
  Document document = Edition();
  const EditionIndex index(glossary, document);
  const KeyPassage& key = OnlyKey(index, 0);
  CHECK(key.problem == KeyPassageProblem::kEntryAbsent);
  CHECK_FALSE(key.entry_in_sentence);
  CHECK(key.sentence == "Das Ziel ist 诚信.");  // the block's first
}

TEST_CASE(
    "passages of one long sentence share it, and key passages show it cut",
    "[edition-index]") {
  // A paragraph without a full stop: 3,000 characters, 诚信, 3,000 more,
  // 诚信 again, 3,000 more and "Ende".
  std::string filler;
  while (filler.size() < 3000) filler += "ab ";
  Document document;
  document.info.language = "de";
  Node paragraph;
  paragraph.kind = Node::Kind::kParagraph;
  paragraph.id = "s1.p1";
  AppendText(&paragraph.content,
             filler + "诚信 " + filler + "诚信 " + filler + "Ende");
  document.body.push_back(paragraph);
  Glossary glossary;
  glossary.concepts = {
      Entry("chengxin", "诚信", {"e.xml#s1.p1", "e.xml#s1.p1:~:text=Ende"}),
      Entry("xinyong", "信用", {"e.xml#s1.p1 [not named: absent]"})};
  const EditionIndex index(glossary, document);
  REQUIRE(index.passages().size() == 2);
  const Passage& one = index.passages()[0];
  const Passage& two = index.passages()[1];
  CHECK(one.sentence.size() == index.blocks()[0].text.size());
  CHECK(one.sentence.data() == two.sentence.data());  // no copy
  CHECK(one.sentence.data() == index.blocks()[0].text.data());
  std::string tail(filler.end() - 1000, filler.end());
  std::string head = filler.substr(0, 1000);
  const std::vector<KeyPassage>& keys = index.KeyPassagesOf(0);
  REQUIRE(keys.size() == 2);
  CHECK(keys[0].entry_in_sentence);
  CHECK(keys[0].sentence ==
        CollapseSpace("…" + tail + "诚信 " + head.substr(0, 999) + "…"));
  CHECK(keys[1].entry_in_sentence);
  CHECK(keys[1].sentence == CollapseSpace("…" + tail + "Ende"));
  const KeyPassage& absent = OnlyKey(index, 1);
  CHECK_FALSE(absent.entry_in_sentence);
  CHECK(absent.sentence == CollapseSpace(head + "…"));
}

TEST_CASE("the reason follows the description in brackets", "[edition-index]") {
  using Pair = std::pair<std::string, std::string>;
  CHECK(SplitKeyPassageText("shows x  [not named: the report says y]") ==
        Pair{"shows x", "the report says y"});
  CHECK(SplitKeyPassageText("shows [x] and y") == Pair{"shows [x] and y", ""});
  CHECK(SplitKeyPassageText("[not named: only a reason]") ==
        Pair{"", "only a reason"});
  CHECK(SplitKeyPassageText("  a\n  text ") == Pair{"a text", ""});
}

TEST_CASE("every passage knows its block and where in it the match stands",
          "[edition-index]") {
  Glossary glossary;
  glossary.concepts = {Entry("chengxin", "诚信", {}),
                       Entry("zhengxin", "征信", {})};
  Document document = Edition();
  const EditionIndex index(glossary, document);
  REQUIRE(index.blocks().size() == 2);
  CHECK(index.blocks()[1].offset == index.blocks()[0].text.size());
  CHECK(index.length() ==
        index.blocks()[0].text.size() + index.blocks()[1].text.size());
  REQUIRE(index.passages().size() == 4);
  for (const Passage& passage : index.passages()) {
    const EditionBlock& block = index.blocks()[passage.block];
    CHECK(block.text.substr(passage.block_begin,
                            passage.block_end - passage.block_begin) ==
          passage.sentence.substr(passage.match_begin,
                                  passage.match_end - passage.match_begin));
  }
  CHECK(index.PassagesOf(1).size() == 2);
  CHECK(index.CountsOf(1) ==
        std::vector<std::pair<std::string, int>>{{"", 1}, {"fn. 1", 1}});
  CHECK(index.BlockOf(document.body[0].content) == &index.blocks()[0]);
  Content copy = document.body[0].content;
  CHECK(index.BlockOf(copy) == nullptr);
  CHECK(index.PassagesIn(index.blocks()[1]).size() == 1);
}

TEST_CASE("an inflected form is found when no term is typed as it stands",
          "[edition-index]") {
  Glossary glossary;
  Concept entry = Entry("heimingdan", "黑名单", {});
  LangSection de;
  de.lang = "de";
  Term term;
  term.text = "schwarze Liste";
  de.terms.push_back(term);
  entry.languages.push_back(de);
  glossary.concepts = {entry};
  Document document = Edition();
  const EditionIndex index(glossary, document);
  std::vector<Hit> hits = index.Find("schwarzen Listen");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].kind == MatchKind::kInflected);
  CHECK(index.Find("Listenplatz").empty());
  CHECK(index.Find("schwarze liste")[0].kind == MatchKind::kFolded);
}

// The match's text, as the report prints it.
std::string MatchText(const Passage& passage) {
  return std::string(passage.sentence.substr(
      passage.match_begin, passage.match_end - passage.match_begin));
}

TEST_CASE("an everyday word is found only as part of a longer form",
          "[edition-index]") {
  Concept entry = Entry("xinyong-fen", "信用评分", {});
  LangSection de;
  de.lang = "de";
  Term point;
  point.text = "Punkt";
  point.project_subsets = {std::string(kCommonWordSubset)};
  Term phrase;
  phrase.text = "Punkte abgezogen";
  phrase.type = TermType::kPhrase;
  de.terms = {point, phrase};
  entry.languages.push_back(de);
  Glossary glossary;
  glossary.concepts = {entry};
  Document document;
  document.info.language = "de";
  Node paragraph;
  paragraph.kind = Node::Kind::kParagraph;
  paragraph.id = "s1.p1";
  AppendText(&paragraph.content,
             "Folgende Punkte werden genannt. Wer bei Rot geht, bekommt "
             "Punkte abgezogen.");
  document.body.push_back(paragraph);
  const EditionIndex index(glossary, document);
  REQUIRE(index.PassagesOf(0).size() == 1);
  CHECK(MatchText(index.PassagesOf(0)[0]) == "Punkte abgezogen");
  // Still a rendering of the entry: lookup finds it.
  REQUIRE(index.Find("Punkt").size() == 1);
  CHECK(index.Find("Punkt")[0].kind == MatchKind::kFolded);
}

TEST_CASE("the report's „Folgende Punkte“ links no entry", "[edition-index]") {
  const EditionIndex& index = *testing::BuiltIn().index;
  bool printed = false;
  for (const EditionBlock& block : index.blocks())
    printed = printed || block.text.find(
                             "Folgende Punkte werden wiederholt "
                             "genannt") != std::string::npos;
  REQUIRE(printed);
  for (const Passage& passage : index.passages()) {
    CHECK_FALSE(index.matcher().TermOf(passage.form).IsCommonWord());
    if (passage.sentence.find("Folgende Punkte") != std::string_view::npos)
      CHECK(MatchText(passage).find("Punkte") == std::string::npos);
  }
}

}  // namespace
}  // namespace glossa
