// A translation of the built-in edition read back (translation.h): any
// bytes as the XLIFF a translator's tool returns. Invariants: no crash, no
// sanitizer report, and everything placed lies inside the text it is placed
// in: each unit's terms and findings in its target, each block's parts,
// terms and marks in the block's joined text, a mark's text the finding's.
//
// Seeds: the edition's own XLIFF export with a few targets (fuzz/seeds/
// translation), so that mutations keep the unit ids that make targets land.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "built_in.h"
#include "core/edition_index.h"
#include "core/translation.h"
#include "core/unicode.h"

namespace {

void Fail(const char* what, const std::string& where) {
  std::fprintf(stderr, "translation: %s: %s\n", what, where.c_str());
  std::abort();
}

const glossa::EditionIndex& Edition() {
  static const auto* index = new glossa::EditionIndex(
      glossa::fuzz::BuiltInGlossary(), glossa::fuzz::BuiltInDocument());
  return *index;
}

void CheckBlock(const glossa::Translation& translation, std::size_t block) {
  glossa::BlockTranslation out = glossa::TranslationOf(translation, block);
  const std::size_t size = out.text.size();
  for (const auto& part : out.parts) {
    if (part.begin > part.end || part.end > size) Fail("part", out.text);
  }
  for (const glossa::FoundTerm& term : out.terms) {
    if (term.begin >= term.end || term.end > size) Fail("term", out.text);
  }
  for (const auto& mark : out.marks) {
    if (mark.begin > mark.end || mark.end > size) Fail("mark", out.text);
    const glossa::QaProblem& problem = translation.qa.problems[mark.problem];
    std::string_view text =
        std::string_view(out.text).substr(mark.begin, mark.end - mark.begin);
    if (glossa::CollapseSpace(text) != problem.found)
      Fail("a mark's text is not the finding's", std::string(text));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  glossa::Diagnostics diags;
  glossa::Translation translation;
  if (!glossa::ReadTranslation(Edition(), bytes, "in", diags, &translation))
    return 0;
  if (translation.translated.size() != translation.units.size())
    Fail("units", translation.file);
  for (const glossa::TranslatedUnit& unit : translation.translated) {
    for (const glossa::FoundTerm& term : unit.terms) {
      if (term.begin >= term.end || term.end > unit.target.size())
        Fail("a unit's term", unit.target);
    }
    for (std::size_t p : unit.problems) {
      if (p >= translation.qa.problems.size()) Fail("problem", unit.target);
      const glossa::QaProblem& problem = translation.qa.problems[p];
      if (problem.kind == glossa::QaKind::kDeprecated &&
          (problem.found_begin > problem.found_end ||
           problem.found_end > unit.target.size()))
        Fail("a finding's range", unit.target);
    }
  }
  for (std::size_t b = 0; b < Edition().blocks().size(); ++b)
    CheckBlock(translation, b);
  return 0;
}
