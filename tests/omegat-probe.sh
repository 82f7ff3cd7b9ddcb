#!/usr/bin/env bash
# Runs OmegaT's own glossary readers on one file, through the probe in
# ../shared/tools/omegat-glossary-probe (its README says what it prints).
#   tests/omegat-probe.sh CLASSES tbx|tsv|csv FILE SRC TGT [N]
# CLASSES is a folder the probe is compiled into on first use. Exits 77,
# saying why, when Debian's omegat or a JDK is missing (scripts/install-deps
# --test installs them); otherwise with the probe's status.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
probe="$here/../../shared/tools/omegat-glossary-probe/OmegaTGlossaryProbe.java"
jar=/usr/share/omegat/OmegaT.jar
classes="$1"
shift
if [ ! -f "$jar" ] || ! command -v javac >/dev/null || ! command -v java >/dev/null; then
  echo "omegat-probe: skipped: needs Debian's omegat and default-jdk-headless (scripts/install-deps --test)" >&2
  exit 77
fi
if [ ! -f "$probe" ]; then
  echo "omegat-probe: missing $probe" >&2
  exit 2
fi
if [ ! -f "$classes/OmegaTGlossaryProbe.class" ] || [ "$probe" -nt "$classes/OmegaTGlossaryProbe.class" ]; then
  mkdir -p "$classes"
  javac -nowarn -cp "$jar" -d "$classes" "$probe" 2>/dev/null
fi
exec java -Djava.awt.headless=true -cp "$jar:$classes" OmegaTGlossaryProbe "$@"
