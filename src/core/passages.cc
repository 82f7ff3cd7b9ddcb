#include "core/passages.h"

#include <algorithm>
#include <cstdint>
#include <string>

#include "core/glossary.h"
#include "core/little_endian.h"
#include "core/unicode.h"

namespace glossa {
namespace {

EditionBlock MakeBlock(const Content& content, const Locator& where) {
  EditionBlock block;
  block.content = &content;
  block.locator = where;
  block.pages.push_back({0, where.page});
  for (const Span& span : content) {
    if (span.kind == Span::Kind::kText) block.text += span.text;
    if (span.kind == Span::Kind::kPageBreak)
      block.pages.push_back({block.text.size(), span.number});
  }
  return block;
}

// The page at byte `offset` of the block: of the last page start at or
// before it.
int PageAt(const EditionBlock& block, std::size_t offset) {
  auto after = std::upper_bound(
      block.pages.begin() + 1, block.pages.end(), offset,
      [](std::size_t at, const auto& start) { return at < start.first; });
  return (after - 1)->second;
}

bool IsContinuationByte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// The first (last) `n` characters of UTF-8 `text`, all of it if it has
// fewer; read no further than they go.
std::string_view FirstCharacters(std::string_view text, std::size_t n) {
  std::size_t i = 0;
  for (std::size_t count = 0; i < text.size() && count < n; ++count) {
    ++i;
    while (i < text.size() && IsContinuationByte(text[i])) ++i;
  }
  return text.substr(0, i);
}

std::string_view LastCharacters(std::string_view text, std::size_t n) {
  std::size_t i = text.size();
  for (std::size_t count = 0; i > 0 && count < n; ++count) {
    --i;
    while (i > 0 && IsContinuationByte(text[i])) --i;
  }
  return text.substr(i);
}

// Finds the passages of one block and appends them to *out.
class Finder {
 public:
  Finder(const GlossaryMatcher& matcher, std::string_view language)
      : matcher_(matcher),
        scratch_(matcher.NewScratch()),
        language_(language) {}

  void Block(const EditionBlock& block, std::size_t block_index,
             std::vector<Passage>* out) {
    matcher_.matcher().Find(block.text, *scratch_, &matches_);
    if (matches_.empty()) return;
    std::vector<std::size_t> starts = SentenceStarts(block.text, language_);
    for (const Matcher::Match& match : matches_) {
      auto next = std::upper_bound(starts.begin(), starts.end(), match.begin);
      std::size_t begin = *(next - 1);
      std::size_t end = next == starts.end() ? block.text.size() : *next;
      // A match that runs over a sentence break (it should not) keeps its
      // sentences together.
      while (end < match.end && next != starts.end()) {
        ++next;
        end = next == starts.end() ? block.text.size() : *next;
      }
      std::string_view sentence =
          std::string_view(block.text).substr(begin, end - begin);
      std::size_t trimmed = sentence.find_last_not_of(" \n\t");
      sentence = sentence.substr(
          0, trimmed == std::string_view::npos ? 0 : trimmed + 1);
      Passage passage;
      passage.entry = match.entry;
      passage.form = match.form;
      passage.locator = block.locator;
      passage.locator.page = PageAt(block, match.begin);
      passage.sentence = sentence;
      passage.match_begin = match.begin - begin;
      passage.match_end = match.end - begin;
      passage.block = block_index;
      passage.block_begin = match.begin;
      passage.block_end = match.end;
      passage.nested_in =
          match.nested_in >= 0 ? matches_[match.nested_in].entry : -1;
      out->push_back(std::move(passage));
    }
  }

