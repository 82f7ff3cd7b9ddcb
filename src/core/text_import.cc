#include "core/text_import.h"

#include <algorithm>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "core/unicode.h"

namespace glossa {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// ---------------------------------------------------------------------------
// Lines

struct Line {
  int number = 0;  // 1-based
  int page = 1;
  bool page_start = false;
  bool trailing_space = false;
  bool blank = true;
  bool bullet = false;  // starts with a bullet (U+FFFD or •) after white space
  std::string text;     // without the page-start space, right-trimmed, repaired
};

std::string TrimRight(std::string_view s) {
  std::size_t end = s.find_last_not_of(" \t\r");
  return end == std::string_view::npos ? std::string()
                                       : std::string(s.substr(0, end + 1));
}

std::string TrimLeft(std::string_view s) {
  std::size_t start = s.find_first_not_of(" \t");
  return start == std::string_view::npos ? std::string()
                                         : std::string(s.substr(start));
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// ---------------------------------------------------------------------------
// Corrections

enum class Role {
  kBlank,
  kBody,
  kKeyFindingsHead,
  kBullet,
  kTitle,
  kSection,
  kSubsection,
  kRunIn,
  kItem,
  kNote,
  kLabel,
  kSource,
  kCaption,
  kQuote,
  kSidebar,
};

struct Correction {
  int first = 0;
  int last = 0;
  Role role = Role::kBody;
  std::string figure;  // figure number for figure/caption
};

struct Replacement {
  int line = 0;
  std::string from;
  std::string to;
};

struct Corrections {
  std::vector<Correction> regions;
  std::vector<Replacement> replacements;
  DocumentInfo info;  // from "meta" directives

  const Correction* At(int line) const {
    for (const Correction& c : regions) {
      if (line >= c.first && line <= c.last) return &c;
    }
    return nullptr;
  }
};

// Splits a directive line into words; "..." is one word (\" and \\ escape).
std::optional<std::vector<std::string>> Words(std::string_view line,
                                              std::size_t* bad) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < line.size()) {
    if (line[i] == ' ' || line[i] == '\t') {
      ++i;
      continue;
    }
    if (line[i] == '#') break;
    std::string word;
    if (line[i] == '"') {
      std::size_t start = i++;
      bool closed = false;
      while (i < line.size()) {
        if (line[i] == '\\' && i + 1 < line.size()) {
          word += line[i + 1];
          i += 2;
        } else if (line[i] == '"') {
          closed = true;
          ++i;
          break;
        } else {
          word += line[i++];
        }
      }
      if (!closed) {
        *bad = start;
        return std::nullopt;
      }
    } else {
      while (i < line.size() && line[i] != ' ' && line[i] != '\t')
        word += line[i++];
    }
    words.push_back(word);
  }
  return words;
}

bool ParseLines(const std::string& word, int* first, int* last) {
  static const std::regex kRange(R"((\d+)(?:-(\d+))?)");
  std::smatch m;
  if (!std::regex_match(word, m, kRange)) return false;
  *first = std::stoi(m[1].str());
  *last = m[2].matched ? std::stoi(m[2].str()) : *first;
  return *first > 0 && *last >= *first;
}

