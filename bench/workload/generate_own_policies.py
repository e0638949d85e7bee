#!/usr/bin/env python3
"""Generates scenarios in which every scenario carries its own small policies, one scenario per line.

The shape of exercise generation, grading, who-can questions and most users' own files: no policy text is
shared between two scenarios, so nothing can be parsed or compiled once for many. Each scenario has 1-4
customer identity policies of 1-3 statements, with conditions of every operator family (String, Numeric,
Date, Bool, Binary, IP address, ARN, Null, with IfExists and ForAllValues / ForAnyValue), Action and
NotAction, Resource and NotResource, wildcards and policy variables; some carry a resource-based policy (S3
bucket, KMS key, SQS queue), some a permissions boundary, some SCPs. About 1% of the lines are broken in a way
a user would break them (an unknown operator, an Effect typo, an action without a service prefix, a cut-off
line). Each policy names the scenario's number (in a Sid, a prefix or a condition value), so none repeats.

Python 3 standard library only; the output is a function of --seed and --count alone, and the first N lines
of a larger run equal a run with --count N.

    python3 bench/workload/generate_own_policies.py --seed 1 --count 100000 --out /tmp/iamlab-own-100k.jsonl
"""
import argparse
import json
import random
import re
import sys

ORG_ID = "o-a1b2c3d4e5"
PROD, DEV, PARTNER = "111122223333", "444455556666", "777788889999"
ACCOUNTS = [PROD, DEV, PARTNER]
TEAMS = ["payments", "orders", "analytics", "platform", "security", "mobile"]
REGIONS = ["us-east-1", "eu-west-1", "us-west-2"]
NAMES = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "olivia", "zoe"]
ROLES = ["Developer", "DataAnalyst", "CIDeploy", "OpsAdmin", "LambdaExec"]
CIDRS = ["203.0.113.0/24", "198.51.100.0/24", "2001:db8:1234::/48", "192.0.2.0/24"]
IPS = ["203.0.113.10", "198.51.100.77", "2001:db8:1234::5", "192.0.2.44", "100.64.3.9"]
STATEMENTS_PER_POLICY = [(1, 80), (2, 17), (3, 3)]
POLICIES_PER_SCENARIO = [(1, 45), (2, 35), (3, 12), (4, 8)]


def pick(rng, weighted):
    total = sum(w for _, w in weighted)
    r = rng.uniform(0, total)
    for value, w in weighted:
        r -= w
        if r <= 0:
            return value
    return weighted[-1][0]


def compact(value):
    return json.dumps(value, separators=(",", ":"))


