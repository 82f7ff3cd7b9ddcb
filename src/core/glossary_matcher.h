// A Matcher for all the terms of a glossary, and the way back from a match
// to the term it found.

#ifndef GLOSSA_CORE_GLOSSARY_MATCHER_H_
#define GLOSSA_CORE_GLOSSARY_MATCHER_H_

#include <cstddef>
#include <memory>
#include <vector>

#include "core/glossary.h"
#include "core/matcher.h"

namespace glossa {

// Where a form came from:
// glossary.concepts[concept].languages[section].terms[term].
struct TermRef {
  std::size_t concept_index = 0;
  std::size_t section = 0;
  std::size_t term = 0;
};

// Every term of every entry, compiled: all languages but pinyin readings;
// a deprecated or superseded term (a rendering not to use, not a form of
// the entry) only when it is marked as printed in the report
// (Term::InReport), since the report's forms must be found in the report;
// never an everyday word (Term::IsCommonWord), which is found only as part
// of a longer form.
// A match's entry is the concept's index in the glossary; its form indexes
// terms(). The glossary must outlive this object.
class GlossaryMatcher {
 public:
  // Which terms to find. kForms: the forms of the entries, as above; a
  // match's entry is the concept's index. kEveryTermApart: every term, the
  // renderings to avoid too, each as an entry of its own (a match's entry
  // is its form), so that terms of one concept that match the same text
  // ("Hefei" in English and in German) are each reported: glossa check
  // asks where the report prints each term.
  enum class Terms { kForms, kEveryTermApart };
  explicit GlossaryMatcher(const Glossary& glossary,
                           Terms terms = Terms::kForms);

  const Matcher& matcher() const { return matcher_; }
  const Glossary& glossary() const { return glossary_; }
  const TermRef& term(int form) const {
    return terms_[static_cast<std::size_t>(form)];
  }
  const Term& TermOf(int form) const;
  // How many forms were added: forms are 0 .. forms() - 1, in glossary
  // order.
  std::size_t forms() const { return terms_.size(); }
  std::unique_ptr<Matcher::Scratch> NewScratch() const {
    return matcher_.NewScratch();
  }

 private:
  const Glossary& glossary_;
  Matcher matcher_;
  std::vector<TermRef> terms_;
};

}  // namespace glossa

#endif  // GLOSSA_CORE_GLOSSARY_MATCHER_H_
