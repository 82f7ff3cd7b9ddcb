#include "cli/render.h"

#include <algorithm>
#include <map>
#include <vector>

#include "cli/concordance.h"
#include "core/unicode.h"

namespace glossa {
namespace {

bool IsParallelChinese(std::string_view lang) {
  return SameLanguage(lang, kSimplifiedChinese) ||
         SameLanguage(lang, kTraditionalChinese) || SameLanguage(lang, kPinyin);
}

std::string LanguageLabel(std::string_view lang) {
  static const std::map<std::string, std::string, std::less<>> kNames = {
      {"zh-hans", "Chinese"}, {"en", "English"}, {"de", "German"}};
  std::string lower(lang);
  for (char& c : lower)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto found = kNames.find(lower);
  return found != kNames.end() ? found->second : std::string(lang);
}

// Sections in reading order: Chinese, English, German, then the rest as
// they stand in the file. Traditional and pinyin sections are shown with
// the simplified terms they pair with.
std::vector<const LangSection*> DisplayOrder(const Concept& concept_entry) {
  std::vector<const LangSection*> out;
  for (std::string_view lang :
       {kSimplifiedChinese, std::string_view("en"), std::string_view("de")}) {
    if (const LangSection* section = concept_entry.Language(lang))
      out.push_back(section);
  }
  for (const LangSection& section : concept_entry.languages) {
    if (std::find(out.begin(), out.end(), &section) != out.end()) continue;
    if (IsParallelChinese(section.lang) &&
        concept_entry.Language(kSimplifiedChinese))
      continue;
    out.push_back(&section);
  }
  return out;
}

// Writes `text` wrapped to the style's width, each line starting with
// `indent` spaces (the first line continuing after `first_width` columns).
void Wrap(std::string_view text, int indent, int first_width,
          const Style& style, std::ostream& out) {
  int column = first_width;
  int limit = std::max(style.width, indent + 20);
  bool first_word = true;
  std::size_t at = 0;
  std::string collapsed = CollapseSpace(text);
  std::string_view rest = collapsed;
  while (at < rest.size()) {
    std::size_t end = rest.find(' ', at);
    if (end == std::string_view::npos) end = rest.size();
    std::string_view word = rest.substr(at, end - at);
    int width = DisplayWidth(word);
    if (!first_word && column + 1 + width > limit) {
      out << '\n' << std::string(static_cast<std::size_t>(indent), ' ');
      column = indent;
    } else if (!first_word) {
      out << ' ';
      ++column;
    }
    out << word;
    column += width;
    first_word = false;
    at = end + 1;
  }
  out << '\n';
}

std::string Pad(std::string_view text, int width) {
  int missing = width - DisplayWidth(text);
  return std::string(text) +
         std::string(static_cast<std::size_t>(std::max(missing, 0)), ' ');
}

std::string StatusText(const Style& style, TermStatus status) {
  std::string_view name = StatusName(status);
  switch (status) {
    case TermStatus::kPreferred:
      return Paint(style, kGreen, name);
    case TermStatus::kDeprecated:
    case TermStatus::kSuperseded:
      return Paint(style, kRed, name);
    default:
      return std::string(name);
  }
}

std::string Join(const std::vector<std::string>& parts,
                 std::string_view separator) {
  std::string out;
  for (const std::string& part : parts) {
    if (part.empty()) continue;
    if (!out.empty()) out += separator;
    out += CollapseSpace(part);
  }
  return out;
}

std::string GenderMark(const Term& term) {
  if (term.grammatical_gender == "masculine") return "m.";
  if (term.grammatical_gender == "feminine") return "f.";
  if (term.grammatical_gender == "neuter") return "n.";
  return "";
}

std::string TextOf(const Term* term) {
  return term == nullptr ? "" : CollapseSpace(term->text);
}

// One displayed term row: the form(s), the term whose details follow them,
// and the paired traditional and pinyin terms whose notes are shown too.
struct Row {
  std::string forms;
  const Term* term;
  std::vector<const Term*> paired;
};

std::vector<Row> Rows(const Concept& concept_entry,
                      const LangSection& section) {
  std::vector<Row> rows;
  if (SameLanguage(section.lang, kSimplifiedChinese)) {
    for (const ChineseForms& forms : ChineseTerms(concept_entry)) {
      std::string shown = TextOf(forms.simplified);
      for (const Term* paired : {forms.traditional, forms.pinyin}) {
        if (paired != nullptr) shown += "  " + TextOf(paired);
      }
      std::vector<const Term*> paired;
      for (const Term* term : {forms.traditional, forms.pinyin}) {
        if (term != nullptr) paired.push_back(term);
      }
      rows.push_back({shown, forms.simplified, paired});
    }
    return rows;
  }
  for (const Term& term : section.terms) {
    std::string shown = CollapseSpace(term.text);
    std::string gender = GenderMark(term);
    if (!gender.empty()) shown += " (" + gender + ")";
    rows.push_back({shown, &term, {}});
  }
  return rows;
}

nlohmann::ordered_json TextJson(const Text& text) {
  nlohmann::ordered_json out;
  out["text"] = CollapseSpace(text.text);
  if (!text.source.empty()) out["source"] = CollapseSpace(text.source);
  return out;
}

nlohmann::ordered_json StringsJson(const std::vector<std::string>& strings) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const std::string& s : strings) out.push_back(CollapseSpace(s));
  return out;
}