class Request:
    """A request: its action, resource ARN, the service's action patterns and the resource's patterns."""

    def __init__(self, rng, account, region, team, n):
        self.service = rng.choice(["s3", "s3", "s3", "kms", "sqs", "dynamodb", "ec2", "lambda", "logs",
                                   "secretsmanager", "iam"])
        acct = account if rng.random() < 0.8 else rng.choice(ACCOUNTS)
        self.resource_account = acct
        bucket = f"acme-{team}-{rng.choice(['data', 'logs', 'reports'])}"
        if self.service == "s3":
            self.action = pick(rng, [("s3:GetObject", 50), ("s3:PutObject", 30), ("s3:DeleteObject", 10),
                                     ("s3:ListBucket", 10)])
            self.bucket = bucket
            self.resource = (f"arn:aws:s3:::{bucket}" if self.action == "s3:ListBucket"
                             else f"arn:aws:s3:::{bucket}/{rng.choice(NAMES)}/{n % 997}.csv")
            self.family = ["s3:Get*", "s3:Put*", "s3:*Object", "s3:List*", "s3:*"]
            self.patterns = [f"arn:aws:s3:::{bucket}", f"arn:aws:s3:::{bucket}/*", f"arn:aws:s3:::acme-{team}-*",
                             "arn:aws:s3:::acme-*/${aws:username}/*", f"arn:aws:s3:::{bucket}/*.csv"]
        elif self.service == "kms":
            self.action = pick(rng, [("kms:Decrypt", 50), ("kms:GenerateDataKey", 30), ("kms:Encrypt", 20)])
            self.resource = f"arn:aws:kms:{region}:{acct}:key/{n:08x}-1b2c-4d3e-8f90-a1b2c3d4e5f6"
            self.family = ["kms:Decrypt", "kms:GenerateDataKey*", "kms:Encrypt", "kms:*"]
            self.patterns = [self.resource, f"arn:aws:kms:*:{acct}:key/*", "arn:aws:kms:*:*:key/*"]
        elif self.service == "sqs":
            self.action = pick(rng, [("sqs:SendMessage", 50), ("sqs:ReceiveMessage", 35), ("sqs:DeleteMessage", 15)])
            self.resource = f"arn:aws:sqs:{region}:{acct}:{team}-events-{n % 50}"
            self.family = ["sqs:SendMessage", "sqs:ReceiveMessage", "sqs:*Message", "sqs:*"]
            self.patterns = [self.resource, f"arn:aws:sqs:*:{acct}:{team}-*", f"arn:aws:sqs:{region}:*:*-events-?"]
        elif self.service == "dynamodb":
            self.action = pick(rng, [("dynamodb:GetItem", 45), ("dynamodb:Query", 35), ("dynamodb:PutItem", 20)])
            self.resource = f"arn:aws:dynamodb:{region}:{acct}:table/Orders{n % 7}"
            self.family = ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:*Item", "dynamodb:*"]
            self.patterns = [self.resource, f"arn:aws:dynamodb:*:{acct}:table/Orders*", "arn:aws:dynamodb:*:*:table/*"]
        elif self.service == "ec2":
            self.action = pick(rng, [("ec2:StartInstances", 50), ("ec2:StopInstances", 30), ("ec2:RebootInstances", 20)])
            self.resource = f"arn:aws:ec2:{region}:{acct}:instance/i-0{n:016x}"
            self.family = ["ec2:StartInstances", "ec2:StopInstances", "ec2:*Instances", "ec2:*"]
            self.patterns = [self.resource, f"arn:aws:ec2:*:{acct}:instance/*", "arn:aws:ec2:*:*:instance/*"]
        elif self.service == "lambda":
            self.action = pick(rng, [("lambda:InvokeFunction", 70), ("lambda:GetFunction", 30)])
            self.resource = f"arn:aws:lambda:{region}:{acct}:function:{team}-fn-{n % 31}"
            self.family = ["lambda:InvokeFunction", "lambda:GetFunction", "lambda:*Function", "lambda:*"]
            self.patterns = [self.resource, f"arn:aws:lambda:*:{acct}:function:{team}-*"]
        elif self.service == "logs":
            self.action = pick(rng, [("logs:PutLogEvents", 60), ("logs:GetLogEvents", 40)])
            self.resource = (f"arn:aws:logs:{region}:{acct}:log-group:/aws/lambda/{team}-fn:"
                             f"log-stream:2026/12/{n % 28 + 1:02d}")
            self.family = ["logs:PutLogEvents", "logs:GetLogEvents", "logs:*LogEvents", "logs:*"]
            self.patterns = [f"arn:aws:logs:*:{acct}:log-group:/aws/lambda/{team}-*:*", "arn:aws:logs:*:*:*"]
        elif self.service == "secretsmanager":
            self.action = "secretsmanager:GetSecretValue"
            self.resource = f"arn:aws:secretsmanager:{region}:{acct}:secret:prod/{team}/db-{n % 13}-AbCdEf"
            self.family = ["secretsmanager:GetSecretValue", "secretsmanager:Get*", "secretsmanager:*"]
            self.patterns = [self.resource, f"arn:aws:secretsmanager:*:{acct}:secret:prod/{team}/*"]
        else:
            self.action = pick(rng, [("iam:GetUser", 50), ("iam:ChangePassword", 30), ("iam:CreateAccessKey", 20)])
            self.resource = f"arn:aws:iam::{acct}:user/{rng.choice(NAMES)}"
            self.family = ["iam:GetUser", "iam:ChangePassword", "iam:*AccessKey*", "iam:*"]
            self.patterns = [self.resource, f"arn:aws:iam::{acct}:user/*", "arn:aws:iam::*:user/${aws:username}"]


