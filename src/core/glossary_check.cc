#include "core/glossary_check.h"

#include <algorithm>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "core/glossary_matcher.h"
#include "core/passages.h"
#include "core/uri.h"

namespace glossa {
namespace {

std::string Quoted(std::string_view text) {
  return "'" + std::string(text) + "'";
}

std::string KnownRelations() {
  std::string out;
  for (std::size_t i = 1; i < std::size(kRelationNames); ++i)
    out += (out.empty() ? "" : ", ") + std::string(kRelationNames[i]);
  return out;
}

void CheckRelations(const Glossary& glossary, Diagnostics& diags) {
  std::map<std::string_view, const Concept*> by_id;
  for (const Concept& entry : glossary.concepts)
    by_id.emplace(entry.id, &entry);
  for (const Concept& entry : glossary.concepts) {
    for (const CrossReference& reference : entry.cross_references) {
      std::string unknown;
      RelationLabel named = ParseRelation(reference.text, &unknown);
      if (!unknown.empty()) {
        diags.Warning(reference.origin, "unknown relation " + Quoted(unknown) +
                                            " in the cross-reference to " +
                                            Quoted(reference.target) +
                                            " (known: " + KnownRelations() +
                                            ")");
      }
      if (named.relation == Relation::kNone) continue;
      auto target = by_id.find(reference.target);
      if (target == by_id.end()) continue;  // tbx_check reports it
      Relation expected = Inverse(named.relation);
      std::string_view name =
          kRelationNames[static_cast<std::size_t>(named.relation)];
      std::string_view expected_name =
          kRelationNames[static_cast<std::size_t>(expected)];
      const CrossReference* back = nullptr;
      for (const CrossReference& other : target->second->cross_references) {
        if (other.target == entry.id) back = &other;
      }
      if (back == nullptr) {
        diags.Warning(reference.origin,
                      "cross-reference " + Quoted(name) + " to " +
                          Quoted(reference.target) + " has none back: add " +
                          Quoted(std::string(expected_name) + ": ...") +
                          " to " + Quoted(reference.target));
        continue;
      }
      Relation answer = ParseRelation(back->text).relation;
      if (answer != expected) {
        diags.Warning(
            reference.origin,
            "cross-reference " + Quoted(name) + " to " +
                Quoted(reference.target) + " is answered by " +
                Quoted(kRelationNames[static_cast<std::size_t>(answer)]) +
                " (line " + std::to_string(back->origin.line) + "), not " +
                Quoted(expected_name));
      }
    }
  }
}

// The problem of a key passage, as a message after "target 'x': ".
std::string KeyPassageMessage(const Concept& entry, const KeyPassage& key) {
  const std::string quoted_id = Quoted(key.id);
  switch (key.problem) {
    case KeyPassageProblem::kNone:
      return "";
    case KeyPassageProblem::kBadTarget:
      return key.target_error;
    case KeyPassageProblem::kNoBlock:
      return "the edition has no block " + quoted_id;
    case KeyPassageProblem::kNoSentence:
      return "no sentence of block " + quoted_id + " holds " +
             Quoted(key.quote);
    case KeyPassageProblem::kEntryAbsent:
      return "entry " + Quoted(entry.id) + " does not stand in block " +
             quoted_id +
             "; point at a block where it does, or name the sentence meant "
             "(#" +
             key.id + ":~:text=...) and say why ([not named: ...])";
    case KeyPassageProblem::kNoReason:
      return "entry " + Quoted(entry.id) +
             " does not stand in the sentence named („" + key.sentence +
             "“); say why at the end of the text ([not named: ...])";
    case KeyPassageProblem::kNeedlessReason:
      return "says why entry " + Quoted(entry.id) +
             " is not named, but the sentence holds it";
  }
  return "";
}

// Relative xref targets: the file must have been found; a key passage must
// resolve as the rule in edition_index.h says.
void CheckLinks(const Glossary& glossary,
                const std::map<std::string, LinkedFile>& files,
                Diagnostics& diags) {
  for (std::size_t c = 0; c < glossary.concepts.size(); ++c) {
    const Concept& entry = glossary.concepts[c];
    for (std::size_t r = 0; r < entry.external_references.size(); ++r) {
      const ExternalReference& reference = entry.external_references[r];
      if (!IsRelativeReference(reference.target)) continue;
      EditionTarget target = ParseEditionTarget(reference.target);
      std::string what = "target " + Quoted(reference.target) + ": ";
      if (!StaysInFolder(target.file)) {
        diags.Error(reference.origin,
                    what + (target.file.empty()
                                ? "names no file"
                                : "glossa follows a link only to a file in "
                                  "the glossary's folder or below it"));
        continue;
      }
      auto file = files.find(target.file);
      if (file == files.end()) continue;
      if (!file->second.error.empty()) {
        diags.Error(reference.origin, what + file->second.error);
        continue;
      }
      const EditionIndex* edition = file->second.edition;
      if (!target.has_fragment || edition == nullptr) continue;
      for (const KeyPassage& key : edition->KeyPassagesOf(c)) {
        if (key.reference != r) continue;
        std::string message = KeyPassageMessage(entry, key);
        if (message.empty()) continue;
        if (key.problem == KeyPassageProblem::kNeedlessReason) {
          diags.Warning(reference.origin, what + message);
        } else {
          diags.Error(reference.origin, what + message);
        }
      }
    }
  }
}

void CheckOccurrence(const Glossary& glossary,
                     const std::map<std::string, LinkedFile>& files,
                     Diagnostics& diags) {
  std::vector<const EditionIndex*> editions;
  for (const auto& [name, file] : files) {
    if (file.edition != nullptr) editions.push_back(file.edition);
  }
  if (editions.empty()) return;
  for (std::size_t i = 0; i < glossary.concepts.size(); ++i) {
    const Concept& entry = glossary.concepts[i];
    std::size_t count = 0;
    std::string first;
    for (const EditionIndex* edition : editions) {
      if (count == 0 && edition->CountOf(i) > 0)
        first = FormatLocator(edition->PassagesOf(i).front().locator);
      count += edition->CountOf(i);
    }
    if (count == 0 && !entry.IsBackground()) {
      diags.Warning(entry.origin,
                    "entry " + Quoted(entry.id) +
                        " does not occur in the edition and is not marked "
                        "background (<admin type=\"projectSubset\">" +
                        std::string(kBackgroundSubset) + "</admin>)");
    } else if (count > 0 && entry.IsBackground()) {
      diags.Warning(entry.origin,
                    "entry " + Quoted(entry.id) +
                        " is marked background but occurs in the edition " +
                        std::to_string(count) +
                        (count == 1 ? " time" : " times") +
                        " (first: " + first + ")");
    }
  }
}

// At most one preferred term per language, and one when the section's terms
// carry a status: the preferred term is the glossary's recommendation.
// Pinyin readings have no status of their own.
void CheckPreferred(const Glossary& glossary, Diagnostics& diags) {
  for (const Concept& entry : glossary.concepts) {
    for (const LangSection& section : entry.languages) {
      if (SameLanguage(section.lang, kPinyin)) continue;
      std::vector<std::string> preferred;
      bool any_status = false;
      for (const Term& term : section.terms) {
        any_status = any_status || term.status != TermStatus::kUnspecified;
        if (term.status == TermStatus::kPreferred)
          preferred.push_back(Quoted(CollapseSpace(term.text)));
      }
      std::string where =
          "entry " + Quoted(entry.id) + " in " + Quoted(section.lang);
      if (preferred.size() > 1) {
        std::string list;
        for (const std::string& term : preferred)
          list += (list.empty() ? "" : ", ") + term;
        diags.Warning(section.origin,
                      where + " has " + std::to_string(preferred.size()) +
                          " preferred terms (" + list +
                          "); keep one, the rendering to use, and make the "
                          "others admitted");
      } else if (preferred.empty() && any_status) {
        diags.Warning(section.origin,
                      where +
                          " has no preferred term; mark the rendering to use "
                          "preferredTerm-admn-sts");
      }
    }
  }
}

// Traditional characters, under any of the tags tools use for them: zh-Hant
// (glossa's), zh-TW, zh-HK, zh-MO (TBX 2008 exports, CAT tools).
bool IsTraditionalChinese(std::string_view lang) {
  for (std::string_view tag : {"zh-Hant", "zh-TW", "zh-HK", "zh-MO"}) {
    if (SameLanguage(lang.substr(0, tag.size()), tag) &&
        (lang.size() == tag.size() || lang[tag.size()] == '-'))
      return true;
  }
  return false;
}

// Where each term of the glossary stands in the edition, each looked for
// apart from the others (GlossaryMatcher::kEveryTermApart), renderings to
// avoid too: by form, whether it stands there at all, and the first place
// where it stands on its own (not nested in a longer match). A rendering to
// avoid counts as standing on its own only where no other entry's form
// stands: printed only there (Bonitätssystem, to avoid for 个人征信, a form
// of 社会信用体系), it is that entry's word, not this one's.
struct Standing {
  std::vector<bool> anywhere;
  std::vector<const Passage*> first;
};
Standing WhereTermsStand(const GlossaryMatcher& apart,
                         const EditionPassages& all,
                         const EditionIndex& edition) {
  using Span = std::tuple<std::size_t, std::size_t, std::size_t>;
  std::multimap<Span, int> forms;  // the entries' forms, by where they stand
  for (const Passage& passage : edition.passages()) {
    forms.emplace(Span{passage.block, passage.block_begin, passage.block_end},
                  passage.entry);
  }
  Standing out{std::vector<bool>(apart.forms(), false),
               std::vector<const Passage*>(apart.forms(), nullptr)};
  for (const Passage& passage : all.passages) {
    auto form = static_cast<std::size_t>(passage.form);
    out.anywhere[form] = true;
    if (passage.nested_in >= 0 || out.first[form] != nullptr) continue;
    const TermRef& ref = apart.term(passage.form);
    const Term& term = apart.TermOf(passage.form);
    bool not_to_use = term.status == TermStatus::kDeprecated ||
                      term.status == TermStatus::kSuperseded;
    auto [begin, end] = forms.equal_range(
        Span{passage.block, passage.block_begin, passage.block_end});
    bool anothers = std::any_of(begin, end, [&](const auto& other) {
      return static_cast<std::size_t>(other.second) != ref.concept_index;
    });
    if (!(not_to_use && anothers)) out.first[form] = &passage;
  }
  return out;
}

// The report's forms: a term marked as printed in the edition
// (kReportSubset) must be found there, and a term found there on its own
// must be marked. Traditional characters and pinyin are left out of the
// second rule: the matcher finds 徵信 where the report prints 征信.
void CheckReportForms(const Glossary& glossary, const EditionIndex& edition,
                      Diagnostics& diags) {
  GlossaryMatcher apart(glossary, GlossaryMatcher::Terms::kEveryTermApart);
  EditionPassages all = FindPassages(edition.document(), apart);
  Standing standing = WhereTermsStand(apart, all, edition);
  for (std::size_t form = 0; form < apart.forms(); ++form) {
    const TermRef& ref = apart.term(static_cast<int>(form));
    const Concept& entry = glossary.concepts[ref.concept_index];
    const LangSection& section = entry.languages[ref.section];
    const Term& term = section.terms[ref.term];
    std::string what = "term " + Quoted(CollapseSpace(term.text)) +
                       " of entry " + Quoted(entry.id);
    if (term.InReport()) {
      if (!standing.anywhere[form]) {
        diags.Error(term.origin, what +
                                     " is marked as printed in the edition "
                                     "(projectSubset '" +
                                     std::string(kReportSubset) +
                                     "'), but the edition does not hold it");
      }
      continue;
    }
    if (IsTraditionalChinese(section.lang)) continue;
    if (const Passage* first = standing.first[form]) {
      diags.Warning(term.origin, what + " stands in the edition (first: " +
                                     FormatLocator(first->locator) +
                                     ") but is not marked as printed there "
                                     "(<admin type=\"projectSubset\">" +
                                     std::string(kReportSubset) + "</admin>)");
    }
  }
}

}  // namespace

std::map<std::string, bool> LinkedFiles(const Glossary& glossary) {
  std::map<std::string, bool> out;
  for (const Concept& entry : glossary.concepts) {
    for (const ExternalReference& reference : entry.external_references) {
      if (!IsRelativeReference(reference.target)) continue;
      EditionTarget target = ParseEditionTarget(reference.target);
      if (!StaysInFolder(target.file)) continue;
      out[target.file] = out[target.file] || target.has_fragment;
    }
  }
  return out;
}

void CheckGlossaryContent(const Glossary& glossary,
                          const std::map<std::string, LinkedFile>& files,
                          Diagnostics& diags) {
  CheckRelations(glossary, diags);
  CheckPreferred(glossary, diags);
  CheckLinks(glossary, files, diags);
  CheckOccurrence(glossary, files, diags);
  for (const auto& [name, file] : files) {
    if (file.edition != nullptr)
      CheckReportForms(glossary, *file.edition, diags);
  }
}

}  // namespace glossa