Corrections ParseCorrections(std::string_view text, const std::string& name,
                             Diagnostics& diags) {
  Corrections out;
  int number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++number;
    std::size_t bad = 0;
    std::optional<std::vector<std::string>> words = Words(line, &bad);
    if (!words) {
      diags.Error({name, number, static_cast<int>(bad) + 1},
                  "unterminated quoted text");
      continue;
    }
    if (words->empty()) continue;
    auto error = [&](const std::string& message) {
      diags.Error({name, number, 1}, message);
    };
    const std::vector<std::string>& w = *words;
    if (w[0] == "meta") {
      static const std::set<std::string> kKeys = {
          "author",         "series",        "publisher", "language",
          "original-title", "original-date", "note",      "rights"};
      if (w.size() != 3 || kKeys.count(w[1]) == 0) {
        error(
            "expected: meta KEY \"VALUE\" (KEY: author, series, publisher, "
            "language, "
            "original-title, original-date, note, rights)");
        continue;
      }
      DocumentInfo& info = out.info;
      if (w[1] == "author") info.authors.push_back(w[2]);
      if (w[1] == "series") info.series = w[2];
      if (w[1] == "publisher") info.publisher = w[2];
      if (w[1] == "language") info.language = w[2];
      if (w[1] == "original-title") info.original_title = w[2];
      if (w[1] == "original-date") info.original_date = w[2];
      if (w[1] == "note") info.notes.push_back(w[2]);
      if (w[1] == "rights") info.rights = w[2];
      continue;
    }
    if (w[0] == "replace") {
      int line_number = 0, unused = 0;
      if (w.size() != 4 || !ParseLines(w[1], &line_number, &unused)) {
        error("expected: replace LINE \"FROM\" \"TO\"");
        continue;
      }
      out.replacements.push_back({line_number, w[2], w[3]});
      continue;
    }
    Correction correction;
    if (!ParseLines(w[0], &correction.first, &correction.last)) {
      error("expected a line or a range of lines (N or N-M), not '" + w[0] +
            "'");
      continue;
    }
    if (w.size() < 2) {
      error("missing what lines " + w[0] +
            " are (title, figure, caption, quote, sidebar, body)");
      continue;
    }
    static const std::map<std::string, Role> kRoles = {
        {"title", Role::kTitle},     {"figure", Role::kCaption},
        {"caption", Role::kCaption}, {"quote", Role::kQuote},
        {"sidebar", Role::kSidebar}, {"body", Role::kBody}};
    auto role = kRoles.find(w[1]);
    if (role == kRoles.end()) {
      error("unknown directive '" + w[1] +
            "' (title, figure, caption, quote, sidebar, body, replace)");
      continue;
    }
    correction.role = role->second;
    if (w[1] == "caption" && w.size() != 3) {
      error("expected: LINES caption FIGURE-NUMBER");
      continue;
    }
    if (w.size() >= 3) correction.figure = w[2];
    out.regions.push_back(correction);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Words and joins

bool IsQuoteOrBracket(char32_t c) {
  static const std::u32string kChars = U"„“”\"‚‘’'«»()[]";
  return kChars.find(c) != std::u32string::npos;
}

bool IsWordChar(char32_t c) { return IsLetter(c) || c == U'-'; }

// A token without surrounding quotes, brackets and punctuation, and without
// trailing digits (a glued footnote call).
std::u32string Core(std::u32string token) {
  static const std::u32string kTrailing = U"„“”\"‚‘’'«»()[].,;:!?";
  while (!token.empty() && (IsQuoteOrBracket(token.front()))) token.erase(0, 1);
  while (!token.empty() &&
         (kTrailing.find(token.back()) != std::u32string::npos ||
          IsDigit(token.back()))) {
    token.pop_back();
  }
  return token;
}

bool OnlyWordChars(const std::u32string& s) {
  if (s.empty()) return false;
  for (char32_t c : s) {
    if (!IsWordChar(c)) return false;
  }
  return IsLetter(s.front());
}

bool LooksLikeUrl(std::string_view token) {
  return token.find("://") != std::string_view::npos ||
         StartsWith(token, "www.") || token.find('/') != std::string_view::npos;
}

std::u32string LastToken(const std::u32string& text) {
  std::size_t end = text.find_last_not_of(U" \t");
  if (end == std::u32string::npos) return U"";
  std::size_t start = text.find_last_of(U" \t", end);
  start = start == std::u32string::npos ? 0 : start + 1;
  return text.substr(start, end - start + 1);
}

std::u32string FirstToken(const std::u32string& text) {
  std::size_t start = text.find_first_not_of(U" \t");
  if (start == std::u32string::npos) return U"";
  std::size_t end = text.find_first_of(U" \t", start);
  return text.substr(
      start, end == std::u32string::npos ? std::u32string::npos : end - start);
}

enum class Join { kSpace, kNoSpace, kDropHyphen, kKeepHyphenSpace };

class Joiner {
 public:
  explicit Joiner(const Vocabulary& vocabulary) : vocabulary_(vocabulary) {}

  bool Knows(const std::u32string& word, bool compounds) const {
    return vocabulary_.Knows(FromCodePoints(word), compounds);
  }

  // How the text before a line break and the next line meet.
  Join Decide(const std::string& before, bool trailing_space,
              const std::string& next) const {
    std::u32string prev = CodePoints(TrimRight(before));
    std::u32string following = CodePoints(TrimLeft(next));
    if (prev.empty() || following.empty()) return Join::kSpace;
    std::u32string a = LastToken(prev);
    std::u32string b = FirstToken(following);
    std::string a_utf8 = FromCodePoints(a);
    bool hyphen =
        prev.back() == U'-' && prev.size() >= 2 &&
        (IsLetter(prev[prev.size() - 2]) || IsDigit(prev[prev.size() - 2]));
    if (hyphen) {
      if (LooksLikeUrl(a_utf8))
        return Join::kNoSpace;  // the hyphen is the URL's
      std::u32string b_core = Core(b);
      static const std::set<std::u32string> kConjunctions = {
          U"und", U"oder", U"bzw", U"sowie", U"and", U"or"};
      if (kConjunctions.count(b_core) > 0) return Join::kKeepHyphenSpace;
      std::u32string a_core = Core(a.substr(0, a.size() - 1));
      if (OnlyWordChars(a_core) && OnlyWordChars(b_core) &&
          Knows(a_core + b_core, true)) {
        return Join::kDropHyphen;
      }
      bool compound_with_hyphens = a_core.find(U'-') != std::u32string::npos;
      if (compound_with_hyphens ||
          (!b_core.empty() && IsUppercase(b_core[0]))) {
        return Join::kNoSpace;  // keep the hyphen: "Big-Data-gestützte"
      }
      return Join::kDropHyphen;
    }
    if (IsCjk(prev.back()) && IsCjk(following.front())) return Join::kNoSpace;
    if (!trailing_space && LooksLikeUrl(a_utf8)) return Join::kNoSpace;
    std::u32string a_core = Core(a);
    std::u32string b_core = Core(b);
    // Only a word split in two can be joined: letters up to the break.
    bool a_ends_word = !a.empty() && IsLetter(a.back()) &&
                       a_core == a.substr(a.size() - a_core.size());
    bool b_starts_word = !b.empty() && IsLetter(b.front());
    if (!OnlyWordChars(a_core) || !OnlyWordChars(b_core) || !a_ends_word ||
        !b_starts_word) {
      return Join::kSpace;
    }
    // A capital after a small letter starts a new word: a word split by a
    // line break goes on in small letters.
    if (IsUppercase(b_core[0]) && !IsUppercase(a_core.back()))
      return Join::kSpace;
    bool known_a = Knows(a_core, false);
    bool known_b = Knows(b_core, false);
    if (trailing_space) {
      // The layout says the words are apart; only two fragments that make a
      // word together are joined.
      return !known_a && !known_b && Knows(a_core + b_core, false)
                 ? Join::kNoSpace
                 : Join::kSpace;
    }
    // No space at the line end: most likely one word split in two. Two words
    // stay apart only when each is a word and together they are not.
    bool known_joined =
        IsLowercaseStart(b_core) && Knows(a_core + b_core, true);
    return known_joined || !known_a || !known_b ? Join::kNoSpace : Join::kSpace;
  }

  // Chooses the ligature (ff, fi, fl, ffi, ffl) that makes `token` (with
  // U+FFFD at `at`) a word; nullopt if none does.
  std::optional<std::u32string> Ligature(const std::u32string& token,
                                         std::size_t at) const {
    for (const char32_t* candidate : {U"ffi", U"ffl", U"ff", U"fi", U"fl"}) {
      std::u32string word =
          token.substr(0, at) + candidate + token.substr(at + 1);
      if (word.find(kReplacement) != std::u32string::npos) continue;
      if (Knows(Core(word), true)) return std::u32string(candidate);
    }
    return std::nullopt;
  }

 private:
  static bool IsLowercaseStart(const std::u32string& s) {
    return !s.empty() && IsLetter(s[0]) && !IsUppercase(s[0]);
  }

  const Vocabulary& vocabulary_;
};

// Applies a join decision: appends `next` to `text`.
void ApplyJoin(Join join, std::string* text, const std::string& next) {
  std::string trimmed = TrimRight(*text);
  std::string following = TrimLeft(next);
  switch (join) {
    case Join::kDropHyphen:
      trimmed.pop_back();
      *text = trimmed + following;
      return;
    case Join::kNoSpace:
      *text = trimmed + following;
      return;
    case Join::kKeepHyphenSpace:
    case Join::kSpace:
      *text = trimmed + " " + following;
      return;
  }
}

// ---------------------------------------------------------------------------
// Line repairs: ligatures, markers, CJK spaces, runs of spaces.

std::string RepairLine(const std::string& text, const Joiner& joiner,
                       const std::string& name, int line_number,
                       Diagnostics& diags) {
  std::u32string s = CodePoints(text);
  std::u32string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char32_t c = s[i];
    if (c == kReplacement) {
      bool letter_after = i + 1 < s.size() && IsLetter(s[i + 1]);
      bool letter_before = !out.empty() && IsLetter(out.back());
      if (letter_after) {
        // The word around it, as far as it goes in this line.
        std::size_t start = out.size();
        while (start > 0 && IsWordChar(out[start - 1])) --start;
        std::size_t end = i + 1;
        while (end < s.size() && (IsWordChar(s[end]) || s[end] == kReplacement))
          ++end;
        std::u32string token = out.substr(start) + s.substr(i, end - i);
        std::optional<std::u32string> ligature =
            joiner.Ligature(token, out.size() - start);
        if (ligature) {
          out += *ligature;
          continue;
        }
        if (letter_before) {
          diags.Warning({name, line_number, static_cast<int>(i) + 1},
                        "no ligature makes '" + FromCodePoints(token) +
                            "' a word; wrote 'fi' for U+FFFD");
          out += U"fi";
          continue;
        }
      }
      continue;  // a bullet or marker
    }
    out.push_back(c == U'\t' ? U' ' : c);
  }
  // No space between two CJK characters; one space for a run of spaces.
  std::u32string collapsed;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] == U' ') {
      std::size_t j = i;
      while (j < out.size() && out[j] == U' ') ++j;
      bool between_cjk = !collapsed.empty() && IsCjk(collapsed.back()) &&
                         j < out.size() && IsCjk(out[j]);
      if (!between_cjk && !collapsed.empty() && j < out.size())
        collapsed.push_back(U' ');
      i = j - 1;
      continue;
    }
    collapsed.push_back(out[i]);
  }
  return FromCodePoints(collapsed);
}