def condition(rng, n, team, request):
    """One condition block, of a family picked at random, that the scenario's context can meet or miss."""
    family = rng.randrange(11)
    if family == 0:
        return {"StringEquals": {"aws:PrincipalTag/team": rng.choice([team, team, rng.choice(TEAMS)])}}
    if family == 1:
        return {"StringLike": {"aws:userid": [f"AIDA*{n % 10}", "AROA*:" + rng.choice(NAMES)]}}
    if family == 2:
        return {rng.choice(["IpAddress", "NotIpAddress"]): {"aws:SourceIp": rng.sample(CIDRS, 2)}}
    if family == 3:
        return {"DateGreaterThan": {"aws:CurrentTime": f"2026-{n % 12 + 1:02d}-01T00:00:00Z"},
                "DateLessThan": {"aws:CurrentTime": "2027-06-30T23:59:59Z"}}
    if family == 4:
        return {rng.choice(["Bool", "BoolIfExists"]): {"aws:MultiFactorAuthPresent": rng.choice(["true", "false"])}}
    if family == 5:
        return {"NumericLessThanIfExists": {"aws:MultiFactorAuthAge": str(600 + n % 3000)}}
    if family == 6:
        return {rng.choice(["ArnLike", "ArnNotLike"]): {"aws:PrincipalArn": [
            f"arn:aws:iam::*:role/{rng.choice(ROLES)}", f"arn:aws:iam::*:user/{rng.choice(NAMES)}-{n}"]}}
    if family == 7:
        return {"Null": {"aws:TokenIssueTime": rng.choice(["true", "false"])}}
    if family == 8:
        return {rng.choice(["ForAllValues:StringEquals", "ForAnyValue:StringLike"]): {
            "aws:TagKeys": ["team", "env", f"cc-{n % 100}*"]}}
    if family == 9:
        return {"StringNotEqualsIgnoreCase": {"aws:RequestedRegion": rng.sample(REGIONS, 2)}}
    return {"BinaryEquals": {"aws:SourceIdentity": "QUNNRS0" + f"{n % 1000:03d}"}}


def statement(rng, n, team, request, k):
    """An Allow of the request's service (mostly) or a guard-rail Deny, with wildcards and conditions."""
    st = {"Sid": f"S{n}x{k}"}
    deny = rng.random() < 0.2
    st["Effect"] = "Deny" if deny else "Allow"
    if rng.random() < 0.12:
        st["NotAction"] = rng.sample(["iam:*", "sts:*", "organizations:*", "account:*"], 2)
    else:
        actions = rng.sample(request.family, min(len(request.family), rng.randint(1, 3)))
        if rng.random() < 0.3:
            actions.append(rng.choice(["ec2:Describe*", "cloudwatch:Get*", "sns:Publish", "s3:GetBucket*",
                                       "kms:List*", "sqs:Get*"]))
        st["Action"] = actions if len(actions) > 1 or rng.random() < 0.5 else actions[0]
    if rng.random() < 0.1:
        st["NotResource"] = [f"arn:aws:s3:::acme-security-{n}/*", f"arn:aws:kms:*:{PROD}:key/*"]
    else:
        resources = rng.sample(request.patterns, min(len(request.patterns), rng.randint(1, 2)))
        if rng.random() < 0.3:
            resources.append(f"arn:aws:s3:::acme-{team}-scratch-{n}/*")
        if rng.random() < 0.15:
            resources = "*"
        st["Resource"] = resources
    conditions = {}
    for _ in range(rng.choice([0, 1, 1])):
        conditions.update(condition(rng, n, team, request))
    if conditions:
        st["Condition"] = conditions
    return st


def resource_policy(rng, n, request, principal_arn):
    """A bucket, key or queue policy for the request's resource, naming the caller, its account or everyone."""
    who = rng.choice([{"AWS": principal_arn}, {"AWS": f"arn:aws:iam::{request.resource_account}:root"},
                      {"AWS": [principal_arn, PARTNER]}, "*"])
    grant = {"Sid": f"Grant{n}", "Effect": "Allow", "Principal": who, "Action": rng.sample(request.family, 1),
             "Resource": request.resource if rng.random() < 0.5 else request.patterns[0]}
    if who == "*":
        grant["Condition"] = {"StringEquals": {"aws:PrincipalOrgID": ORG_ID}}
    statements = [grant]
    if rng.random() < 0.5:
        statements.append({"Sid": f"TlsOnly{n}", "Effect": "Deny", "Principal": "*", "Action": "*",
                           "Resource": request.resource, "Condition": {"Bool": {"aws:SecureTransport": "false"}}})
    return {"Version": "2012-10-17", "Statement": statements}


def scps(rng, n):
    return [{"name": "r-a1b2", "policies": [{"name": "FullAWSAccess", "policy": {"Version": "2012-10-17", "Statement": [
        {"Sid": f"All{n}", "Effect": "Allow", "Action": "*", "Resource": "*"}]}}]},
            {"name": "ou-a1b2-prod0001", "policies": [{"name": "RegionLock", "policy": {"Version": "2012-10-17",
             "Statement": [{"Sid": f"Region{n}", "Effect": "Deny", "NotAction": ["iam:*", "sts:*", "support:*"],
                            "Resource": "*", "Condition": {"StringNotEquals": {"aws:RequestedRegion": REGIONS}}}]}}]}]


