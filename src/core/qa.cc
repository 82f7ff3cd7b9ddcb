#include "core/qa.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "core/compounds.h"
#include "core/matcher.h"
#include "core/passages.h"
#include "core/unicode.h"

// How the checker reads a glossary against a file.
//
// Languages. A file's tag is matched to the glossary's sections by its
// primary subtag ("EN", "en-US" find the "en" terms). Chinese is simplified
// (zh, zh-CN, zh-SG, zh-Hans...) or traditional (zh-TW, zh-HK, zh-MO,
// zh-Hant...): either way both the zh-Hans and the zh-Hant terms are looked
// for (the matcher folds traditional to simplified anyway, and a zh-Hant
// term may be more than a conversion), and a term is named in the file's
// script.
//
// Top-level matches only. In 社会信用体系 the source also holds 信用, but as
// part of the longer name, whose rendering the target must hold; asking for
// a rendering of 信用 as well would be a false alarm wherever the longer
// rendering does not contain it ("gesellschaftliches Bonitätssystem"). In
// the target, a deprecated form inside an accepted rendering is not a use of
// it ("credit", deprecated for 诚信, inside "social credit system"), and a
// rendering inside a longer rendering of the same concept (值 inside 数值) is
// not a second rendering. A target still holds a concept where its rendering
// stands inside another concept's.

