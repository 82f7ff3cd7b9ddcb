#include "cli/annotate_view.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstdint>
#include <functional>
#include <pugixml.hpp>

#include "core/dictionary_marks.h"

namespace glossa {
namespace {

void Append(std::string* out, std::initializer_list<std::string_view> parts) {
  for (std::string_view part : parts) out->append(part);
}

// pugixml's printer, appending to a string.
class StringXmlWriter : public pugi::xml_writer {
 public:
  explicit StringXmlWriter(std::string* out) : out_(out) {}
  void write(const void* data, std::size_t size) override {
    out_->append(static_cast<const char*>(data), size);
  }

 private:
  std::string* out_;
};

const std::string& EntryId(const GlossaryMatcher& matcher, int entry) {
  return matcher.glossary().concepts[static_cast<std::size_t>(entry)].id;
}

// The words the dictionaries know around the top-level matches, in
// *marks; both vectors are the calling thread's, reused from stretch to
// stretch.
void MarksAround(std::string_view text,
                 const std::vector<Matcher::Match>& matches,
                 const std::vector<const Dictionary*>& dictionaries,
                 std::vector<DictionaryMark>* marks) {
  marks->clear();
  if (dictionaries.empty()) return;
  thread_local std::vector<std::pair<std::size_t, std::size_t>> taken;
  taken.clear();
  for (const Matcher::Match& match : matches) {
    if (match.nested_in < 0 &&
        (taken.empty() || match.begin >= taken.back().second))
      taken.emplace_back(match.begin, match.end);
  }
  MarkWords(text, taken, dictionaries, marks);
}

std::uint64_t NextWriterSerial() {
  static std::atomic<std::uint64_t> last{0};
  return ++last;
}

// What a writer prints for a dictionary's word, made once per distinct
// word and thread: a text marks the same few thousand words over and over,
// and describing one (DescribeWord: its entries from the index, their ids,
// the folded form) and escaping it took about a third of annotate --dict's
// time (perf). Direct-mapped by the word's bytes. `writer`: the asking
// writer's serial number (NextWriterSerial), so that a dictionary at the
// address of an earlier one (the next command in the same process) never
// gets the earlier one's words, and two writers never share one.
// `make(surface, dictionary, out)` appends the rendering to *out.
template <typename Make>
const std::string& RenderedWord(std::uint64_t writer, std::size_t dictionary,
                                std::string_view surface, const Make& make) {
  struct Slot {
    std::uint64_t writer = 0;
    std::size_t dictionary = 0;
    std::string surface;
    std::string rendered;
  };
  thread_local std::vector<Slot> slots(1 << 14);
  std::size_t hash = std::hash<std::string_view>{}(surface) + dictionary;
  Slot& slot = slots[hash & (slots.size() - 1)];
  if (slot.writer != writer || slot.dictionary != dictionary ||
      slot.surface != surface) {
    slot.writer = writer;
    slot.dictionary = dictionary;
    slot.surface.assign(surface);
    slot.rendered.clear();
    make(surface, dictionary, &slot.rendered);
  }
  return slot.rendered;
}

// Appends `n` in decimal.
void AppendNumber(std::string* out, std::size_t n) {
  char digits[24];
  char* end = std::to_chars(digits, digits + sizeof digits, n).ptr;
  out->append(digits, static_cast<std::size_t>(end - digits));
}

// The text with its top-level matches marked, and the dictionaries' words:
// [[红绿灯|CC-CEDICT:cedict-1234]].
class TextWriter : public AnnotationWriter {
 public:
  TextWriter(const Style& style, const GlossaryMatcher& matcher,
             const std::vector<const Dictionary*>& dictionaries,
             std::ostream& out)
      : AnnotationWriter(out),
        style_(style),
        matcher_(matcher),
        dictionaries_(dictionaries) {}

