// What the bilingual readers (bilingual*.cc) share: one function per
// format and the helpers they have in common. Internal to the core library.

#ifndef GLOSSA_CORE_BILINGUAL_INTERNAL_H_
#define GLOSSA_CORE_BILINGUAL_INTERNAL_H_

#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "core/bilingual.h"
#include "core/diagnostics.h"
#include "core/xml_input.h"

namespace glossa::bilingual {

// A language code as the file writes it, with "_" turned into "-"
// ("zh_CN" -> "zh-CN") and a POSIX charset or modifier dropped
// ("de_DE.UTF-8" -> "de-DE", "sr@latin" -> "sr").
std::string NormaliseLanguage(std::string_view code);

// Whether two language tags name the same language for choosing a variant:
// equal ignoring case, or one a prefix of the other up to a "-" ("EN"
// matches "en-US", "zh" matches "zh-CN"; "zh-Hans" does not match
// "zh-Hant").
bool SameLanguage(std::string_view a, std::string_view b);

// The text of an XLIFF <source>/<target> or TMX <seg>: its character data
// and that of the inline elements that enclose text (<g>, <mrk>, <pc>,
// <hi>, ...), without the native code of <ph>, <bpt>, <ept>, <it>, <ut>
// and the empty codes (<x/>, <bx/>, <ex/>, <sc/>, <ec/>, <sm/>, <em/>).
// XLIFF 2.0's <cp hex="..."/> contributes its character.
std::string InlineText(pugi::xml_node element);

// Where the text of `element` starts: its first character data, else the
// element itself. The element's location if it is empty.
Location TextStart(const XmlFile& file, pugi::xml_node element);

// The readers of the XML formats, given the parsed file whose root element
// is <xliff> (of the version the name says) or <tmx>. They report problems
// to `diags` and fill *out; false when nothing usable was read.
bool ReadXliff12(const XmlFile& file, std::string_view target_lang,
                 Diagnostics& diags, BilingualFile* out);
bool ReadXliff20(const XmlFile& file, std::string_view target_lang,
                 Diagnostics& diags, BilingualFile* out);
bool ReadTmx(const XmlFile& file, std::string_view target_lang,
             Diagnostics& diags, BilingualFile* out);

// Reads gettext PO from `text` (well-formed UTF-8). False if it holds no
// entry at all.
bool ReadPo(std::string_view text, const std::string& name, Diagnostics& diags,
            BilingualFile* out);

}  // namespace glossa::bilingual

#endif  // GLOSSA_CORE_BILINGUAL_INTERNAL_H_
