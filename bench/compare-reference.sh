#!/usr/bin/env bash
# Times IAM Lab's evaluator against the reference simulator (@cloud-copilot/iam-simulate) on one
# simulation-format JSONL file, end to end (process start to exit, JSON in and out included), and
# diffs their decisions.
#
#   bench/compare-reference.sh FILE [--runs N] [--show N] [--keep DIR]
#
#   --runs N   timed runs of each command (default 1); the median wall time is reported
#   --show N   disagreements to print (default 40); all of them go to DIR/disagreements.txt
#   --keep DIR keep both outputs and the disagreement list in DIR (default: a temporary directory)
#
# Runs `./iamlab simulate --jsonl FILE` from the repository root (skipped with a message when there is
# no ./iamlab yet) and `node bench/reference/simulate.mjs FILE` (installing bench/reference with
# `npm ci` first when its node_modules is missing). The comparison uses shared/tools/compare.py when it
# is beside the repository, else the same rule inline: decisions matched by id.
# Exit status: 0 when the two agree on every scenario (or iamlab was skipped), 1 when they disagree,
# 2 for unusable arguments or a missing tool.
set -euo pipefail

usage() { sed -n '6,10p' "$0" | sed 's/^# \{0,3\}//' >&2; exit 2; }

file="" runs=1 show=40 keep=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="${2:-}"; shift 2 || usage ;;
    --show) show="${2:-}"; shift 2 || usage ;;
    --keep) keep="${2:-}"; shift 2 || usage ;;
    -h|--help) usage ;;
    -*) echo "unknown option \`$1\`" >&2; usage ;;
    *) [ -z "$file" ] || usage; file="$1"; shift ;;
  esac
done
[ -n "$file" ] || usage
[[ "$runs" =~ ^[1-9][0-9]*$ && "$show" =~ ^[0-9]+$ ]] || usage
[ -r "$file" ] || { echo "cannot read \`$file\`" >&2; exit 2; }
command -v node >/dev/null || { echo "node is not installed (Node 20 or newer is needed)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "python3 is not installed" >&2; exit 2; }

root="$(cd "$(dirname "$0")/.." && pwd)"
file="$(cd "$(dirname "$file")" && pwd)/$(basename "$file")"
if [ -n "$keep" ]; then
  mkdir -p "$keep"; work="$(cd "$keep" && pwd)"
else
  work="$(mktemp -d "${TMPDIR:-/tmp}/iamlab-compare.XXXXXX")"
fi
compare="$root/../shared/tools/compare.py"

if [ ! -d "$root/bench/reference/node_modules/@cloud-copilot/iam-simulate" ]; then
  echo "installing the reference simulator (npm ci in bench/reference) ..."
  (cd "$root/bench/reference" && npm ci --no-audit --no-fund --loglevel=error) >&2
fi

scenarios=$(grep -c '[^[:space:]]' "$file" || true)
bytes=$(wc -c < "$file")
echo "input: $file ($scenarios scenarios, $((bytes / 1000000)) MB)"

now() { date +%s.%N; }

# time_runs LABEL OUTFILE CMD...: runs CMD `runs` times with stdout to OUTFILE; prints the median wall
# seconds on fd 3 and one line per run on stderr. Exit codes other than 0/1 (1 = some line failed) stop.
time_runs() {
  local label="$1" out="$2"; shift 2
  local times=() i start end rc
  for ((i = 1; i <= runs; i++)); do
    start=$(now)
    set +e; "$@" > "$out" 2> "$out.stderr"; rc=$?; set -e
    end=$(now)
    if [ "$rc" -gt 1 ]; then
      echo "$label failed (exit $rc):" >&2; tail -n 20 "$out.stderr" >&2; return "$rc"
    fi
    times+=("$(python3 -c "print(f'{$end - $start:.3f}')")")
    echo "  $label run $i: ${times[-1]} s (exit $rc)" >&2
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}' >&3
}

rate() { python3 -c "import sys; s=float(sys.argv[2]); print(f'{int(sys.argv[1]) / s:,.0f} scenarios/s' if s > 0 else 'n/a')" "$1" "$2"; }

