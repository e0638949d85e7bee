package org.iamlab.engine.eval;

import java.util.Optional;
import org.iamlab.engine.arn.Arn;

/**
 * Who makes a request. Parsed from the forms the simulation format accepts: an IAM user, role, role-session,
 * federated-user or account-root ARN, a bare account ID (the root user), an identity provider (an OIDC or
 * SAML provider ARN, or a web identity domain such as {@code accounts.google.com}), a service principal such as
 * {@code lambda.amazonaws.com}, or {@code anonymous}.
 */
public sealed interface Principal {

    /** The principal as written in requests and policies. */
    String text();

    /** The account the principal belongs to, or {@code null} for services, providers and anonymous callers. */
    String account();

    /** A short name for the kind of principal, as {@code aws:PrincipalType} spells it where AWS has one. */
    String kind();

    /** True for principals whose own account's identity-based policies (and SCPs) govern their requests. */
    default boolean isIamIdentity() {
        return account() != null;
    }

    /** An IAM user. */
    record User(String text, String account, String name) implements Principal {
        public String kind() {
            return "User";
        }
    }

    /** An IAM role acting as itself (requests are normally made by its sessions). */
    record Role(String text, String account, String name) implements Principal {
        public String kind() {
            return "Role";
        }

        /** The role's ARN, which {@code aws:PrincipalArn} carries. */
        public String roleArn() {
            return text;
        }
    }

    /** A role session, {@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION}. */
    record RoleSession(String text, String account, String roleName, String sessionName) implements Principal {
        public String kind() {
            return "AssumedRole";
        }

        /**
         * The role's ARN, which {@code aws:PrincipalArn} carries for a session. A session ARN does not show the
         * role's path, so this assumes the role has none.
         */
        public String roleArn() {
            return "arn:" + partitionOf(text) + ":iam::" + account + ":role/" + roleName;
        }
    }

    /** A federated user, {@code arn:aws:sts::ACCOUNT:federated-user/NAME}. */
    record FederatedUser(String text, String account, String name) implements Principal {
        public String kind() {
            return "FederatedUser";
        }
    }

    /** The account's root user, {@code arn:aws:iam::ACCOUNT:root}. */
    record AccountRoot(String text, String account) implements Principal {
        public String kind() {
            return "Account";
        }
    }

    /** An AWS service, such as {@code lambda.amazonaws.com}. */
    record Service(String text) implements Principal {
        public String account() {
            return null;
        }

        public String kind() {
            return "Service";
        }
    }

    /** An identity provider: an OIDC or SAML provider ARN, or a web identity domain. */
    record IdentityProvider(String text) implements Principal {
        public String account() {
            return null;
        }

        public String kind() {
            return "WebIdentity";
        }
    }

    /** An unauthenticated caller. */
    record Anonymous() implements Principal {
        public String text() {
            return "anonymous";
        }

        public String account() {
            return null;
        }

        public String kind() {
            return "Anonymous";
        }
    }

    /**
     * Whether {@code t} has the shape of an account ID, twelve digits (a loop rather than a stream: this runs
     * for every request and every policy read).
     */
    public static boolean isAccountId(String t) {
        if (t.length() != 12) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            if (!Character.isDigit(t.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Parses {@code text}, or explains why it is not a principal. */
    static Principal parse(String text) {
        String t = text.strip();
        if (t.equals("anonymous") || t.equals("*")) {
            return new Anonymous();
        }
        if (isAccountId(t)) {
            return new AccountRoot("arn:aws:iam::" + t + ":root", t);
        }
        if (t.startsWith("arn:")) {
            Arn arn = Arn.parse(t).orElseThrow(() -> new IllegalArgumentException("`" + t + "` is not an ARN"));
            return fromArn(t, arn).orElseThrow(() -> new IllegalArgumentException("`" + t
                    + "` is not a principal ARN (a user, role, assumed-role session, federated user, root,"
                    + " or identity provider)"));
        }
        if (t.matches("[A-Za-z0-9.-]+\\.[A-Za-z]{2,}(/.*)?")) {
            boolean service = t.endsWith(".amazonaws.com") && !t.equals("cognito-identity.amazonaws.com");
            return service ? new Service(t) : new IdentityProvider(t);
        }
        throw new IllegalArgumentException("`" + t + "` is not a principal; use an IAM ARN such as"
                + " arn:aws:iam::111122223333:user/alice, a service such as lambda.amazonaws.com, or anonymous");
    }

    private static Optional<Principal> fromArn(String text, Arn arn) {
        String resource = arn.resource();
        String account = arn.account();
        if (arn.service().equals("iam")) {
            if (resource.equals("root") && !account.isEmpty()) {
                return Optional.of(new AccountRoot(text, account));
            }
            if (resource.startsWith("user/") && !account.isEmpty()) {
                return Optional.of(new User(text, account, lastSegment(resource)));
            }
            if (resource.startsWith("role/") && !account.isEmpty()) {
                return Optional.of(new Role(text, account, lastSegment(resource)));
            }
            if (resource.startsWith("oidc-provider/") || resource.startsWith("saml-provider/")) {
                return Optional.of(new IdentityProvider(text));
            }
        } else if (arn.service().equals("sts") && !account.isEmpty()) {
            String[] parts = resource.split("/", -1);
            if (parts.length == 3 && parts[0].equals("assumed-role") && !parts[1].isEmpty() && !parts[2].isEmpty()) {
                return Optional.of(new RoleSession(text, account, parts[1], parts[2]));
            }
            if (parts.length == 2 && parts[0].equals("federated-user") && !parts[1].isEmpty()) {
                return Optional.of(new FederatedUser(text, account, parts[1]));
            }
        }
        return Optional.empty();
    }

    private static String lastSegment(String resource) {
        return resource.substring(resource.lastIndexOf('/') + 1);
    }

    private static String partitionOf(String arn) {
        return Arn.parse(arn).map(Arn::partition).orElse("aws");
    }
}