namespace glossa {
namespace {

// Which sections of the glossary hold a file's language, and the script to
// name Chinese terms in.
struct Language {
  std::vector<std::string> sections;
  bool chinese = false;
  bool traditional = false;
};

// "zh_CN" as BCP 47 writes it: "zh-CN".
std::string Normalized(std::string tag) {
  std::replace(tag.begin(), tag.end(), '_', '-');
  return tag;
}

std::vector<std::string> Subtags(std::string_view tag) {
  std::vector<std::string> out(1);
  for (char c : tag) {
    if (c == '-') {
      out.emplace_back();
    } else {
      out.back() += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
  }
  return out;
}

bool HoldsTerms(const Glossary& glossary, std::string_view lang) {
  for (const Concept& entry : glossary.concepts) {
    const LangSection* section = entry.Language(lang);
    if (section != nullptr && !section->terms.empty()) return true;
  }
  return false;
}

// The glossary's sections for `tag`; none when it holds no terms in it.
Language FindLanguage(const Glossary& glossary, std::string_view tag) {
  Language out;
  std::vector<std::string> subtags = Subtags(tag);
  if (subtags[0] == "zh") {
    for (std::size_t i = 1; i < subtags.size(); ++i) {
      const std::string& s = subtags[i];
      if (s == "latn") return out;  // readings are not matched
      if (s == "hant" || s == "tw" || s == "hk" || s == "mo")
        out.traditional = true;
    }
    out.chinese = true;
    if (HoldsTerms(glossary, kSimplifiedChinese))
      out.sections.emplace_back(kSimplifiedChinese);
    if (HoldsTerms(glossary, kTraditionalChinese))
      out.sections.emplace_back(kTraditionalChinese);
    return out;
  }
  std::set<std::string> seen;
  for (const Concept& entry : glossary.concepts) {
    for (const LangSection& section : entry.languages) {
      if (section.terms.empty() || Subtags(section.lang)[0] != subtags[0])
        continue;
      if (seen.insert(ToLower(section.lang)).second)
        out.sections.push_back(section.lang);
    }
  }
  return out;
}

// Reports why `tag` cannot be checked, if it cannot; `which` is "source" or
// "target".
bool CheckLanguage(const std::string& tag, const Language& language,
                   const char* which, const Location& at, Diagnostics& diags) {
  if (tag.empty()) {
    diags.Error(at, std::string("the file does not name its ") + which +
                        " language; give it with --" + which);
  } else if (!IsKnownLanguageTag(tag)) {
    diags.Error(at,
                std::string("unknown ") + which + " language '" + tag + "'");
  } else if (language.sections.empty()) {
    diags.Error(at, "the glossary has no terms in '" + tag + "' (the file's " +
                        which + " language)");
  } else {
    return true;
  }
  return false;
}

bool Accepted(TermStatus status) {
  return status != TermStatus::kDeprecated && status != TermStatus::kSuperseded;
}

int Rank(TermStatus status) {
  switch (status) {
    case TermStatus::kPreferred:
      return 0;
    case TermStatus::kAdmitted:
      return 1;
    case TermStatus::kUnspecified:
      return 2;
    case TermStatus::kDeprecated:
      return 3;
    case TermStatus::kSuperseded:
      return 4;
  }
  return 4;
}

// A term as the checker sees it: the texts the matcher looks for, the term
// to name (Chinese: in the file's script), and the rendering it counts as
// (a variant counts as the term it is a form of: the one before it).
struct Form {
  std::size_t concept_index = 0;
  const Term* shown = nullptr;
  const Term* rendering = nullptr;
  std::vector<std::pair<const Term*, std::string_view>> texts;  // term, lang
};

// The terms of `entry` in `language`, best status first.
std::vector<Form> FormsOf(const Concept& entry, std::size_t index,
                          const Language& language) {
  std::vector<Form> out;
  auto add = [&](Form form) {
    bool variant = form.shown->type == TermType::kVariant;
    form.rendering =
        variant && !out.empty() ? out.back().rendering : form.shown;
    out.push_back(std::move(form));
  };
  if (language.chinese) {
    for (const ChineseForms& pair : ChineseTerms(entry)) {
      Form form{index, pair.simplified, nullptr, {}};
      form.texts.emplace_back(pair.simplified, kSimplifiedChinese);
      if (pair.traditional != nullptr) {
        form.texts.emplace_back(pair.traditional, kTraditionalChinese);
        if (language.traditional) form.shown = pair.traditional;
      }
      add(std::move(form));
    }
  } else {
    for (const std::string& lang : language.sections) {
      const LangSection* section = entry.Language(lang);
      if (section == nullptr) continue;
      for (const Term& term : section->terms)
        add(Form{index, &term, nullptr, {{&term, section->lang}}});
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Form& a, const Form& b) {
    return Rank(a.shown->status) < Rank(b.shown->status);
  });
  return out;
}

}  // namespace

// The forms of one language of the glossary, compiled.
struct QaSide {
  Language language;
  Matcher matcher;
  std::vector<Form> forms;  // by form id
  std::unique_ptr<Matcher::Scratch> scratch;
};

namespace {

using Side = QaSide;

void BuildSide(const Glossary& glossary, Side* side) {
  for (std::size_t c = 0; c < glossary.concepts.size(); ++c) {
    for (Form& form : FormsOf(glossary.concepts[c], c, side->language)) {
      int id = static_cast<int>(side->forms.size());
      bool added = false;
      for (const auto& [term, lang] : form.texts)
        added = side->matcher.Add(term->text, lang, static_cast<int>(c), id) ||
                added;
      if (added) side->forms.push_back(std::move(form));
    }
  }
  side->matcher.Compile();
  side->scratch = side->matcher.NewScratch();
}

// A form found in a segment's text.
struct Found {
  const Form* form = nullptr;
  std::string_view text;  // as it stands
  bool top = false;       // not inside a longer match
};

std::vector<Found> FindForms(const Side& side, std::string_view text) {
  std::vector<Matcher::Match> matches = side.matcher.Find(text, *side.scratch);
  std::vector<Found> out;
  for (const Matcher::Match& m : matches) {
    Found found;
    found.form = &side.forms[static_cast<std::size_t>(m.form)];
    found.text = text.substr(m.begin, m.end - m.begin);
    found.top = m.nested_in < 0;
    out.push_back(found);
  }
  return out;
}

// The top-level matches, grouped by span (forms of several concepts may
// match the same words).
std::vector<std::vector<const Found*>> TopGroups(
    const std::vector<Found>& found) {
  std::vector<std::vector<const Found*>> out;
  for (const Found& f : found) {
    if (!f.top) continue;
    if (!out.empty() && out.back().front()->text.data() == f.text.data() &&
        out.back().front()->text.size() == f.text.size()) {
      out.back().push_back(&f);
    } else {
      out.push_back({&f});
    }
  }
  return out;
}

bool AcceptedForm(const Found* f) { return Accepted(f->form->shown->status); }

// A concept the source holds, with its form as it stands there.
struct SourceConcept {
  std::size_t concept_index = 0;
  std::string_view text;
};

// The concepts the source names, in order, each once. A deprecated source
// form names its concept unless the same words are an accepted term of
// another ("Bonitätssystem": admitted for 社会信用体系, deprecated for
// 个人征信).
std::vector<SourceConcept> SourceConcepts(const std::vector<Found>& found) {
  std::vector<SourceConcept> out;
  for (const auto& group : TopGroups(found)) {
    bool any_accepted = std::any_of(group.begin(), group.end(), AcceptedForm);
    for (const Found* f : group) {
      if (any_accepted && !AcceptedForm(f)) continue;
      std::size_t c = f->form->concept_index;
      bool seen = std::any_of(out.begin(), out.end(), [c](const auto& s) {
        return s.concept_index == c;
      });
      if (!seen) out.push_back({c, f->text});
    }
  }
  return out;
}

std::string Quoted(std::string_view text) {
  return "\"" + CollapseSpace(text) + "\"";
}

std::string Join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const std::string& part : parts) {
    if (!out.empty()) out += sep;
    out += part;
  }
  return out;
}

// The renderings a target should hold: preferred first, then admitted and
// unmarked ones; variants left out, each text once.
std::vector<std::string> Expected(const Side& target, std::size_t c) {
  std::vector<std::string> out;
  for (const Form& form : target.forms) {
    if (form.concept_index != c || !Accepted(form.shown->status) ||
        form.shown->type == TermType::kVariant)
      continue;
    std::string text = CollapseSpace(form.shown->text);
    if (std::find(out.begin(), out.end(), text) == out.end())
      out.push_back(text);
  }
  return out;
}

// The first sentence of the term's first note: why not to use it.
std::string Reason(const Term& term, std::string_view lang) {
  if (term.notes.empty()) return "";
  std::string note = CollapseSpace(term.notes.front().text);
  // The glossary's notes on deprecated terms may open with the label the
  // message already says: "Deprecated: …", „Zu vermeiden: …“.
  for (std::string_view label : {"Deprecated: ", "Zu vermeiden: ", "Avoid: "}) {
    if (note.rfind(label, 0) == 0) note.erase(0, label.size());
  }
  return FirstSentence(note, SameLanguage(lang, "de") ? "de" : "en");
}

// The language a term was written in, for its note's sentences.
std::string_view LangOf(const Form& form) {
  for (const auto& [term, lang] : form.texts) {
    if (term == form.shown) return lang;
  }
  return form.texts.front().second;
}

// How the source's side names a concept the source does not hold.
std::string SourceName(const Concept& entry, const Side& source) {
  std::string_view lang =
      source.language.chinese
          ? (source.language.traditional ? kTraditionalChinese
                                         : kSimplifiedChinese)
          : std::string_view(source.language.sections[0]);
  std::string name = DisplayTerm(entry, lang);
  return name.empty() ? entry.id : name;
}

Location Where(const Segment& segment) {
  return segment.target_at.line != 0 ? segment.target_at : segment.source_at;
}

// `text` with the glossary's matches in it blanked out: a word that is a
// term stands for its own concept (of any status: „Wertigkeit“, deprecated
// for "value"), not as a compound holding another's (compounds.h).
std::string OutsideMatches(std::string_view text,
                           const std::vector<Found>& found) {
  std::string out(text);
  for (const Found& f : found) {
    std::size_t begin = static_cast<std::size_t>(f.text.data() - text.data());
    out.replace(begin, f.text.size(), f.text.size(), ' ');
  }
  return out;
}

// One concept's renderings across the file.
struct Rendering {
  const Form* form = nullptr;
  std::vector<std::string> segments;
};
struct Usage {
  std::size_t concept_index = 0;
  Location at;  // of the first segment
  std::string segment;
  std::vector<Rendering> renderings;  // in order of first use
};

class Checker {
 public:
  Checker(const Glossary& glossary, const Side& source, const Side& target,
          QaReport* report)
      : glossary_(glossary),
        source_(source),
        target_(target),
        report_(*report) {}

