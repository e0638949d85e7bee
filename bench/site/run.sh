#!/usr/bin/env bash
# The course site's build times (bench/site/README.md): a cold build (every lesson run), a rebuild after one
# lesson changed, and AsciidoctorJ against Debian's Ruby asciidoctor on the same AsciiDoc files.
# Usage: bench/site/run.sh [RUNS] [COPIES]   (median of RUNS runs each, default 3; COPIES copies of each lesson,
# default 1, to time a course bigger than notebooks/; needs `apt-get install asciidoctor ruby-rouge` for the
# comparison)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-3}"
copies="${2:-1}"
cd "$root"
[ -f cli/target/iamlab.jar ] || mvn -B -q -DskipTests install
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/notebooks"
for n in notebooks/*.ipynb; do
  for c in $(seq "$copies"); do
    name="$(basename "$n" .ipynb)"
    [ "$copies" = 1 ] && cp "$n" "$work/notebooks/$name.ipynb" || cp "$n" "$work/notebooks/$name-copy$c.ipynb"
  done
done
out="$work/site"
timed() { /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" > "$work/log" 2>&1 || { cat "$work/log"; exit 1; }
          awk '{printf "%.2f %.2f\n", $1, $2 + $3}' "$work/time"; }
median() { sort -n | awk '{a[NR]=$0} END {print a[int((NR + 1) / 2)]}'; }
report() { # label, file of "wall cpu" lines
  printf "%-46s wall %6.2f s   cpu %6.2f s   (median of %d)\n" "$1" "$(cut -d' ' -f1 "$2" | median)" \
      "$(cut -d' ' -f2 "$2" | median)" "$runs"; }

# Appends "Edit MARK." to the first Markdown cell of notebook $1, as an author's save would change it.
edit() {
  python3 - "$1" "$2" <<'PY'
import json, sys
nb = json.load(open(sys.argv[1]))
cell = next(c for c in nb["cells"] if c["cell_type"] == "markdown")
cell["source"] = (cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])) + "\n\nEdit " + sys.argv[2] + "."
json.dump(nb, open(sys.argv[1], "w"), indent=1)
PY
}

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | sed -n 1p)"
# The launcher makes the class data archive on the first `iamlab site` after the jar was built: do it here.
./iamlab site --notebooks "$work/notebooks" --out "$work/first" > /dev/null
: > "$work/cold"; : > "$work/one"
for i in $(seq "$runs"); do
  rm -rf "$out" "$out.cache"
  timed ./iamlab site --notebooks "$work/notebooks" --out "$out" --keep-adoc >> "$work/cold"
  last="$(ls "$work/notebooks"/*.ipynb | tail -1)"
  edit "$last" "$i"
  timed ./iamlab site --notebooks "$work/notebooks" --out "$out" --keep-adoc >> "$work/one"
done
lessons=$(ls "$work/notebooks"/*.ipynb | wc -l)
if [ "$lessons" -gt 1 ] && ! grep -q "unchanged, outputs from the cache" "$work/log"; then
  echo "warning: the rebuild ran every lesson again"
fi
echo "== $lessons lesson(s); the rebuild runs the last one again and renders the pages that changed"
report "site, cold (every lesson runs)" "$work/cold"
report "site, rebuilt after one lesson changed" "$work/one"
: > "$work/same"
for i in $(seq "$runs"); do
  timed ./iamlab site --notebooks "$work/notebooks" --out "$out" --keep-adoc >> "$work/same"
done
report "site, rebuilt with nothing changed" "$work/same"

# `iamlab site --serve` builds again in its own warm process when a lesson is saved: from the save to the page
# on disk with the change (the watcher waits 0.3 s for the save to settle; that is included).
./iamlab site --notebooks "$work/notebooks" --out "$out" --keep-adoc --serve --port 0 > "$work/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2> /dev/null || true; rm -rf "$work"' EXIT
until grep -q "serving the site at" "$work/serve.log"; do
  kill -0 "$server" 2> /dev/null || { cat "$work/serve.log"; exit 1; }
  sleep 0.2
done
: > "$work/served-times"
page="$out/$(basename "$last" .ipynb).html"
for i in $(seq "$runs"); do
  sleep 1
  t0=$(date +%s.%N)
  edit "$last" "served-$i"
  until grep -q "Edit served-$i\." "$page" 2> /dev/null; do sleep 0.02; done
  echo "$t0 $(date +%s.%N)" | awk '{printf "%.2f\n", $2 - $1}' >> "$work/served-times"
done
kill "$server"
printf "%-46s wall %6.2f s                 (median of %d)\n" "site --serve, saved lesson to rebuilt page" \
    "$(median < "$work/served-times")" "$runs"

adoc=("$out"/*.adoc)
echo "== rendering alone: ${#adoc[@]} AsciiDoc files of the site"
: > "$work/j"; : > "$work/r"
jvm=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:cds=off -XX:SharedArchiveFile=cli/target/iamlab-site.jsa)
# Compiled once, so that no run pays for javac (the source launcher would compile it each time).
javac -cp cli/target/iamlab.jar -d "$work/classes" bench/site/RenderAdoc.java
for i in $(seq "$runs"); do
  timed java "${jvm[@]}" -cp "cli/target/iamlab.jar:$work/classes" RenderAdoc "${adoc[@]}" >> "$work/j"
  sed -n 1p "$work/log" > "$work/jdetail"
  if command -v asciidoctor > /dev/null; then
    rm -rf "$work/ruby"
    ruby -e '
      require "asciidoctor"
      attrs = { "source-highlighter" => "rouge", "rouge-css" => "class", "showtitle" => "", "idprefix" => "",
                "idseparator" => "-" }
      docs = ARGV.map { |f| File.read(f) }
      passes = (1..20).map { t = Time.now; docs.each { |d| Asciidoctor.convert(d, safe: :safe, standalone: false, attributes: attrs) }; Time.now - t }
      printf("ruby asciidoctor: first pass %.2f s, second pass %.2f s, fastest of 20 passes %.3f s\n", passes[0],
             passes[1], passes.min)' "${adoc[@]}" > "$work/rdetail"
    timed asciidoctor -s -a source-highlighter=rouge -a rouge-css=class -a showtitle \
        -a idprefix= -a idseparator=- -D "$work/ruby" "${adoc[@]}" >> "$work/r"
  fi
done
report "AsciidoctorJ (JVM + JRuby start + render)" "$work/j"
echo "   last run: $(cat "$work/jdetail")"
# A warm instance (what a long-running process such as a watch-and-rebuild would have): 20 passes, JRuby's JIT on.
java "${jvm[@]}" -Dpasses=20 -Djruby.compile.mode=JIT -cp "cli/target/iamlab.jar:$work/classes" RenderAdoc "${adoc[@]}" \
    | sed 's/^/   warm, JRuby JIT: /'
if [ -s "$work/r" ]; then
  report "Ruby asciidoctor $(asciidoctor --version | sed -n 1p | cut -d' ' -f2) (process)" "$work/r"
  echo "   last run: $(cat "$work/rdetail") (in one Ruby process, after require)"
else
  echo "Ruby asciidoctor: not installed (apt-get install asciidoctor ruby-rouge)"
fi
