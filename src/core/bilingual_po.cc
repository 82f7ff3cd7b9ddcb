// gettext PO: messages (msgctxt, msgid, msgid_plural, msgstr, msgstr[n]),
// their flags (#, fuzzy) and obsolete entries (#~), with C escapes.

#include <cctype>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/bilingual_internal.h"

namespace glossa::bilingual {
namespace {

constexpr std::size_t kNone = std::string_view::npos;

// A PO string, its quoted pieces joined and unescaped.
struct PoString {
  bool set = false;
  std::string text;
  std::size_t quote = kNone;  // just inside the first piece's opening quote
  std::size_t at = kNone;     // the first character of the text
  std::size_t Start() const { return at != kNone ? at : quote; }
};

struct Entry {
  bool obsolete = false;
  bool fuzzy = false;
  std::size_t keyword = kNone;  // where its msgid keyword stands
  PoString context, id, plural;
  std::vector<PoString> strings;  // msgstr, or msgstr[n] at n
  bool has_strings = false;
  bool indexed = false;  // msgstr[n] rather than msgstr
};

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

int Escape(char c) {
  switch (c) {
    case 'n':
      return '\n';
    case 't':
      return '\t';
    case 'r':
      return '\r';
    case 'a':
      return '\a';
    case 'b':
      return '\b';
    case 'f':
      return '\f';
    case 'v':
      return '\v';
    case '\\':
      return '\\';
    case '"':
      return '"';
    case '\'':
      return '\'';
    case '?':
      return '?';
    default:
      return -1;
  }
}

class PoReader {
 public:
  PoReader(std::string_view text, const std::string& name, Diagnostics& diags,
           BilingualFile* out)
      : text_(text), name_(name), lines_(text), diags_(diags), out_(out) {}

  bool Read() {
    out_->format = "po";
    out_->source_lang = "en";  // gettext's convention; X-Source-Language
    std::size_t start = 0;
    while (start < text_.size()) {
      std::size_t end = text_.find('\n', start);
      if (end == kNone) end = text_.size();
      Line(start, end);
      start = end + 1;
    }
    Flush();
    return entries_ > 0;
  }

 private:
  Location At(std::size_t offset) const {
    LineIndex::Position p = lines_.At(offset);
    return {name_, p.line, p.column};
  }
  void Error(std::size_t offset, std::string message) {
    diags_.Error(At(offset), std::move(message));
  }

  void Line(std::size_t start, std::size_t end) {
    std::size_t p = start;
    bool obsolete = false;
    if (text_.substr(p, 2) == "#~") {
      if (text_.substr(p + 2, 1) == "|") return;  // an obsolete previous msgid
      obsolete = true;
      p += 2;
    } else if (p < end && text_[p] == '#') {
      if (entry_.has_strings) Flush();
      std::string_view comment = text_.substr(p, end - p);
      if (comment.substr(0, 2) == "#," &&
          comment.find("fuzzy") != std::string_view::npos)
        entry_.fuzzy = true;
      return;
    }
    while (p < end && IsBlank(text_[p])) ++p;
    if (p == end) {
      if (!obsolete) Flush();
      return;
    }
    if (text_[p] == '"') {
      if (!current_) {
        Error(p, "a string outside an entry: no msgid or msgstr before it");
        return;
      }
      String(p, end, current_);
      return;
    }
    std::size_t word_end = p;
    while (word_end < end &&
           (std::islower(static_cast<unsigned char>(text_[word_end])) ||
            text_[word_end] == '_'))
      ++word_end;
    std::string_view word = text_.substr(p, word_end - p);
    if (word.empty()) {
      Error(p, "expected msgid, msgstr, a string or a comment, not '" +
                   std::string(text_.substr(p, 1)) + "'");
      return;
    }
    Keyword(word, p, word_end, end, obsolete);
  }

  void Keyword(std::string_view word, std::size_t p, std::size_t after,
               std::size_t end, bool obsolete) {
    if (word == "msgctxt" || word == "msgid") {
      if (entry_.id.set) {
        Flush();  // the entry before ends; without msgstr, Flush says so
      } else if (word == "msgctxt" && entry_.context.set) {
        Error(p, "a second msgctxt");
      }
      entry_.obsolete = obsolete;
      if (word == "msgid") entry_.keyword = p;
      current_ = word == "msgid" ? &entry_.id : &entry_.context;
    } else if (word == "msgid_plural") {
      if (!entry_.id.set || entry_.has_strings) {
        Error(p, "msgid_plural without the msgid before it");
        current_ = nullptr;
        return;
      }
      current_ = &entry_.plural;
    } else if (word == "msgstr") {
      if (!entry_.id.set) {
        Error(p, "msgstr without a msgid before it");
        current_ = nullptr;
        return;
      }
      std::size_t index = 0;
      bool indexed = after < end && text_[after] == '[';
      if (indexed) {
        std::size_t close = text_.find(']', after);
        std::string_view digits = text_.substr(after + 1, close - after - 1);
        if (close >= end || digits.empty() || digits.size() > 2 ||
            digits.find_first_not_of("0123456789") != kNone) {
          Error(after, "expected msgstr[N] with a plural form number N");
          current_ = nullptr;
          return;
        }
        index = std::stoul(std::string(digits));
        after = close + 1;
      }
      if (indexed != entry_.plural.set) {
        Error(p, indexed ? "msgstr[N] without msgid_plural"
                         : "msgstr after msgid_plural: expected msgstr[N]");
      }
      if (entry_.strings.size() <= index) entry_.strings.resize(index + 1);
      entry_.has_strings = true;
      current_ = &entry_.strings[index];
    } else {
      Error(p, "unknown keyword '" + std::string(word) + "'");
      current_ = nullptr;
      return;
    }
    std::size_t quote = after;
    while (quote < end && IsBlank(text_[quote])) ++quote;
    if (quote == after || quote == end || text_[quote] != '"') {
      Error(quote,
            "expected a string in double quotes after " + std::string(word));
      current_->set = true;
      return;
    }
    String(quote, end, current_);
  }