  void Check(const Segment& segment);
  void ReportInconsistencies();

 private:
  bool TargetIsGerman() const {
    return !target_.language.chinese &&
           Subtags(target_.language.sections[0])[0] == "de";
  }
  void CheckMissing(const Segment& segment, const SourceConcept& s,
                    const std::vector<Found>& target);
  void CheckDeprecated(const Segment& segment,
                       const std::vector<SourceConcept>& in_source,
                       const std::vector<Found>& target);
  void Count(const Segment& segment, std::size_t c,
             const std::vector<SourceConcept>& in_source,
             const std::vector<Found>& target);
  QaProblem Problem(QaKind kind, const Segment& segment, std::size_t c);

  const Glossary& glossary_;
  const Side& source_;
  const Side& target_;
  QaReport& report_;
  GermanCompounds compounds_;
  std::vector<Usage> usages_;
  std::map<std::size_t, std::size_t> usage_of_;  // concept -> usages_ index
};

QaProblem Checker::Problem(QaKind kind, const Segment& segment, std::size_t c) {
  QaProblem problem;
  problem.kind = kind;
  problem.at = Where(segment);
  problem.segment = segment.id;
  problem.entry = glossary_.concepts[c].id;
  problem.expected = Expected(target_, c);
  return problem;
}

void Checker::Check(const Segment& segment) {
  std::vector<SourceConcept> in_source =
      SourceConcepts(FindForms(source_, segment.source));
  std::vector<Found> target = FindForms(target_, segment.target);
  for (const SourceConcept& s : in_source) CheckMissing(segment, s, target);
  CheckDeprecated(segment, in_source, target);
  for (const SourceConcept& s : in_source)
    Count(segment, s.concept_index, in_source, target);
}

void Checker::CheckMissing(const Segment& segment, const SourceConcept& s,
                           const std::vector<Found>& target) {
  for (const Found& f : target) {
    if (f.form->concept_index == s.concept_index && AcceptedForm(&f)) return;
  }
  QaProblem problem = Problem(QaKind::kMissing, segment, s.concept_index);
  if (problem.expected.empty()) return;  // nothing to expect
  if (TargetIsGerman() &&
      compounds_.Hold(OutsideMatches(segment.target, target), problem.expected))
    return;
  problem.source_term = CollapseSpace(s.text);
  std::string expected = Quoted(problem.expected[0]);
  if (problem.expected.size() > 1) {
    std::vector<std::string> others;
    for (std::size_t i = 1; i < problem.expected.size(); ++i)
      others.push_back(Quoted(problem.expected[i]));
    expected += " (or: " + Join(others, ", ") + ")";
  }
  problem.message = "segment " + segment.id + ": [missing] " +
                    problem.source_term + " → expected " + expected +
                    "; target has none";
  report_.problems.push_back(std::move(problem));
}

// A deprecated rendering standing on its own in the target: reported when
// its concept is in the source, unless the same words are an accepted
// rendering of another concept the source holds ("credit" is deprecated for
// 诚信 but renders 信用); of a concept not in the source, unless they are an
// accepted rendering of any concept.
void Checker::CheckDeprecated(const Segment& segment,
                              const std::vector<SourceConcept>& in_source,
                              const std::vector<Found>& target) {
  auto source_term = [&](std::size_t c) -> const SourceConcept* {
    for (const SourceConcept& s : in_source) {
      if (s.concept_index == c) return &s;
    }
    return nullptr;
  };
  for (const auto& group : TopGroups(target)) {
    bool accepted_in_source = false, accepted = false,
         deprecated_in_source = false;
    for (const Found* f : group) {
      bool in = source_term(f->form->concept_index) != nullptr;
      accepted = accepted || AcceptedForm(f);
      accepted_in_source = accepted_in_source || (in && AcceptedForm(f));
      deprecated_in_source = deprecated_in_source || (in && !AcceptedForm(f));
    }
    if (accepted_in_source || (accepted && !deprecated_in_source)) continue;
    for (const Found* f : group) {
      const SourceConcept* s = source_term(f->form->concept_index);
      if (AcceptedForm(f) || (deprecated_in_source && s == nullptr)) continue;
      std::size_t c = f->form->concept_index;
      QaProblem problem = Problem(QaKind::kDeprecated, segment, c);
      problem.found = CollapseSpace(f->text);
      problem.found_begin =
          static_cast<std::size_t>(f->text.data() - segment.target.data());
      problem.found_end = problem.found_begin + f->text.size();
      if (!f->form->shown->notes.empty())
        problem.why = CollapseSpace(f->form->shown->notes.front().text);
      std::string name = s != nullptr
                             ? CollapseSpace(s->text)
                             : SourceName(glossary_.concepts[c], source_) +
                                   ", not in the source";
      if (s != nullptr) problem.source_term = name;
      std::string reason = Reason(*f->form->shown, LangOf(*f->form));
      problem.message = "segment " + segment.id + ": [deprecated] " +
                        Quoted(problem.found) + " (" + name + ") is to avoid" +
                        (reason.empty() ? "" : ": " + reason);
      report_.problems.push_back(std::move(problem));
    }
  }
}

// Whether the words of `f` render better another concept the source holds:
// "creditworthiness" is preferred for 信用 and only admitted for 诚信, so in
// a segment whose source holds both it renders 信用.
bool RendersAnother(const Found& f, const std::vector<SourceConcept>& in_source,
                    const std::vector<Found>& target) {
  for (const Found& g : target) {
    if (g.text.data() != f.text.data() || g.text.size() != f.text.size() ||
        g.form->concept_index == f.form->concept_index || !AcceptedForm(&g) ||
        Rank(g.form->shown->status) >= Rank(f.form->shown->status))
      continue;
    std::size_t other = g.form->concept_index;
    if (std::any_of(
            in_source.begin(), in_source.end(),
            [&](const SourceConcept& s) { return s.concept_index == other; }))
      return true;
  }
  return false;
}

// Notes which renderings of concept `c` the target holds, each once: its
// accepted forms standing on their own, not inside a longer rendering ("credit"
// inside "Social Credit System" is not a rendering of 信用), and not where
// the same words render another concept of the source better.
void Checker::Count(const Segment& segment, std::size_t c,
                    const std::vector<SourceConcept>& in_source,
                    const std::vector<Found>& target) {
  std::vector<const Form*> held;
  for (const Found& f : target) {
    if (f.form->concept_index != c || !AcceptedForm(&f) || !f.top ||
        RendersAnother(f, in_source, target))
      continue;
    if (std::none_of(held.begin(), held.end(), [&](const Form* h) {
          return h->rendering == f.form->rendering;
        }))
      held.push_back(f.form);
  }
  if (held.empty()) return;
  auto [it, added] = usage_of_.emplace(c, usages_.size());
  if (added) usages_.push_back({c, Where(segment), segment.id, {}});
  std::vector<Rendering>& renderings = usages_[it->second].renderings;
  for (const Form* form : held) {
    auto r = std::find_if(renderings.begin(), renderings.end(),
                          [&](const Rendering& x) {
                            return x.form->rendering == form->rendering;
                          });
    if (r == renderings.end()) r = renderings.insert(r, {form, {}});
    r->segments.push_back(segment.id);
  }
}

// The preferred rendering of concept `c` in the target language, if any.
const Term* Preferred(const Side& target, std::size_t c) {
  for (const Form& form : target.forms) {
    if (form.concept_index == c &&
        form.shown->status == TermStatus::kPreferred &&
        form.shown->type != TermType::kVariant)
      return form.shown;
  }
  return nullptr;
}

// The most segment ids a line lists per rendering; --json's `found` and the
// count give the rest.
constexpr std::size_t kListedSegments = 10;

// "\"Wert\" ×3 (preferred; segments 1, 2, 5)": a segment named once however
// many of its variants (TMX) hold the rendering; past kListedSegments,
// "… and 39 more".
std::string Listed(const Rendering& r) {
  std::vector<std::string> ids;
  for (const std::string& id : r.segments) {
    if (ids.empty() || ids.back() != id) ids.push_back(id);
  }
  std::size_t more =
      ids.size() > kListedSegments ? ids.size() - kListedSegments : 0;
  bool many = ids.size() > 1;
  if (more > 0) ids.resize(kListedSegments);
  bool preferred = r.form->rendering->status == TermStatus::kPreferred;
  return Quoted(r.form->rendering->text) + " ×" +
         std::to_string(r.segments.size()) + " (" +
         (preferred ? "preferred; " : "") + (many ? "segments " : "segment ") +
         Join(ids, ", ") +
         (more > 0 ? " and " + std::to_string(more) + " more" : "") + ")";
}

void Checker::ReportInconsistencies() {
  for (Usage& usage : usages_) {
    std::vector<Rendering>& renderings = usage.renderings;
    if (renderings.size() < 2) continue;
    std::stable_sort(renderings.begin(), renderings.end(),
                     [](const Rendering& a, const Rendering& b) {
                       return a.segments.size() > b.segments.size();
                     });
    std::size_t c = usage.concept_index;
    QaProblem problem;
    problem.kind = QaKind::kInconsistent;
    problem.at = usage.at;
    problem.segment = usage.segment;
    problem.entry = glossary_.concepts[c].id;
    problem.source_term = SourceName(glossary_.concepts[c], source_);
    problem.expected = Expected(target_, c);
    std::vector<std::string> counted, listed;
    bool preferred_used = false;
    for (const Rendering& r : renderings) {
      counted.push_back(Quoted(r.form->rendering->text) + " ×" +
                        std::to_string(r.segments.size()));
      listed.push_back(Listed(r));
      preferred_used =
          preferred_used || r.form->rendering->status == TermStatus::kPreferred;
    }
    problem.found = Join(counted, ", ");
    problem.message = "[inconsistent] " + problem.source_term + " rendered " +
                      std::to_string(renderings.size()) +
                      " ways: " + Join(listed, ", ");
    const Term* preferred = Preferred(target_, c);
    if (!preferred_used && preferred != nullptr)
      problem.message += "; the glossary prefers " + Quoted(preferred->text);
    report_.problems.push_back(std::move(problem));
  }
}

}  // namespace

