#include "cli/concordance.h"

#include <algorithm>
#include <map>

#include "core/unicode.h"

namespace glossa {
namespace {

std::string Spaces(int n) {
  return std::string(static_cast<std::size_t>(std::max(n, 0)), ' ');
}

struct Line {
  std::string left, match, right, locator;
};

Line Split(const Passage& passage) {
  Kwic kwic = KwicOf(passage);
  return {std::move(kwic.left), std::move(kwic.match), std::move(kwic.right),
          FormatLocator(passage.locator)};
}

// A sort key for the context before the match: its words, nearest first.
std::string LeftKey(const std::string& left) {
  std::vector<std::string> words;
  std::size_t start = 0;
  std::string lower = ToLower(left);
  while (start < lower.size()) {
    std::size_t end = lower.find(' ', start);
    if (end == std::string::npos) end = lower.size();
    if (end > start) words.push_back(lower.substr(start, end - start));
    start = end + 1;
  }
  std::string key;
  for (auto it = words.rbegin(); it != words.rend(); ++it) key += *it + " ";
  return key;
}

}  // namespace

void RenderConcordance(std::vector<Passage> passages,
                       const ConcordanceOptions& options, std::ostream& out) {
  std::vector<Line> lines;
  for (const Passage& passage : passages) lines.push_back(Split(passage));
  if (options.sort != "position") {
    auto collator = Collator::Create("de");
    std::vector<std::size_t> order(lines.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::vector<std::string> keys;
    for (const Line& line : lines) {
      std::string right = ToLower(line.right);
      right.erase(0, right.find_first_not_of(' '));
      keys.push_back(collator->SortKey(
          options.sort == "left" ? LeftKey(line.left) : right));
    }
    std::stable_sort(
        order.begin(), order.end(),
        [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
    std::vector<Line> sorted;
    for (std::size_t i : order) sorted.push_back(lines[i]);
    lines = std::move(sorted);
  }
  int locator_width = 0, match_width = 0;
  for (const Line& line : lines) {
    locator_width = std::max(locator_width, DisplayWidth(line.locator));
    match_width = std::max(match_width, DisplayWidth(line.match));
  }
  int room = options.style.width - locator_width - 2;
  int left_width = options.context > 0 ? options.context
                                       : std::max(12, (room - match_width) / 2);
  for (const Line& line : lines) {
    int right_width =
        options.context > 0
            ? options.context
            : std::max(12, room - left_width - DisplayWidth(line.match));
    std::string left = KeepLastColumns(line.left, left_width);
    std::string right = KeepFirstColumns(line.right, right_width);
    // The match stands in one column; without colour, brackets mark it.
    std::string match = options.style.color
                            ? Paint(options.style, kBold, line.match)
                            : "[" + line.match + "]";
    out << Spaces(left_width - DisplayWidth(left)) << left << match << right
        << Spaces(right_width - DisplayWidth(right)) << "  "
        << Paint(options.style, kDim, line.locator) << '\n';
  }
}

std::string FormatCounts(
    const std::vector<std::pair<std::string, int>>& counts) {
  std::string out;
  for (const auto& [key, n] : counts) {
    out += (out.empty() ? "" : ", ") + key + ": " + std::to_string(n);
  }
  return out;
}

nlohmann::ordered_json PassageJson(const Passage& passage,
                                   const GlossaryMatcher& matcher) {
  const Locator& where = passage.locator;
  nlohmann::ordered_json out;
  out["place"] = where.place;
  out["section"] = where.section.empty()
                       ? nlohmann::ordered_json()
                       : nlohmann::ordered_json(where.section);
  out["section_title"] = where.section_title;
  if (!where.part.empty()) out["part"] = where.part;
  out["page"] = where.page;
  out["paragraph"] = where.node;
  out["footnote"] = where.footnote > 0 ? nlohmann::ordered_json(where.footnote)
                                       : nlohmann::ordered_json();
  out["locator"] = FormatLocator(where);
  ShownSentence shown = ShowSentence(passage);
  out["sentence"] = shown.text;
  out["match"] =
      shown.text.substr(shown.match_begin, shown.match_end - shown.match_begin);
  out["match_offset"] = shown.match_begin;
  out["term"] = matcher.TermOf(passage.form).text;
  out["nested_in"] =
      passage.nested_in >= 0
          ? nlohmann::ordered_json(
                matcher.glossary()
                    .concepts[static_cast<std::size_t>(passage.nested_in)]
                    .id)
          : nlohmann::ordered_json();
  return out;
}

}  // namespace glossa
