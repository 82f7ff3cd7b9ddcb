// A driver for bench/dict-index: the dictionary index's costs, one at a
// time, so that /usr/bin/time can measure each as a whole process.
//
//   bench_dict_index build CEDICT OUT       parse, build, write; prints times
//   bench_dict_index open CEDICT QUERY      through the cache, as a lookup
//                                           will: read, hash, map, Find
//   bench_dict_index segment CEDICT TEXT    longest-match segmentation of
//                                           TEXT, one matched form a line on
//                                           stdout (as rg -o prints them)
//
// The cache is $XDG_CACHE_HOME/glossa (else ~/.cache/glossa).

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "core/cedict.h"
#include "core/dictionary_cache.h"
#include "core/dictionary_index.h"
#include "core/file_io.h"
#include "core/mapped_file.h"

namespace {

using Clock = std::chrono::steady_clock;

double Since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

bool ReadCedictEntries(std::string_view bytes, const std::string& name,
                       glossa::Diagnostics& diags,
                       std::vector<glossa::Concept>* entries) {
  glossa::Glossary glossary;
  if (!glossa::ReadCedict(bytes, name, diags, &glossary)) return false;
  *entries = std::move(glossary.concepts).Take();
  return true;
}

// The peak resident memory so far, in MiB (VmHWM), to split a whole
// process's peak into its steps.
double PeakMiB() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024;
  }
  return 0;
}

std::string ReadOrDie(const std::string& path) {
  std::string bytes, error;
  if (!glossa::ReadFile(path, &bytes, &error)) {
    std::cerr << "bench_dict_index: " << error << "\n";
    std::exit(2);
  }
  return bytes;
}

std::unique_ptr<glossa::Dictionary> Open(const std::string& path,
                                         const std::string& bytes) {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  const char* home = std::getenv("HOME");
  glossa::DictionaryCache cache{
      glossa::DictionaryCacheDir(xdg ? xdg : "", home ? home : "")};
  glossa::Diagnostics diags;
  auto dictionary = glossa::OpenIndexed(
      bytes,
      [&](glossa::Diagnostics& d, const glossa::AddEntry& add) {
        std::vector<glossa::Concept> entries;
        if (!ReadCedictEntries(bytes, path, d, &entries)) return false;
        for (const glossa::Concept& entry : entries) add(entry);
        return true;
      },
      {"CC-CEDICT", "CC BY-SA 4.0", path}, cache, diags);
  for (const glossa::Diagnostic& d : diags.all())
    std::cerr << glossa::FormatDiagnostic(d) << "\n";
  if (!dictionary) std::exit(2);
  return dictionary;
}

int Build(const std::string& source, const std::string& out) {
  auto start = Clock::now();
  std::string bytes = ReadOrDie(source);
  glossa::Diagnostics diags;
  std::vector<glossa::Concept> entries;
  if (!ReadCedictEntries(bytes, source, diags, &entries)) return 2;
  double parsed = Since(start);
  auto built_at = Clock::now();
  std::string index =
      glossa::BuildDictionaryIndex(entries, glossa::HashContent(bytes));
  double built = Since(built_at);
  std::string error;
  if (!glossa::WriteFileAtomically(out, index, &error)) {
    std::cerr << "bench_dict_index: " << error << "\n";
    return 2;
  }
  std::printf(
      "entries %zu  parse %.2f s  build %.2f s  total %.2f s  index %.1f MiB\n",
      entries.size(), parsed, built, Since(start), index.size() / 1048576.0);
  return 0;
}

int Lookup(const std::string& source, const std::string& query) {
  double at_start = PeakMiB();
  auto start = Clock::now();
  std::string bytes = ReadOrDie(source);
  double read = Since(start), after_read = PeakMiB();
  auto opened_at = Clock::now();
  auto dictionary = Open(source, bytes);
  double opened = Since(opened_at), after_open = PeakMiB();
  auto found_at = Clock::now();
  std::vector<glossa::DictionaryHit> hits = dictionary->Find(query);
  std::string shown;
  for (const glossa::DictionaryHit& hit : hits)
    shown += glossa::Headline(dictionary->Entry(hit.entry)) + "; ";
  double found = Since(found_at);
  std::printf(
      "read the source %.1f ms (peak %.0f -> %.0f MiB)  hash+map+check %.1f "
      "ms (-> %.0f MiB)  Find+Entry %.2f ms (-> %.0f MiB; the first Find "
      "makes ICU's transliterators)\nhits %zu: %s\n",
      read * 1e3, at_start, after_read, opened * 1e3, after_open, found * 1e3,
      PeakMiB(), hits.size(), shown.c_str());
  return hits.empty() ? 1 : 0;
}

int Segment(const std::string& source, const std::string& text_path) {
  std::string bytes = ReadOrDie(source);
  auto dictionary = Open(source, bytes);
  std::string error;
  auto text = glossa::MappedFile::Open(text_path, &error);
  if (!text) {
    std::cerr << "bench_dict_index: " << error << "\n";
    return 2;
  }
  std::string_view rest = text->bytes();
  std::vector<std::size_t> entries;
  std::string out;
  std::size_t words = 0;
  auto start = Clock::now();
  while (!rest.empty()) {
    std::size_t length = dictionary->LongestChinesePrefix(rest, &entries);
    if (length > 0) {
      out.append(rest.substr(0, length));
      out += '\n';
      ++words;
    } else {
      length = 1;
      while (length < rest.size() &&
             (static_cast<unsigned char>(rest[length]) & 0xC0) == 0x80)
        ++length;
    }
    rest.remove_prefix(length);
    if (out.size() > (1 << 16)) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      out.clear();
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  double seconds = Since(start);
  std::fprintf(stderr, "segmented %.1f MB in %.2f s (%.0f MB/s), %zu words\n",
               text->bytes().size() / 1e6, seconds,
               text->bytes().size() / 1e6 / seconds, words);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() == 3 && args[0] == "build") return Build(args[1], args[2]);
  if (args.size() == 3 && args[0] == "open") return Lookup(args[1], args[2]);
  if (args.size() == 3 && args[0] == "segment")
    return Segment(args[1], args[2]);
  std::cerr << "usage: bench_dict_index build|open|segment CEDICT ARG\n";
  return 2;
}