  void Render(std::string_view text, std::size_t,
              const std::vector<Matcher::Match>& matches,
              std::string* out) const override {
    thread_local std::vector<DictionaryMark> marks;
    MarksAround(text, matches, dictionaries_, &marks);
    std::size_t next_mark = 0;
    std::size_t at = 0;
    // The dictionaries' marks before `before`.
    auto write_marks = [&](std::size_t before) {
      for (; next_mark < marks.size() && marks[next_mark].begin < before;
           ++next_mark) {
        const DictionaryMark& mark = marks[next_mark];
        out->append(text.substr(at, mark.begin - at));
        std::string_view surface =
            text.substr(mark.begin, mark.end - mark.begin);
        const std::string& label =
            RenderedWord(serial_, mark.dictionary, surface,
                         [this](std::string_view word, std::size_t d,
                                std::string* out) { Label(word, d, out); });
        if (style_.color) {
          out->append(Paint(style_, kUnderline, surface));
          out->append(Paint(style_, kDim, "[" + label + "]"));
        } else {
          Append(out, {"[[", surface, "|", label, "]]"});
        }
        at = mark.end;
      }
    };
    for (const Matcher::Match& match : matches) {
      if (match.nested_in >= 0 || match.begin < at) continue;
      write_marks(match.begin);
      out->append(text.substr(at, match.begin - at));
      std::string_view surface =
          text.substr(match.begin, match.end - match.begin);
      const std::string& id = EntryId(matcher_, match.entry);
      if (style_.color) {
        out->append(Paint(style_, kHighlight, surface));
        out->append(Paint(style_, kDim, "[" + id + "]"));
      } else {
        Append(out, {"[[", surface, "|", id, "]]"});
      }
      at = match.end;
    }
    write_marks(text.size());
    out->append(text.substr(at));
  }

 private:
  // A dictionary word's label: CC-CEDICT:cedict-1 cedict-2.
  void Label(std::string_view word, std::size_t d, std::string* out) const {
    const Dictionary& dictionary = *dictionaries_[d];
    Append(out, {dictionary.Source().name, ":"});
    DictionaryWord described = DescribeWord(word, dictionary);
    for (std::size_t i = 0; i < described.entries.size(); ++i) {
      if (i > 0) out->push_back(' ');
      out->append(dictionary.EntryId(described.entries[i]));
    }
  }

  Style style_;
  const GlossaryMatcher& matcher_;
  std::vector<const Dictionary*> dictionaries_;
  const std::uint64_t serial_ = NextWriterSerial();
};

// Appends `text` (valid UTF-8: the decoder has seen to it) as a JSON string.
// Written out rather than built with nlohmann::json: a large text has
// millions of matches, and an object per match cost a third of the time.
void AppendJsonString(std::string* out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  std::size_t plain = 0;  // start of the run not yet copied
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(text.substr(plain, i - plain));
    plain = i + 1;
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      default:
        out->append("\\u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 0xF]);
    }
  }
  out->append(text.substr(plain));
  out->push_back('"');
}

// One JSON object per match and line: the match's byte offsets in the
// whole input, the entry, the glossary's form and the text's, and the entry
// of the match it lies inside (null at the top level). With dictionaries,
// every line names its dictionary ("glossary" for the glossary's), and a
// dictionary's mark lists all its entries.
class JsonWriter : public AnnotationWriter {
 public:
  JsonWriter(const GlossaryMatcher& matcher,
             const std::vector<const Dictionary*>& dictionaries,
             std::ostream& out)
      : AnnotationWriter(out), matcher_(matcher), dictionaries_(dictionaries) {
    // Every entry's id and every form's text as JSON fields, made once: a
    // large text has millions of matches of a few hundred forms. The id's
    // and the form's JSON alone are read out of them (IdJson, TermJson).
    for (const Concept& entry : matcher.glossary().concepts) {
      entry_fields_.emplace_back(kEntryField);
      AppendJsonString(&entry_fields_.back(), entry.id);
    }
    for (std::size_t form = 0; form < matcher.forms(); ++form) {
      const std::string& text = matcher.TermOf(static_cast<int>(form)).text;
      texts_.push_back(text);
      term_fields_.emplace_back(kTermField);
      AppendJsonString(&term_fields_.back(), text);
      term_fields_.back().append(kSurfaceField);
    }
    const std::string dictionary =
        dictionaries.empty() ? "" : ",\"dictionary\":\"glossary\"";
    top_end_ = ",\"nested_in\":null" + dictionary + "}\n";
    nested_end_ = dictionary + "}\n";
  }

  void Render(std::string_view text, std::size_t offset,
              const std::vector<Matcher::Match>& matches,
              std::string* out) const override {
    thread_local std::vector<DictionaryMark> marks;
    MarksAround(text, matches, dictionaries_, &marks);
    std::size_t next_mark = 0;
    for (const Matcher::Match& match : matches) {
      for (; next_mark < marks.size() && marks[next_mark].begin < match.begin;
           ++next_mark)
        RenderMark(text, offset, marks[next_mark], out);
      RenderMatch(text, offset, matches, match, out);
    }
    for (; next_mark < marks.size(); ++next_mark)
      RenderMark(text, offset, marks[next_mark], out);
  }