def breakage(rng, line):
    """A mistake a user makes: the text is changed after it was written, so the line is otherwise whole."""
    kind = rng.randrange(4)
    if kind == 0 and '"StringEquals"' in line:
        return line.replace('"StringEquals"', '"StringEqualz"', 1)
    if kind == 1:
        return line.replace('"Effect":"Allow"', '"Effect":"Alow"', 1)
    if kind == 2 and re.search(r'"Action":"[a-z0-9-]+:', line):
        return re.sub(r'"Action":"[a-z0-9-]+:', '"Action":"', line, count=1)
    return line[: len(line) * 2 // 3]


def scenario(rng, n):
    account = rng.choice(ACCOUNTS)
    team = rng.choice(TEAMS)
    region = rng.choice(REGIONS)
    name = rng.choice(NAMES)
    is_user = rng.random() < 0.5
    principal = (f"arn:aws:iam::{account}:user/{name}" if is_user
                 else f"arn:aws:sts::{account}:assumed-role/{rng.choice(ROLES)}/{name}-{n % 100}")
    request = Request(rng, account, region, team, n)
    context = {"aws:SourceIp": rng.choice(IPS), "aws:CurrentTime": f"2026-{n % 12 + 1:02d}-15T10:{n % 60:02d}:00Z",
               "aws:SecureTransport": rng.choice(["true", "true", "false"]),
               "aws:MultiFactorAuthPresent": rng.choice(["true", "false"]),
               "aws:PrincipalTag/team": team, "aws:RequestedRegion": region,
               "aws:PrincipalArn": principal if is_user else f"arn:aws:iam::{account}:role/{principal.split('/')[1]}"}
    if account != PARTNER:
        context["aws:PrincipalOrgID"] = ORG_ID
    if is_user:
        context["aws:username"] = name
    identity = []
    for p in range(pick(rng, POLICIES_PER_SCENARIO)):
        statements = [statement(rng, n, team, request, f"{p}{k}") for k in range(pick(rng, STATEMENTS_PER_POLICY))]
        identity.append({"name": f"{team}-{n}-{p}",
                         "policy": {"Version": "2012-10-17", "Statement": statements}})
    out = {"id": f"own-{n}", "request": {"principal": principal, "action": request.action,
                                          "resource": request.resource,
                                          "resourceAccount": request.resource_account, "context": context},
           "identityPolicies": identity}
    if rng.random() < 0.3:
        out["resourcePolicy"] = resource_policy(rng, n, request, principal)
    if rng.random() < 0.1:
        out["permissionsBoundary"] = {"Version": "2012-10-17", "Statement": [
            {"Sid": f"Boundary{n}", "Effect": "Allow", "NotAction": ["iam:*", "organizations:*"], "Resource": "*"}]}
    if account != PARTNER and rng.random() < 0.2:
        out["serviceControlPolicies"] = scps(rng, n)
    line = compact(out)
    if rng.random() < 0.01:
        line = breakage(rng, line)
    return line


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--out", default="-")
    parser.add_argument("--summary", action="store_true", help="describe what was written, on standard error")
    args = parser.parse_args(argv)
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8")
    total = 0
    policies = 0
    with_resource = 0
    with_scps = 0
    try:
        for n in range(args.count):
            rng = random.Random(args.seed * 1_000_003 + n)
            line = scenario(rng, n)
            out.write(line + "\n")
            total += len(line) + 1
            policies += line.count('"policy":') + line.count('"resourcePolicy":') + line.count(
                '"permissionsBoundary":')
            with_resource += '"resourcePolicy":' in line
            with_scps += '"serviceControlPolicies":' in line
    finally:
        if out is not sys.stdout:
            out.close()
    if args.summary and args.count:
        print(f"scenarios: {args.count}, {total / 1e6:.1f} MB, {total / args.count:.0f} bytes a line; "
              f"policies: {policies / args.count:.2f} a scenario; with resource policy: "
              f"{100 * with_resource / args.count:.1f}%; with SCPs: {100 * with_scps / args.count:.1f}%",
              file=sys.stderr)


if __name__ == "__main__":
    main()
