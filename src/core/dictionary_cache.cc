#include "core/dictionary_cache.h"

#include <filesystem>
#include <system_error>
#include <utility>

#include "core/dictionary_index.h"
#include "core/file_io.h"

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

// Writes `index` as `path` in the cache; "" on success, else why not.
std::string Store(const DictionaryCache& cache, const std::string& path,
                  std::string_view index) {
  if (cache.dir.empty())
    return "no cache folder (neither $XDG_CACHE_HOME nor $HOME is set)";
  std::error_code ec;
  std::filesystem::create_directories(cache.dir, ec);
  if (ec) return "cannot create '" + cache.dir + "': " + ec.message();
  std::string error;
  if (!WriteFileAtomically(path, index, &error)) return error;
  return "";
}

}  // namespace

std::string DictionaryCacheDir(std::string_view xdg_cache_home,
                               std::string_view home) {
  // The XDG rule: a relative $XDG_CACHE_HOME is invalid and ignored.
  if (!xdg_cache_home.empty() && xdg_cache_home[0] == '/')
    return std::string(xdg_cache_home) + "/glossa";
  if (!home.empty()) return std::string(home) + "/.cache/glossa";
  return "";
}

std::unique_ptr<Dictionary> OpenIndexed(std::string_view bytes,
                                        const ReadEntries& read,
                                        DictionarySource source,
                                        DictionaryCache& cache,
                                        Diagnostics& diags) {
  const ContentHash hash = HashContent(bytes);
  const std::string path =
      cache.dir.empty() ? "" : cache.dir + "/" + hash.Hex() + ".index";
  std::string why;
  if (!path.empty()) {
    if (auto cached = MappedDictionary::Map(path, hash, source, &why)) {
      Report(cached->Problems(), diags);
      return cached;
    }
    std::error_code ec;
    if (std::filesystem::exists(path, ec))
      diags.Warning({path, 0, 0}, "dictionary index not trusted (" + why +
                                      "); rebuilt from '" + source.path + "'");
  }

  Diagnostics problems;
  std::vector<Concept> entries;
  bool read_ok = read(problems, &entries);
  Report(problems.all(), diags);
  if (!read_ok) return nullptr;
  std::string index = BuildDictionaryIndex(entries, hash, problems.all());
  entries = {};

  std::string not_stored = Store(cache, path, index);
  if (not_stored.empty()) {
    if (auto built = MappedDictionary::Map(path, hash, source, &why))
      return built;
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