nlohmann::ordered_json TermJson(const Term& term) {
  nlohmann::ordered_json out;
  out["term"] = CollapseSpace(term.text);
  out["status"] = StatusName(term.status);
  out["type"] = TermTypeName(term.type);
  out["in_report"] = term.InReport();
  out["part_of_speech"] = term.part_of_speech;
  if (!term.grammatical_gender.empty()) out["gender"] = term.grammatical_gender;
  if (!term.geographical_usage.empty())
    out["geographical_usage"] = term.geographical_usage;
  out["sources"] = StringsJson(term.sources);
  out["contexts"] = TextsJson(term.contexts);
  out["notes"] = TextsJson(term.notes);
  return out;
}

}  // namespace

std::string_view MatchKindName(MatchKind kind) {
  switch (kind) {
    case MatchKind::kId:
      return "id";
    case MatchKind::kFolded:
      return "term";
    case MatchKind::kLoose:
      return "term-without-diacritics";
    case MatchKind::kPinyinTones:
      return "pinyin";
    case MatchKind::kPinyinToneless:
      return "pinyin-without-tones";
    case MatchKind::kInflected:
      return "inflected-form";
  }
  return "";
}

void RenderEntry(const EditionIndex& index, std::size_t entry,
                 const Style& style, std::ostream& out) {
  const Glossary& glossary = index.glossary();
  const Concept& concept_entry = glossary.concepts[entry];
  std::string headline = Headline(concept_entry);
  std::vector<std::string> summary;
  for (const char* lang : {"en", "de"}) {
    std::string first = DisplayTerm(concept_entry, lang);
    if (first != headline) summary.push_back(first);
  }
  out << Paint(style, kBold, headline);
  std::string gloss = Join(summary, " · ");
  if (!gloss.empty()) out << "  " << gloss;
  out << '\n';

  std::vector<const LangSection*> sections = DisplayOrder(concept_entry);
  int column = 0;
  for (const LangSection* section : sections) {
    for (const Row& row : Rows(concept_entry, *section)) {
      column = std::max(column, DisplayWidth(row.forms));
    }
  }
  column = std::min(column, 40);
  for (const LangSection* section : sections) {
    out << '\n' << Paint(style, kBold, LanguageLabel(section->lang)) << '\n';
    for (const Row& row : Rows(concept_entry, *section)) {
      const Term& term = *row.term;
      out << "  " << Pad(row.forms, column);
      std::vector<std::string> details;
      if (term.status != TermStatus::kUnspecified) {
        details.push_back(StatusText(style, term.status));
      }
      if (term.type != TermType::kUnspecified &&
          term.type != TermType::kFullForm) {
        details.push_back(std::string(TermTypeName(term.type)));
      }
      if (term.InReport()) details.push_back("in the report");
      std::string line;
      for (const std::string& detail : details) {
        line += (line.empty() ? "  " : ", ") + detail;
      }
      out << line << '\n';
      for (const std::string& source : term.sources) {
        out << "      " << Paint(style, kDim, "source:") << ' ';
        Wrap(source, 14, 14, style, out);
      }
      std::vector<const Term*> noted = {&term};
      noted.insert(noted.end(), row.paired.begin(), row.paired.end());
      for (const Term* with_notes : noted) {
        for (const Text& note : with_notes->notes) {
          out << "      " << Paint(style, kYellow, "note:") << ' ';
          Wrap(note.text, 12, 12, style, out);
        }
      }
      for (const Text& context : term.contexts) {
        out << "      context: ";
        Wrap(context.text, 15, 15, style, out);
      }
    }
  }

  auto write_texts = [&](std::string_view heading, bool definitions) {
    bool any = false;
    auto write = [&](std::string_view lang, const Text& text) {
      if (!any) out << '\n' << Paint(style, kBold, heading) << '\n';
      any = true;
      std::string label = "  " + Pad(lang, 3) + " ";
      out << label;
      std::string body = CollapseSpace(text.text);
      if (!text.source.empty())
        body += " (source: " + CollapseSpace(text.source) + ")";
      Wrap(body, static_cast<int>(label.size()), static_cast<int>(label.size()),
           style, out);
    };
    for (const Text& text :
         definitions ? concept_entry.definitions : concept_entry.notes)
      write("", text);
    for (const LangSection* section : sections) {
      for (const Text& text :
           definitions ? section->definitions : section->notes) {
        write(section->lang, text);
      }
    }
    for (const LangSection& section : concept_entry.languages) {
      if (std::find(sections.begin(), sections.end(), &section) !=
          sections.end())
        continue;
      for (const Text& text :
           definitions ? section.definitions : section.notes) {
        write(section.lang, text);
      }
    }
  };
  write_texts("Definition", true);
  write_texts("Notes", false);

  if (!concept_entry.cross_references.empty()) {
    out << '\n' << Paint(style, kBold, "Related") << '\n';
    for (const CrossReference& reference : concept_entry.cross_references) {
      const Concept* target = FindConcept(glossary, reference.target);
      RelationLabel named = ParseRelation(CollapseSpace(reference.text));
      std::string text = named.label;
      std::string relation(
          kRelationNames[static_cast<std::size_t>(named.relation)]);
      if (!relation.empty()) {
        relation.resize(std::max<std::size_t>(relation.size(), 12), ' ');
        out << "  " << Paint(style, kDim, relation);
      }
      std::string line = "  " + text;
      if (target != nullptr) {
        // The target's headline usually starts with the reference's text.
        std::string headline = Headline(*target);
        line = "  " + (headline.rfind(text, 0) == 0 ? headline
                                                    : text + "  " + headline);
        std::string gloss_line = Join(
            {DisplayTerm(*target, "en"), DisplayTerm(*target, "de")}, " · ");
        if (!gloss_line.empty()) line += "  " + gloss_line;
      }
      out << line << Paint(style, kDim, "  [" + reference.target + "]") << '\n';
    }
  }
  const std::vector<KeyPassage>& key_passages = index.KeyPassagesOf(entry);
  if (!key_passages.empty()) {
    out << '\n' << Paint(style, kBold, "Key passages") << '\n';
    for (const KeyPassage& passage : key_passages) {
      std::string where = passage.block
                              ? FormatLocator(passage.block->locator)
                              : passage.id + " (not in the edition read)";
      out << "  " << where << Paint(style, kDim, "  [" + passage.id + "]")
          << "  " << passage.description << '\n';
      if (!passage.sentence.empty()) {
        out << "    ";
        Wrap("„" + passage.sentence + "“", 4, 4, style, out);
      }
      if (!passage.entry_in_sentence && !passage.reason.empty()) {
        out << "    " << Paint(style, kDim, "not named here:") << ' ';
        Wrap(passage.reason, 20, 20, style, out);
      }
    }
  }
  if (concept_entry.IsBackground()) {
    out << '\n'
        << Paint(style, kBold, "Background") << "  "
        << "this concept does not occur in the report; the entry explains "
           "others\n";
  }
  if (!concept_entry.subject_fields.empty()) {
    out << '\n'
        << Paint(style, kBold, "Subject field") << "  "
        << Join(concept_entry.subject_fields, "; ") << '\n';
  }
  std::string where = concept_entry.origin.file;
  if (concept_entry.origin.line > 0)
    where += ":" + std::to_string(concept_entry.origin.line);
  out << '\n'
      << Paint(style, kDim, "entry " + concept_entry.id + " · " + where)
      << '\n';
}

