#include "core/import/layout.h"

#include <map>
#include <optional>
#include <string_view>

#include "core/import/join.h"
#include "core/import/patterns.h"
#include "core/unicode.h"

namespace glossa::import {
namespace {

const Line& First(const std::vector<Line>& lines, const Block& block) {
  return lines[block.lines.front()];
}

std::string_view Text(const std::vector<Line>& lines, const Block& block,
                      std::size_t k) {
  return lines[block.lines[k]].text;
}

std::vector<Block> MakeBlocks(const std::vector<Line>& lines) {
  std::vector<Block> blocks;
  Block current;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (line.blank || line.page_start) {
      if (!current.lines.empty()) blocks.push_back(std::move(current));
      current = Block();
    }
    if (!line.blank) current.lines.push_back(i);
  }
  if (!current.lines.empty()) blocks.push_back(std::move(current));
  return blocks;
}

// A pull quote: at least two lines, each short, and not a sentence that
// ends; it repeats a sentence of the text in the margin.
bool IsPullQuote(const std::vector<Line>& lines, const Block& block) {
  if (block.lines.size() < 2) return false;
  for (std::size_t k = 0; k < block.lines.size(); ++k) {
    if (DisplayWidth(TrimLeft(Text(lines, block, k))) > 24) return false;
  }
  std::string_view last = TrimRight(Text(lines, block, block.lines.size() - 1));
  char end = last.empty() ? '.' : last.back();
  return end != '.' && end != ',' && end != ';' && end != ':';
}

// What the blocks before tell about the next: the numbers expected next,
// whether the notes or the sections have begun.
struct Numbering {
  int expected_section = 1;
  int current_section = 0;
  int expected_subsection = 1;
  bool in_notes = false;
  bool seen_section = false;
};

// The role of block `b` by its own lines; advances *numbering past it.
Role RoleOf(const std::vector<Line>& lines, const std::vector<Block>& blocks,
            std::size_t b, const Vocabulary& vocabulary, Numbering* numbering) {
  const Block& block = blocks[b];
  std::size_t size = block.lines.size();
  std::string_view first = TrimLeft(Text(lines, block, 0));
  auto joined = [&] { return JoinLines(vocabulary, lines, block.lines); };
  if (numbering->in_notes || ParseNote(first)) {
    numbering->in_notes = true;
    return Role::kNote;
  }
  if (!numbering->seen_section && b == 0 && size == 1 && AllCapsLine(first))
    return Role::kKeyFindingsHead;
  if (!numbering->seen_section && First(lines, block).bullet)
    return Role::kBullet;
  std::optional<Numbered> heading;
  if (size <= 3 && (heading = ParseSection(first)) &&
      heading->number == numbering->expected_section &&
      !EndsSentence(joined())) {
    numbering->current_section = numbering->expected_section++;
    numbering->expected_subsection = 1;
    numbering->seen_section = true;
    return Role::kSection;
  }
  if (size <= 3 && (heading = ParseSubsection(first)) &&
      heading->number == numbering->current_section &&
      heading->sub == numbering->expected_subsection) {
    ++numbering->expected_subsection;
    return Role::kSubsection;
  }
  if (size == 1 && FigureLabel(first)) return Role::kLabel;
  if (size == 1 && IsSourceLine(first)) return Role::kSource;
  if (ParseItem(first)) return Role::kItem;
  if (IsPullQuote(lines, block)) return Role::kQuote;
  if (numbering->seen_section && size == 1 && AllCapsLine(first))
    return Role::kSidebar;
  if (numbering->seen_section && size <= 2 && IsRunInHeading(first)) {
    std::string text = joined();
    if (DisplayWidth(text) <= 140 && !text.ends_with('.')) return Role::kRunIn;
  }
  return Role::kBody;
}

// The title: the block right before the first section heading, when it is
// short and is not a sentence.
void FindTitle(const std::vector<Line>& lines, std::vector<Block>* blocks) {
  for (std::size_t b = 0; b < blocks->size(); ++b) {
    if ((*blocks)[b].role != Role::kSection) continue;
    if (b == 0) return;
    Block& candidate = (*blocks)[b - 1];
    if (candidate.corrected || candidate.role != Role::kBody) return;
    if (candidate.lines.size() > 3) return;
    for (std::size_t k = 0; k < candidate.lines.size(); ++k) {
      std::string_view text = TrimRight(Text(lines, candidate, k));
      if (text.empty() ||
          std::string_view(".,;:").find(text.back()) != std::string_view::npos)
        return;
    }
    candidate.role = Role::kTitle;
    return;
  }
}

bool IsAnchor(const Block& block) {
  return block.role == Role::kLabel || block.role == Role::kSource;
}

bool CaptionLike(const std::vector<Line>& lines, const Block& block) {
  if (block.role != Role::kBody) return false;
  if (block.lines.size() == 1)
    return DisplayWidth(TrimLeft(Text(lines, block, 0))) <= 100;
  for (std::size_t k = 0; k < block.lines.size(); ++k) {
    if (DisplayWidth(TrimLeft(Text(lines, block, k))) > 50) return false;
  }
  return true;
}

// Caption text: blocks between two anchors of one figure on a page, and
// short blocks that follow an anchor on its page.
void FindCaptions(const std::vector<Line>& lines, std::vector<Block>* blocks) {
  std::vector<Block>& all = *blocks;
  for (std::size_t b = 0; b < all.size(); ++b) {
    if (!IsAnchor(all[b])) continue;
    int page = First(lines, all[b]).page;
    // Between this anchor and the next one on the page (scans between
    // anchors do not overlap: each stops at the next anchor).
    std::size_t next = b + 1;
    while (
        next < all.size() && First(lines, all[next]).page == page &&
        (all[next].role == Role::kBody || all[next].role == Role::kCaption)) {
      ++next;
    }
    bool sandwiched = next < all.size() &&
                      First(lines, all[next]).page == page &&
                      IsAnchor(all[next]);
    for (std::size_t c = b + 1; c < next; ++c) {
      if (all[c].corrected) break;
      if (!sandwiched && !CaptionLike(lines, all[c])) break;
      all[c].role = Role::kCaption;
    }
  }
}

// A sidebar runs from its capitals heading through the body blocks that
// follow, up to the next float, heading or page. Returns, per block,
// whether it continues the sidebar before it.
std::vector<bool> FindSidebars(const std::vector<Line>& lines,
                               std::vector<Block>* blocks) {
  std::vector<Block>& all = *blocks;
  std::vector<bool> continues(all.size(), false);
  for (std::size_t b = 0; b < all.size(); ++b) {
    if (all[b].role != Role::kSidebar || all[b].corrected) continue;
    int page = First(lines, all[b]).page;
    std::size_t c = b + 1;
    for (; c < all.size(); ++c) {
      if (all[c].role != Role::kBody || First(lines, all[c]).page_start ||
          First(lines, all[c]).page != page) {
        break;
      }
      all[c].role = Role::kSidebar;
      continues[c] = true;
    }
    b = c - 1;  // the blocks taken in continue this sidebar, not new ones
  }
  return continues;
}

bool IsFigurePart(const Block& block) {
  return block.role == Role::kLabel || block.role == Role::kSource ||
         block.role == Role::kCaption;
}

// Adds block `b` to group `g` (a new group if g < 0); returns the group.
int AddToGroup(int g, Node::Kind kind, std::size_t b, Layout* layout) {
  if (g < 0) {
    g = static_cast<int>(layout->groups.size());
    layout->groups.push_back(FloatGroup{kind, "", {}, false});
  }
  Block& block = layout->blocks[b];
  FloatGroup& group = layout->groups[g];
  group.blocks.push_back(b);
  group.labelled = group.labelled || block.role == Role::kLabel;
  block.group = g;
  return g;
}

// The figure a figure part belongs to, by its number or the float run it
// stands in; -1 for a new figure.
int FigureOf(const Layout& layout, std::size_t b, const std::string& number,
             const std::map<std::string, int>& figure_by_number) {
  // A named figure collects every part with its number.
  if (!number.empty()) {
    auto named = figure_by_number.find(number);
    if (named != figure_by_number.end()) return named->second;
  }
  // Otherwise it joins the figure of the float run it stands in, unless
  // that figure has another number, or a second label would join it.
  if (b == 0 || !IsFigurePart(layout.blocks[b - 1])) return -1;
  const FloatGroup& previous = layout.groups[layout.blocks[b - 1].group];
  bool labelled_elsewhere =
      !number.empty() && !previous.figure.empty() && previous.figure != number;
  bool second_label =
      layout.blocks[b].role == Role::kLabel && previous.labelled;
  return labelled_elsewhere || second_label ? -1 : layout.blocks[b - 1].group;
}

// Gathers float blocks into figures, quotes and sidebars.
void GroupFloats(const std::vector<Line>& lines, const Corrections& corrections,
                 const std::vector<bool>& continues, Layout* layout) {
  std::vector<Block>& blocks = layout->blocks;
  std::map<std::string, int> figure_by_number;
  auto correction = [&](const Block& block) {
    return corrections.At(First(lines, block).number);
  };
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    const Block& block = blocks[b];
    if (block.role == Role::kQuote) {
      AddToGroup(-1, Node::Kind::kQuote, b, layout);
    } else if (block.role == Role::kSidebar) {
      // A sidebar goes on in the blocks FindSidebars took in, and in the
      // blocks of one corrections region.
      const Block* previous = b > 0 ? &blocks[b - 1] : nullptr;
      bool goes_on =
          previous != nullptr && previous->group >= 0 &&
          (continues[b] || (block.corrected && previous->corrected &&
                            previous->role == Role::kSidebar &&
                            correction(*previous) == correction(block)));
      AddToGroup(goes_on ? previous->group : -1, Node::Kind::kSidebar, b,
                 layout);
    } else if (IsFigurePart(block)) {
      std::string number;
      if (block.role == Role::kLabel) {
        number = std::string(
            FigureLabel(TrimLeft(Text(lines, block, 0))).value_or(""));
      }
      const Correction* c = block.corrected ? correction(block) : nullptr;
      if (c != nullptr && !c->figure.empty()) number = c->figure;
      int g = AddToGroup(FigureOf(*layout, b, number, figure_by_number),
                         Node::Kind::kFigure, b, layout);
      FloatGroup& group = layout->groups[g];
      if (!number.empty() && group.figure.empty()) group.figure = number;
      if (!number.empty()) figure_by_number.emplace(number, g);
    }
  }
}

}  // namespace

Layout RecogniseLayout(const std::vector<Line>& lines,
                       const Corrections& corrections,
                       const Vocabulary& vocabulary) {
  Layout layout;
  layout.blocks = MakeBlocks(lines);
  Numbering numbering;
  for (std::size_t b = 0; b < layout.blocks.size(); ++b) {
    Block& block = layout.blocks[b];
    if (const Correction* c = corrections.At(First(lines, block).number)) {
      block.role = c->role;
      block.corrected = true;
    } else {
      block.role = RoleOf(lines, layout.blocks, b, vocabulary, &numbering);
    }
  }
  FindTitle(lines, &layout.blocks);
  FindCaptions(lines, &layout.blocks);
  std::vector<bool> continues = FindSidebars(lines, &layout.blocks);
  GroupFloats(lines, corrections, continues, &layout);
  return layout;
}

}  // namespace glossa::import