  // Appends the string whose opening quote is at `quote` to *into.
  void String(std::size_t quote, std::size_t end, PoString* into) {
    into->set = true;
    if (into->quote == kNone) into->quote = quote + 1;
    std::size_t p = quote + 1;
    while (p < end && text_[p] != '"') {
      if (into->at == kNone) into->at = p;
      if (text_[p] != '\\') {
        into->text += text_[p++];
        continue;
      }
      char c = p + 1 < end ? text_[p + 1] : '\0';
      if (int escaped = Escape(c); escaped >= 0) {
        into->text += static_cast<char>(escaped);
        p += 2;
      } else if (c >= '0' && c <= '7') {
        int value = 0, digits = 0;
        for (++p; digits < 3 && p < end && text_[p] >= '0' && text_[p] <= '7';
             ++p, ++digits)
          value = value * 8 + (text_[p] - '0');
        into->text += static_cast<char>(value);
      } else {
        Error(p, "unknown escape sequence '\\" + std::string(1, c) +
                     "' in a string");
        p += c ? 2 : 1;
      }
    }
    if (p >= end) {
      Error(quote, "the string has no closing quote");
      return;
    }
    for (++p; p < end; ++p) {
      if (!IsBlank(text_[p])) {
        Error(p, "text after the string's closing quote");
        return;
      }
    }
  }

  void Header(const std::string& fields) {
    std::size_t start = 0;
    while (start < fields.size()) {
      std::size_t end = fields.find('\n', start);
      if (end == std::string::npos) end = fields.size();
      std::string_view field(fields.data() + start, end - start);
      std::size_t colon = field.find(':');
      if (colon != std::string_view::npos) {
        std::string_view key = field.substr(0, colon);
        std::string_view value = field.substr(colon + 1);
        while (!value.empty() && IsBlank(value.front())) value.remove_prefix(1);
        while (!value.empty() && IsBlank(value.back())) value.remove_suffix(1);
        if (key == "Language" && !value.empty())
          out_->target_lang = NormaliseLanguage(value);
        if (key == "X-Source-Language" && !value.empty())
          out_->source_lang = NormaliseLanguage(value);
      }
      start = end + 1;
    }
  }

  void Add(const Entry& entry, const std::string& id, const PoString& source,
           const PoString& target) {
    Segment segment;
    segment.id = id;
    segment.source = source.text;
    segment.source_at = At(source.Start());
    segment.target = target.text;
    segment.target_at = At(target.Start());
    if (entry.obsolete) {
      segment.skipped = SkipReason::kObsolete;
    } else if (entry.fuzzy) {
      segment.skipped = SkipReason::kFuzzy;
    } else if (target.text.empty()) {
      segment.skipped = SkipReason::kUntranslated;
    }
    out_->segments.push_back(std::move(segment));
  }

  void Flush() {
    Entry entry = std::move(entry_);
    entry_ = Entry();
    current_ = nullptr;
    if (!entry.id.set) return;  // comments only, or errors reported
    ++entries_;
    if (!entry.has_strings) {
      Error(entry.keyword, "msgid without msgstr");
      return;
    }
    if (!entry.obsolete && !entry.context.set && entry.id.text.empty()) {
      Header(entry.strings[0].text);
      return;
    }
    std::string id = entry.context.set
                         ? entry.context.text + "|" + entry.id.text
                         : entry.id.text;
    if (!entry.plural.set) {
      Add(entry, id, entry.id, entry.strings[0]);
      return;
    }
    for (std::size_t n = 0; n < entry.strings.size(); ++n) {
      if (!entry.strings[n].set) continue;
      Add(entry, id + "[" + std::to_string(n) + "]",
          n == 0 ? entry.id : entry.plural, entry.strings[n]);
    }
  }

  std::string_view text_;
  const std::string& name_;
  LineIndex lines_;
  Diagnostics& diags_;
  BilingualFile* out_;
  Entry entry_;
  PoString* current_ = nullptr;
  int entries_ = 0;
};

}  // namespace

bool ReadPo(std::string_view text, const std::string& name, Diagnostics& diags,
            BilingualFile* out) {
  return PoReader(text, name, diags, out).Read();
}

}  // namespace glossa::bilingual