nlohmann::ordered_json ChineseJson(const Concept& concept_entry) {
  nlohmann::ordered_json chinese = nlohmann::ordered_json::array();
  for (const ChineseForms& forms : ChineseTerms(concept_entry)) {
    nlohmann::ordered_json item;
    item["simplified"] = CollapseSpace(forms.simplified->text);
    item["traditional"] = TextOf(forms.traditional);
    item["pinyin"] = TextOf(forms.pinyin);
    item["status"] = StatusName(forms.simplified->status);
    item["in_report"] = forms.simplified->InReport();
    item["sources"] = StringsJson(forms.simplified->sources);
    chinese.push_back(std::move(item));
  }
  return chinese;
}

nlohmann::ordered_json LanguagesJson(const Concept& concept_entry) {
  nlohmann::ordered_json languages = nlohmann::ordered_json::object();
  for (const LangSection& section : concept_entry.languages) {
    nlohmann::ordered_json& lang = languages[section.lang];
    if (lang.is_null()) {
      lang["terms"] = nlohmann::ordered_json::array();
      lang["definitions"] = nlohmann::ordered_json::array();
      lang["notes"] = nlohmann::ordered_json::array();
    }
    for (const Term& term : section.terms)
      lang["terms"].push_back(TermJson(term));
    for (const Text& text : section.definitions)
      lang["definitions"].push_back(TextJson(text));
    for (const Text& text : section.notes)
      lang["notes"].push_back(TextJson(text));
  }
  return languages;
}