 private:
  const GlossaryMatcher& matcher_;
  std::unique_ptr<Matcher::Scratch> scratch_;
  std::string language_;
  std::vector<Matcher::Match> matches_;
};

// Calls visit(content, locator) for every node of `nodes` and what they
// hold, in document order. The locator names the block (node, place,
// section) and the page it starts on.
template <typename Visit>
void WalkNodes(const std::vector<Node>& nodes, const Locator& where,
               Visit& visit) {
  for (const Node& node : nodes) {
    Locator here = where;
    switch (node.kind) {
      case Node::Kind::kDiv:
        if (node.type == "section" || node.type == "subsection") {
          here.place = "section";
          here.section = node.n;
          here.part.clear();
          if (!node.children.empty() &&
              node.children[0].kind == Node::Kind::kHead) {
            here.section_title = PlainText(node.children[0].content);
          }
        } else if (node.type == "keyFindings") {
          here.place = "key findings";
        } else if (node.type == "part" && !node.children.empty()) {
          here.part = PlainText(node.children[0].content);
        }
        break;
      case Node::Kind::kFigure:
        here.place = "caption";
        break;
      case Node::Kind::kSidebar:
        here.place = "sidebar";
        break;
      case Node::Kind::kQuote:
        here.place = "quote";
        break;
      default:
        break;
    }
    if (!node.id.empty()) here.node = node.id;
    here.page = node.source.page;
    visit(node.content, here);
    WalkNodes(node.children, here, visit);
  }
}

template <typename Visit>
void Walk(const Document& document, Visit&& visit) {
  Locator front;
  front.place = "front";
  WalkNodes(document.front, front, visit);
  if (!document.title.empty() || !document.subtitle.empty()) {
    Locator title;
    title.place = "title";
    title.node = "title";
    title.page = document.title_source.page;
    visit(document.title, title);
    visit(document.subtitle, title);
  }
  WalkNodes(document.body, Locator(), visit);
  for (const Note& note : document.notes) {
    Locator where;
    where.place = "footnote";
    where.footnote = note.number;
    where.node = note.id;
    where.page = note.source.page;
    visit(note.content, where);
  }
}

// Every block with text of `document`, in document order, without
// passages.
std::vector<EditionBlock> BlocksOf(const Document& document) {
  std::vector<EditionBlock> out;
  std::size_t offset = 0;
  Walk(document, [&](const Content& content, const Locator& where) {
    if (content.empty()) return;
    EditionBlock block = MakeBlock(content, where);
    block.offset = offset;
    offset += block.text.size();
    out.push_back(std::move(block));
  });
  return out;
}

// The numbers EncodePassages keeps of a passage, in this order, each as a
// little-endian 32-bit integer.
constexpr std::size_t kPassageFields = 8;

}  // namespace

std::string EncodePassages(const std::vector<EditionBlock>& blocks,
                           const std::vector<Passage>& passages) {
  std::string out;
  out.reserve(8 + passages.size() * kPassageFields * 4);
  AppendLittle32(static_cast<std::uint32_t>(blocks.size()), &out);
  AppendLittle32(static_cast<std::uint32_t>(passages.size()), &out);
  for (const Passage& passage : passages) {
    const std::string& text = blocks[passage.block].text;
    std::size_t sentence =
        static_cast<std::size_t>(passage.sentence.data() - text.data());
    for (std::size_t value :
         {static_cast<std::size_t>(passage.entry),
          static_cast<std::size_t>(passage.form), passage.block,
          passage.block_begin, passage.block_end, sentence,
          sentence + passage.sentence.size(),
          static_cast<std::size_t>(passage.nested_in + 1)})
      AppendLittle32(static_cast<std::uint32_t>(value), &out);
  }
  return out;
}

bool DecodePassages(std::string_view bytes, const Document& document,
                    const Glossary& glossary, EditionPassages* out,
                    std::string* why) {
  out->blocks = BlocksOf(document);
  out->passages.clear();
  const std::size_t count = bytes.size() < 8 ? 0 : ReadLittle32(bytes, 4);
  if (bytes.size() < 8 || bytes.size() != 8 + count * kPassageFields * 4) {
    *why = "the passages are cut short or too long";
    return false;
  }
  if (ReadLittle32(bytes, 0) != out->blocks.size()) {
    *why = "another number of blocks than the edition has";
    return false;
  }
  std::size_t terms = 0;  // without decoding a lazy glossary (Concepts)
  for (std::size_t c = 0; c < glossary.concepts.size(); ++c)
    terms += glossary.concepts.TermCountOf(c);
  const std::size_t entries = glossary.concepts.size();
  out->passages.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    std::uint32_t field[kPassageFields];
    for (std::size_t f = 0; f < kPassageFields; ++f)
      field[f] = ReadLittle32(bytes, 8 + (i * kPassageFields + f) * 4);
    const auto [entry, form, block, begin, end, sentence, sentence_end,
                nested] = field;
    // In block order, inside the block's text, the match inside its
    // sentence, and naming entries and terms the glossary has.
    if (block >= out->blocks.size() ||
        (!out->passages.empty() && block < out->passages.back().block) ||
        !(sentence <= begin && begin <= end && end <= sentence_end &&
          sentence_end <= out->blocks[block].text.size()) ||
        entry >= entries || form >= terms || nested > entries) {
      *why = "passage " + std::to_string(i + 1) + " does not fit the edition";
      return false;
    }
    const EditionBlock& in = out->blocks[block];
    Passage passage;
    passage.entry = static_cast<int>(entry);
    passage.form = static_cast<int>(form);
    passage.locator = in.locator;
    passage.locator.page = PageAt(in, begin);
    passage.sentence =
        std::string_view(in.text).substr(sentence, sentence_end - sentence);
    passage.match_begin = begin - sentence;
    passage.match_end = end - sentence;
    passage.block = block;
    passage.block_begin = begin;
    passage.block_end = end;
    passage.nested_in = static_cast<int>(nested) - 1;
    out->passages.push_back(std::move(passage));
  }
  for (std::size_t b = 0, p = 0; b < out->blocks.size(); ++b) {
    out->blocks[b].first_passage = p;
    while (p < out->passages.size() && out->passages[p].block == b) ++p;
    out->blocks[b].end_passage = p;
  }
  return true;
}