// ---------------------------------------------------------------------------
// Blocks and their roles

struct Block {
  std::vector<std::size_t> lines;  // indexes into the line vector
  Role role = Role::kBody;
  int group = -1;  // floats: the figure/quote/sidebar they belong to
  bool corrected = false;
};

struct FloatGroup {
  Node::Kind kind = Node::Kind::kFigure;
  std::string figure;  // number
  std::vector<std::size_t> blocks;
};

int Width(const std::string& s) { return DisplayWidth(s); }

bool AllCapsLine(const std::string& text) {
  std::u32string s = CodePoints(text);
  int letters = 0, upper = 0, words = 1;
  for (char32_t c : s) {
    if (c == U' ') ++words;
    if (IsLetter(c)) {
      ++letters;
      if (IsUppercase(c)) ++upper;
    }
  }
  return letters >= 8 && upper == letters && words >= 2;
}

// Whether text ends a sentence, looking past a glued footnote call.
bool EndsSentence(const std::string& text) {
  static const std::regex kEnd(
      R"(.*[.!?:…]["“”’»)]?(\d{1,3}(, ?\d{1,3})*)?\s*$)");
  return std::regex_match(TrimRight(text), kEnd);
}

bool StartsSentence(const std::string& text) {
  std::u32string s = CodePoints(TrimLeft(text));
  if (s.empty()) return false;
  char32_t c = s[0];
  return IsUppercase(c) || IsDigit(c) || IsQuoteOrBracket(c) || IsCjk(c);
}

const std::regex& SectionPattern() {
  static const std::regex r(R"((\d{1,2})\.\s+(\S.*))");
  return r;
}
const std::regex& SubsectionPattern() {
  static const std::regex r(R"((\d{1,2})\.(\d{1,2})\s+(\S.*))");
  return r;
}
const std::regex& ItemPattern() {
  static const std::regex r(R"((\d{1,2})\)\s*(\S.*))");
  return r;
}
const std::regex& NotePattern() {
  static const std::regex r(R"(\s*(\d{1,3})\s*\|\s*(.*))");
  return r;
}
const std::regex& LabelPattern() {
  static const std::regex r(
      R"((Abbildung|Abb\.|Grafik|Tabelle|Figure|Fig\.|Table)\s+(\d{1,2}))");
  return r;
}
const std::regex& SourcePattern() {
  static const std::regex r(R"((Quelle|Quellen|Source|Sources):\s.*)");
  return r;
}
const std::regex& RunInPattern() {
  static const std::regex r(R"([A-ZÄÖÜ][^:.!?]{1,45}:\s\S.*)");
  return r;
}

bool IsBulletLine(const std::string& raw) {
  // A tab or spaces, then U+FFFD or a bullet, then text.
  std::string s = TrimLeft(raw);
  return s != raw &&
         (StartsWith(s, "\xEF\xBF\xBD") || StartsWith(s, "\xE2\x80\xA2"));
}

// ---------------------------------------------------------------------------
// The importer

class Importer {
 public:
  Importer(const ImportOptions& options, Diagnostics& diags)
      : options_(options),
        diags_(diags),
        vocabulary_(*options.vocabulary),
        joiner_(vocabulary_) {}

  bool Run(std::string_view bytes, Document* out) {
    if (!Validate(bytes)) return false;
    if (!options_.corrections.empty()) {
      corrections_ = ParseCorrections(options_.corrections,
                                      options_.corrections_name, diags_);
    }
    SplitLines(bytes);
    AddDocumentWords();
    for (Line& line : lines_) {
      if (!line.blank)
        line.text =
            RepairLine(line.text, joiner_, options_.name, line.number, diags_);
    }
    MakeBlocks();
    Classify();
    out->info = corrections_.info;
    out->info.source_file = options_.name;
    out->info.source_bytes = static_cast<long long>(bytes.size());
    out->info.source_lines = static_cast<int>(lines_.size());
    Assemble(out);
    FindNoteCalls(out);
    out->info.title = PlainText(out->title);
    out->info.subtitle = PlainText(out->subtitle);
    AssignIds(out);
    Report(*out);
    return true;
  }

 private:
  Location At(int line, int column = 1) const {
    return {options_.name, line, column};
  }

