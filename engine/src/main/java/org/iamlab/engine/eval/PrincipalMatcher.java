package org.iamlab.engine.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.iamlab.engine.arn.Arn;
import org.iamlab.engine.policy.PrincipalElement;
import org.iamlab.engine.policy.PrincipalType;
import org.iamlab.engine.policy.StringList;

/**
 * The compiled Principal or NotPrincipal of a resource-based, trust or resource control policy statement
 * (IAM User Guide, "AWS JSON policy elements: Principal" and "NotPrincipal"):
 * <ul>
 *   <li>{@code "*"} and {@code {"AWS": "*"}} name everyone, anonymous callers included;</li>
 *   <li>an account ID or {@code arn:aws:iam::ID:root} names the account, that is, every principal in it;</li>
 *   <li>a role ARN names the role and each of its sessions;</li>
 *   <li>user, role-session and federated-user ARNs, services and identity providers name exactly that caller.</li>
 * </ul>
 * NotPrincipal excepts a caller only when its whole chain is listed: its account, and for a session also its
 * role, besides the caller itself ("NotPrincipal with Deny": AWS may validate the account first, then the
 * role, then the session).
 */
final class PrincipalMatcher {

    private enum Kind { EVERYONE, ACCOUNT, USER, ROLE, SESSION, FEDERATED_USER, SERVICE, PROVIDER, CANONICAL_USER }

    /** One listed principal. {@code account} and {@code name} are set for accounts and roles. */
    private record Entry(String written, Kind kind, String account, String name) {
    }

    private static final Entry NOT_LISTED = new Entry("(not listed in NotPrincipal)", Kind.EVERYONE, null, null);
    private static final int NOT_LISTED_INDEX = -2;

    private final boolean not;
    private final Entry[] entries;

    PrincipalMatcher(PrincipalElement element) {
        this.not = element.not();
        List<Entry> list = new ArrayList<>();
        if (element.everyone()) {
            list.add(new Entry("*", Kind.EVERYONE, null, null));
        }
        element.principals().forEach((type, values) -> addEntries(list, type, values));
        this.entries = list.toArray(new Entry[0]);
    }

    private static void addEntries(List<Entry> list, PrincipalType type, StringList values) {
        for (String value : values.values()) {
            list.add(switch (type) {
                case AWS -> awsEntry(value);
                case SERVICE -> new Entry(value, Kind.SERVICE, null, value.toLowerCase(Locale.ROOT));
                case FEDERATED -> new Entry(value, Kind.PROVIDER, null, value);
                case CANONICAL_USER -> new Entry(value, Kind.CANONICAL_USER, null, value);
            });
        }
    }

    private static Entry awsEntry(String value) {
        if (value.equals("*")) {
            return new Entry(value, Kind.EVERYONE, null, null);
        }
        if (Principal.isAccountId(value)) {
            return new Entry(value, Kind.ACCOUNT, value, null);
        }
        Arn arn = Arn.parse(value).orElse(null);
        if (arn == null) {
            return new Entry(value, Kind.CANONICAL_USER, null, value);
        }
        String resource = arn.resource();
        if (arn.service().equals("iam") && resource.equals("root")) {
            return new Entry(value, Kind.ACCOUNT, arn.account(), null);
        }
        if (arn.service().equals("iam") && resource.startsWith("role/")) {
            return new Entry(value, Kind.ROLE, arn.account(), resource.substring(resource.lastIndexOf('/') + 1));
        }
        if (arn.service().equals("sts") && resource.startsWith("assumed-role/")) {
            return new Entry(value, Kind.SESSION, arn.account(), null);
        }
        if (arn.service().equals("sts") && resource.startsWith("federated-user/")) {
            return new Entry(value, Kind.FEDERATED_USER, arn.account(), null);
        }
        return new Entry(value, Kind.USER, arn.account(), null);
    }

    boolean not() {
        return not;
    }

    /** The listed value that {@link #match} chose, for the trace: {@code index} as it returned. */
    String written(int index) {
        return index == NOT_LISTED_INDEX ? NOT_LISTED.written() : index < 0 ? null : entries[index].written();
    }

