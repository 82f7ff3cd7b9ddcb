// The shapes of text the importer recognises: numbered headings, list items,
// footnotes, figure labels and sources, run-in headings, the ends and starts
// of sentences; and the small helpers for trimming and for the first or last
// characters of a text that the stages share.
//
// Each recogniser is a hand-written scanner, linear in its input whatever
// its size (most look at a bounded start or end of it). They replace the
// standard library's regular expressions over UTF-8 bytes, which recursed
// once per byte (a long line overflowed the stack) and whose classes
// matched bytes, not characters (the old [A-ZÄÖÜ] took the first byte of a
// lower-case "ü" for a capital). Each names the pattern it implements as a
// regular expression, where
//   \d     is an ASCII digit: numbers become ids and footnote numbers;
//   \s     is ASCII white space (space, tab, CR, LF, VT, FF), \S anything else;
//   .      is any character (the old patterns' "." stopped at a CR or LF; a
//          line cannot hold an LF, and a CR inside a line no longer stops a
//          match: a deliberate change);
// and character classes hold characters, letters judged by their Unicode
// properties (core/unicode.h).
//
// Returned views point into the argument and live as long as it does.

#ifndef GLOSSA_CORE_IMPORT_PATTERNS_H_
#define GLOSSA_CORE_IMPORT_PATTERNS_H_

#include <optional>
#include <string_view>

namespace glossa::import {

// `s` without leading spaces and tabs.
std::string_view TrimLeft(std::string_view s);
// `s` without trailing spaces, tabs and CRs.
std::string_view TrimRight(std::string_view s);

// The first (last) `n` characters of UTF-8 `text`, or all of it if it has
// fewer; never cuts a character in two.
std::string_view Head(std::string_view text, std::size_t n);
std::string_view Tail(std::string_view text, std::size_t n);

// The first (last) character of UTF-8 `text`; U+0000 if it is empty.
char32_t FirstCharacter(std::string_view text);
char32_t LastCharacter(std::string_view text);

// A line that begins with a number, split into the number and the text
// after it.
struct Numbered {
  std::string_view digits;  // as printed: "2", "12", or "2.1" (subsections)
  int number = 0;           // 2 in "2.", "2.1", "2)" and "2 |"
  int sub = 0;              // 1 in "2.1"; 0 otherwise
  std::string_view text;    // what follows the number and its punctuation
};

// A section heading, (\d{1,2})\.\s+(\S.*): "1. Das gesellschaftliche
// Bonitätssystem". nullopt if `line` is not one.
std::optional<Numbered> ParseSection(std::string_view line);
// A subsection heading, (\d{1,2})\.(\d{1,2})\s+(\S.*): "2.1 DIE
// REGIERUNGSSICHT". nullopt if `line` is not one.
std::optional<Numbered> ParseSubsection(std::string_view line);
// A numbered list item, (\d{1,2})\)\s*(\S.*): "1)\tDeutlich mehr
// Kriterien". nullopt if `line` is not one.
std::optional<Numbered> ParseItem(std::string_view line);
// A footnote's first line, \s*(\d{1,3})\s*\|\s*(.*): "9 |\tZhengxin 征信
// wird ...". Its text may be empty. nullopt if `line` is not one.
std::optional<Numbered> ParseNote(std::string_view line);

// The number of a figure label, the whole line being
// (Abbildung|Abb\.|Grafik|Tabelle|Figure|Fig\.|Table)\s+(\d{1,2}):
// "3" for "Abbildung 3". nullopt if `line` is not one.
std::optional<std::string_view> FigureLabel(std::string_view line);

// Whether `line` names a figure's source, (Quelle|Quellen|Source|Sources):\s.*
// ("Quelle: www.chinacredit.gov.cn").
bool IsSourceLine(std::string_view line);

// Whether `line` starts with a run-in heading, [Lu][^:.!?]{1,45}:\s\S.*
// ("Kritikpunkt 1: Die Regierung hinkt ..."), where [Lu] is a character
// IsUppercase accepts and the 45 count characters (they counted bytes).
bool IsRunInHeading(std::string_view line);

// Whether `text` ends a sentence, looking past a closing quote or bracket
// and glued footnote calls:
//   .*[.!?:…]["“”’»)]?(\d{1,3}(, ?\d{1,3})*)?\s*
// ("beeinflusst.2", "Ende.“", "gehört.4, 5"). Deliberate change: at most
// ten numbers are looked past (the pattern took any number), so that the
// question takes constant time; the assembler asks it of its growing text
// at every block.
bool EndsSentence(std::string_view text);

// Whether `text` (after leading spaces and tabs) starts as a sentence does:
// with a capital, a digit, a quote or bracket, or a CJK character.
bool StartsSentence(std::string_view text);

// Whether `text` is a heading in capitals: at least two words and eight
// letters, every letter upper-case ("ZENTRALE BEFUNDE UND
// SCHLUSSFOLGERUNGEN").
bool AllCapsLine(std::string_view text);

// Whether a raw input line is a bullet: white space, then U+FFFD (a lost
// bullet glyph) or "•".
bool IsBulletLine(std::string_view raw);

// Quotation marks and brackets: „“”"‚‘’'«»()[]
bool IsQuoteOrBracket(char32_t c);

}  // namespace glossa::import

#endif  // GLOSSA_CORE_IMPORT_PATTERNS_H_
