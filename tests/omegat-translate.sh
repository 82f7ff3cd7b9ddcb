#!/usr/bin/env bash
# Translates an XLIFF 1.2 file with Debian's OmegaT 3.6, headless, from a
# TMX of translations, as a translator's OmegaT project would:
#   tests/omegat-translate.sh SOURCE.xlf TRANSLATIONS.tmx SRC TGT OUT.xlf
# The project is made in a temporary folder: omegat.project (languages SRC
# and TGT, sentence segmentation off), source/ holding SOURCE.xlf, the TMX
# as the project's own translations (omegat/project_save.tmx), a config
# folder of its own (nothing in $HOME is read or written). OmegaT's
# console-translate writes target/, which is copied to OUT.xlf.
#
# Two things OmegaT 3.6 needs or does that this script undoes:
# - Its XLIFF filter translates what is in <target>, never <source> (which it
#   copies intact): a unit without a <target> is not offered for
#   translation. Each such unit gets a <target> that copies its <source>
#   (the XLIFF must have each <source> on one line, as glossa writes it).
# - A unit it has no translation for keeps that copy of the German. Such a
#   <target> (the same as its <source>) is removed again, so that the unit
#   reads as untranslated; a translation identical to its source is lost
#   with it (OmegaT itself by default does not accept one either).
# Segmentation is off because glossa's units are sentences already, and the
# TMX holds one entry per unit: OmegaT's own rules would cut eight of the
# report's units further (kf.2.s1, or "16. Dezember 2014" after "16.").
#
# Exits 77, saying why, when Debian's omegat or Java is missing
# (scripts/install-deps --test installs them); 2 on usage errors or when
# OmegaT fails (its log is shown); 0 otherwise.
set -euo pipefail
jar=/usr/share/omegat/OmegaT.jar
if [ $# -ne 5 ]; then
  echo "usage: omegat-translate.sh SOURCE.xlf TRANSLATIONS.tmx SRC TGT OUT.xlf" >&2
  exit 2
fi
source_file="$1" tmx="$2" source_lang="$3" target_lang="$4" out="$5"
if [ ! -f "$jar" ] || ! command -v java >/dev/null; then
  echo "omegat-translate: skipped: needs Debian's omegat and default-jdk-headless (scripts/install-deps --test)" >&2
  exit 77
fi
for input in "$source_file" "$tmx"; do
  if [ ! -f "$input" ]; then
    echo "omegat-translate: cannot open '$input'" >&2
    exit 2
  fi
done

work="$(mktemp -d "${TMPDIR:-/tmp}/omegat-translate-XXXXXX")"
trap 'rm -rf "$work"' EXIT
project="$work/project"
name="$(basename "$source_file")"
mkdir -p "$project"/{source,target,omegat,tm,glossary,dictionary} "$work/config"
cat >"$project/omegat.project" <<EOF
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>$source_lang</source_lang>
    <target_lang>$target_lang</target_lang>
    <sentence_seg>false</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
EOF
sed '/<target[ >]/!s|<source\([^>]*\)>\(.*\)</source>|&<target\1>\2</target>|' \
  "$source_file" >"$project/source/$name"
cp "$tmx" "$project/omegat/project_save.tmx"

if ! java -Djava.awt.headless=true -jar "$jar" "$project" --mode=console-translate \
  --config-dir="$work/config" --disable-project-locking --no-team --quiet \
  >"$work/omegat.log" 2>&1 || [ ! -f "$project/target/$name" ]; then
  cat "$work/omegat.log" >&2
  echo "omegat-translate: OmegaT did not write target/$name" >&2
  exit 2
fi
sed 's|<source\([^>]*\)>\(.*\)</source><target\1>\2</target>|<source\1>\2</source>|' \
  "$project/target/$name" >"$out.tmp"
mv "$out.tmp" "$out"
