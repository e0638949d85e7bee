package org.iamlab.engine.world;

/**
 * Who makes a request in the world: an IAM user, a role (acting as itself), a role session, an account's root
 * user, an AWS service, or an anonymous caller. EC2 instances and Lambda functions act through sessions of
 * their roles.
 */
public sealed interface Actor permits User, Role, Session, Actor.RootUser, Actor.ServiceCaller, Actor.Federated,
        Actor.Anonymous {

    /** The principal as requests carry it: an ARN, a service name, or {@code anonymous}. */
    String principal();

    /** The account the caller belongs to, or {@code null} for services and anonymous callers. */
    Account account();

    /** An account's root user. */
    record RootUser(Account account) implements Actor {
        public String principal() {
            return "arn:aws:iam::" + account.id() + ":root";
        }

        @Override
        public String toString() {
            return principal();
        }
    }

    /**
     * An AWS service acting on behalf of a resource, such as API Gateway invoking a Lambda function for an
     * API: {@code sourceArn} and {@code sourceAccount} (either may be {@code null}) become {@code aws:SourceArn}
     * and {@code aws:SourceAccount}.
     */
    record ServiceCaller(String service, String sourceArn, String sourceAccount) implements Actor {
        public String principal() {
            return service;
        }

        public Account account() {
            return null;
        }

        @Override
        public String toString() {
            return service;
        }
    }

    /**
     * A caller that an identity provider vouches for (an OIDC or SAML provider ARN), before it has assumed a role:
     * it appears only in {@code sts:AssumeRoleWithWebIdentity} and {@code sts:AssumeRoleWithSAML}.
     */
    record Federated(String provider) implements Actor {
        public String principal() {
            return provider;
        }

        public Account account() {
            return null;
        }

        @Override
        public String toString() {
            return provider;
        }
    }

    /** An unauthenticated caller. */
    record Anonymous() implements Actor {
        public String principal() {
            return "anonymous";
        }

        public Account account() {
            return null;
        }

        @Override
        public String toString() {
            return "anonymous";
        }
    }
}
