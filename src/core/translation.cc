#include "core/translation.h"

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/bilingual.h"
#include "core/passages.h"
#include "core/unicode.h"

namespace glossa {
namespace {

// One sentence of a block: its byte range in the block's text, trimmed as
// Sentences (passages.h) trims it.
struct SentenceRange {
  std::size_t begin = 0;
  std::size_t end = 0;    // trimmed end
  std::size_t limit = 0;  // where the next sentence starts
};

std::vector<SentenceRange> SentenceRanges(std::string_view text,
                                          std::string_view language) {
  std::vector<std::size_t> starts = SentenceStarts(text, language);
  std::vector<SentenceRange> out;
  for (std::size_t i = 0; i < starts.size(); ++i) {
    std::size_t limit = i + 1 < starts.size() ? starts[i + 1] : text.size();
    std::string_view sentence = text.substr(starts[i], limit - starts[i]);
    std::size_t last = sentence.find_last_not_of(" \n\t");
    if (last == std::string_view::npos) continue;
    out.push_back({starts[i], starts[i] + last + 1, limit});
  }
  return out;
}

// The page `offset` of the block stands on.
int PageOf(const EditionBlock& block, std::size_t offset) {
  int page = block.locator.page;
  for (const auto& [start, start_page] : block.pages) {
    if (start > offset) break;
    page = start_page;
  }
  return page;
}

// The name a block's units are numbered under.
std::string UnitBase(const EditionBlock& block, std::size_t index) {
  if (!block.locator.node.empty()) return block.locator.node;
  return "block" + std::to_string(index + 1);
}

// The unit a segment of the file belongs to: XLIFF 2.0 segments are named
// "unit/segment" (bilingual.h), and glossa's unit is the sentence.
std::string UnitIdOf(const BilingualFile& file, const std::string& segment) {
  if (file.format != "xliff-2.0") return segment;
  std::size_t slash = segment.rfind('/');
  return slash == std::string::npos ? segment : segment.substr(0, slash);
}

// Chinese and Japanese sentences join without a space.
std::string_view Joiner(std::string_view lang) {
  std::string primary = ToLower(lang.substr(0, lang.find_first_of("-_")));
  return primary == "zh" || primary == "ja" ? "" : " ";
}

// Where each segment's target went: its unit and its offset in the unit's
// target.
struct Placed {
  std::size_t unit = 0;
  std::size_t offset = 0;
};

// The file's segments put on the edition's units. `kept` gets the segments
// that found their unit, each id once (a repeated one is warned about and
// left out), for the qa check.
void PlaceSegments(const BilingualFile& file, const std::string& name,
                   Diagnostics& diags, Translation* translation,
                   std::map<std::string, Placed>* placed, BilingualFile* kept) {
  std::map<std::string, std::size_t> by_id;
  for (std::size_t i = 0; i < translation->units.size(); ++i)
    by_id.emplace(translation->units[i].id, i);
  std::string_view joiner = Joiner(translation->target_lang);
  std::map<std::size_t, std::string> sources;  // by unit, joined
  std::map<std::size_t, Location> source_at;
  std::set<std::string> seen;
  for (const Segment& segment : file.segments) {
    std::string id = UnitIdOf(file, segment.id);
    auto unit = by_id.find(id);
    if (unit == by_id.end()) {
      Location at = segment.source_at;
      if (at.file.empty()) at.file = name;
      diags.Warning(at, "unit '" + id +
                            "' is not a sentence of the edition; its "
                            "translation is left out");
      continue;
    }
    if (!seen.insert(segment.id).second) {
      diags.Warning(segment.source_at,
                    "unit '" + segment.id +
                        "' appears more than once; the first is used");
      continue;
    }
    kept->segments.push_back(segment);
    std::string& source = sources[unit->second];
    if (!source.empty()) source += ' ';
    source += segment.source;
    source_at.emplace(unit->second, segment.source_at);
    if (segment.skipped != SkipReason::kNone) continue;
    TranslatedUnit& out = translation->translated[unit->second];
    if (!out.target.empty()) out.target += joiner;
    if (out.at.line == 0) out.at = segment.target_at;
    (*placed)[segment.id] = {unit->second, out.target.size()};
    out.target += segment.target;
  }
  for (const auto& [unit, source] : sources) {
    if (CollapseSpace(source) == translation->units[unit].source) continue;
    diags.Warning(source_at[unit],
                  "the source of unit '" + translation->units[unit].id +
                      "' is not the edition's sentence (did the edition "
                      "change since the export?); the edition has: " +
                      translation->units[unit].source);
  }
}

}  // namespace

std::vector<EditionUnit> EditionUnits(const EditionIndex& edition) {
  const std::string& language = edition.document().info.language;
  std::vector<EditionUnit> out;
  std::map<std::string, int> numbered;  // sentences so far, by unit base
  const std::vector<EditionBlock>& blocks = edition.blocks();
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    const EditionBlock& block = blocks[b];
    std::string base = UnitBase(block, b);
    for (const SentenceRange& range :
         SentenceRanges(block.text, language.empty() ? "de" : language)) {
      EditionUnit& unit = out.emplace_back();
      unit.id = base + ".s" + std::to_string(++numbered[base]);
      unit.block = b;
      unit.begin = range.begin;
      unit.end = range.end;
      unit.limit = range.limit;
      unit.source =
          CollapseSpace(std::string_view(block.text)
                            .substr(range.begin, range.end - range.begin));
      unit.locator = block.locator;
      unit.locator.page = PageOf(block, range.begin);
    }
  }
  return out;
}

