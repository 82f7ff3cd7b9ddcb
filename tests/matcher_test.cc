#include "core/matcher.h"

#include <catch2/catch.hpp>
#include <string>
#include <thread>
#include <vector>

#include "core/unicode.h"

namespace glossa {
namespace {

struct Form {
  const char* text;
  const char* lang;
  int entry;
};

// Compiles the forms; form ids are their indexes.
Matcher Build(const std::vector<Form>& forms) {
  Matcher matcher;
  for (std::size_t i = 0; i < forms.size(); ++i) {
    matcher.Add(forms[i].text, forms[i].lang, forms[i].entry,
                static_cast<int>(i));
  }
  matcher.Compile();
  return matcher;
}

// "surface@entry" for each match, nested ones as "surface@entry<in N>".
std::vector<std::string> Found(const Matcher& matcher,
                               const std::string& text) {
  auto scratch = matcher.NewScratch();
  std::vector<std::string> out;
  for (const Matcher::Match& m : matcher.Find(text, *scratch)) {
    std::string item =
        text.substr(m.begin, m.end - m.begin) + "@" + std::to_string(m.entry);
    if (m.nested_in >= 0) item += "<in " + std::to_string(m.nested_in) + ">";
    out.push_back(item);
  }
  return out;
}

using Strings = std::vector<std::string>;

TEST_CASE("the longest match wins and shorter ones are nested in it",
          "[match]") {
  Matcher matcher = Build({{"社会信用体系", "zh-Hans", 0},
                           {"社会信用", "zh-Hans", 1},
                           {"信用", "zh-Hans", 2}});
  CHECK(
      Found(matcher, "建设社会信用体系。信用") ==
      Strings{"社会信用体系@0", "社会信用@1<in 0>", "信用@2<in 0>", "信用@2"});
}

TEST_CASE("white space and line breaks between CJK characters are ignored",
          "[match]") {
  Matcher matcher =
      Build({{"社会信用体系", "zh-Hans", 0}, {"诚信上海", "zh-Hans", 1}});
  CHECK(Found(matcher, "(社会信用体\n\n系)") == Strings{"社会信用体\n\n系@0"});
  CHECK(Found(matcher, "„Ehrliches Shanghai“ (诚 信上海)") ==
        Strings{"诚 信上海@1"});
}

TEST_CASE("traditional characters and full-width forms are folded", "[match]") {
  Matcher matcher = Build({{"征信", "zh-Hans", 0}, {"ABC", "en", 1}});
  CHECK(Found(matcher, "徵信機構") == Strings{"徵信@0"});
  CHECK(Found(matcher, "ＡＢＣ") == Strings{"ＡＢＣ@1"});
}

TEST_CASE("German inflected forms match by their stems", "[match]") {
  Matcher matcher = Build({{"gesellschaftliches Bonitätssystem", "de", 0},
                           {"schwarze Liste", "de", 1},
                           {"Bonitätsreparatur", "de", 2}});
  CHECK(Found(matcher, "des gesellschaftlichen Bonitätssystems") ==
        Strings{"gesellschaftlichen Bonitätssystems@0"});
  CHECK(Found(matcher, "Das gesellschaftliche Bonitätssystem") ==
        Strings{"gesellschaftliche Bonitätssystem@0"});
  CHECK(Found(matcher, "auf schwarzen Listen und einer schwarzen Liste") ==
        Strings{"schwarzen Listen@1", "schwarzen Liste@1"});
  CHECK(Found(matcher, "FÜR DIE BONITÄTSREPARATUR") ==
        Strings{"BONITÄTSREPARATUR@2"});
  CHECK(Found(matcher, "Auf roten Listen werden diejenigen aufgeführt") ==
        Strings{});
}

TEST_CASE("a word matches whole: no term inside a longer word", "[match]") {
  Matcher matcher = Build({{"Liste", "de", 0}, {"Sesame Credit", "en", 1}});
  CHECK(Found(matcher, "auf dem Listenplatz") == Strings{});
  CHECK(Found(matcher, "eine Liste") == Strings{"Liste@0"});
  CHECK(Found(matcher, "der Se-\nsame-Credit-App") == Strings{});
  CHECK(Found(matcher, "der Sesame-Credit-App") == Strings{"Sesame-Credit@1"});
}

TEST_CASE("English plurals and case match", "[match]") {
  Matcher matcher = Build({{"social credit system", "en", 0}});
  CHECK(Found(matcher, "China's Social Credit Systems are") ==
        Strings{"Social Credit Systems@0"});
}

TEST_CASE("a term split by a line break still matches", "[match]") {
  Matcher matcher = Build({{"gesellschaftliche Bonität", "de", 0}});
  CHECK(Found(matcher, "ist „gesellschaftliche\nBonität“ (社会信用)") ==
        Strings{"gesellschaftliche\nBonität@0"});
}

TEST_CASE("punctuation between words breaks a match", "[match]") {
  Matcher matcher = Build(
      {{"schwarze Liste", "de", 0}, {"一处失信，处处受限", "zh-Hans", 1}});
  CHECK(Found(matcher, "schwarze. Liste") == Strings{});
  CHECK(Found(matcher, "（一处失信，处处受限）") ==
        Strings{"一处失信，处处受限@1"});
}

TEST_CASE(
    "readings are not matched; pinyin listed as a term of the text's language "
    "is",
    "[match]") {
  Matcher matcher;
  CHECK_FALSE(matcher.Add("zhēngxìn", "zh-Latn-pinyin", 0, 0));
  CHECK(matcher.Add("Zhengxin", "de", 0, 1));
  matcher.Compile();
  CHECK(Found(matcher, "9 | Zhengxin 征信 wird") == Strings{"Zhengxin@0"});
}

TEST_CASE("words in web addresses are not terms", "[match]") {
  Matcher matcher = Build({{"social credit system", "en", 0}});
  CHECK(Found(matcher,
              "https://www.cnbc.com/china-social-credit-system-ant social "
              "credit system") == Strings{"social credit system@0"});
}

TEST_CASE("offsets are bytes into the text as given", "[match]") {
  Matcher matcher = Build({{"Bonität", "de", 0}});
  std::string text = "Die „Bonität“ ist";
  auto scratch = matcher.NewScratch();
  std::vector<Matcher::Match> found = matcher.Find(text, *scratch);
  REQUIRE(found.size() == 1);
  CHECK(found[0].begin == 7);  // after "Die „" (4 bytes + 3 for „)
  CHECK(text.substr(found[0].begin, found[0].end - found[0].begin) ==
        "Bonität");
}

TEST_CASE("ill-formed UTF-8 breaks a match and does not crash", "[match]") {
  Matcher matcher = Build({{"信用", "zh-Hans", 0}});
  CHECK(Found(matcher, "信\xFF用 信用\xE4") == Strings{"信用@0"});
}

TEST_CASE("Find is const and runs on several threads at once", "[match]") {
  Matcher matcher = Build(
      {{"社会信用", "zh-Hans", 0}, {"gesellschaftliche Bonität", "de", 1}});
  std::string text;
  for (int i = 0; i < 2000; ++i)
    text += "社会信用 und die gesellschaftlichen Bonitäten. ";
  std::vector<std::size_t> counts(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < counts.size(); ++t) {
    threads.emplace_back([&, t] {
      auto scratch = matcher.NewScratch();
      counts[t] = matcher.Find(text, *scratch).size();
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (std::size_t count : counts) CHECK(count == 4000);
}

TEST_CASE("a large glossary matches as a small one does", "[match]") {
  // Thousands of two-character forms make the automaton too large for a
  // table of every transition: it follows failure links instead.
  Matcher matcher;
  matcher.Add("社会信用体系", "zh-Hans", 0, 0);
  matcher.Add("社会信用", "zh-Hans", 1, 1);
  matcher.Add("信用", "zh-Hans", 2, 2);
  matcher.Add("用体", "zh-Hans", 3, 3);
  for (char32_t c = 0x4E00; c < 0x4E00 + 3000; ++c) {
    std::u32string pair = {c, c + 7000};
    matcher.Add(FromCodePoints(pair), "zh-Hans", 4, 4);
  }
  matcher.Compile();
  CHECK(Found(matcher, "建设社会信用体系。信用") ==
        Strings{"社会信用体系@0", "社会信用@1<in 0>", "信用@2<in 0>",
                "用体@3<in 0>", "信用@2"});
  std::string filler =
      FromCodePoints(std::u32string{0x4E00 + 5, 0x4E00 + 7005});
  CHECK(Found(matcher, "社会" + filler + "信用") ==
        Strings{filler + "@4", "信用@2"});
}

TEST_CASE(
    "a word is read the same 16 bytes at a time as character by character",
    "[match]") {
  // Find reads a word of ASCII letters 16 bytes at a time where 16 bytes
  // are left, and character by character near the end of the text or
  // where the word goes on past ASCII ("Bonität", "China's"): with the
  // text followed by 0 to 24 spaces, every word here is read both ways.
  Matcher matcher = Build({{"Sozialkreditsystem", "de", 0},
                           {"Bonität", "de", 1},
                           {"China's", "en", 2},
                           {"Sesame Credit", "en", 3},
                           {"Ampel", "de", 4}});
  // `text` followed by 0 to 24 spaces finds `expected` each time.
  auto check_padded = [](const Matcher& m, const std::string& text,
                         const Strings& expected) {
    for (int pad = 0; pad <= 24; ++pad) {
      CAPTURE(text, pad);
      CHECK(Found(m, text + std::string(pad, ' ')) == expected);
    }
  };
  check_padded(matcher,
               "Sozialkreditsystem, Bonität; China's Sesame-Credit-App Ampel",
               {"Sozialkreditsystem@0", "Bonität@1", "China's@2",
                "Sesame-Credit@3", "Ampel@4"});
  check_padded(matcher, "Sozialkreditsystem", {"Sozialkreditsystem@0"});
  // Words longer than 16 bytes that differ only after them: the second is
  // not taken for the first, which the matcher has just met.
  CHECK(Found(matcher,
              "Sozialkreditsystem Sozialkreditsystemreform und mehr Text") ==
        Strings{"Sozialkreditsystem@0"});
  // With a form that opens the prefix filter (Yu'ebao: an apostrophe among
  // its first three letters), a word that goes on past ASCII is read on
  // from where its ASCII letters stop, 18 bytes in for the first one.
  Matcher open = Build({{"Sozialkreditsystemänderung", "de", 0},
                        {"Bonität", "de", 1},
                        {"China's", "en", 2},
                        {"Yu'ebao", "en", 3},
                        {"Ampel", "de", 4}});
  check_padded(open,
               "Sozialkreditsystemänderung, Bonität; China's Yu'ebao Ampel",
               {"Sozialkreditsystemänderung@0", "Bonität@1", "China's@2",
                "Yu'ebao@3", "Ampel@4"});
}

TEST_CASE("a unit a form does not continue with leads down the failure chain",
          "[match]") {
  // After 甲乙丙 the automaton is inside form 0; 丁 continues it, while 戊
  // continues 乙丙戊 (one failure away) and 己 continues 丙己 (two away).
  // A small automaton keeps each state's moves that differ from the root's
  // (those it inherits from its failure chain included); a large one
  // follows failure links: both must find the same.
  auto add_forms = [](Matcher& matcher) {
    matcher.Add("甲乙丙丁", "zh-Hans", 0, 0);
    matcher.Add("乙丙戊", "zh-Hans", 1, 1);
    matcher.Add("丙己", "zh-Hans", 2, 2);
  };
  Matcher small;
  add_forms(small);
  small.Compile();
  Matcher large;
  add_forms(large);
  for (char32_t c = 0x4E00 + 100; c < 0x4E00 + 3100; ++c)
    large.Add(FromCodePoints(std::u32string{c, c + 7000}), "zh-Hans", 3, 3);
  large.Compile();
  for (const Matcher* matcher : {&small, &large}) {
    CHECK(Found(*matcher, "甲乙丙丁") == Strings{"甲乙丙丁@0"});
    CHECK(Found(*matcher, "甲乙丙戊") == Strings{"乙丙戊@1"});
    CHECK(Found(*matcher, "甲乙丙己") == Strings{"丙己@2"});
    CHECK(Found(*matcher, "甲乙丙己甲乙丙丁乙丙戊") ==
          Strings{"丙己@2", "甲乙丙丁@0", "乙丙戊@1"});
  }
}

TEST_CASE("punctuation no form has breaks every match", "[match]") {
  Matcher matcher = Build({{"z.B.", "de", 0}, {"社会信用", "zh-Hans", 1}});
  CHECK(matcher.Breaks(U'。'));
  CHECK(matcher.Breaks(U','));
  CHECK_FALSE(matcher.Breaks(U'.'));   // "z.B." has it
  CHECK_FALSE(matcher.Breaks(U'\''));  // inside words: "China's"
  CHECK_FALSE(matcher.Breaks(U'信'));
  CHECK_FALSE(matcher.Breaks(U' '));
}

}  // namespace
}  // namespace glossa
