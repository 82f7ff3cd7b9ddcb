#include "cli/translation_view.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "cli/style.h"
#include "core/passages.h"
#include "core/unicode.h"

namespace glossa {
namespace {

// A range of a text to paint.
struct Painting {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string_view on;  // the escape sequence that starts it
};

// A piece of a text that goes on a line whole: a word, or part of a word
// too wide for a line.
struct Piece {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool space_before = false;
};

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t'; }

bool StartsCharacter(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
}

// The words of `text`; a word wider than `room` columns (a Chinese
// sentence) cut between characters into pieces that fit.
std::vector<Piece> Pieces(std::string_view text, int room) {
  std::vector<Piece> out;
  std::size_t end = 0;
  while (true) {
    std::size_t begin = end;
    while (begin < text.size() && IsSpace(text[begin])) ++begin;
    if (begin == text.size()) break;
    end = begin;
    while (end < text.size() && !IsSpace(text[end])) ++end;
    bool space = begin > 0;
    std::size_t piece = begin, last = begin;  // last: a character's start
    for (std::size_t i = begin + 1; i <= end; ++i) {
      if (i < end && !StartsCharacter(text[i])) continue;
      if (last > piece && DisplayWidth(text.substr(piece, i - piece)) > room) {
        out.push_back({piece, last, space && piece == begin});
        piece = last;
      }
      last = i;
    }
    out.push_back({piece, end, space && piece == begin});
  }
  return out;
}

// text[begin, end) with the paints that cover it.
std::string Painted(std::string_view text, std::size_t begin, std::size_t end,
                    const std::vector<Painting>& paints, const Style& style) {
  if (!style.color) return std::string(text.substr(begin, end - begin));
  std::string out;
  std::size_t at = begin;
  for (const Painting& paint : paints) {
    if (paint.end <= at || paint.begin >= end) continue;
    std::size_t from = std::max(at, paint.begin);
    std::size_t to = std::min(end, paint.end);
    out.append(text.substr(at, from - at));
    out.append(paint.on).append(text.substr(from, to - from)).append(kReset);
    at = to;
  }
  out.append(text.substr(at, end - at));
  return out;
}

// Writes `text` wrapped to the style's width, the first line after `label`
// (padded to `indent` columns), the others indented by as much.
void Wrapped(std::string_view label, int indent, std::string_view text,
             const std::vector<Painting>& paints, const Style& style,
             std::ostream& out) {
  const int room = std::max(10, style.width - indent);
  std::string line = Paint(style, kBold, label) +
                     std::string(indent - DisplayWidth(label), ' ');
  int column = 0;
  for (const Piece& piece : Pieces(text, room)) {
    int width = DisplayWidth(text.substr(piece.begin, piece.end - piece.begin));
    int gap = piece.space_before && column > 0 ? 1 : 0;
    if (column > 0 && column + gap + width > room) {
      out << line << '\n';
      line = std::string(indent, ' ');
      column = 0;
      gap = 0;
    }
    line += std::string(gap, ' ') +
            Painted(text, piece.begin, piece.end, paints, style);
    column += gap + width;
  }
  out << line << '\n';
}

// Whether block `block` is in the section or block `selected` names.
bool Selected(const EditionBlock& block, const std::string& selected) {
  if (selected.empty()) return true;
  auto within = [&](const std::string& name) {
    return name == selected ||
           (name.size() > selected.size() &&
            name.compare(0, selected.size(), selected) == 0 &&
            name[selected.size()] == '.');
  };
  return within(block.locator.section) || within(block.locator.node);
}

// The German block's terms: the index's top-level passages in it.
std::vector<Painting> SourcePaints(const EditionIndex& index,
                                   const EditionBlock& block) {
  std::vector<Painting> out;
  for (const Passage& passage : index.PassagesIn(block)) {
    if (passage.nested_in < 0)
      out.push_back({passage.block_begin, passage.block_end, kUnderline});
  }
  return out;
}

// The translation's terms, and the deprecated renderings in red.
std::vector<Painting> TargetPaints(const BlockTranslation& block) {
  std::vector<Painting> out;
  for (const BlockTranslation::Mark& mark : block.marks)
    out.push_back({mark.begin, mark.end, "\x1b[4;31m"});
  for (const FoundTerm& term : block.terms) {
    bool marked = std::any_of(out.begin(), out.end(), [&](const Painting& p) {
      return p.begin < term.end && term.begin < p.end;
    });
    if (!marked) out.push_back({term.begin, term.end, kUnderline});
  }
  std::sort(out.begin(), out.end(), [](const Painting& a, const Painting& b) {
    return a.begin < b.begin;
  });
  return out;
}

}  // namespace

void RenderTranslation(const Translation& translation,
                       const ReadOptions& options, std::ostream& out) {
  const EditionIndex& index = *options.index;
  const Style& style = options.style;
  std::string source_lang = index.document().info.language;
  if (source_lang.empty()) source_lang = "de";
  const int indent = static_cast<int>(std::max(
                         source_lang.size(), translation.target_lang.size())) +
                     2;
  std::size_t shown = 0;
  for (std::size_t b = 0; b < index.blocks().size(); ++b) {
    const EditionBlock& block = index.blocks()[b];
    if (!Selected(block, options.section)) continue;
    BlockTranslation target = TranslationOf(translation, b);
    if (target.text.empty()) continue;
    if (shown++ > 0) out << '\n';
    std::string heading = FormatLocator(block.locator);
    if (!block.locator.node.empty()) heading += " · " + block.locator.node;
    out << Paint(style, kDim, heading) << '\n';
    Wrapped(source_lang, indent, block.text, SourcePaints(index, block), style,
            out);
    Wrapped(translation.target_lang, indent, target.text, TargetPaints(target),
            style, out);
    if (target.parts.size() < target.units) {
      out << std::string(indent, ' ')
          << Paint(style, kDim,
                   "(" + std::to_string(target.units - target.parts.size()) +
                       " of " + std::to_string(target.units) +
                       " sentences not translated)")
          << '\n';
    }
    for (std::size_t p : target.problems) {
      Wrapped("!", indent, translation.qa.problems[p].message, {}, style, out);
    }
  }
  bool file_wide = false;
  for (const QaProblem& problem : translation.qa.problems) {
    if (problem.kind != QaKind::kInconsistent) continue;
    if (!file_wide)
      out << '\n' << Paint(style, kBold, "Across the file") << '\n';
    file_wide = true;
    Wrapped("!", indent, problem.message, {}, style, out);
  }
  std::size_t findings = translation.qa.problems.size();
  out << '\n'
      << Paint(style, kDim,
               translation.file + ": " +
                   std::to_string(translation.translated_units) + " of " +
                   std::to_string(translation.units.size()) +
                   " sentences translated, " + std::to_string(findings) +
                   (findings == 1 ? " qa finding" : " qa findings"))
      << '\n';
}

}  // namespace glossa
