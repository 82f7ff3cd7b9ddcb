#include "core/glossary_matcher.h"

namespace glossa {

GlossaryMatcher::GlossaryMatcher(const Glossary& glossary)
    : glossary_(glossary) {
  for (std::size_t c = 0; c < glossary.concepts.size(); ++c) {
    const Concept& entry = glossary.concepts[c];
    for (std::size_t s = 0; s < entry.languages.size(); ++s) {
      const LangSection& section = entry.languages[s];
      for (std::size_t t = 0; t < section.terms.size(); ++t) {
        TermStatus status = section.terms[t].status;
        if (status == TermStatus::kDeprecated ||
            status == TermStatus::kSuperseded)
          continue;
        int form = static_cast<int>(terms_.size());
        if (matcher_.Add(section.terms[t].text, section.lang,
                         static_cast<int>(c), form)) {
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
