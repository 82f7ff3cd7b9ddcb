#include "core/edition_index.h"

#include <algorithm>

#include "core/uri.h"

namespace glossa {
namespace {

constexpr std::string_view kReasonOpen = "[not named: ";

}  // namespace

std::pair<std::string, std::string> SplitKeyPassageText(std::string_view text) {
  std::string collapsed = CollapseSpace(text);
  std::size_t open = collapsed.rfind(kReasonOpen);
  if (open == std::string::npos || collapsed.back() != ']')
    return {collapsed, ""};
  std::string reason =
      collapsed.substr(open + kReasonOpen.size(),
                       collapsed.size() - 1 - open - kReasonOpen.size());
  std::string description = CollapseSpace(collapsed.substr(0, open));
  return {description, CollapseSpace(reason)};
}

EditionIndex::EditionIndex(const Glossary& glossary, const Document& document,
                           std::optional<EditionPassages> found,
                           std::optional<Index> terms,
                           KeyPassageSource key_passages)
    : glossary_(glossary),
      document_(document),
      language_(document.info.language.empty() ? "de" : document.info.language),
      terms_(terms ? std::move(*terms) : Index(glossary)),
      found_(found ? std::move(*found) : FindPassages(document, matcher())),
      by_entry_(glossary.concepts.size()),
      by_id_(document),
      key_passage_source_(std::move(key_passages)),
      key_passages_(glossary.concepts.size()),
      key_passages_once_(glossary.concepts.size()) {
  for (std::size_t i = 0; i < found_.passages.size(); ++i)
    by_entry_[static_cast<std::size_t>(found_.passages[i].entry)].push_back(i);
  for (std::size_t b = 0; b < found_.blocks.size(); ++b) {
    block_of_.emplace(found_.blocks[b].content, b);
    length_ += found_.blocks[b].text.size();
  }
}

const std::vector<KeyPassage>& EditionIndex::KeyPassagesOf(
    std::size_t entry) const {
  key_passages_once_.Run(entry, [&] {
    if (key_passage_source_) {
      // Their blocks are looked up here: a block's text is made for it,
      // and a lookup shows one entry's.
      key_passages_[entry] = key_passage_source_(entry);
      for (KeyPassage& key : key_passages_[entry])
        key.block = by_id_.Find(key.id);
      return;
    }
    const Concept& concept_entry = glossary_.concepts[entry];
    for (std::size_t r = 0; r < concept_entry.external_references.size(); ++r) {
      const std::string& target = concept_entry.external_references[r].target;
      if (!IsRelativeReference(target) || target.find('#') == std::string::npos)
        continue;
      key_passages_[entry].push_back(Resolve(entry, r));
    }
  });
  return key_passages_[entry];
}

const GlossaryMatcher& EditionIndex::matcher() const {
  std::call_once(matcher_once_, [this] { matcher_.emplace(glossary_); });
  return *matcher_;
}

std::vector<Hit> EditionIndex::Find(std::string_view query) const {
  std::vector<Hit> hits = terms_.Find(query);
  if (hits.empty()) hits = FindInflected(matcher(), query);
  return hits;
}

const EditionBlock* EditionIndex::BlockOf(const Content& content) const {
  auto found = block_of_.find(&content);
  return found == block_of_.end() ? nullptr : &found_.blocks[found->second];
}

std::span<const Passage> EditionIndex::PassagesIn(
    const EditionBlock& block) const {
  return std::span<const Passage>(found_.passages)
      .subspan(block.first_passage, block.end_passage - block.first_passage);
}

std::vector<Passage> EditionIndex::PassagesOf(std::size_t entry) const {
  std::vector<Passage> out;
  out.reserve(by_entry_[entry].size());
  for (std::size_t i : by_entry_[entry]) out.push_back(found_.passages[i]);
  return out;
}

std::vector<std::pair<std::string, int>> EditionIndex::CountsOf(
    std::size_t entry) const {
  return CountsBySection(PassagesOf(entry));
}

// The sentences of the blocks that carry `id`, in document order, white
// space collapsed.
std::vector<std::string> EditionIndex::SentencesOf(std::string_view id) const {
  std::vector<std::string> out;
  for (const EditionBlock& block : found_.blocks) {
    if (block.locator.node != id) continue;
    for (const std::string& sentence : Sentences(block.text, language_))
      out.push_back(CollapseSpace(sentence));
  }
  return out;
}

KeyPassage EditionIndex::Resolve(std::size_t entry,
                                 std::size_t reference) const {
  const ExternalReference& xref =
      glossary_.concepts[entry].external_references[reference];
  EditionTarget target = ParseEditionTarget(xref.target);
  KeyPassage out;
  out.reference = reference;
  out.id = target.id;
  out.quote = target.quote;
  std::tie(out.description, out.reason) = SplitKeyPassageText(xref.text);
  out.block = by_id_.Find(out.id);
  if (!out.block) {
    out.problem = KeyPassageProblem::kNoBlock;
    return out;
  }
  // The passages of the entry in the block, one per sentence (the passages
  // of a sentence share its view: a sentence of a megabyte with thousands of
  // matches is looked at once, not once per match).
  std::vector<const Passage*> standing;
  for (std::size_t i : by_entry_[entry]) {
    const Passage& passage = found_.passages[i];
    if (passage.locator.node != out.id) continue;
    if (!standing.empty() &&
        standing.back()->sentence.data() == passage.sentence.data() &&
        standing.back()->sentence.size() == passage.sentence.size()) {
      continue;
    }
    standing.push_back(&passage);
  }
  // All its sentences: wanted for a quote, or when the entry is not there.
  const bool quoted = target.error.empty() && !out.quote.empty();
  std::vector<std::string> sentences;
  if (quoted || standing.empty()) {
    sentences = SentencesOf(out.id);
    if (sentences.empty()) {
      for (const std::string& sentence : Sentences(out.block->text, language_))
        sentences.push_back(CollapseSpace(sentence));
    }
  }
  // What views show of a sentence: cut as ShowSentence cuts a passage's.
  const std::string first =
      sentences.empty() ? "" : ShowSentence(sentences.front(), 0, 0).text;
  if (!quoted) {
    out.entry_in_sentence = !standing.empty();
    out.sentence = standing.empty()
                       ? first
                       : CollapseSpace(ShowSentence(*standing.front()).text);
    if (!target.error.empty()) {
      out.problem = KeyPassageProblem::kBadTarget;
      out.target_error = target.error;
      return out;
    }
    if (!out.entry_in_sentence) out.problem = KeyPassageProblem::kEntryAbsent;
  } else {
    std::string quote = CollapseSpace(out.quote);
    auto named = std::find_if(
        sentences.begin(), sentences.end(), [&](const std::string& sentence) {
          return sentence.find(quote) != std::string::npos;
        });
    if (named == sentences.end()) {
      out.sentence = first;
      out.problem = KeyPassageProblem::kNoSentence;
      return out;
    }
    std::size_t at = named->find(quote);
    out.sentence = ShowSentence(*named, at, at + quote.size()).text;
    out.entry_in_sentence = std::any_of(
        standing.begin(), standing.end(), [&](const Passage* passage) {
          return CollapseSpace(passage->sentence) == *named;
        });
    if (!out.entry_in_sentence && out.reason.empty())
      out.problem = KeyPassageProblem::kNoReason;
  }
  if (out.entry_in_sentence && !out.reason.empty())
    out.problem = KeyPassageProblem::kNeedlessReason;
  return out;
}

}  // namespace glossa