  bool Validate(std::string_view bytes) {
    if (bytes.empty()) {
      diags_.Error(At(1), "file is empty");
      return false;
    }
    std::size_t nul = bytes.find('\0');
    if (nul != std::string_view::npos) {
      LineIndex index(bytes);
      LineIndex::Position p = index.At(nul);
      diags_.Error(At(p.line, p.column),
                   "binary input: a NUL byte at byte offset " +
                       std::to_string(nul) + "; expected text");
      return false;
    }
    if (std::optional<std::size_t> bad = FindInvalidUtf8(bytes)) {
      LineIndex index(bytes);
      LineIndex::Position p = index.At(*bad);
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X",
                    static_cast<unsigned char>(bytes[*bad]));
      diags_.Error(At(p.line, p.column), "invalid UTF-8 at byte offset " +
                                             std::to_string(*bad) + " (" + hex +
                                             ")");
      return false;
    }
    return true;
  }

  void SplitLines(std::string_view bytes) {
    if (StartsWith(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
    std::size_t start = 0;
    int page = 0;
    int number = 0;
    while (start <= bytes.size()) {
      std::size_t end = bytes.find('\n', start);
      if (end == std::string_view::npos) end = bytes.size();
      std::string raw(bytes.substr(start, end - start));
      start = end + 1;
      ++number;
      if (!raw.empty() && raw.back() == '\r') raw.pop_back();
      for (const Replacement& r : corrections_.replacements) {
        if (r.line != number) continue;
        std::size_t at = raw.find(r.from);
        if (at == std::string::npos) {
          diags_.Warning({options_.corrections_name, 0, 0},
                         "replace: '" + r.from + "' is not on line " +
                             std::to_string(number));
        } else {
          raw.replace(at, r.from.size(), r.to);
        }
      }
      Line line;
      line.number = number;
      line.page_start =
          !raw.empty() && raw[0] == ' ' && (raw.size() == 1 || raw[1] != ' ');
      if (line.page_start) raw.erase(0, 1);
      if (line.page_start || page == 0) ++page;
      line.page = page;
      line.trailing_space =
          !raw.empty() && (raw.back() == ' ' || raw.back() == '\t');
      line.bullet = IsBulletLine(raw);
      line.text = TrimRight(raw);
      line.blank = line.text.find_first_not_of(" \t") == std::string::npos;
      if (end == bytes.size() && line.blank && !line.page_start)
        break;  // final newline
      lines_.push_back(std::move(line));
    }
    pages_ = page;
  }

  // The document's own words: tokens inside lines (never split by a line
  // break), letters and hyphens only.
  void AddDocumentWords() {
    for (const Line& line : lines_) {
      std::u32string s = CodePoints(line.text);
      std::vector<std::u32string> tokens;
      std::size_t i = 0;
      while (i < s.size()) {
        while (i < s.size() && (s[i] == U' ' || s[i] == U'\t')) ++i;
        std::size_t j = i;
        while (j < s.size() && s[j] != U' ' && s[j] != U'\t') ++j;
        if (j > i) tokens.push_back(s.substr(i, j - i));
        i = j;
      }
      for (std::size_t t = 1; t + 1 < tokens.size(); ++t) {
        std::u32string core = Core(tokens[t]);
        if (OnlyWordChars(core) && core.back() != U'-' &&
            core.find(kReplacement) == std::u32string::npos) {
          vocabulary_.AddWord(FromCodePoints(core));
        }
      }
    }
  }

  void MakeBlocks() {
    Block current;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      const Line& line = lines_[i];
      if (line.blank || line.page_start) {
        if (!current.lines.empty()) blocks_.push_back(current);
        current = Block();
      }
      if (!line.blank) current.lines.push_back(i);
    }
    if (!current.lines.empty()) blocks_.push_back(current);
  }

  const std::string& Text(const Block& block, std::size_t k) const {
    return lines_[block.lines[k]].text;
  }
  const Line& First(const Block& block) const {
    return lines_[block.lines.front()];
  }

  std::string Joined(const Block& block) const {
    std::string text;
    for (std::size_t k = 0; k < block.lines.size(); ++k) {
      const Line& line = lines_[block.lines[k]];
      if (k == 0) {
        text = TrimLeft(line.text);
      } else {
        const Line& prev = lines_[block.lines[k - 1]];
        ApplyJoin(joiner_.Decide(text, prev.trailing_space, line.text), &text,
                  line.text);
      }
    }
    return text;
  }

  void Classify() {
    int expected_section = 1;
    int current_section = 0;
    int expected_subsection = 1;
    bool in_notes = false;
    bool seen_section = false;
    for (std::size_t b = 0; b < blocks_.size(); ++b) {
      Block& block = blocks_[b];
      std::string first = TrimLeft(Text(block, 0));
      if (const Correction* c = corrections_.At(First(block).number)) {
        block.role = c->role;
        block.corrected = true;
        continue;
      }
      std::smatch m;
      if (in_notes || std::regex_match(first, m, NotePattern())) {
        in_notes = true;
        block.role = Role::kNote;
        continue;
      }
      if (!seen_section && b == 0 && block.lines.size() == 1 &&
          AllCapsLine(first)) {
        block.role = Role::kKeyFindingsHead;
        continue;
      }
      if (!seen_section && First(block).bullet) {
        block.role = Role::kBullet;
        continue;
      }
      if (block.lines.size() <= 3 &&
          std::regex_match(first, m, SectionPattern()) &&
          std::stoi(m[1].str()) == expected_section &&
          !EndsSentence(Joined(block))) {
        block.role = Role::kSection;
        current_section = expected_section++;
        expected_subsection = 1;
        seen_section = true;
        continue;
      }
      if (block.lines.size() <= 3 &&
          std::regex_match(first, m, SubsectionPattern()) &&
          std::stoi(m[1].str()) == current_section &&
          std::stoi(m[2].str()) == expected_subsection) {
        block.role = Role::kSubsection;
        ++expected_subsection;
        continue;
      }
      if (block.lines.size() == 1 &&
          std::regex_match(first, m, LabelPattern())) {
        block.role = Role::kLabel;
        continue;
      }
      if (block.lines.size() == 1 && std::regex_match(first, SourcePattern())) {
        block.role = Role::kSource;
        continue;
      }
      if (std::regex_match(first, m, ItemPattern())) {
        block.role = Role::kItem;
        continue;
      }
      if (IsPullQuote(block)) {
        block.role = Role::kQuote;
        continue;
      }
      if (seen_section && block.lines.size() == 1 && AllCapsLine(first)) {
        block.role = Role::kSidebar;
        continue;
      }
      std::string joined = Joined(block);
      if (seen_section && block.lines.size() <= 2 && Width(joined) <= 140 &&
          std::regex_match(first, RunInPattern()) && !EndsWith(joined, ".")) {
        block.role = Role::kRunIn;
        continue;
      }
      block.role = Role::kBody;
    }
    FindTitle();
    FindCaptions();
    FindSidebars();
    GroupFloats();
  }

  static bool EndsWith(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
  }

  // A pull quote: at least two lines, each short, and not a sentence that
  // ends; it repeats a sentence of the text in the margin.
  bool IsPullQuote(const Block& block) const {
    if (block.lines.size() < 2) return false;
    for (std::size_t k = 0; k < block.lines.size(); ++k) {
      if (Width(TrimLeft(Text(block, k))) > 24) return false;
    }
    std::string last = TrimRight(Text(block, block.lines.size() - 1));
    char end = last.empty() ? '.' : last.back();
    return end != '.' && end != ',' && end != ';' && end != ':';
  }

  // The title: the block right before the first section heading, when it is
  // short and is not a sentence.
  void FindTitle() {
    for (std::size_t b = 0; b < blocks_.size(); ++b) {
      if (blocks_[b].role != Role::kSection) continue;
      if (b == 0) return;
      Block& candidate = blocks_[b - 1];
      if (candidate.corrected || candidate.role != Role::kBody) return;
      if (candidate.lines.size() > 3) return;
      for (std::size_t k = 0; k < candidate.lines.size(); ++k) {
        std::string text = TrimRight(Text(candidate, k));
        if (text.empty() ||
            std::string(".,;:").find(text.back()) != std::string::npos)
          return;
      }
      candidate.role = Role::kTitle;
      return;
    }
  }

  bool IsAnchor(const Block& block) const {
    return block.role == Role::kLabel || block.role == Role::kSource;
  }

  bool CaptionLike(const Block& block) const {
    if (block.role != Role::kBody) return false;
    if (block.lines.size() == 1) return Width(TrimLeft(Text(block, 0))) <= 100;
    for (std::size_t k = 0; k < block.lines.size(); ++k) {
      if (Width(TrimLeft(Text(block, k))) > 50) return false;
    }
    return true;
  }

  // Caption text: blocks between two anchors of one figure on a page, and
  // short blocks that follow an anchor on its page.
  void FindCaptions() {
    for (std::size_t b = 0; b < blocks_.size(); ++b) {
      if (!IsAnchor(blocks_[b])) continue;
      int page = First(blocks_[b]).page;
      // Between this anchor and the next one on the page.
      std::size_t next = b + 1;
      while (next < blocks_.size() && First(blocks_[next]).page == page &&
             (blocks_[next].role == Role::kBody ||
              blocks_[next].role == Role::kCaption)) {
        ++next;
      }
      bool sandwiched = next < blocks_.size() &&
                        First(blocks_[next]).page == page &&
                        IsAnchor(blocks_[next]);
      for (std::size_t c = b + 1; c < next; ++c) {
        if (blocks_[c].corrected) break;
        if (!sandwiched && !CaptionLike(blocks_[c])) break;
        blocks_[c].role = Role::kCaption;
      }
    }
  }

  // A sidebar runs from its capitals heading through the body blocks that
  // follow, up to the next float, heading or page.
  void FindSidebars() {
    for (std::size_t b = 0; b < blocks_.size(); ++b) {
      if (blocks_[b].role != Role::kSidebar || blocks_[b].corrected) continue;
      int page = First(blocks_[b]).page;
      for (std::size_t c = b + 1; c < blocks_.size(); ++c) {
        if (blocks_[c].role != Role::kBody || First(blocks_[c]).page_start ||
            First(blocks_[c]).page != page) {
          break;
        }
        blocks_[c].role = Role::kSidebar;
        blocks_[c].group = -2;  // continues the sidebar before it
      }
    }
  }

  // Gathers float blocks into figures, quotes and sidebars.
  void GroupFloats() {
    std::map<std::string, int> figure_by_number;
    for (std::size_t b = 0; b < blocks_.size(); ++b) {
      Block& block = blocks_[b];
      Role role = block.role;
      bool figure_part = role == Role::kLabel || role == Role::kSource ||
                         role == Role::kCaption;
      if (role == Role::kQuote) {
        block.group = NewGroup(Node::Kind::kQuote, "", b);
      } else if (role == Role::kSidebar) {
        bool continues =
            block.group == -2 ||
            (block.corrected && b > 0 &&
             blocks_[b - 1].role == Role::kSidebar &&
             blocks_[b - 1].corrected && SameCorrection(blocks_[b - 1], block));
        if (continues && b > 0 && blocks_[b - 1].group >= 0) {
          block.group = blocks_[b - 1].group;
          groups_[block.group].blocks.push_back(b);
        } else {
          block.group = NewGroup(Node::Kind::kSidebar, "", b);
        }
      } else if (figure_part) {
        std::string number;
        std::smatch m;
        std::string first = TrimLeft(Text(block, 0));
        if (role == Role::kLabel && std::regex_match(first, m, LabelPattern()))
          number = m[2].str();
        const Correction* c =
            block.corrected ? corrections_.At(First(block).number) : nullptr;
        if (c != nullptr && !c->figure.empty()) number = c->figure;
        // A named figure collects every part with its number.
        if (!number.empty() && figure_by_number.count(number) > 0) {
          block.group = figure_by_number[number];
          groups_[block.group].blocks.push_back(b);
          if (groups_[block.group].figure.empty())
            groups_[block.group].figure = number;
          continue;
        }
        // Otherwise it joins the figure of the float run it stands in.
        int joined = -1;
        for (std::size_t p = b; p-- > 0;) {
          const Block& previous = blocks_[p];
          bool previous_figure = previous.role == Role::kLabel ||
                                 previous.role == Role::kSource ||
                                 previous.role == Role::kCaption;
          if (!previous_figure) break;
          int g = previous.group;
          bool labelled_elsewhere = !number.empty() &&
                                    !groups_[g].figure.empty() &&
                                    groups_[g].figure != number;
          bool has_label = false;
          for (std::size_t member : groups_[g].blocks) {
            has_label = has_label || blocks_[member].role == Role::kLabel;
          }
          if (!labelled_elsewhere && !(role == Role::kLabel && has_label))
            joined = g;
          break;
        }
        if (joined >= 0) {
          block.group = joined;
          groups_[joined].blocks.push_back(b);
          if (!number.empty()) {
            groups_[joined].figure = number;
            figure_by_number[number] = joined;
          }
        } else {
          block.group = NewGroup(Node::Kind::kFigure, number, b);
          if (!number.empty()) figure_by_number[number] = block.group;
        }
      }
    }
  }

  bool SameCorrection(const Block& a, const Block& b) const {
    return corrections_.At(First(a).number) == corrections_.At(First(b).number);
  }

  int NewGroup(Node::Kind kind, const std::string& figure, std::size_t block) {
    FloatGroup group;
    group.kind = kind;
    group.figure = figure;
    group.blocks.push_back(block);
    groups_.push_back(group);
    return static_cast<int>(groups_.size()) - 1;
  }

  // -------------------------------------------------------------------------
  // Assembly

  // The text being built: a paragraph, item, key finding or footnote.
  struct OpenText {
    bool open = false;
    Node node;             // paragraphs and items
    bool is_note = false;  // footnote: goes to Document::notes
    Note note;
    std::string text;  // the text of the current run (since the last break)
    bool trailing_space = false;  // of the last line added
  };

  Content& OpenContent() {
    return open_.is_note ? open_.note.content : open_.node.content;
  }
  Provenance& OpenSource() {
    return open_.is_note ? open_.note.source : open_.node.source;
  }

  std::vector<Node>* Container(Document* doc) {
    std::vector<Node>* nodes = in_front_ ? &doc->front : &doc->body;
    for (std::size_t index : path_) nodes = &(*nodes)[index].children;
    return nodes;
  }

  void StartText(Node::Kind kind, const std::string& text, const Line& line) {
    open_ = OpenText();
    open_.open = true;
    open_.node.kind = kind;
    open_.node.source = {line.page, line.number, line.number};
    open_.text = TrimLeft(text);
    open_.trailing_space = line.trailing_space;
  }

  void StartNote(int number, const std::string& text, const Line& line) {
    open_ = OpenText();
    open_.open = true;
    open_.is_note = true;
    open_.note.number = number;
    open_.note.source = {line.page, line.number, line.number};
    open_.text = TrimLeft(text);
    open_.trailing_space = line.trailing_space;
  }

  void AddLine(const std::string& text, const Line& line) {
    // Page breaks waiting since the last line go inside the text, where it
    // crossed them.
    std::vector<Node> keep;
    std::vector<int> pages;
    for (Node& event : pending_) {
      if (event.kind == Node::Kind::kPageBreak) {
        pages.push_back(std::stoi(event.n));
      } else {
        keep.push_back(std::move(event));
      }
    }
    pending_ = std::move(keep);
    Join join = joiner_.Decide(open_.text, open_.trailing_space, text);
    if (!pages.empty()) {
      // Flush the run before the break, keeping the join's effect on it.
      std::string joined = open_.text;
      ApplyJoin(join, &joined, "\x01");
      std::size_t marker = joined.rfind('\x01');
      AppendText(&OpenContent(), joined.substr(0, marker));
      for (int page : pages)
        OpenContent().push_back({Span::Kind::kPageBreak, "", page});
      open_.text = TrimLeft(text);
    } else {
      ApplyJoin(join, &open_.text, text);
    }
    open_.trailing_space = line.trailing_space;
    OpenSource().last_line = line.number;
  }

  void CloseText(Document* doc) {
    FinishText(doc);
    FlushPending(doc);
  }

  void FlushPending(Document* doc) {
    for (Node& event : pending_) Container(doc)->push_back(std::move(event));
    pending_.clear();
  }

  void FinishText(Document* doc) {
    if (open_.open) {
      AppendText(&OpenContent(), open_.text);
      if (open_.is_note) {
        doc->notes.push_back(std::move(open_.note));
      } else if (open_.node.kind == Node::Kind::kItem) {
        std::vector<Node>* nodes = Container(doc);
        // A page break between two items stays inside the list.
        std::size_t last = nodes->size();
        while (last > 0 && (*nodes)[last - 1].kind == Node::Kind::kPageBreak)
          --last;
        if (last > 0 && last < nodes->size() &&
            (*nodes)[last - 1].kind == Node::Kind::kList) {
          Node& list = (*nodes)[last - 1];
          for (std::size_t i = last; i < nodes->size(); ++i) {
            list.children.push_back(std::move((*nodes)[i]));
          }
          nodes->resize(last);
        }
        if (nodes->empty() || nodes->back().kind != Node::Kind::kList) {
          Node list;
          list.kind = Node::Kind::kList;
          list.source = open_.node.source;
          nodes->push_back(std::move(list));
        }
        nodes->back().children.push_back(std::move(open_.node));
        nodes->back().source.last_line =
            nodes->back().children.back().source.last_line;
      } else {
        Container(doc)->push_back(std::move(open_.node));
      }
      open_ = OpenText();
    }
  }

  // Whether `line` continues the open text across blank lines, a page break
  // or floats: unless the text ended a sentence and the line starts one.
  bool Continues(const std::string& text) const {
    if (!open_.open) return false;
    return !(EndsSentence(open_.text) && StartsSentence(text));
  }

  void PageBreak(const Line& line, Document* doc) {
    Node pb;
    pb.kind = Node::Kind::kPageBreak;
    pb.n = std::to_string(line.page);
    pb.source = {line.page, line.number, line.number};
    if (open_.open) {
      pending_.push_back(std::move(pb));
    } else {
      Container(doc)->push_back(std::move(pb));
    }
  }

  Node MakeFloat(const FloatGroup& group) {
    Node node;
    node.kind = group.kind;
    node.n = group.figure;
    const Line& first = First(blocks_[group.blocks.front()]);
    node.source = {first.page, first.number, first.number};
    if (group.kind == Node::Kind::kQuote) node.type = "pull";
    Node head, source;
    std::vector<Node> parts;
    for (std::size_t b : group.blocks) {
      const Block& block = blocks_[b];
      const Line& last = lines_[block.lines.back()];
      node.source.last_line = std::max(node.source.last_line, last.number);
      std::string text = Joined(block);
      Node part;
      part.kind = Node::Kind::kParagraph;
      part.source = {First(block).page, First(block).number, last.number};
      AppendText(&part.content, text);
      if (group.kind == Node::Kind::kQuote) {
        AppendText(&node.content, text);
      } else if (block.role == Role::kLabel) {
        part.kind = Node::Kind::kHead;
        head = std::move(part);
      } else if (block.role == Role::kSource) {
        part.type = "source";
        source = std::move(part);
      } else if (group.kind == Node::Kind::kSidebar && parts.empty() &&
                 head.content.empty()) {
        part.kind = Node::Kind::kHead;
        head = std::move(part);
      } else {
        parts.push_back(std::move(part));
      }
    }
    if (!head.content.empty()) node.children.push_back(std::move(head));
    for (Node& part : parts) node.children.push_back(std::move(part));
    if (!source.content.empty()) node.children.push_back(std::move(source));
    return node;
  }

  void OpenDiv(Document* doc, const std::string& type, const std::string& n,
               const Block& block, std::size_t depth) {
    CloseText(doc);
    while (path_.size() > depth) path_.pop_back();
    Node div;
    div.kind = Node::Kind::kDiv;
    div.type = type;
    div.n = n;
    const Line& first = First(block);
    div.source = {first.page, first.number, lines_[block.lines.back()].number};
    Node head;
    head.kind = Node::Kind::kHead;
    head.source = div.source;
    std::string text = Joined(block);
    if (type == "section" || type == "subsection") {
      std::smatch m;
      std::regex_match(
          text, m, type == "section" ? SectionPattern() : SubsectionPattern());
      text = m[m.size() - 1].str();
    }
    AppendText(&head.content, text);
    div.children.push_back(std::move(head));
    std::vector<Node>* nodes = Container(doc);
    nodes->push_back(std::move(div));
    path_.push_back(nodes->size() - 1);
  }

  void Assemble(Document* doc) {
    std::set<int> emitted_groups;
    int previous_page = 0;
    for (std::size_t b = 0; b < blocks_.size(); ++b) {
      const Block& block = blocks_[b];
      const Line& first = First(block);
      // Front matter opens before its page breaks are placed.
      bool front_matter = block.role == Role::kKeyFindingsHead ||
                          block.role == Role::kTitle ||
                          (block.role == Role::kBullet && doc->body.empty());
      if (front_matter && !in_front_) {
        CloseText(doc);
        in_front_ = true;
        path_.clear();
      }
      // Page starts: blank page-start lines before this block, and its own.
      for (std::size_t i = previous_line_ + 1; i <= block.lines.front(); ++i) {
        if (lines_[i].page_start && lines_[i].page != previous_page) {
          previous_page = lines_[i].page;
          if (block.role != Role::kNote) PageBreak(lines_[i], doc);
        }
      }
      previous_line_ = block.lines.back();
      switch (block.role) {
        case Role::kNote:
          NoteBlock(block, doc);
          break;
        case Role::kKeyFindingsHead: {
          CloseText(doc);
          in_front_ = true;
          path_.clear();
          OpenDiv(doc, "keyFindings", "", block, 0);
          break;
        }
        case Role::kBullet:
        case Role::kItem: {
          CloseText(doc);
          std::string text = TrimLeft(first.text);
          std::smatch m;
          Node::Kind kind = Node::Kind::kItem;
          std::string label;
          if (block.role == Role::kItem &&
              std::regex_match(text, m, ItemPattern())) {
            label = m[1].str() + ")";
            text = m[2].str();
          }
          StartText(kind, text, first);
          open_.node.n = label;
          for (std::size_t k = 1; k < block.lines.size(); ++k) {
            AddLine(lines_[block.lines[k]].text, lines_[block.lines[k]]);
          }
          break;
        }
        case Role::kTitle: {
          // What waited for the last key finding to end (the page before
          // the title) stands beside the key findings, not in them.
          FinishText(doc);
          in_front_ = true;
          path_.clear();
          FlushPending(doc);
          AppendText(&doc->title, TrimLeft(first.text));
          std::string subtitle;
          for (std::size_t k = 1; k < block.lines.size(); ++k) {
            const Line& line = lines_[block.lines[k]];
            if (subtitle.empty()) {
              subtitle = TrimLeft(line.text);
            } else {
              ApplyJoin(joiner_.Decide(
                            subtitle, lines_[block.lines[k - 1]].trailing_space,
                            line.text),
                        &subtitle, line.text);
            }
          }
          AppendText(&doc->subtitle, subtitle);
          doc->title_source = {first.page, first.number,
                               lines_[block.lines.back()].number};
          break;
        }
        case Role::kSection: {
          in_front_ = false;
          std::smatch m;
          std::string text = TrimLeft(first.text);
          std::regex_match(text, m, SectionPattern());
          OpenDiv(doc, "section", m[1].str(), block, 0);
          break;
        }
        case Role::kSubsection: {
          std::smatch m;
          std::string text = TrimLeft(first.text);
          std::regex_match(text, m, SubsectionPattern());
          OpenDiv(doc, "subsection", m[1].str() + "." + m[2].str(), block, 1);
          break;
        }
        case Role::kRunIn: {
          std::size_t depth = path_.size();
          // A run-in part sits in the innermost numbered division.
          std::vector<Node>* nodes = in_front_ ? &doc->front : &doc->body;
          std::size_t numbered = 0;
          for (std::size_t d = 0; d < path_.size(); ++d) {
            const Node& div = (*nodes)[path_[d]];
            if (div.type == "section" || div.type == "subsection")
              numbered = d + 1;
            nodes = &(*nodes)[path_[d]].children;
          }
          depth = numbered;
          OpenDiv(doc, "part", "", block, depth);
          break;
        }
        case Role::kLabel:
        case Role::kSource:
        case Role::kCaption:
        case Role::kQuote:
        case Role::kSidebar: {
          if (block.group < 0 || emitted_groups.count(block.group) > 0) break;
          emitted_groups.insert(block.group);
          Node node = MakeFloat(groups_[block.group]);
          if (open_.open) {
            pending_.push_back(std::move(node));
          } else {
            Container(doc)->push_back(std::move(node));
          }
          break;
        }
        case Role::kBody:
        case Role::kBlank:
          BodyBlock(block, doc);
          break;
      }
    }
    CloseText(doc);
  }

  void BodyBlock(const Block& block, Document* doc) {
    for (std::size_t k = 0; k < block.lines.size(); ++k) {
      const Line& line = lines_[block.lines[k]];
      if (k > 0 || Continues(line.text)) {
        AddLine(line.text, line);
      } else {
        CloseText(doc);
        StartText(Node::Kind::kParagraph, line.text, line);
      }
    }
  }

  void NoteBlock(const Block& block, Document* doc) {
    for (std::size_t k = 0; k < block.lines.size(); ++k) {
      const Line& line = lines_[block.lines[k]];
      std::smatch m;
      if (std::regex_match(line.text, m, NotePattern())) {
        CloseText(doc);
        StartNote(std::stoi(m[1].str()), m[2].str(), line);
      } else if (open_.open && open_.is_note) {
        AddLine(line.text, line);
      } else {
        diags_.Warning(At(line.number),
                       "text in the notes that belongs to no footnote; kept as "
                       "a paragraph");
        CloseText(doc);
        StartText(Node::Kind::kParagraph, line.text, line);
      }
    }
  }

  // -------------------------------------------------------------------------
  // Footnote calls

  struct TextRef {
    int line;
    Content* content;
  };

  // Texts that may hold calls: not figure labels ("Abbildung 1").
  void CollectContents(std::vector<Node>& nodes, bool in_figure,
                       std::vector<TextRef>* out) {
    for (Node& node : nodes) {
      bool label = in_figure && node.kind == Node::Kind::kHead;
      if (!node.content.empty() && !label) {
        out->push_back({node.source.first_line, &node.content});
      }
      CollectContents(node.children, node.kind == Node::Kind::kFigure, out);
    }
  }

  // Splits the numbers that are footnote calls out of the text, in reading
  // order: a number is a call when it is the next footnote and stands where
  // calls stand (glued to a word or punctuation, after "), " or at the end).
  void FindNoteCalls(Document* doc) {
    std::vector<TextRef> texts;
    if (!doc->title.empty())
      texts.push_back({doc->title_source.first_line, &doc->title});
    if (!doc->subtitle.empty())
      texts.push_back({doc->title_source.first_line, &doc->subtitle});
    CollectContents(doc->front, false, &texts);
    CollectContents(doc->body, false, &texts);
    std::stable_sort(
        texts.begin(), texts.end(),
        [](const TextRef& a, const TextRef& b) { return a.line < b.line; });
    std::set<int> numbers;
    for (const Note& note : doc->notes) numbers.insert(note.number);
    int expected = 1;
    for (TextRef& ref : texts) {
      Content result;
      for (Span& span : *ref.content) {
        if (span.kind != Span::Kind::kText) {
          result.push_back(span);
          continue;
        }
        SplitCalls(span.text, numbers, &expected, &result);
      }
      *ref.content = std::move(result);
    }
    for (int n : numbers) {
      if (n >= expected) {
        diags_.Warning(
            At(FindNote(*doc, n)->source.first_line),
            "footnote " + std::to_string(n) + " is never called in the text");
      }
    }
  }

  static void SplitCalls(const std::string& text, const std::set<int>& numbers,
                         int* expected, Content* out) {
    std::u32string s = CodePoints(text);
    std::u32string pending;
    static const std::u32string kGlue = U".,;:!?)”“\"’»";
    std::size_t i = 0;
    bool last_was_call = false;
    while (i < s.size()) {
      if (!IsDigit(s[i]) || (i > 0 && IsDigit(s[i - 1]))) {
        pending.push_back(s[i++]);
        continue;
      }
      std::size_t j = i;
      while (j < s.size() && IsDigit(s[j]) && j - i < 4) ++j;
      bool digits_end = j == s.size() || !IsDigit(s[j]);
      bool after_ok = j == s.size() || s[j] == U' ' || s[j] == U',';
      int value = digits_end && j - i <= 3
                      ? std::stoi(FromCodePoints(s.substr(i, j - i)))
                      : -1;
      bool glued = i > 0 && (IsLetter(s[i - 1]) ||
                             kGlue.find(s[i - 1]) != std::u32string::npos);
      bool spaced = i > 1 && s[i - 1] == U' ' &&
                    (s[i - 2] == U')' || s[i - 2] == U',' ||
                     (j == s.size() && IsLetter(s[i - 2])));
      if (value == *expected && numbers.count(value) > 0 && digits_end &&
          after_ok && (glued || spaced)) {
        if (spaced) pending.pop_back();  // the space before the call
        // Two calls in a row ("4, 5") need no separator.
        if (last_was_call && (pending == U", " || pending == U","))
          pending.clear();
        AppendText(out, FromCodePoints(pending));
        pending.clear();
        out->push_back({Span::Kind::kNoteCall, "", value});
        ++*expected;
        last_was_call = true;
        i = j;
        continue;
      }
      if (!pending.empty() && !(pending == U", " || pending == U","))
        last_was_call = false;
      pending.append(s.substr(i, j - i));
      i = j;
    }
    if (!pending.empty()) AppendText(out, FromCodePoints(pending));
  }

  // -------------------------------------------------------------------------
  // Ids

  void AssignIds(Document* doc) {
    for (Note& note : doc->notes) note.id = "fn" + std::to_string(note.number);
    Counters front;
    for (Node& node : doc->front) Name(node, "front", &front);
    Counters body;
    for (Node& node : doc->body) Name(node, "", &body);
  }

  struct Counters {
    int paragraphs = 0, items = 0, quotes = 0, figures = 0, sidebars = 0,
        parts = 0, lists = 0;
  };

  void Name(Node& node, const std::string& scope, Counters* counters) {
    auto id = [&](const char* kind, int n) {
      return (scope.empty() ? std::string("s0") : scope) + "." + kind +
             std::to_string(n);
    };
    switch (node.kind) {
      case Node::Kind::kDiv: {
        if (node.type == "section" || node.type == "subsection") {
          node.id = "s" + node.n;
          Counters inner;
          for (Node& child : node.children) Name(child, node.id, &inner);
          return;
        }
        if (node.type == "keyFindings") {
          node.id = "kf";
          for (Node& child : node.children) Name(child, "kf", counters);
          return;
        }
        node.id = id("d", ++counters->parts);
        for (Node& child : node.children) Name(child, scope, counters);
        return;
      }
      case Node::Kind::kParagraph:
        node.id = id("p", ++counters->paragraphs);
        return;
      case Node::Kind::kList:
        node.id = id("l", ++counters->lists);
        for (Node& child : node.children) Name(child, scope, counters);
        return;
      case Node::Kind::kItem:
        node.id = scope == "kf" ? "kf." + std::to_string(++counters->items)
                                : id("i", ++counters->items);
        return;
      case Node::Kind::kQuote:
        node.id = id("q", ++counters->quotes);
        return;
      case Node::Kind::kFigure:
        node.id =
            node.n.empty() ? id("f", ++counters->figures) : "fig" + node.n;
        return;
      case Node::Kind::kSidebar:
        node.id = id("box", ++counters->sidebars);
        return;
      case Node::Kind::kHead:
      case Node::Kind::kPageBreak:
        return;
    }
  }

  // -------------------------------------------------------------------------
  // What was not recognised

  void Report(const Document& doc) {
    bool any_page = false;
    for (const Line& line : lines_)
      any_page = any_page || (line.page_start && line.number > 1);
    if (!any_page) {
      diags_.Warning(At(1),
                     "no page starts found (lines that begin with one space); "
                     "the text is one page");
    }
    if (doc.body.empty() ||
        std::none_of(doc.body.begin(), doc.body.end(), [](const Node& n) {
          return n.kind == Node::Kind::kDiv && n.type == "section";
        })) {
      diags_.Warning(At(1),
                     "no numbered sections found (\"1. Title\"); the text is "
                     "imported as paragraphs");
    }
    if (doc.notes.empty()) {
      diags_.Warning(At(1), "no footnotes found (lines \"N | text\")");
    }
    int expected = 1;
    for (const Note& note : doc.notes) {
      if (note.number != expected) {
        diags_.Warning(At(note.source.first_line),
                       "footnote " + std::to_string(note.number) +
                           " follows footnote " + std::to_string(expected - 1));
      }
      expected = note.number + 1;
    }
    for (const Correction& c : corrections_.regions) {
      if (c.first > static_cast<int>(lines_.size())) {
        diags_.Warning({options_.corrections_name, 0, 0},
                       "lines " + std::to_string(c.first) + "-" +
                           std::to_string(c.last) +
                           " are past the end of the input");
      }
    }
  }

  const ImportOptions& options_;
  Diagnostics& diags_;
  Vocabulary vocabulary_;
  Joiner joiner_;
  Corrections corrections_;
  std::vector<Line> lines_;
  std::vector<Block> blocks_;
  std::vector<FloatGroup> groups_;
  int pages_ = 0;

  OpenText open_;
  std::vector<Node>
      pending_;  // page breaks and floats waiting for a paragraph's end
  std::vector<std::size_t> path_;
  bool in_front_ = false;  // front matter: key findings, the title
  std::size_t previous_line_ = static_cast<std::size_t>(-1);
};

}  // namespace

bool ImportText(std::string_view bytes, const ImportOptions& options,
                Diagnostics& diags, Document* out) {
  *out = Document();
  return Importer(options, diags).Run(bytes, out);
}

}  // namespace glossa