QaReport CheckTranslation(const Glossary& glossary, const BilingualFile& file,
                          const QaOptions& options, Diagnostics& diags) {
  QaReport report;
  std::string source_tag = Normalized(
      options.source_lang.empty() ? file.source_lang : options.source_lang);
  std::string target_tag = Normalized(
      options.target_lang.empty() ? file.target_lang : options.target_lang);
  const Location at{file.name, 0, 0};
  Side source, target;
  source.language = FindLanguage(glossary, source_tag);
  target.language = FindLanguage(glossary, target_tag);
  bool source_ok =
      CheckLanguage(source_tag, source.language, "source", at, diags);
  bool target_ok =
      CheckLanguage(target_tag, target.language, "target", at, diags);
  if (!source_ok || !target_ok) return report;
  BuildSide(glossary, &source);
  BuildSide(glossary, &target);
  Checker checker(glossary, source, target, &report);
  for (const Segment& segment : file.segments) {
    if (segment.skipped != SkipReason::kNone) {
      ++report.skipped;
      continue;
    }
    ++report.checked;
    checker.Check(segment);
  }
  checker.ReportInconsistencies();
  return report;
}

TermFinder::TermFinder(const Glossary& glossary, std::string_view lang)
    : side_(std::make_unique<QaSide>()) {
  side_->language = FindLanguage(glossary, Normalized(std::string(lang)));
  if (ok()) BuildSide(glossary, side_.get());
}

TermFinder::~TermFinder() = default;

bool TermFinder::ok() const { return !side_->language.sections.empty(); }

std::vector<FoundTerm> TermFinder::Find(std::string_view text) const {
  std::vector<FoundTerm> out;
  if (!ok()) return out;
  std::vector<Found> found = FindForms(*side_, text);
  for (const auto& group : TopGroups(found)) {
    // An accepted form first, then the first entry: `found` is in the
    // matcher's order, which is the glossary's.
    const Found* best = group.front();
    for (const Found* f : group) {
      if (AcceptedForm(f) && !AcceptedForm(best)) best = f;
    }
    std::size_t begin =
        static_cast<std::size_t>(best->text.data() - text.data());
    out.push_back({best->form->concept_index, begin, begin + best->text.size(),
                   !AcceptedForm(best)});
  }
  return out;
}

}  // namespace glossa
