#include "core/xliff_export.h"

#include <algorithm>
#include <cstddef>
#include <pugixml.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/glossary.h"
#include "core/passages.h"
#include "core/translation.h"
#include "core/unicode.h"

namespace glossa {
namespace {

// The glossary section that renders `target_lang`: "zh-Hans" or "zh-Hant"
// for Chinese, else the tag's primary subtag.
std::string SectionFor(std::string_view target_lang) {
  std::string tag = ToLower(target_lang);
  std::string primary = tag.substr(0, tag.find_first_of("-_"));
  if (primary != "zh") return primary;
  for (std::string_view traditional : {"hant", "tw", "hk", "mo"}) {
    if (tag.find(traditional) != std::string::npos) return "zh-Hant";
  }
  return "zh-Hans";
}

// The term to offer a translator: the preferred one, else the first
// admitted or unmarked one; never a deprecated, superseded or matching
// form (termType variant). "" when there is none.
std::string TargetTerm(const Concept& entry, std::string_view section_lang) {
  const LangSection* section = entry.Language(section_lang);
  if (section == nullptr) return "";
  const Term* chosen = nullptr;
  for (const Term& term : section->terms) {
    if (term.status == TermStatus::kDeprecated ||
        term.status == TermStatus::kSuperseded ||
        term.type == TermType::kVariant) {
      continue;
    }
    if (term.status == TermStatus::kPreferred) return CollapseSpace(term.text);
    if (chosen == nullptr) chosen = &term;
  }
  return chosen == nullptr ? "" : CollapseSpace(chosen->text);
}

// A glossary entry whose terms stand in a sentence: what the 1.2 note and
// the 2.0 glossary module both say about it.
struct SentenceEntry {
  int entry = -1;                  // index into the glossary's concepts
  std::vector<std::string> forms;  // as the sentence prints them, collapsed
  std::string target;              // TargetTerm; "" when there is none
};

// The entries of the top-level matches that start in `unit`'s sentence, in
// order of appearance, each with the forms the sentence prints.
std::vector<SentenceEntry> EntriesIn(const EditionIndex& edition,
                                     const EditionUnit& unit,
                                     std::string_view section_lang) {
  const EditionBlock& block = edition.blocks()[unit.block];
  std::string_view text = block.text;
  std::vector<SentenceEntry> entries;
  for (const Passage& passage : edition.PassagesIn(block)) {
    if (passage.nested_in >= 0 || passage.block_begin < unit.begin ||
        passage.block_begin >= unit.limit) {
      continue;
    }
    auto entry = std::find_if(entries.begin(), entries.end(), [&](auto& e) {
      return e.entry == passage.entry;
    });
    if (entry == entries.end()) {
      const Concept& found = edition.glossary().concepts[passage.entry];
      entry = entries.insert(
          entries.end(),
          SentenceEntry{passage.entry, {}, TargetTerm(found, section_lang)});
    }
    std::string printed = CollapseSpace(text.substr(
        passage.block_begin, passage.block_end - passage.block_begin));
    std::vector<std::string>& forms = entry->forms;
    if (std::find(forms.begin(), forms.end(), printed) == forms.end())
      forms.push_back(printed);
  }
  return entries;
}

// "征信 → credit reporting; Dateninseln / 信息孤岛 → information islands".
std::string TermNote(const std::vector<SentenceEntry>& entries,
                     std::string_view target_lang) {
  std::string out;
  for (const SentenceEntry& entry : entries) {
    if (!out.empty()) out += "; ";
    for (std::size_t i = 0; i < entry.forms.size(); ++i)
      out += (i == 0 ? "" : " / ") + entry.forms[i];
    out += " → " + (entry.target.empty()
                        ? "(no " + std::string(target_lang) + " term)"
                        : entry.target);
  }
  return out;
}

// The edition's language, as the file names its source.
std::string SourceLanguage(const EditionIndex& edition) {
  const std::string& language = edition.document().info.language;
  return language.empty() ? "de" : language;
}

// `doc` as UTF-8 with the declaration that says so.
std::string Serialise(const pugi::xml_document& doc) {
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_default | pugi::format_no_declaration);
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + out.str();
}

// The glossary module's entries for one sentence, in <gls:glossary>: one
// <gls:glossEntry> per form the sentence prints (the module allows one
// <gls:term> per entry), with the entry's target term and definition.
// An entry with neither is left out: the module requires one of them.
void AppendGlossary(pugi::xml_node unit,
                    const std::vector<SentenceEntry>& entries,
                    const Glossary& glossary, std::string_view section_lang) {
  pugi::xml_node list;
  for (const SentenceEntry& entry : entries) {
    const LangSection* section =
        glossary.concepts[entry.entry].Language(section_lang);
    const Text* definition = section == nullptr || section->definitions.empty()
                                 ? nullptr
                                 : &section->definitions.front();
    if (entry.target.empty() && definition == nullptr) continue;
    if (!list) list = unit.append_child("gls:glossary");
    for (const std::string& form : entry.forms) {
      pugi::xml_node gloss = list.append_child("gls:glossEntry");
      gloss.append_child("gls:term").text().set(form.c_str());
      if (!entry.target.empty())
        gloss.append_child("gls:translation").text().set(entry.target.c_str());
      if (definition != nullptr) {
        gloss.append_child("gls:definition")
            .text()
            .set(CollapseSpace(definition->text).c_str());
      }
    }
  }
}

}  // namespace