nlohmann::ordered_json TextsJson(const std::vector<Text>& texts) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const Text& text : texts) out.push_back(TextJson(text));
  return out;
}

nlohmann::ordered_json EntryJson(const EditionIndex& index, std::size_t entry) {
  const Glossary& glossary = index.glossary();
  const Concept& concept_entry = glossary.concepts[entry];
  nlohmann::ordered_json out;
  out["id"] = concept_entry.id;
  out["headline"] = Headline(concept_entry);
  out["background"] = concept_entry.IsBackground();
  out["subject_fields"] = StringsJson(concept_entry.subject_fields);
  out["chinese"] = ChineseJson(concept_entry);
  out["languages"] = LanguagesJson(concept_entry);
  out["definitions"] = TextsJson(concept_entry.definitions);
  out["notes"] = TextsJson(concept_entry.notes);
  nlohmann::ordered_json related = nlohmann::ordered_json::array();
  for (const CrossReference& reference : concept_entry.cross_references) {
    nlohmann::ordered_json item;
    RelationLabel named = ParseRelation(CollapseSpace(reference.text));
    item["id"] = reference.target;
    item["text"] = named.label;
    item["relation"] = kRelationNames[static_cast<std::size_t>(named.relation)];
    if (const Concept* target = FindConcept(glossary, reference.target)) {
      item["headline"] = Headline(*target);
    }
    related.push_back(std::move(item));
  }
  out["related"] = std::move(related);
  nlohmann::ordered_json key_passages = nlohmann::ordered_json::array();
  for (const KeyPassage& passage : index.KeyPassagesOf(entry)) {
    nlohmann::ordered_json item;
    item["id"] = passage.id;
    item["description"] = passage.description;
    // null, all three, when the edition read has no such block.
    item["locator"] = nullptr;
    item["sentence"] = nullptr;
    item["text"] = nullptr;
    if (passage.block) {
      item["locator"] = FormatLocator(passage.block->locator);
      item["sentence"] = passage.sentence;
      item["text"] = CollapseSpace(passage.block->text);
    }
    item["entry_in_sentence"] = passage.entry_in_sentence;
    item["why_not_in_sentence"] = passage.reason.empty()
                                      ? nlohmann::ordered_json()
                                      : nlohmann::ordered_json(passage.reason);
    key_passages.push_back(std::move(item));
  }
  out["key_passages"] = std::move(key_passages);
  nlohmann::ordered_json origin;
  origin["file"] = concept_entry.origin.file;
  origin["line"] = concept_entry.origin.line;
  out["origin"] = std::move(origin);
  return out;
}

nlohmann::ordered_json LookupJson(const EditionIndex& index,
                                  std::string_view query,
                                  const std::vector<Hit>& hits,
                                  const std::vector<Suggestion>& suggestions) {
  const Glossary& glossary = index.glossary();
  nlohmann::ordered_json result;
  result["query"] = query;
  nlohmann::ordered_json entries = nlohmann::ordered_json::array();
  for (const Hit& hit : hits) {
    std::vector<Passage> passages = index.PassagesOf(hit.concept_index);
    nlohmann::ordered_json entry = EntryJson(index, hit.concept_index);
    nlohmann::ordered_json first = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < passages.size() && i < kPassagesInEntry; ++i)
      first.push_back(PassageJson(passages[i], index.matcher()));
    entry["passages"] = {{"count", passages.size()},
                         {"first", std::move(first)}};
    entry["match"] = {{"kind", MatchKindName(hit.kind)},
                      {"term", CollapseSpace(hit.term)}};
    entries.push_back(std::move(entry));
  }
  result["entries"] = std::move(entries);
  nlohmann::ordered_json suggested = nlohmann::ordered_json::array();
  for (const Suggestion& suggestion : suggestions) {
    const Concept& entry = glossary.concepts[suggestion.concept_index];
    suggested.push_back({{"id", entry.id},
                         {"term", CollapseSpace(suggestion.term)},
                         {"headline", Headline(entry)}});
  }
  result["suggestions"] = std::move(suggested);
  return result;
}

nlohmann::ordered_json PassagesJson(const EditionIndex& index,
                                    std::size_t entry) {
  nlohmann::ordered_json result;
  result["entry"] = EntryJson(index, entry);
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const Passage& passage : index.PassagesOf(entry))
    list.push_back(PassageJson(passage, index.matcher()));
  result["passages"] = std::move(list);
  return result;
}

}  // namespace glossa