echo "reference simulator: node bench/reference/simulate.mjs (runs: $runs)"
ref_time=$(time_runs reference "$work/reference.jsonl" node "$root/bench/reference/simulate.mjs" "$file" 3>&1 >/dev/null)
echo "reference: $ref_time s wall, $(rate "$scenarios" "$ref_time")"

if [ ! -x "$root/iamlab" ]; then
  echo "iamlab: skipped (no ./iamlab launcher in $root yet); reference output kept in $work/reference.jsonl"
  exit 0
fi

# One untimed call first so that building the jar (the launcher does that when it is missing) is not timed.
head -n 1 "$file" | (cd "$root" && ./iamlab simulate --jsonl - > /dev/null 2>&1) || true

echo "iamlab: ./iamlab simulate --jsonl (runs: $runs)"
iam_time=$(cd "$root" && time_runs iamlab "$work/iamlab.jsonl" ./iamlab simulate --jsonl "$file" 3>&1 >/dev/null)
echo "iamlab: $iam_time s wall, $(rate "$scenarios" "$iam_time")"
python3 -c "import sys; r, i = float(sys.argv[1]), float(sys.argv[2]); print(f'ratio reference/iamlab: {r / i:.2f} (iamlab is {r / i:.2f}x as fast)' if i > 0 else 'ratio: n/a')" "$ref_time" "$iam_time"

# Decisions: the reference's error lines are listed apart (they are not decisions to compare against).
python3 - "$work/reference.jsonl" "$work/iamlab.jsonl" "$work" <<'EOF'
import collections, json, sys
ref_path, iam_path, work = sys.argv[1:4]
def load(path):
    out = {}
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line.startswith("{"):
            continue
        try:
            o = json.loads(line)
        except ValueError:
            continue
        if "id" in o:
            out[o["id"]] = o
    return out
ref, iam = load(ref_path), load(iam_path)
for name, d in (("reference", ref), ("iamlab", iam)):
    c = collections.Counter(o.get("decision") or "error" for o in d.values())
    print(f"{name} decisions: " + ", ".join(f"{k} {v}" for k, v in sorted(c.items())))
with open(f"{work}/expected.jsonl", "w", encoding="utf-8") as f:
    for i, o in ref.items():
        if "decision" in o:
            f.write(json.dumps({"id": i, "decision": o["decision"]}) + "\n")
with open(f"{work}/reference-errors.txt", "w", encoding="utf-8") as f:
    for i, o in ref.items():
        if "decision" not in o:
            f.write(f"{i}: {o.get('error')}\n")
EOF
errors=$(wc -l < "$work/reference-errors.txt")
[ "$errors" -eq 0 ] || echo "the reference could not decide $errors scenarios (left out of the diff): $work/reference-errors.txt"

if [ -f "$compare" ]; then
  python3 "$compare" "$work/expected.jsonl" "$work/iamlab.jsonl" > "$work/disagreements.txt"
else
  python3 - "$work/expected.jsonl" "$work/iamlab.jsonl" > "$work/disagreements.txt" <<'EOF'
import json, sys
exp = {}
for l in open(sys.argv[1]):
    if l.strip():
        o = json.loads(l); exp[o["id"]] = o.get("expect") or o.get("decision")
got = {}
for l in open(sys.argv[2]):
    l = l.strip()
    if not l.startswith("{"): continue
    try: o = json.loads(l)
    except ValueError: continue
    if "id" in o: got[o["id"]] = o.get("decision") or ("error: " + str(o.get("error"))[:120])
ok = 0
for i, e in exp.items():
    g = got.get(i, "missing")
    if g == e: ok += 1
    else: print(f"{i}: expected {e}, got {g}")
n = len(exp)
print(f"{ok}/{n} agree ({100.0 * ok / n if n else 0:.2f}%)")
EOF
fi
total=$(($(wc -l < "$work/disagreements.txt") - 1))
echo "disagreements (reference's decision first, as 'expected'): $total"
if [ "$total" -gt 0 ]; then
  awk -v n="$show" -v t="$total" 'NR <= n && NR <= t' "$work/disagreements.txt"
  [ "$total" -le "$show" ] || echo "... all $total in $work/disagreements.txt"
fi
tail -n 1 "$work/disagreements.txt"
echo "outputs: $work"
[ "$total" -eq 0 ]
