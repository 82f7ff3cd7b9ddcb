// XLIFF 1.2 (<trans-unit>s) and XLIFF 2.0 (<segment>s of <unit>s).

#include <string>
#include <string_view>

#include "core/bilingual_internal.h"

namespace glossa::bilingual {
namespace {

bool Translatable(pugi::xml_node element, bool inherited) {
  std::string_view translate = element.attribute("translate").value();
  if (translate == "no") return false;
  if (translate == "yes") return true;
  return inherited;
}

bool Blank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

Segment MakeSegment(const XmlFile& file, std::string id, pugi::xml_node source,
                    pugi::xml_node target, bool translatable) {
  Segment segment;
  segment.id = std::move(id);
  segment.source = InlineText(source);
  segment.source_at = source ? TextStart(file, source) : Location{};
  if (target) {
    segment.target = InlineText(target);
    segment.target_at = TextStart(file, target);
  }
  if (!translatable) {
    segment.skipped = SkipReason::kNotTranslatable;
  } else if (Blank(segment.target)) {
    segment.skipped = SkipReason::kUntranslated;
  }
  return segment;
}

// Reports a missing language attribute of `element`; the target language
// is not needed when the caller names it.
void CheckLanguages(const XmlFile& file, pugi::xml_node element,
                    const char* source, const char* target,
                    std::string_view target_lang, Diagnostics& diags) {
  if (!*element.attribute(source).value()) {
    diags.Error(file.Where(element), "<" + std::string(element.name()) +
                                         "> has no " + source +
                                         " attribute: the source language");
  }
  if (!*element.attribute(target).value() && target_lang.empty()) {
    diags.Error(file.Where(element),
                "<" + std::string(element.name()) + "> has no " + target +
                    " attribute; name the target language with --target");
  }
}

// XLIFF 1.2: the <trans-unit>s in `parent` (a <body> or <group>).
void Visit12(const XmlFile& file, pugi::xml_node parent, bool translatable,
             BilingualFile* out) {
  for (pugi::xml_node child : parent.children()) {
    std::string_view name = child.name();
    if (name == "group") {
      Visit12(file, child, Translatable(child, translatable), out);
    } else if (name == "trans-unit") {
      out->segments.push_back(MakeSegment(
          file, child.attribute("id").value(), child.child("source"),
          child.child("target"), Translatable(child, translatable)));
    }
  }
}

// XLIFF 2.0: the <segment>s of the <unit>s in `parent` (a <file> or
// <group>).
void Visit20(const XmlFile& file, pugi::xml_node parent, bool translatable,
             BilingualFile* out) {
  for (pugi::xml_node child : parent.children()) {
    std::string_view name = child.name();
    if (name == "group") {
      Visit20(file, child, Translatable(child, translatable), out);
    } else if (name == "unit") {
      bool unit_translatable = Translatable(child, translatable);
      int position = 0;
      for (pugi::xml_node segment : child.children("segment")) {
        ++position;
        std::string id = segment.attribute("id").value();
        if (id.empty()) id = std::to_string(position);
        out->segments.push_back(MakeSegment(
            file, std::string(child.attribute("id").value()) + "/" + id,
            segment.child("source"), segment.child("target"),
            unit_translatable));
      }
    }
  }
}

}  // namespace

bool ReadXliff12(const XmlFile& file, std::string_view target_lang,
                 Diagnostics& diags, BilingualFile* out) {
  out->format = "xliff-1.2";
  bool first = true;
  for (pugi::xml_node element : file.root().children("file")) {
    CheckLanguages(file, element, "source-language", "target-language",
                   target_lang, diags);
    if (first) {
      out->source_lang =
          NormaliseLanguage(element.attribute("source-language").value());
      out->target_lang =
          NormaliseLanguage(element.attribute("target-language").value());
      first = false;
    }
    Visit12(file, element.child("body"), Translatable(element, true), out);
  }
  if (first) {
    diags.Error(file.Where(file.root()), "<xliff> holds no <file>");
    return false;
  }
  return true;
}

bool ReadXliff20(const XmlFile& file, std::string_view target_lang,
                 Diagnostics& diags, BilingualFile* out) {
  out->format = "xliff-2.0";
  pugi::xml_node root = file.root();
  CheckLanguages(file, root, "srcLang", "trgLang", target_lang, diags);
  out->source_lang = NormaliseLanguage(root.attribute("srcLang").value());
  out->target_lang = NormaliseLanguage(root.attribute("trgLang").value());
  for (pugi::xml_node element : root.children("file"))
    Visit20(file, element, Translatable(element, true), out);
  return true;
}

}  // namespace glossa::bilingual