std::string WriteXliff(const EditionIndex& edition,
                       std::string_view target_lang,
                       std::string_view original) {
  const std::string source_lang = SourceLanguage(edition);
  const std::string section_lang = SectionFor(target_lang);
  pugi::xml_document doc;
  pugi::xml_node xliff = doc.append_child("xliff");
  xliff.append_attribute("version") = "1.2";
  xliff.append_attribute("xmlns") = "urn:oasis:names:tc:xliff:document:1.2";
  pugi::xml_node file = xliff.append_child("file");
  file.append_attribute("original") = std::string(original).c_str();
  file.append_attribute("source-language") = source_lang.c_str();
  file.append_attribute("target-language") = std::string(target_lang).c_str();
  file.append_attribute("datatype") = "plaintext";
  pugi::xml_node tool = file.append_child("header").append_child("tool");
  tool.append_attribute("tool-id") = "glossa";
  tool.append_attribute("tool-name") = "glossa";
  pugi::xml_node body = file.append_child("body");

  for (const EditionUnit& unit : EditionUnits(edition)) {
    pugi::xml_node trans_unit = body.append_child("trans-unit");
    trans_unit.append_attribute("id") = unit.id.c_str();
    pugi::xml_node source = trans_unit.append_child("source");
    source.append_attribute("xml:space") = "preserve";
    source.text().set(unit.source.c_str());
    pugi::xml_node group = trans_unit.append_child("context-group");
    group.append_attribute("name") = "locator";
    group.append_attribute("purpose") = "location";
    pugi::xml_node context = group.append_child("context");
    context.append_attribute("context-type") = "x-glossa-locator";
    context.text().set(FormatLocator(unit.locator).c_str());
    std::string note =
        TermNote(EntriesIn(edition, unit, section_lang), target_lang);
    if (note.empty()) continue;
    pugi::xml_node note_node = trans_unit.append_child("note");
    note_node.append_attribute("from") = "glossa";
    note_node.text().set(note.c_str());
  }
  return Serialise(doc);
}

std::string WriteXliff2(const EditionIndex& edition,
                        std::string_view target_lang,
                        std::string_view original) {
  const std::string section_lang = SectionFor(target_lang);
  pugi::xml_document doc;
  pugi::xml_node xliff = doc.append_child("xliff");
  xliff.append_attribute("xmlns") = "urn:oasis:names:tc:xliff:document:2.0";
  xliff.append_attribute("xmlns:gls") = "urn:oasis:names:tc:xliff:glossary:2.0";
  xliff.append_attribute("version") = "2.0";
  xliff.append_attribute("srcLang") = SourceLanguage(edition).c_str();
  xliff.append_attribute("trgLang") = std::string(target_lang).c_str();
  pugi::xml_node file = xliff.append_child("file");
  file.append_attribute("id") = "f1";
  file.append_attribute("original") = std::string(original).c_str();

  for (const EditionUnit& unit : EditionUnits(edition)) {
    pugi::xml_node unit_node = file.append_child("unit");
    unit_node.append_attribute("id") = unit.id.c_str();
    // Module elements come first in a <unit>, then <notes>, then segments.
    AppendGlossary(unit_node, EntriesIn(edition, unit, section_lang),
                   edition.glossary(), section_lang);
    pugi::xml_node note = unit_node.append_child("notes").append_child("note");
    note.append_attribute("category") = "location";
    note.text().set(FormatLocator(unit.locator).c_str());
    pugi::xml_node source =
        unit_node.append_child("segment").append_child("source");
    source.append_attribute("xml:space") = "preserve";
    source.text().set(unit.source.c_str());
  }
  return Serialise(doc);
}

}  // namespace glossa
