// URI references as glossa meets them: the targets of a glossary's <xref>s,
// the links the site writes, and the key-passage targets that point into an
// edition.
//
// One reading of RFC 3986 serves all of them: a reference has a scheme when
// it starts with ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) and a ":"
// (browsers' WHATWG URL parser reads schemes the same way); anything else is
// a relative reference.
//
// A target into an edition names a block by its id in the fragment and may
// name one sentence of it with a text directive, the syntax of W3C's URL
// Fragment Text Directives (the part after ":~:"), of which glossa reads
// textStart:
//
//   sources/merics-2017-de.tei.xml#s2.1.p4
//   sources/merics-2017-de.tei.xml#s2.1.p4:~:text=Der%20Plan%20nennt
//
//   EditionTarget target = ParseEditionTarget(xref.target);
//   target.file == "sources/merics-2017-de.tei.xml"; target.id == "s2.1.p4";
//   target.quote == "Der Plan nennt";

#ifndef GLOSSA_CORE_URI_H_
#define GLOSSA_CORE_URI_H_

#include <string>
#include <string_view>

namespace glossa {

// The scheme of `reference` in lower case ("https", "javascript"), or ""
// when it has none (a relative reference: "a/b:c", "#fn9", "x.png").
std::string UriScheme(std::string_view reference);

// Whether `reference` has no scheme.
bool IsRelativeReference(std::string_view reference);

// Whether the path of a relative reference names a file in the folder of
// the file that holds the reference, or below it: not empty, not absolute,
// and no ".." that climbs out ("a/../b" stays in; "../b", "a/../../b" and
// "/dev/zero" do not). glossa opens only such files for a glossary's links.
bool StaysInFolder(std::string_view path);

// A reference split at its first "#": the part before and the fragment.
struct EditionTarget {
  std::string file;  // "sources/merics-2017-de.tei.xml"; "" for "#fn9"
  bool has_fragment = false;
  std::string id;        // the block id: "s2.1.p4"
  std::string quote;     // the decoded textStart of a text directive, or ""
  std::string fragment;  // everything after the "#", as written
  std::string error;     // why the directive cannot be read, or ""
};

// Splits `reference` into file, block id and the text directive, if any.
// A directive other than one text=textStart (a prefix, an end, a suffix,
// several directives), a bad percent escape or bytes that are not UTF-8
// after decoding set `error`; the file and id are still given.
EditionTarget ParseEditionTarget(std::string_view reference);

}  // namespace glossa

#endif  // GLOSSA_CORE_URI_H_
