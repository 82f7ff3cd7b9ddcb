#include "core/glossary_matcher.h"

namespace glossa {

GlossaryMatcher::GlossaryMatcher(const Glossary& glossary, Terms terms)
    : glossary_(glossary), found_as_(glossary.concepts.size()) {
  for (std::size_t c = 0; c < glossary.concepts.size(); ++c) {
    const Concept& entry = glossary.concepts[c];
    found_as_[c].resize(entry.languages.size());
    for (std::size_t s = 0; s < entry.languages.size(); ++s) {
      const LangSection& section = entry.languages[s];
      found_as_[c][s].assign(section.terms.size(), -1);
      for (std::size_t t = 0; t < section.terms.size(); ++t) {
        const Term& term = section.terms[t];
        bool not_to_use = term.status == TermStatus::kDeprecated ||
                          term.status == TermStatus::kSuperseded;
        if (terms == Terms::kForms && not_to_use && !term.InReport()) continue;
        int form = static_cast<int>(terms_.size());
        if (matcher_.Add(term.text, section.lang, static_cast<int>(c), form,
                         &found_as_[c][s][t])) {
          terms_.push_back({c, s, t});
        }
      }
    }
  }
  matcher_.Compile();
}

int GlossaryMatcher::FoundAs(const TermRef& ref) const {
  return found_as_[ref.concept_index][ref.section][ref.term];
}

const Term& GlossaryMatcher::TermOf(int form) const {
  const TermRef& ref = term(form);
  return glossary_.concepts[ref.concept_index]
      .languages[ref.section]
      .terms[ref.term];
}

}  // namespace glossa
