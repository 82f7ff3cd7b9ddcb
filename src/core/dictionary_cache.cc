#include "core/dictionary_cache.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <system_error>
#include <utility>

#include "core/dictionary_index.h"
#include "core/file_io.h"
#include "core/mapped_file.h"

namespace glossa {
namespace {

void Report(const std::vector<Diagnostic>& problems, Diagnostics& diags) {
  for (const Diagnostic& problem : problems) {
    if (problem.severity == Severity::kError)
      diags.Error(problem.location, problem.message);
    else
      diags.Warning(problem.location, problem.message);
  }
}

}  // namespace

std::string StoreInCache(const DictionaryCache& cache, const std::string& path,
                         std::string_view index) {
  if (cache.dir.empty())
    return "no cache folder (neither $XDG_CACHE_HOME nor $HOME is set)";
  std::error_code ec;
  std::filesystem::create_directories(cache.dir, ec);
  if (ec) return "cannot create '" + cache.dir + "': " + ec.message();
  std::string error;
  if (!WriteFileAtomically(path, index, &error)) return error;
  PruneCache(cache.dir, path, NowNanoseconds());
  return "";
}

namespace {

// What PruneCache may remove: "document", "edition", "glossary", "index" or
// "source"
// for a cache file of glossa's naming, "temporary" for what a write left
// behind, "" for anything else.
std::string_view KindOf(std::string_view name) {
  auto hex = [](std::string_view digits) {
    return digits.size() == 32 &&
           std::all_of(digits.begin(), digits.end(), [](char c) {
             return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
  };
  if (std::size_t temp = name.find(".tmp-");
      temp != std::string_view::npos && name.size() == temp + 11)
    return KindOf(name.substr(0, temp)).empty() ? "" : "temporary";
  std::size_t dot = name.find('.');
  if (dot == std::string_view::npos || !hex(name.substr(0, dot))) return "";
  // The names themselves, not views of `name`: a caller may keep them.
  for (std::string_view kind :
       {"document", "edition", "glossary", "index", "source"})
    if (name.substr(dot + 1) == kind) return kind;
  return "";
}

}  // namespace

void PruneCache(const std::string& dir, const std::string& keep,
                std::int64_t now_ns) {
  namespace fs = std::filesystem;
  struct Found {
    std::int64_t used_ns;
    std::string path;
  };
  const std::string kept = fs::path(keep).filename().string();
  // The editions, glossaries and documents kept, each kind by itself.
  std::map<std::string_view, std::vector<Found>> counted;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    const std::string path = it->path().string();
    const std::string name = it->path().filename().string();
    const std::string_view kind = KindOf(name);
    struct stat info;
    if (kind.empty() || name == kept || ::lstat(path.c_str(), &info) != 0 ||
        !S_ISREG(info.st_mode))
      continue;
    const std::int64_t used_ns = Nanoseconds(info.st_mtim);
    // A temporary file younger than a day may be another glossa's write
    // under way.
    const std::int64_t unused_days = kind == "temporary" ? 1 : kCacheUnusedDays;
    if (now_ns - used_ns > unused_days * kNanosecondsPerDay)
      ::unlink(path.c_str());
    else if (kind == "edition" || kind == "glossary" || kind == "document")
      counted[kind].push_back({used_ns, path});
  }
  for (auto& [kind, files] : counted) {
    const std::size_t room = kCacheEditions - (KindOf(kept) == kind);
    if (files.size() <= room) continue;
    std::sort(files.begin(), files.end(), [](const Found& a, const Found& b) {
      return a.used_ns > b.used_ns;
    });
    for (std::size_t i = room; i < files.size(); ++i)
      ::unlink(files[i].path.c_str());
  }
}

namespace {

// The record of a source: where it lies in the cache, and its text for
// `key` up to the hash (the format line, the path, the key's numbers).
std::string RecordPath(const DictionaryCache& cache, const SourceKey& key) {
  return cache.dir + "/" + HashContent(key.path).Hex() + ".source";
}
std::string RecordHead(const SourceKey& key) {
  return "glossa dictionary source 1\n" + key.path + "\n" +
         std::to_string(key.device) + " " + std::to_string(key.inode) + " " +
         std::to_string(key.size) + " " + std::to_string(key.mtime_ns) + " " +
         std::to_string(key.ctime_ns) + "\n";
}

}  // namespace

std::optional<ContentHash> RecordedHash(const DictionaryCache& cache,
                                        const SourceKey& key) {
  if (cache.dir.empty()) return std::nullopt;
  // Mapped, so that a record in use can be marked so (PruneCache).
  std::string error;
  std::unique_ptr<MappedFile> file =
      MappedFile::Open(RecordPath(cache, key), &error);
  if (!file) return std::nullopt;
  const std::string_view record = file->bytes();
  const std::string head = RecordHead(key);
  if (record.size() != head.size() + 33 || record.compare(0, head.size(), head))
    return std::nullopt;
  ContentHash hash;
  for (std::size_t i = 0; i < 32; ++i) {
    char c = record[head.size() + i];
    int digit = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                       : -1;
    if (digit < 0) return std::nullopt;
    std::uint64_t& half = i < 16 ? hash.high : hash.low;
    half = half << 4 | static_cast<std::uint64_t>(digit);
  }
  if (record.back() != '\n') return std::nullopt;
  file->MarkUsed();
  return hash;
}

void RecordHash(const DictionaryCache& cache, const SourceKey& key,
                const ContentHash& hash) {
  if (NowNanoseconds() - std::max(key.mtime_ns, key.ctime_ns) < cache.settle_ns)
    return;
  std::string error;
  WriteFileAtomically(RecordPath(cache, key),
                      RecordHead(key) + hash.Hex() + "\n", &error);
}

std::optional<SourceKey> KeySource(const std::string& path) {
  std::error_code ec;
  std::filesystem::path canonical = std::filesystem::canonical(path, ec);
  struct stat info;
  if (ec || ::stat(canonical.c_str(), &info) != 0 || !S_ISREG(info.st_mode))
    return std::nullopt;
  return SourceKey{canonical.string(),
                   static_cast<std::uint64_t>(info.st_dev),
                   static_cast<std::uint64_t>(info.st_ino),
                   static_cast<std::uint64_t>(info.st_size),
                   Nanoseconds(info.st_mtim),
                   Nanoseconds(info.st_ctim)};
}

std::unique_ptr<Dictionary> OpenByKey(const SourceKey& key,
                                      DictionarySource source,
                                      DictionaryCache& cache,
                                      Diagnostics& diags) {
  std::optional<ContentHash> hash = RecordedHash(cache, key);
  if (!hash) return nullptr;
  std::string why;
  auto cached = MappedDictionary::Map(cache.dir + "/" + hash->Hex() + ".index",
                                      *hash, std::move(source), &why,
                                      MappedDictionary::Verify::kStructure);
  if (!cached) return nullptr;
  Report(cached->Problems(), diags);
  return cached;
}

std::string DictionaryCacheDir(std::string_view xdg_cache_home,
                               std::string_view home) {
  // The XDG rule: a relative $XDG_CACHE_HOME is invalid and ignored.
  if (!xdg_cache_home.empty() && xdg_cache_home[0] == '/')
    return std::string(xdg_cache_home) + "/glossa";
  if (!home.empty()) return std::string(home) + "/.cache/glossa";
  return "";
}

std::unique_ptr<Dictionary> OpenIndexed(
    std::string_view bytes, const ReadEntries& read, DictionarySource source,
    DictionaryCache& cache, Diagnostics& diags, const SourceKey* key) {
  const ContentHash hash = HashContent(bytes);
  const std::string path =
      cache.dir.empty() ? "" : cache.dir + "/" + hash.Hex() + ".index";
  std::string why;
  if (!path.empty()) {
    if (auto cached = MappedDictionary::Map(path, hash, source, &why)) {
      Report(cached->Problems(), diags);
      if (key != nullptr) RecordHash(cache, *key, hash);
      return cached;
    }
    std::error_code ec;
    if (std::filesystem::exists(path, ec))
      diags.Warning({path, 0, 0}, "dictionary index not trusted (" + why +
                                      "); rebuilt from '" + source.path + "'");
  }

  Diagnostics problems;
  DictionaryIndexBuilder builder;
  bool read_ok =
      read(problems, [&builder](const Concept& entry) { builder.Add(entry); });
  Report(problems.all(), diags);
  if (!read_ok) return nullptr;
  std::string index = std::move(builder).Finish(hash, problems.all());

  std::string not_stored = StoreInCache(cache, path, index);
  if (not_stored.empty()) {
    if (auto built = MappedDictionary::Map(path, hash, source, &why)) {
      if (key != nullptr) RecordHash(cache, *key, hash);
      return built;
    }
    not_stored = "cannot use '" + path + "': " + why;
  }
  if (!cache.warned) {
    cache.warned = true;
    diags.Warning({"glossa", 0, 0},
                  not_stored +
                      "; dictionary indexes are kept in memory and built "
                      "again at every run");
  }
  return MappedDictionary::FromBytes(std::move(index), hash, std::move(source),
                                     &why);
}

}  // namespace glossa
