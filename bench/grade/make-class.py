#!/usr/bin/env python3
"""Makes a class of N students, each handing in the whole course, for timing `iamlab grade`.

Usage: make-class.py RELEASE_DIR SOLUTION_DIR OUT_DIR [N]

RELEASE_DIR holds the student edition (`iamlab student notebooks --out RELEASE_DIR`), SOLUTION_DIR the
instructor's notebooks. Each student starts from the student edition; most fill in the answer cells with the
instructor's solution (matched by nbgrader grade_id, markers dropped), some leave lessons undone, some give wrong
decisions, some over-broad policies, some edit a check cell. The mix is fixed by the student's number.
"""
import json
import os
import re
import sys

release, solution, out = sys.argv[1:4]
count = int(sys.argv[4]) if len(sys.argv) > 4 else 30
MARKER = re.compile(r"^\s*//#* ?(BEGIN|END) SOLUTION\s*$")


def solutions(path):
    nb = json.load(open(path))
    found = {}
    for c in nb["cells"]:
        meta = c.get("metadata", {}).get("nbgrader", {})
        if meta.get("solution"):
            src = "".join(c["source"]) if isinstance(c["source"], list) else c["source"]
            found[meta.get("grade_id")] = "\n".join(l for l in src.split("\n") if not MARKER.match(l))
    return found


for n in range(count):
    student = os.path.join(out, "student%02d" % (n + 1))
    os.makedirs(student, exist_ok=True)
    for name in sorted(os.listdir(release)):
        if not name.endswith(".ipynb"):
            continue
        nb = json.load(open(os.path.join(release, name)))
        lesson = int(name[:2])
        filled = solutions(os.path.join(solution, name))
        undone = n % 4 == 3 and lesson % 3 == 0
        for c in nb["cells"]:
            meta = c.get("metadata", {}).get("nbgrader", {})
            if meta.get("solution") and not undone and meta.get("grade_id") in filled:
                src = filled[meta["grade_id"]]
                if n % 5 == 1:
                    src = src.replace("'ExplicitlyDenied'", "'Allowed'").replace("'ImplicitlyDenied'", "'Allowed'")
                if n % 6 == 2:
                    src = re.sub(r"allow '([a-z0-9-]+):[A-Za-z*]+'", r"allow '\1:*'", src)
                c["source"] = src
            if n % 10 == 9 and meta.get("grade") and lesson == 1:
                c["source"] = "%%iam\nprintln 'ok'"
        json.dump(nb, open(os.path.join(student, name), "w"), indent=1)