    /**
     * Which listed value names the caller (the strongest, for its {@link #grant}), {@link #NOT_LISTED_INDEX} when
     * a NotPrincipal element applies because the caller is not excepted, or -1 when the element does not hold.
     * An index rather than an object, so that evaluation allocates nothing.
     */
    int match(PreparedRequest request, boolean denyStatement) {
        Principal caller = request.principal();
        if (not) {
            // Deny with NotPrincipal applies to a principal with a permissions boundary even when it is listed
            // (IAM User Guide, "NotPrincipal": principals with permissions boundaries).
            boolean excepted = isExcepted(caller) && !(denyStatement && request.hasPermissionsBoundary());
            return excepted ? -1 : NOT_LISTED_INDEX;
        }
        int best = -1;
        Applicability strongest = Applicability.NOT_APPLICABLE;
        for (int i = 0; i < entries.length; i++) {
            Applicability a = grant(entries[i], caller);
            if (a.ordinal() > strongest.ordinal()) {
                strongest = a;
                best = i;
            }
        }
        return best;
    }

    /** How the value at {@code index} (as {@link #match} returned it) names the caller. */
    Applicability applicability(int index, PreparedRequest request) {
        if (index == NOT_LISTED_INDEX) {
            return Applicability.NAMES_PRINCIPAL;
        }
        return index < 0 ? Applicability.NOT_APPLICABLE : grant(entries[index], request.principal());
    }

    private static Applicability grant(Entry e, Principal caller) {
        return switch (e.kind()) {
            case EVERYONE -> Applicability.NAMES_PRINCIPAL;
            case ACCOUNT -> caller.isIamIdentity() && e.account().equals(caller.account())
                    ? Applicability.NAMES_ACCOUNT : Applicability.NOT_APPLICABLE;
            case ROLE -> namesRole(e, caller) ? Applicability.NAMES_ROLE : Applicability.NOT_APPLICABLE;
            case USER, SESSION, FEDERATED_USER -> caller.isIamIdentity() && e.written().equals(caller.text())
                    ? Applicability.NAMES_PRINCIPAL : Applicability.NOT_APPLICABLE;
            case SERVICE -> caller instanceof Principal.Service && e.name().equalsIgnoreCase(caller.text())
                    ? Applicability.NAMES_PRINCIPAL : Applicability.NOT_APPLICABLE;
            case PROVIDER -> caller instanceof Principal.IdentityProvider && e.name().equals(caller.text())
                    ? Applicability.NAMES_PRINCIPAL : Applicability.NOT_APPLICABLE;
            case CANONICAL_USER -> Applicability.NOT_APPLICABLE;
        };
    }

    private static boolean namesRole(Entry e, Principal caller) {
        if (caller instanceof Principal.Role role) {
            return e.written().equals(role.text());
        }
        if (caller instanceof Principal.RoleSession session) {
            return e.account().equals(session.account()) && e.name().equals(session.roleName());
        }
        return false;
    }

    /** Whether NotPrincipal lists the caller and each identity it is evaluated through. */
    private boolean isExcepted(Principal caller) {
        if (caller instanceof Principal.RoleSession session) {
            return listsExactly(caller.text()) && listsRoleOf(session) && listsAccount(caller.account());
        }
        if (caller instanceof Principal.AccountRoot) {
            return listsAccount(caller.account());
        }
        if (caller.isIamIdentity()) {
            return listsExactly(caller.text()) && listsAccount(caller.account());
        }
        for (Entry e : entries) {
            if (grant(e, caller) == Applicability.NAMES_PRINCIPAL && e.kind() != Kind.EVERYONE) {
                return true;
            }
        }
        return false;
    }

    private boolean listsExactly(String arn) {
        for (Entry e : entries) {
            if (e.written().equals(arn)) {
                return true;
            }
        }
        return false;
    }

    private boolean listsRoleOf(Principal.RoleSession session) {
        for (Entry e : entries) {
            if (e.kind() == Kind.ROLE && namesRole(e, session)) {
                return true;
            }
        }
        return false;
    }

    private boolean listsAccount(String account) {
        for (Entry e : entries) {
            if (e.kind() == Kind.ACCOUNT && e.account().equals(account)) {
                return true;
            }
        }
        return false;
    }
}