 private:
  // A dictionary's mark: its offsets, then what follows them, which is the
  // same wherever its word stands (RenderedWord).
  void RenderMark(std::string_view text, std::size_t offset,
                  const DictionaryMark& mark, std::string* out) const {
    out->append("{\"begin\":");
    AppendNumber(out, offset + mark.begin);
    out->append(",\"end\":");
    AppendNumber(out, offset + mark.end);
    out->append(
        RenderedWord(serial_, mark.dictionary,
                     text.substr(mark.begin, mark.end - mark.begin),
                     [this](std::string_view word, std::size_t d,
                            std::string* line) { MarkRest(word, d, line); }));
  }

  // A mark's line after its offsets: entry, term, surface, dictionary and
  // entries.
  void MarkRest(std::string_view word, std::size_t d, std::string* out) const {
    const Dictionary& dictionary = *dictionaries_[d];
    DictionaryWord described = DescribeWord(word, dictionary);
    std::vector<std::string> ids;
    for (std::size_t entry : described.entries)
      ids.push_back(dictionary.EntryId(entry));
    out->append(",\"entry\":");
    AppendJsonString(out, ids.empty() ? "" : ids.front());
    out->append(",\"term\":");
    AppendJsonString(out, described.term);
    out->append(",\"surface\":");
    AppendJsonString(out, word);
    out->append(",\"nested_in\":null,\"dictionary\":");
    AppendJsonString(out, dictionary.Source().name);
    out->append(",\"entries\":[");
    for (std::size_t i = 0; i < ids.size(); ++i) {
      if (i > 0) out->push_back(',');
      AppendJsonString(out, ids[i]);
    }
    out->append("]}\n");
  }

  static constexpr std::string_view kEntryField = ",\"entry\":";
  static constexpr std::string_view kTermField = ",\"term\":";
  static constexpr std::string_view kSurfaceField = ",\"surface\":";

  // An entry's id as a JSON string.
  std::string_view IdJson(int entry) const {
    return std::string_view(entry_fields_[static_cast<std::size_t>(entry)])
        .substr(kEntryField.size());
  }
  // A form's text as a JSON string.
  std::string_view TermJson(std::size_t form) const {
    const std::string& field = term_fields_[form];
    return std::string_view(field).substr(
        kTermField.size(),
        field.size() - kTermField.size() - kSurfaceField.size());
  }

  // A glossary match's line, in a few appends of pieces made once: a large
  // text has millions of matches, and the dozen small appends of each
  // (a call to memcpy apiece) and the escaping of a surface that is the
  // form itself were a tenth of annotating German (perf record).
  void RenderMatch(std::string_view text, std::size_t offset,
                   const std::vector<Matcher::Match>& matches,
                   const Matcher::Match& match, std::string* out) const {
    static constexpr std::string_view kBegin = "{\"begin\":";
    static constexpr std::string_view kEnd = ",\"end\":";
    char head[64];
    char* at = std::copy(kBegin.begin(), kBegin.end(), head);
    at = std::to_chars(at, head + sizeof head, offset + match.begin).ptr;
    at = std::copy(kEnd.begin(), kEnd.end(), at);
    at = std::to_chars(at, head + sizeof head, offset + match.end).ptr;
    out->append(head, static_cast<std::size_t>(at - head));
    const auto form = static_cast<std::size_t>(match.form);
    out->append(entry_fields_[static_cast<std::size_t>(match.entry)]);
    out->append(term_fields_[form]);
    std::string_view surface =
        text.substr(match.begin, match.end - match.begin);
    if (surface == texts_[form]) {
      out->append(TermJson(form));
    } else {
      AppendJsonString(out, surface);
    }
    if (match.nested_in < 0) {
      out->append(top_end_);
      return;
    }
    out->append(",\"nested_in\":");
    out->append(
        IdJson(matches[static_cast<std::size_t>(match.nested_in)].entry));
    out->append(nested_end_);
  }

  const GlossaryMatcher& matcher_;
  std::vector<const Dictionary*> dictionaries_;
  std::vector<std::string_view> texts_;    // by form, as they are
  std::vector<std::string> entry_fields_;  // by entry: ,"entry":ID
  std::vector<std::string> term_fields_;   // by form: ,"term":TERM,"surface":
  std::string top_end_;     // a top-level match's line after its surface
  std::string nested_end_;  // a nested one's after its nested_in's id
  const std::uint64_t serial_ = NextWriterSerial();
};

// Where the paragraph that starts at `start` ends: at the first blank line
// after it that lies outside every top-level match (the matcher goes on
// over blank lines: the report's extraction has 社会信用体\n\n系), else at
// the end of the text. *outer is the first top-level match that may hold a
// later blank line; calls must go forward through the text.
std::size_t ParagraphEnd(std::string_view text, std::size_t start,
                         const std::vector<Matcher::Match>& matches,
                         std::size_t* outer) {
  for (std::size_t end = text.find("\n\n", start);
       end != std::string_view::npos; end = text.find("\n\n", end)) {
    while (*outer < matches.size() &&
           (matches[*outer].nested_in >= 0 || matches[*outer].end <= end)) {
      ++*outer;
    }
    if (*outer == matches.size() || matches[*outer].begin > end) return end;
    end = matches[*outer].end;  // the blank line is inside this match
  }
  return text.size();
}

// TEI: a paragraph per blank-line-separated block, matches as
// <term ref="#id">. Built as XML trees, paragraph by paragraph, so every
// piece of text is escaped.
class TeiWriter : public AnnotationWriter {
 public:
  TeiWriter(const GlossaryMatcher& matcher, std::ostream& out)
      : AnnotationWriter(out), matcher_(matcher) {}

