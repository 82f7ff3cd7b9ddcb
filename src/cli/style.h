// How glossa's terminal output looks: whether it is coloured, how wide it
// is, and the one set of ANSI colour codes every view paints with. Internal
// to the command-line layer.
//
//   out << Paint(style, kBold, "Related") << '\n';

#ifndef GLOSSA_CLI_STYLE_H_
#define GLOSSA_CLI_STYLE_H_

#include <string>
#include <string_view>

namespace glossa {

struct Style {
  bool color = false;  // ANSI bold and colours
  int width = 80;      // columns to wrap text at
};

// ANSI SGR sequences. An empty colour leaves text plain.
inline constexpr std::string_view kBold = "\x1b[1m";
inline constexpr std::string_view kDim = "\x1b[2m";
inline constexpr std::string_view kRed = "\x1b[31m";
inline constexpr std::string_view kGreen = "\x1b[32m";
inline constexpr std::string_view kYellow = "\x1b[33m";
inline constexpr std::string_view kHighlight = "\x1b[1;33m";  // bold yellow
inline constexpr std::string_view kReset = "\x1b[0m";
// Underline on and off; off leaves bold and colours as they are.
inline constexpr std::string_view kUnderline = "\x1b[4m";
inline constexpr std::string_view kUnderlineOff = "\x1b[24m";

// `text` in `colour` when `style` has colour; else, and for a blank text
// (empty or only spaces, so that a margin's padding stays uncoloured), the
// text as it is.
inline std::string Paint(const Style& style, std::string_view colour,
                         std::string_view text) {
  if (!style.color || colour.empty() ||
      text.find_first_not_of(' ') == std::string_view::npos) {
    return std::string(text);
  }
  std::string out;
  out.reserve(colour.size() + text.size() + kReset.size());
  out.append(colour).append(text).append(kReset);
  return out;
}

}  // namespace glossa

#endif  // GLOSSA_CLI_STYLE_H_