bool ReadTranslation(const EditionIndex& edition, std::string_view bytes,
                     const std::string& name, Diagnostics& diags,
                     Translation* translation) {
  const int errors_before = diags.errors();
  BilingualFile file;
  if (!ReadBilingual(bytes, name, "", diags, &file)) return false;
  if (file.format.rfind("xliff-", 0) != 0) {
    diags.Error({name, 0, 0},
                "a translation of the report is read from XLIFF (as glossa "
                "export --format xliff writes it), not from " +
                    file.format);
    return false;
  }
  if (diags.errors() > errors_before) return false;
  translation->file = name;
  translation->target_lang = file.target_lang;
  translation->units = EditionUnits(edition);
  translation->translated.assign(translation->units.size(), {});
  std::map<std::string, Placed> placed;
  BilingualFile kept;
  kept.name = file.name;
  kept.format = file.format;
  kept.source_lang = file.source_lang;
  kept.target_lang = file.target_lang;
  PlaceSegments(file, name, diags, translation, &placed, &kept);
  if (kept.segments.empty()) {
    diags.Error({name, 0, 0},
                "none of the file's " + std::to_string(file.segments.size()) +
                    " units is a sentence of the edition (its units are "
                    "named as glossa export --format xliff names them, "
                    "\"s2.3.p1.s2\")");
    return false;
  }
  translation->qa =
      CheckTranslation(edition.glossary(), kept, QaOptions{}, diags);
  if (diags.errors() > errors_before) return false;
  for (std::size_t p = 0; p < translation->qa.problems.size(); ++p) {
    QaProblem& problem = translation->qa.problems[p];
    auto where = placed.find(problem.segment);
    problem.segment = UnitIdOf(file, problem.segment);
    if (where == placed.end() || problem.kind == QaKind::kInconsistent)
      continue;
    problem.found_begin += where->second.offset;
    problem.found_end += where->second.offset;
    translation->translated[where->second.unit].problems.push_back(p);
  }
  TermFinder finder(edition.glossary(), translation->target_lang);
  for (TranslatedUnit& unit : translation->translated) {
    if (unit.target.empty()) continue;
    ++translation->translated_units;
    unit.terms = finder.Find(unit.target);
  }
  return true;
}

BlockTranslation TranslationOf(const Translation& translation,
                               std::size_t block) {
  BlockTranslation out;
  std::string_view joiner = Joiner(translation.target_lang);
  for (std::size_t u = 0; u < translation.units.size(); ++u) {
    if (translation.units[u].block != block) continue;
    ++out.units;
    const TranslatedUnit& unit = translation.translated[u];
    if (unit.target.empty()) continue;
    if (!out.text.empty()) out.text += joiner;
    const std::size_t offset = out.text.size();
    out.text += unit.target;
    out.parts.push_back({u, offset, out.text.size()});
    for (FoundTerm term : unit.terms) {
      term.begin += offset;
      term.end += offset;
      out.terms.push_back(term);
    }
    for (std::size_t p : unit.problems) {
      out.problems.push_back(p);
      const QaProblem& problem = translation.qa.problems[p];
      if (problem.kind == QaKind::kDeprecated)
        out.marks.push_back(
            {p, offset + problem.found_begin, offset + problem.found_end});
    }
  }
  return out;
}

}  // namespace glossa
