#!/usr/bin/env bash
# Installs the build into a temporary prefix and checks that the installed
# glossa finds its built-in glossary there (not in the source tree), from
# any working folder.
set -euo pipefail
build_dir=$1
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build_dir" --prefix "$prefix" > /dev/null
cd /
out=$(env -u GLOSSA_DATA_DIR "$prefix/bin/glossa" check)
expected="$prefix/share/glossa/social-credit.tbx: "
case "$out" in
  "$expected"*", 0 errors, 0 warnings") echo "ok: $out" ;;
  *) echo "expected a clean check of $expected..., got: $out" >&2; exit 1 ;;
esac
entry=$("$prefix/bin/glossa" lookup 徵信)
case "$entry" in
  "征信 徵信 zhēngxìn"*) ;;
  *) echo "installed glossa did not find 徵信" >&2; exit 1 ;;
esac
section=$("$prefix/bin/glossa" read --section 2.3 --pages none)
case "$section" in
  "2.3  MEDIENKRITIK"*) ;;
  *) echo "installed glossa did not read its edition" >&2; exit 1 ;;
esac
