#include "core/glossary_check.h"

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/file_io.h"
#include "core/glossary_matcher.h"
#include "core/passages.h"
#include "core/tei.h"

namespace glossa {
namespace {

Location At(const Origin& origin) {
  return {origin.file, origin.line, origin.column};
}

std::string Quoted(std::string_view text) {
  return "'" + std::string(text) + "'";
}

void CheckRelations(const Glossary& glossary, Diagnostics& diags) {
  std::map<std::string_view, const Concept*> by_id;
  for (const Concept& entry : glossary.concepts)
    by_id.emplace(entry.id, &entry);
  for (const Concept& entry : glossary.concepts) {
    for (const CrossReference& reference : entry.cross_references) {
      std::string unknown;
      RelationLabel named = ParseRelation(reference.text, &unknown);
      if (!unknown.empty()) {
        diags.Warning(At(reference.origin),
                      "unknown relation " + Quoted(unknown) +
                          " in the cross-reference to " +
                          Quoted(reference.target) +
                          " (known: broader, narrower, related, contrast)");
      }
      if (named.relation == Relation::kNone) continue;
      auto target = by_id.find(reference.target);
      if (target == by_id.end()) continue;  // tbx_check reports it
      Relation expected = Inverse(named.relation);
      std::string_view name =
          kRelationNames[static_cast<std::size_t>(named.relation)];
      std::string_view expected_name =
          kRelationNames[static_cast<std::size_t>(expected)];
      const CrossReference* back = nullptr;
      for (const CrossReference& other : target->second->cross_references) {
        if (other.target == entry.id) back = &other;
      }
      if (back == nullptr) {
        diags.Warning(At(reference.origin),
                      "cross-reference " + Quoted(name) + " to " +
                          Quoted(reference.target) + " has none back: add " +
                          Quoted(std::string(expected_name) + ": ...") +
                          " to " + Quoted(reference.target));
        continue;
      }
      Relation answer = ParseRelation(back->text).relation;
      if (answer != expected) {
        diags.Warning(
            At(reference.origin),
            "cross-reference " + Quoted(name) + " to " +
                Quoted(reference.target) + " is answered by " +
                Quoted(kRelationNames[static_cast<std::size_t>(answer)]) +
                " (line " + std::to_string(back->origin.line) + "), not " +
                Quoted(expected_name));
      }
    }
  }
}

// Editions the glossary links into, read once each.
class Editions {
 public:
  explicit Editions(std::string_view glossary_path)
      : folder_(std::filesystem::path(glossary_path).parent_path()) {}

  // The edition `file` names (relative to the glossary), or nullptr with
  // *error saying why it cannot be read.
  const Document* Get(const std::string& file, std::string* error) {
    auto [it, inserted] = editions_.try_emplace(file);
    Entry& entry = it->second;
    if (inserted) {
      std::string path = (folder_ / file).lexically_normal().string();
      std::string bytes;
      Diagnostics tei_diags;
      auto document = std::make_unique<Document>();
      if (!ReadFile(path, &bytes, &entry.error)) {
        // ReadFile's message names the path.
      } else if (!ReadTei(bytes, path, tei_diags, document.get())) {
        entry.error = "cannot read " + Quoted(path) + " as a TEI edition";
        if (!tei_diags.all().empty())
          entry.error += ": " + tei_diags.all().front().message;
      } else {
        entry.document = std::move(document);
      }
    }
    if (!entry.document) *error = entry.error;
    return entry.document.get();
  }

  std::vector<const Document*> all() const {
    std::vector<const Document*> out;
    for (const auto& [file, entry] : editions_) {
      if (entry.document) out.push_back(entry.document.get());
    }
    return out;
  }

 private:
  struct Entry {
    std::unique_ptr<Document> document;
    std::string error;
  };
  std::filesystem::path folder_;
  std::map<std::string, Entry> editions_;
};

// Relative xref targets: the file must exist beside the glossary; with a
// fragment it must be an edition with a block of that id.
void CheckLinks(const Glossary& glossary, std::string_view path,
                Editions& editions, Diagnostics& diags) {
  std::filesystem::path folder = std::filesystem::path(path).parent_path();
  for (const Concept& entry : glossary.concepts) {
    for (const ExternalReference& reference : entry.external_references) {
      if (!IsRelativeReference(reference.target)) continue;
      std::string_view target = reference.target;
      std::size_t hash = target.find('#');
      std::string file(target.substr(0, hash));
      std::string what = "target " + Quoted(reference.target) + ": ";
      if (hash == std::string_view::npos) {
        std::string resolved = (folder / file).lexically_normal().string();
        std::error_code error;
        if (!std::filesystem::exists(resolved, error)) {
          diags.Error(At(reference.origin),
                      what + "no file " + Quoted(resolved));
        }
        continue;
      }
      std::string id(target.substr(hash + 1));
      std::string error;
      const Document* edition = editions.Get(file, &error);
      if (edition == nullptr) {
        diags.Error(At(reference.origin), what + error);
      } else if (!LocateBlock(*edition, id)) {
        diags.Error(At(reference.origin),
                    what + "the edition has no block " + Quoted(id));
      }
    }
  }
}

void CheckOccurrence(const Glossary& glossary, const Editions& editions,
                     Diagnostics& diags) {
  std::vector<const Document*> documents = editions.all();
  if (documents.empty()) return;
  GlossaryMatcher matcher(glossary);
  std::vector<int> count(glossary.concepts.size(), 0);
  std::vector<std::string> first(glossary.concepts.size());
  for (const Document* document : documents) {
    for (const Passage& passage : FindPassages(*document, matcher)) {
      auto entry = static_cast<std::size_t>(passage.entry);
      if (count[entry]++ == 0) first[entry] = FormatLocator(passage.locator);
    }
  }
  for (std::size_t i = 0; i < glossary.concepts.size(); ++i) {
    const Concept& entry = glossary.concepts[i];
    if (count[i] == 0 && !entry.IsBackground()) {
      diags.Warning(At(entry.origin),
                    "entry " + Quoted(entry.id) +
                        " does not occur in the edition and is not marked "
                        "background (<admin type=\"projectSubset\">" +
                        std::string(kBackgroundSubset) + "</admin>)");
    } else if (count[i] > 0 && entry.IsBackground()) {
      diags.Warning(At(entry.origin),
                    "entry " + Quoted(entry.id) +
                        " is marked background but occurs in the edition " +
                        std::to_string(count[i]) +
                        (count[i] == 1 ? " time" : " times") +
                        " (first: " + first[i] + ")");
    }
  }
}

}  // namespace

bool IsRelativeReference(std::string_view target) {
  // RFC 3986: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"
  std::size_t colon = target.find(':');
  if (colon == std::string_view::npos || colon == 0) return true;
  auto alpha = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  };
  if (!alpha(target[0])) return true;
  for (std::size_t i = 1; i < colon; ++i) {
    char c = target[i];
    if (!alpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' &&
        c != '.') {
      return true;
    }
  }
  return false;
}

void CheckGlossaryContent(const Glossary& glossary, std::string_view path,
                          Diagnostics& diags) {
  CheckRelations(glossary, diags);
  Editions editions(path);
  CheckLinks(glossary, path, editions, diags);
  CheckOccurrence(glossary, editions, diags);
}

}  // namespace glossa
