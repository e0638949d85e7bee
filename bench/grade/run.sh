#!/usr/bin/env bash
# Times `iamlab grade` on a class of N students (default 30), each handing in the whole course.
# Usage: bench/grade/run.sh [N] [JOBS]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
n="${1:-30}"
jobs="${2:-$(nproc)}"
work="$(mktemp -d)"
"$root/iamlab" student "$root/notebooks" --out "$work/release" > /dev/null
python3 "$root/bench/grade/make-class.py" "$work/release" "$root/notebooks" "$work/class" "$n"
echo "grading $n students, --jobs $jobs, in $work/out" >&2
/usr/bin/time -f "wall %e s, CPU %U s user + %S s system (children included), max RSS %M KB" \
  "$root/iamlab" grade "$work"/class/* --out "$work/out" --jobs "$jobs" || true
cut -d, -f5 "$work/out/grades.csv" | tail -n +2 | sort | uniq -c
