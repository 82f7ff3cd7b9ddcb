// Work done at most once for each of n slots, from any thread, whose
// failure is kept: the lazily decoded entries of a glossary (Concepts,
// glossary.h) and an edition's key passages (EditionIndex::KeyPassagesOf)
// are each made when first asked for, from the edition cache, and a cache
// file whose bytes do not decode throws (DamagedCacheFile) at every ask.
//
// Why not std::call_once alone: an exception thrown through libstdc++'s
// call_once (pthread_once underneath) aborts the process here, so the work
// runs inside a try block and what it threw is thrown again after.
//
//   OnceEach once(entries.size());
//   once.Run(i, [&] { entries[i] = Decode(i); });  // throws what Decode threw

#ifndef GLOSSA_CORE_ONCE_EACH_H_
#define GLOSSA_CORE_ONCE_EACH_H_

#include <cstddef>
#include <exception>
#include <memory>
#include <mutex>

namespace glossa {

class OnceEach {
 public:
  explicit OnceEach(std::size_t slots)
      : once_(std::make_unique<std::once_flag[]>(slots)),
        failed_(std::make_unique<std::exception_ptr[]>(slots)) {}

  // Runs `work` if no call for slot `i` has run it yet, and waits for one
  // that is running it; then throws what it threw, if it did.
  template <typename Work>
  void Run(std::size_t i, Work&& work) {
    std::call_once(once_[i], [&] {
      try {
        work();
      } catch (...) {
        failed_[i] = std::current_exception();
      }
    });
    if (failed_[i]) std::rethrow_exception(failed_[i]);
  }

 private:
  std::unique_ptr<std::once_flag[]> once_;
  std::unique_ptr<std::exception_ptr[]> failed_;
};

}  // namespace glossa

#endif  // GLOSSA_CORE_ONCE_EACH_H_