std::string FormatLocator(const Locator& locator) {
  std::string out;
  if (locator.place == "footnote") {
    out = "fn. " + std::to_string(locator.footnote);
  } else if (locator.place == "key findings" || locator.place == "title") {
    out = locator.place;
  } else {
    out = locator.section.empty() ? "" : "§" + locator.section;
    if (locator.place == "caption" || locator.place == "sidebar" ||
        locator.place == "quote") {
      out += (out.empty() ? "" : " ") + locator.place;
    }
  }
  if (locator.page > 0)
    out += (out.empty() ? "" : ", ") + ("p. " + std::to_string(locator.page));
  return out;
}

std::string SectionKey(const Locator& locator) {
  if (locator.place == "footnote")
    return "fn. " + std::to_string(locator.footnote);
  if (locator.place == "key findings" || locator.place == "title" ||
      locator.section.empty())
    return locator.place;
  return "§" + locator.section;
}

EditionPassages FindPassages(const Document& document,
                             const GlossaryMatcher& matcher) {
  std::string language =
      document.info.language.empty() ? "de" : document.info.language;
  Finder finder(matcher, language);
  EditionPassages out;
  out.blocks = BlocksOf(document);
  // Passages view their block's text: found once the blocks stay where they
  // are.
  for (std::size_t b = 0; b < out.blocks.size(); ++b) {
    EditionBlock& block = out.blocks[b];
    block.first_passage = out.passages.size();
    finder.Block(block, b, &out.passages);
    block.end_passage = out.passages.size();
  }
  return out;
}

std::vector<std::string> Sentences(std::string_view text,
                                   std::string_view language) {
  std::vector<std::size_t> starts = SentenceStarts(text, language);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < starts.size(); ++i) {
    std::size_t end = i + 1 < starts.size() ? starts[i + 1] : text.size();
    std::string_view sentence = text.substr(starts[i], end - starts[i]);
    std::size_t last = sentence.find_last_not_of(" \n\t");
    if (last == std::string_view::npos) continue;
    out.emplace_back(sentence.substr(0, last + 1));
  }
  return out;
}

