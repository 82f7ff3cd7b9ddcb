#include "core/glossary_matcher.h"

namespace glossa {

GlossaryMatcher::GlossaryMatcher(const Glossary& glossary, Terms terms)
    : glossary_(glossary) {
  for (std::size_t c = 0; c < glossary.concepts.size(); ++c) {
    const Concept& entry = glossary.concepts[c];
    for (std::size_t s = 0; s < entry.languages.size(); ++s) {
      const LangSection& section = entry.languages[s];
      for (std::size_t t = 0; t < section.terms.size(); ++t) {
        const Term& term = section.terms[t];
        bool not_to_use = term.status == TermStatus::kDeprecated ||
                          term.status == TermStatus::kSuperseded;
        if (terms == Terms::kForms &&
            ((not_to_use && !term.InReport()) || term.IsCommonWord()))
          continue;
        int form = static_cast<int>(terms_.size());
        int match_entry =
            terms == Terms::kEveryTermApart ? form : static_cast<int>(c);
        if (matcher_.Add(term.text, section.lang, match_entry, form)) {
          terms_.push_back({c, s, t});
        }
      }
    }
  }
  matcher_.Compile();
}

const Term& GlossaryMatcher::TermOf(int form) const {
  const TermRef& ref = term(form);
  return glossary_.concepts[ref.concept_index]
      .languages[ref.section]
      .terms[ref.term];
}

}  // namespace glossa
