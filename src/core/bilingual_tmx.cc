// TMX 1.1 to 1.4: each <tu>'s variant in the source language against each
// of its variants in the target language.

#include <string>
#include <string_view>
#include <vector>

#include "core/bilingual_internal.h"

namespace glossa::bilingual {
namespace {

// A variant's language: xml:lang (TMX 1.4) or lang (TMX 1.1 and 1.2).
std::string_view Lang(pugi::xml_node tuv) {
  std::string_view lang = tuv.attribute("xml:lang").value();
  return lang.empty() ? tuv.attribute("lang").value() : lang;
}

// A unit's source language: its own srclang, else the header's; "*all*"
// (any variant may be the source) is taken as its first variant's.
std::string_view SourceLang(pugi::xml_node tu, std::string_view header) {
  std::string_view lang = tu.attribute("srclang").value();
  if (lang.empty()) lang = header;
  if (lang.empty() || lang == "*all*") lang = Lang(tu.child("tuv"));
  return lang;
}

// The languages other than the source the units hold, as first written
// (variants of one language, "DE" and "de", counted once).
std::vector<std::string_view> TargetLanguages(pugi::xml_node body,
                                              std::string_view header) {
  std::vector<std::string_view> found;
  for (pugi::xml_node tu : body.children("tu")) {
    std::string_view source = SourceLang(tu, header);
    for (pugi::xml_node tuv : tu.children("tuv")) {
      std::string_view lang = Lang(tuv);
      if (lang.empty() || SameLanguage(lang, source)) continue;
      bool known = false;
      for (std::string_view seen : found)
        known = known || SameLanguage(seen, lang);
      if (!known) found.push_back(lang);
    }
  }
  return found;
}

std::string Join(const std::vector<std::string_view>& languages) {
  std::string out;
  for (std::string_view lang : languages)
    out += (out.empty() ? "" : ", ") + std::string(lang);
  return out;
}

}  // namespace

bool ReadTmx(const XmlFile& file, std::string_view target_lang,
             Diagnostics& diags, BilingualFile* out) {
  out->format = "tmx";
  pugi::xml_node root = file.root();
  pugi::xml_node header = root.child("header");
  pugi::xml_node body = root.child("body");
  std::string_view srclang = header.attribute("srclang").value();
  if (srclang.empty()) {
    diags.Error(file.Where(header ? header : root),
                "<header> has no srclang attribute: the source language");
  }
  std::string_view target = target_lang;
  std::vector<std::string_view> targets = TargetLanguages(body, srclang);
  if (target.empty()) {
    if (targets.size() > 1) {
      diags.Error(file.Where(root), "the TMX holds several target languages (" +
                                        Join(targets) +
                                        "); choose one with --target");
      return false;
    }
    if (targets.empty()) {
      diags.Error(file.Where(root),
                  "the TMX holds no language other than the source");
    } else {
      target = targets[0];
    }
  }
  out->source_lang = NormaliseLanguage(
      srclang == "*all*" ? SourceLang(body.child("tu"), srclang) : srclang);
  out->target_lang = NormaliseLanguage(target);
  for (std::string_view lang : targets) {
    if (SameLanguage(lang, target)) {
      out->target_lang = NormaliseLanguage(lang);
      break;
    }
  }

  int position = 0;
  for (pugi::xml_node tu : body.children("tu")) {
    ++position;
    std::string id = tu.attribute("tuid").value();
    if (id.empty()) id = "tu " + std::to_string(position);
    std::string_view source_lang = SourceLang(tu, srclang);
    pugi::xml_node source;
    std::vector<pugi::xml_node> variants;
    for (pugi::xml_node tuv : tu.children("tuv")) {
      std::string_view lang = Lang(tuv);
      if (!source && SameLanguage(lang, source_lang)) {
        source = tuv;
      } else if (!target.empty() && SameLanguage(lang, target) &&
                 !SameLanguage(lang, source_lang)) {
        variants.push_back(tuv);
      }
    }
    if (!source) continue;  // a unit without the source language
    Segment base;
    base.id = id;
    pugi::xml_node source_seg = source.child("seg");
    base.source = InlineText(source_seg);
    base.source_at = TextStart(file, source_seg ? source_seg : source);
    if (variants.empty()) {
      base.skipped = SkipReason::kUntranslated;
      out->segments.push_back(base);
    }
    for (pugi::xml_node tuv : variants) {
      Segment segment = base;
      pugi::xml_node seg = tuv.child("seg");
      segment.target = InlineText(seg);
      segment.target_at = TextStart(file, seg ? seg : tuv);
      if (segment.target.find_first_not_of(" \t\r\n") == std::string::npos)
        segment.skipped = SkipReason::kUntranslated;
      out->segments.push_back(std::move(segment));
    }
  }
  return true;
}

}  // namespace glossa::bilingual
