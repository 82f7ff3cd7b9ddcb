// The two tabular exports of export.h: OmegaT's tab-separated glossary and a
// spreadsheet (CSV) for the CAT tools that map columns to languages. Which
// tool reads which, and how, is in the README ("glossa export").

#include <algorithm>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/export.h"
#include "core/glossary.h"
#include "core/passages.h"
#include "core/unicode.h"

namespace glossa {
namespace {

// The most columns of a definition an OmegaT comment shows.
constexpr int kShortDefinition = 200;
// Between the parts of a comment: "社會信用 · shèhuì xìnyòng · …".
constexpr std::string_view kPartSeparator = " · ";
// Between the terms of one CSV cell: memoQ splits such a cell into
// alternatives ("Split alternatives in field by"), as Glossary Converter's
// default synonym separator does.
constexpr std::string_view kCellSeparator = "|";

// "zh" for any tag of the Chinese sections (the name exports use for all
// three), else the tag as given.
std::string ExportLanguage(std::string_view tag) {
  for (std::string_view chinese :
       {std::string_view("zh"), kSimplifiedChinese, kTraditionalChinese,
        kPinyin, std::string_view("zh-CN"), std::string_view("zh-TW")}) {
    if (SameLanguage(tag, chinese)) return "zh";
  }
  return std::string(tag);
}

// The terms of `lang` ("zh": the simplified ones, each with its traditional
// form and reading; else `simplified` is the term and the others are null).
std::vector<ChineseForms> FormsOf(const Concept& entry, std::string_view lang) {
  std::vector<ChineseForms> out;
  if (lang == "zh") {
    for (const ChineseForms& forms : ChineseTerms(entry)) {
      if (forms.simplified != nullptr) out.push_back(forms);
    }
  } else if (const LangSection* section = entry.Language(lang)) {
    for (const Term& term : section->terms) out.push_back({&term});
  }
  return out;
}

bool Avoided(const Term& term) {
  return term.status == TermStatus::kDeprecated ||
         term.status == TermStatus::kSuperseded;
}

// A term a translator may be offered: neither deprecated nor superseded,
// and not a matching form (termType variant).
bool Offered(const Term& term) {
  return !Avoided(term) && term.type != TermType::kVariant;
}

// The offered terms, preferred ones first, otherwise in the file's order.
std::vector<ChineseForms> OfferedForms(const Concept& entry,
                                       std::string_view lang) {
  std::vector<ChineseForms> out;
  for (const ChineseForms& forms : FormsOf(entry, lang)) {
    if (Offered(*forms.simplified)) out.push_back(forms);
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.simplified->status == TermStatus::kPreferred &&
           b.simplified->status != TermStatus::kPreferred;
  });
  return out;
}

std::vector<ChineseForms> AvoidedForms(const Concept& entry,
                                       std::string_view lang) {
  std::vector<ChineseForms> out;
  for (const ChineseForms& forms : FormsOf(entry, lang)) {
    if (Avoided(*forms.simplified)) out.push_back(forms);
  }
  return out;
}

// The texts of one of the forms (`pick` chooses which), collapsed, the
// missing and repeated ones left out.
std::vector<std::string> Texts(const std::vector<ChineseForms>& forms,
                               const Term* ChineseForms::*pick) {
  std::vector<std::string> out;
  for (const ChineseForms& f : forms) {
    if (f.*pick == nullptr) continue;
    std::string text = CollapseSpace((f.*pick)->text);
    if (!text.empty() && std::find(out.begin(), out.end(), text) == out.end())
      out.push_back(std::move(text));
  }
  return out;
}

std::string Join(const std::vector<std::string>& parts,
                 std::string_view separator) {
  std::string out;
  for (const std::string& part : parts) {
    if (part.empty()) continue;
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

// The traditional form (when it differs) and the reading of a Chinese term:
// "社會信用 · shèhuì xìnyòng"; "" for other languages.
std::string ChineseReading(const ChineseForms& forms) {
  std::vector<std::string> parts;
  std::string simplified = CollapseSpace(forms.simplified->text);
  if (forms.traditional != nullptr &&
      CollapseSpace(forms.traditional->text) != simplified)
    parts.push_back(CollapseSpace(forms.traditional->text));
  if (forms.pinyin != nullptr)
    parts.push_back(CollapseSpace(forms.pinyin->text));
  return Join(parts, kPartSeparator);
}

// One OmegaT field: a tab or line break inside it would start another
// column or entry, so runs of white space become one space.
std::string TsvField(std::string_view text) { return CollapseSpace(text); }

// The rows of one concept: every source form (the report's inflected forms
// and deprecated terms included, so that OmegaT finds what the text says)
// times every offered target. OmegaT merges rows with the same source into
// one entry ("Dateninseln = information islands, data silos") and numbers
// their comments, so the definition and "avoid: …" go on the first
// (preferred) target's row and, where there are several targets, each row
// says which one it is.
void AppendTsvRows(const Concept& entry, std::string_view source,
                   std::string_view target, std::string* out) {
  std::vector<ChineseForms> targets = OfferedForms(entry, target);
  if (targets.empty()) return;
  std::vector<std::string> avoid =
      Texts(AvoidedForms(entry, target), &ChineseForms::simplified);
  std::string about =
      Join({CutAtWord(ShortDefinition(entry, target), kShortDefinition),
            avoid.empty() ? "" : "avoid: " + Join(avoid, ", ")},
           kPartSeparator);
  std::vector<std::string> seen;
  for (const ChineseForms& from : FormsOf(entry, source)) {
    std::string source_text = TsvField(from.simplified->text);
    if (source_text.empty() ||
        std::find(seen.begin(), seen.end(), source_text) != seen.end())
      continue;
    seen.push_back(source_text);
    for (std::size_t i = 0; i < targets.size(); ++i) {
      const ChineseForms& to = targets[i];
      std::vector<std::string> comment;
      if (targets.size() > 1)
        comment.emplace_back(StatusName(to.simplified->status));
      if (i == 0) comment.push_back(ChineseReading(from));
      comment.push_back(ChineseReading(to));
      if (i == 0) comment.push_back(about);
      *out += source_text + '\t' + TsvField(to.simplified->text) + '\t' +
              TsvField(Join(comment, kPartSeparator)) + '\n';
    }
  }
}

// RFC 4180: a field holding a comma, a quotation mark or a line break is
// quoted, its quotation marks doubled.
std::string CsvField(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos)
    return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

// The languages of the CSV, in the order asked for, else German and English
// (the report's language and the common one) and then the others in the
// order the glossary first names them; Chinese once, as "zh".
std::vector<std::string> CsvLanguages(const Glossary& glossary,
                                      const ExportOptions& options) {
  auto add = [](std::vector<std::string>& list, const std::string& tag) {
    std::string lang = ExportLanguage(tag);
    if (std::find(list.begin(), list.end(), lang) == list.end())
      list.push_back(lang);
  };
  std::vector<std::string> out;
  if (!options.languages.empty()) {
    for (const std::string& tag : options.languages) add(out, tag);
    return out;
  }
  std::vector<std::string> named;
  for (const Concept& entry : glossary.concepts) {
    for (const LangSection& section : entry.languages) add(named, section.lang);
  }
  for (const char* first : {"de", "en"}) {
    if (std::find(named.begin(), named.end(), first) != named.end())
      out.push_back(first);
  }
  for (const std::string& lang : named) add(out, lang);
  return out;
}

// A column of the CSV: its header, and its cell in an entry's row (forbidden
// < 0) or in the entry's forbidden row number `forbidden` (0, 1, ...).
struct CsvColumn {
  std::string header;
  std::function<std::string(const Concept&, int forbidden)> cell;
};

using FieldOf =
    std::function<std::string(const Concept&, std::string_view lang,
                              const Term* ChineseForms::*pick, int forbidden)>;

// The columns of one term field of every language: `suffix` names the
// field after the language ("" for the term itself), `field` gives the
// cell from a language's forms and one of the Chinese forms.
void AddColumns(const std::vector<std::string>& languages,
                const ExportOptions::ChineseTags tags, std::string_view suffix,
                bool with_pinyin, const FieldOf& field,
                std::vector<CsvColumn>* columns) {
  bool region = tags == ExportOptions::ChineseTags::kRegion;
  for (const std::string& lang : languages) {
    auto add = [&](std::string header, const Term* ChineseForms::*pick) {
      if (!suffix.empty()) header += " " + std::string(suffix);
      columns->push_back({header, [=](const Concept& entry, int forbidden) {
                            return field(entry, lang, pick, forbidden);
                          }});
    };
    if (lang != "zh") {
      add(lang, &ChineseForms::simplified);
      continue;
    }
    add(region ? "zh-CN" : "zh-Hans", &ChineseForms::simplified);
    add(region ? "zh-TW" : "zh-Hant", &ChineseForms::traditional);
    if (with_pinyin) add("zh pinyin", &ChineseForms::pinyin);
  }
}

// Every column of the CSV, in order: Matecat's "Forbidden" (TRUE on the rows
// of terms to avoid), the term of each language (Chinese: simplified,
// traditional, pinyin), then the other offered terms and the definitions,
// each a group over the languages.
std::vector<CsvColumn> CsvColumns(const std::vector<std::string>& languages,
                                  ExportOptions::ChineseTags tags) {
  std::vector<CsvColumn> columns;
  columns.push_back({"Forbidden", [](const Concept&, int forbidden) {
                       return std::string(forbidden < 0 ? "FALSE" : "TRUE");
                     }});
  auto text = [](const std::vector<ChineseForms>& forms, std::size_t first,
                 std::size_t count, const Term* ChineseForms::*pick) {
    std::string out;
    std::size_t end =
        std::min(forms.size(), first + std::min(count, forms.size()));
    for (std::size_t i = first; i < end; ++i) {
      if (!out.empty()) out += kCellSeparator;
      if (forms[i].*pick != nullptr)
        out += CollapseSpace((forms[i].*pick)->text);
    }
    return out;
  };
  AddColumns(
      languages, tags, "", true,
      [&](const Concept& entry, std::string_view lang,
          const Term* ChineseForms::*pick, int forbidden) {
        if (forbidden < 0) return text(OfferedForms(entry, lang), 0, 1, pick);
        return text(AvoidedForms(entry, lang),
                    static_cast<std::size_t>(forbidden), 1, pick);
      },
      &columns);
  AddColumns(
      languages, tags, "synonyms", true,
      [&](const Concept& entry, std::string_view lang,
          const Term* ChineseForms::*pick, int forbidden) {
        if (forbidden >= 0) return std::string();
        return text(OfferedForms(entry, lang), 1, SIZE_MAX, pick);
      },
      &columns);
  AddColumns(
      languages, tags, "definition", false,
      [](const Concept& entry, std::string_view lang,
         const Term* ChineseForms::*pick, int forbidden) {
        std::string_view tag = lang;
        if (lang == "zh")
          tag = pick == &ChineseForms::traditional ? kTraditionalChinese
                                                   : kSimplifiedChinese;
        const LangSection* section = entry.Language(tag);
        if (forbidden >= 0 || section == nullptr ||
            section->definitions.empty())
          return std::string();
        return CollapseSpace(section->definitions.front().text);
      },
      &columns);
  return columns;
}

}  // namespace

std::string WriteOmegaTsv(const Glossary& glossary,
                          const ExportOptions& options) {
  std::string source = ExportLanguage(options.source);
  std::string target = ExportLanguage(options.target);
  std::string out;
  for (const Concept& entry : glossary.concepts)
    AppendTsvRows(entry, source, target, &out);
  return out;
}

CsvParts CsvPartsOf(const Glossary& glossary, const ExportOptions& options) {
  std::vector<CsvColumn> columns =
      CsvColumns(CsvLanguages(glossary, options), options.chinese_tags);
  auto row = [](const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) out += ',';
      out += CsvField(cells[i]);
    }
    return out + "\r\n";
  };
  CsvParts out;
  std::vector<std::string> cells;
  for (const CsvColumn& column : columns) cells.push_back(column.header);
  // The byte order mark makes Excel read the file as UTF-8 (without it,
  // Excel takes a CSV for the ANSI code page); memoQ, translate-toolkit and
  // OmegaT skip it.
  out.head = "\xEF\xBB\xBF" + row(cells);
  // The entry's row, then a row per term to avoid (Matecat's convention:
  // TRUE in "Forbidden" flags every term of the row), the n-th of each
  // language side by side. A row with no term in the languages asked for
  // is not written.
  for (const Concept& entry : glossary.concepts) {
    std::string rows;
    for (int forbidden = -1;; ++forbidden) {
      cells.clear();
      for (const CsvColumn& column : columns)
        cells.push_back(column.cell(entry, forbidden));
      bool empty =
          std::all_of(cells.begin() + 1, cells.end(),
                      [](const std::string& cell) { return cell.empty(); });
      if (empty && forbidden >= 0) break;
      if (!empty) rows += row(cells);
    }
    out.rows.push_back(std::move(rows));
  }
  return out;
}

std::string WriteCsv(const Glossary& glossary, const ExportOptions& options) {
  CsvParts parts = CsvPartsOf(glossary, options);
  std::string out = std::move(parts.head);
  for (const std::string& rows : parts.rows) out += rows;
  return out;
}

}  // namespace glossa
