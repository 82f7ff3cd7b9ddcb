#include "core/ding.h"

#include <algorithm>
#include <optional>

#include "core/unicode.h"

namespace glossa {
namespace {

bool Opens(char c) { return c == '(' || c == '[' || c == '{'; }
bool Closes(char c) { return c == ')' || c == ']' || c == '}'; }

// A '<' opens a bracket only when a '>' closes it later in the text: Ding
// also writes "> 0,25 mm" and "R/S ratio >1".
bool OpensAngle(std::string_view text, std::size_t i) {
  return text[i] == '<' && text.find('>', i + 1) != std::string_view::npos;
}

// The annotations of one synonym, as the term's fields: {m} {f} {n} are
// the gender, {pl} the number, {adj} {adv} {v*} the part of speech.
void ApplyTag(std::string_view tag, Term* term) {
  if (tag == "m" || tag == "f" || tag == "n" || tag == "pl") {
    if (tag == "m") term->grammatical_gender = "masculine";
    if (tag == "f") term->grammatical_gender = "feminine";
    if (tag == "n") term->grammatical_gender = "neuter";
    if (tag == "pl")
      term->extra.elements.push_back(
          "<termNote type=\"grammaticalNumber\">plural</termNote>");
    term->part_of_speech = "noun";
  } else if (tag == "adj") {
    term->part_of_speech = "adjective";
  } else if (tag == "adv") {
    term->part_of_speech = "adverb";
  } else if (tag == "v" || tag == "vt" || tag == "vi" || tag == "vr") {
    term->part_of_speech = "verb";
  }
}

// The words in <...> at the top level of a synonym: other spellings.
std::vector<std::string> AngleWords(std::string_view synonym) {
  std::vector<std::string> words;
  int depth = 0;
  for (std::size_t i = 0; i < synonym.size(); ++i) {
    char c = synonym[i];
    if (Opens(c)) ++depth;
    if (Closes(c) && depth > 0) --depth;
    if (depth == 0 && OpensAngle(synonym, i)) {
      std::size_t close = synonym.find('>', i + 1);
      std::string word = DingForm(synonym.substr(i + 1, close - i - 1));
      if (!word.empty()) words.push_back(std::move(word));
      i = close;
    }
  }
  return words;
}

// Adds the terms of one side of a sub-entry to `section`, each form once.
void AddTerms(std::string_view sub_entry, LangSection* section) {
  auto add = [section](Term term) {
    bool seen = std::any_of(
        section->terms.begin(), section->terms.end(),
        [&term](const Term& other) { return other.text == term.text; });
    if (!seen) section->terms.push_back(std::move(term));
  };
  for (std::string_view synonym : SplitOutsideBrackets(sub_entry, "; ")) {
    Term term;
    term.text = DingForm(synonym);
    if (term.text.empty()) continue;
    for (std::size_t open = synonym.find('{'); open != std::string_view::npos;
         open = synonym.find('{', open + 1)) {
      std::size_t close = synonym.find('}', open);
      if (close == std::string_view::npos) break;
      ApplyTag(synonym.substr(open + 1, close - open - 1), &term);
    }
    add(std::move(term));
    for (std::string& word : AngleWords(synonym)) {
      Term variant;
      variant.text = std::move(word);
      variant.type = TermType::kVariant;
      add(std::move(variant));
    }
  }
}

}  // namespace

bool LooksLikeDing(std::string_view bytes) {
  std::string_view line = bytes.substr(0, bytes.find('\n'));
  if (line.rfind("# Version :: ", 0) == 0) return true;
  return !line.empty() && line[0] != '#' &&
         line.find(" :: ") != std::string_view::npos;
}

std::vector<std::string_view> SplitOutsideBrackets(std::string_view text,
                                                   std::string_view separator) {
  std::vector<std::string_view> parts;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (Opens(c)) ++depth;
    if (Closes(c) && depth > 0) --depth;
    if (depth == 0 && text.compare(i, separator.size(), separator) == 0) {
      parts.push_back(text.substr(start, i - start));
      start = i + separator.size();
      i = start - 1;
    }
  }
  parts.push_back(text.substr(start));
  return parts;
}

std::string DingForm(std::string_view synonym) {
  std::string form;
  int depth = 0;
  for (std::size_t i = 0; i < synonym.size(); ++i) {
    char c = synonym[i];
    if (Opens(c)) {
      ++depth;
    } else if (Closes(c) && depth > 0) {
      --depth;
    } else if (depth == 0 && OpensAngle(synonym, i)) {
      i = synonym.find('>', i + 1);
    } else if (depth == 0) {
      form.push_back(c);
    }
  }
  return CollapseSpace(form);
}

std::optional<std::string> ReadDingEntry(std::string_view line,
                                         std::string_view name, int number,
                                         Concept* entry) {
  if (std::optional<std::size_t> bad = FindInvalidUtf8(line))
    return "invalid UTF-8 at byte offset " + std::to_string(*bad) +
           " of the line; skipped";
  std::size_t arrow = line.find(" :: ");
  if (arrow == std::string_view::npos ||
      line.find(" :: ", arrow + 4) != std::string_view::npos)
    return "not a Ding line (German :: English, one \" :: \"); skipped";
  std::string_view sides[2] = {line.substr(0, arrow), line.substr(arrow + 4)};
  *entry = Concept();
  entry->id = "ding-" + std::to_string(number);
  entry->origin = {std::string(name), number, 1};
  const char* langs[2] = {"de", "en"};
  for (int side = 0; side < 2; ++side) {
    if (CollapseSpace(sides[side]).empty())
      return std::string("the ") + (side == 0 ? "German" : "English") +
             " side is empty; skipped";
    LangSection section;
    section.lang = langs[side];
    for (std::string_view sub_entry :
         SplitOutsideBrackets(sides[side], " | ")) {
      section.definitions.push_back({CollapseSpace(sub_entry), "Ding", ""});
      AddTerms(sub_entry, &section);
    }
    // A side may be all remarks ("(Amphiprion leucokranos) [zool.] ::
    // white cap clown"): the entry is found through the other, and one
    // with no form at all ("[sic] (...) :: [sic] (...)") is still shown
    // where a view lists entries in order.
    entry->languages.push_back(std::move(section));
  }
  return std::nullopt;
}

std::vector<EntrySpan> DingEntries(std::string_view bytes,
                                   std::string_view name, Diagnostics& diags) {
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
    if (line.find_first_not_of(" \t") == std::string_view::npos ||
        line[0] == '#')
      continue;
    if (std::optional<std::string> problem =
            ReadDingEntry(line, name, number, &scratch)) {
      diags.Warning({std::string(name), number, 1}, *problem);
      continue;
    }
    spans.push_back(span);
  }
  return spans;
}

void ReadDing(std::string_view bytes, std::string_view name, Diagnostics& diags,
              std::vector<Concept>* out) {
  for (const EntrySpan& span : DingEntries(bytes, name, diags)) {
    out->emplace_back();
    ReadDingEntry(bytes.substr(span.begin, span.end - span.begin), name,
                  span.number, &out->back());
  }
}

}  // namespace glossa
