#include "core/cedict.h"

#include <optional>

#include "core/unicode.h"

namespace glossa {
namespace {

Term MakeTerm(std::string text, TermStatus status) {
  Term term;
  term.text = std::move(text);
  term.status = status;
  return term;
}

LangSection Section(std::string_view lang, Term term) {
  LangSection section;
  section.lang = std::string(lang);
  section.terms.push_back(std::move(term));
  return section;
}

}  // namespace

bool LooksLikeCedict(std::string_view bytes) {
  if (bytes.substr(0, 12) == "# CC-CEDICT\n" ||
      bytes.find("#! version=1") < 1024)
    return true;
  std::size_t end = bytes.find('\n');
  std::string_view line = bytes.substr(0, end);
  std::size_t bracket = line.find(" [");
  return bracket != std::string_view::npos &&
         line.find("] /") != std::string_view::npos && line.back() == '/';
}

bool ReadCedict(std::string_view bytes, std::string_view name,
                Diagnostics& diags, Glossary* out) {
  if (std::optional<std::size_t> bad = FindInvalidUtf8(bytes)) {
    LineIndex index(bytes);
    LineIndex::Position p = index.At(*bad);
    diags.Error({std::string(name), p.line, p.column},
                "invalid UTF-8 at byte offset " + std::to_string(*bad));
    return false;
  }
  out->name = std::string(name);
  out->lang = "zh";
  out->dialect = "CC-CEDICT";
  std::size_t start = 0;
  int number = 0;
  while (start < bytes.size()) {
    std::size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view line = bytes.substr(start, end - start);
    start = end + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    std::size_t space = line.find(' ');
    std::size_t second =
        space == std::string_view::npos ? space : line.find(' ', space + 1);
    std::size_t open = line.find(" [");
    std::size_t close = line.find("] /");
    if (second == std::string_view::npos || open != second ||
        close == std::string_view::npos || line.back() != '/') {
      diags.Warning(
          {std::string(name), number, 1},
          "not a CC-CEDICT line (TRAD SIMP [pin1 yin1] /gloss/); skipped");
      continue;
    }
    std::string traditional(line.substr(0, space));
    std::string simplified(line.substr(space + 1, second - space - 1));
    std::string reading(line.substr(open + 2, close - open - 2));
    Concept entry;
    entry.id = "cedict-" + std::to_string(number);
    entry.origin = {std::string(name), number, 1};
    entry.languages.push_back(Section(
        kSimplifiedChinese, MakeTerm(simplified, TermStatus::kUnspecified)));
    entry.languages.push_back(Section(
        kTraditionalChinese, MakeTerm(traditional, TermStatus::kUnspecified)));
    Term pinyin = MakeTerm(PinyinToneMarks(reading), TermStatus::kUnspecified);
    pinyin.sources.push_back("CC-CEDICT: [" + reading + "]");
    entry.languages.push_back(Section(kPinyin, std::move(pinyin)));
    LangSection english;
    english.lang = "en";
    std::string_view glosses = line.substr(close + 3);
    std::size_t at = 0;
    while (at < glosses.size()) {
      std::size_t slash = glosses.find('/', at);
      if (slash == std::string_view::npos) slash = glosses.size();
      if (slash > at)
        english.definitions.push_back(
            {std::string(glosses.substr(at, slash - at)), "CC-CEDICT", ""});
      at = slash + 1;
    }
    // A section needs a term to be TBX; CC-CEDICT's glosses are definitions.
    if (!english.definitions.empty())
      entry.languages.push_back(std::move(english));
    out->concepts.push_back(std::move(entry));
  }
  return true;
}

}  // namespace glossa