std::string FirstSentence(std::string_view text, std::string_view language) {
  std::string collapsed = CollapseSpace(text);
  std::vector<std::size_t> starts = SentenceStarts(collapsed, language);
  for (std::size_t i = 1; i < starts.size(); ++i) {
    char c = collapsed[starts[i]];
    if (c < '0' || c > '9')
      return CollapseSpace(std::string_view(collapsed).substr(0, starts[i]));
  }
  return collapsed;
}

std::string ShortDefinition(const Concept& entry, std::string_view lang) {
  const LangSection* section =
      entry.Language(lang == "zh" ? kSimplifiedChinese : lang);
  if (section == nullptr || section->definitions.empty()) return "";
  return FirstSentence(section->definitions.front().text, lang);
}

std::string CutAtWord(std::string_view text, int columns) {
  std::string cut = KeepFirstColumns(text, columns);
  if (cut == text) return cut;
  std::string_view kept(cut.data(), cut.size() - std::string_view("…").size());
  // The kept part may end a word itself; else the last space in it does.
  if (text[kept.size()] == ' ') return std::string(kept) + "…";
  std::size_t space = kept.rfind(' ');
  if (space == std::string_view::npos || space == 0) return cut;
  return std::string(kept.substr(0, space)) + "…";
}

ShownSentence ShowSentence(std::string_view sentence, std::size_t begin,
                           std::size_t end) {
  std::string_view before =
      LastCharacters(sentence.substr(0, begin), kMaxContext);
  std::string_view after = FirstCharacters(sentence.substr(end), kMaxContext);
  ShownSentence out;
  if (before.size() < begin) out.text = "…";
  out.text += before;
  out.match_begin = out.text.size();
  out.text += sentence.substr(begin, end - begin);
  out.match_end = out.text.size();
  out.text += after;
  if (end + after.size() < sentence.size()) out.text += "…";
  return out;
}

ShownSentence ShowSentence(const Passage& passage) {
  return ShowSentence(passage.sentence, passage.match_begin, passage.match_end);
}

Kwic KwicOf(const Passage& passage) {
  ShownSentence shown = ShowSentence(passage);
  std::string_view sentence = shown.text;
  std::string_view before = sentence.substr(0, shown.match_begin);
  std::string_view after = sentence.substr(shown.match_end);
  auto space = [](char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
  };
  Kwic kwic;
  kwic.left = CollapseSpace(before);
  if (!before.empty() && space(before.back())) kwic.left += ' ';
  kwic.match = CollapseSpace(
      sentence.substr(shown.match_begin, shown.match_end - shown.match_begin));
  kwic.right = CollapseSpace(after);
  if (!after.empty() && space(after.front())) kwic.right.insert(0, " ");
  return kwic;
}

std::vector<std::pair<std::string, int>> CountsBySection(
    const std::vector<Passage>& passages) {
  std::vector<std::pair<std::string, int>> counts;
  for (const Passage& passage : passages) {
    std::string key = SectionKey(passage.locator);
    auto found = std::find_if(counts.begin(), counts.end(),
                              [&](const auto& c) { return c.first == key; });
    if (found == counts.end()) {
      counts.push_back({key, 1});
    } else {
      ++found->second;
    }
  }
  return counts;
}

BlockIndex::BlockIndex(const Document& document) : document_(document) {
  Walk(document, [&](const Content& content, const Locator& where) {
    if (!where.node.empty())
      first_.try_emplace(where.node, First{where, &content});
  });
}

std::optional<Block> BlockIndex::Find(std::string_view id) const {
  auto first = first_.find(std::string(id));
  if (first == first_.end()) return std::nullopt;
  Block found{first->second.locator, PlainText(*first->second.content)};
  // A container (a section, the sidebar, a list): the text of what it holds.
  const Node* node = found.text.empty() ? FindNode(document_, id) : nullptr;
  if (node != nullptr) {
    std::vector<const Node*> path;
    ForEachNode(
        node->children,
        [&](const Node& child, const std::vector<const Node*>&) {
          std::string text = PlainText(child.content);
          if (text.empty()) return;
          if (!found.text.empty()) found.text += ' ';
          found.text += text;
        },
        &path);
  }
  return found;
}

}  // namespace glossa