  // The document's head goes out with the first stretch (or at Finish), not
  // before: an input refused before anything is annotated (empty, an
  // encoding that cannot be told) leaves no unclosed <TEI> behind.
  void Emit(std::string_view rendered) override {
    Start();
    AnnotationWriter::Emit(rendered);
  }

  void Render(std::string_view text, std::size_t,
              const std::vector<Matcher::Match>& matches,
              std::string* out) const override {
    std::size_t start = 0;
    std::size_t next_match = 0;
    std::size_t outer = 0;  // the first top-level match not yet passed
    while (start < text.size()) {
      std::size_t end = ParagraphEnd(text, start, matches, &outer);
      Paragraph(text, start, end, matches, &next_match, out);
      start = end + 2;
    }
  }

  void Finish() override {
    Start();
    out() << "    </body>\n  </text>\n</TEI>\n";
  }

 private:
  void Start() {
    if (started_) return;
    started_ = true;
    out() << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
             "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n"
             "  <teiHeader><fileDesc><titleStmt><title>Annotated with "
             "glossa</title></titleStmt>"
             "<publicationStmt><p>Terms link to the glossary's entries by "
             "id.</p>"
             "</publicationStmt><sourceDesc><p>glossa "
             "annotate</p></sourceDesc></fileDesc>"
             "</teiHeader>\n  <text>\n    <body>\n";
  }

  void Paragraph(std::string_view text, std::size_t begin, std::size_t end,
                 const std::vector<Matcher::Match>& matches,
                 std::size_t* next_match, std::string* out) const {
    std::string_view body = text.substr(begin, end - begin);
    std::size_t first = body.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return;
    // The paragraph without the white space around it.
    end = begin + body.find_last_not_of(" \t\r\n") + 1;
    begin += first;
    pugi::xml_document document;
    pugi::xml_node p = document.append_child("p");
    std::size_t at = begin;
    while (*next_match < matches.size() && matches[*next_match].begin < end) {
      const Matcher::Match& match = matches[(*next_match)++];
      if (match.nested_in >= 0 || match.begin < at) continue;
      p.append_child(pugi::node_pcdata)
          .set_value(std::string(text.substr(at, match.begin - at)).c_str());
      // A form of several entries ("Creditworthy") is one <term> that
      // points at each (TEI's ref is a list of pointers).
      std::string refs = "#" + EntryId(matcher_, match.entry);
      while (*next_match < matches.size() &&
             matches[*next_match].begin == match.begin &&
             matches[*next_match].end == match.end &&
             matches[*next_match].nested_in < 0) {
        refs += " #" + EntryId(matcher_, matches[(*next_match)++].entry);
      }
      pugi::xml_node term = p.append_child("term");
      term.append_attribute("ref") = refs.c_str();
      term.text().set(
          std::string(text.substr(match.begin, match.end - match.begin))
              .c_str());
      at = match.end;
    }
    p.append_child(pugi::node_pcdata)
        .set_value(std::string(text.substr(at, end - at)).c_str());
    out->append("      ");
    StringXmlWriter writer(out);
    p.print(writer, "", pugi::format_raw);
    out->push_back('\n');
  }

  const GlossaryMatcher& matcher_;
  bool started_ = false;  // the head is out
};

}  // namespace

std::unique_ptr<AnnotationWriter> AnnotationWriter::Create(
    const std::string& format, const Style& style,
    const GlossaryMatcher& matcher, std::ostream& out,
    const std::vector<const Dictionary*>& dictionaries) {
  if (format == "json")
    return std::make_unique<JsonWriter>(matcher, dictionaries, out);
  if (format == "tei") return std::make_unique<TeiWriter>(matcher, out);
  return std::make_unique<TextWriter>(style, matcher, dictionaries, out);
}

}  // namespace glossa
