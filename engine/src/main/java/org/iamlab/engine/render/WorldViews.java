package org.iamlab.engine.render;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.iamlab.engine.parse.PolicyWriter;
import org.iamlab.engine.policy.Effect;
import org.iamlab.engine.policy.PrincipalElement;
import org.iamlab.engine.policy.Statement;
import org.iamlab.engine.trace.Decision;
import org.iamlab.engine.world.Account;
import org.iamlab.engine.world.Group;
import org.iamlab.engine.world.OrgUnit;
import org.iamlab.engine.world.Organization;
import org.iamlab.engine.world.Policy;
import org.iamlab.engine.world.PolicyHolder;
import org.iamlab.engine.world.PolicyText;
import org.iamlab.engine.world.Resource;
import org.iamlab.engine.world.Role;
import org.iamlab.engine.world.Session;
import org.iamlab.engine.world.User;
import org.iamlab.engine.world.WhatCan;
import org.iamlab.engine.world.WhoCan;
import org.iamlab.engine.world.World;

/**
 * Compact HTML summaries of the world's objects: the world as a picture of its accounts (and organization), their
 * users, groups, roles and resources and who trusts whom; a user, group or role with its policies; a policy
 * with its JSON; {@code whoCan} and {@code whatCan} answers. Self-contained fragments with a scoped stylesheet,
 * readable in light and dark themes; decisions carry an icon and a word, never colour alone. Each has a text
 * form too ({@code worldText}, ...), which the command line prints. The kernel, the site and the command line
 * show worlds, principals, policies and questions through these views, as they show decisions through the trace
 * views.
 */
public final class WorldViews {

    private static final String CSS = "<style>"
            + ".iamlab-card{font-family:system-ui,sans-serif;font-size:13px;line-height:1.4;max-width:60em}"
            + ".iamlab-card h4{margin:.2em 0 .4em;font-size:14px}"
            + ".iamlab-card .acct{border:1px solid rgba(127,127,127,.45);border-radius:6px;padding:.4em .7em;"
            + "margin:.4em 0}"
            + ".iamlab-card .kind{display:inline-block;min-width:4.5em;font-weight:600;opacity:.8}"
            + ".iamlab-card code{font-size:12px}.iamlab-card ul{margin:.2em 0;padding-left:1.3em}"
            + ".iamlab-card .allow{color:#1a7f37}.iamlab-card .deny{color:#cf222e}"
            + ".iamlab-card .implicit{color:#9a6700}.iamlab-card .muted{opacity:.7}"
            + ".iamlab-card pre{margin:.3em 0;padding:.4em;border:1px solid rgba(127,127,127,.3);border-radius:4px;"
            + "overflow:auto;max-height:24em}"
            + "</style>";

    private WorldViews() {
    }

    private static String card(String label, String body) {
        return "<section class=\"iamlab-card\" aria-label=\"" + Html.esc(label) + "\">" + CSS + body + "</section>";
    }

    // The world

    public static String world(World world) {
        StringBuilder out = new StringBuilder();
        Collection<Account> accounts = world.accounts();
        int users = 0;
        int groups = 0;
        int roles = 0;
        for (Account a : accounts) {
            users += a.users().size();
            groups += a.groups().size();
            roles += a.roles().size();
        }
        out.append("<h4>World: ").append(count(accounts.size(), "account")).append(", ").append(count(users, "user"))
                .append(", ").append(count(groups, "group")).append(", ").append(count(roles, "role"))
                .append(" <span class=\"muted\">\u00b7 clock ").append(world.clock().instant()).append("</span></h4>");
        world.organization().ifPresent(org -> organization(org, out));
        for (Account a : accounts) {
            account(a, out);
        }
        List<String> trusts = new ArrayList<>();
        for (Account a : accounts) {
            for (Role r : a.roles()) {
                for (String who : trusted(r)) {
                    trusts.add("<li><code>" + Html.esc(who) + "</code> \u2192 may assume role <b>" + Html.esc(r.name())
                            + "</b> <span class=\"muted\">(" + a.id() + ")</span></li>");
                }
            }
        }
        if (!trusts.isEmpty()) {
            out.append("<h4>Who trusts whom</h4><ul>").append(String.join("", trusts)).append("</ul>");
        }
        return card("IAM Lab world", out.toString());
    }

    public static String worldText(World world) {
        StringBuilder out = new StringBuilder("world:");
        for (Account a : world.accounts()) {
            out.append("\n  account ").append(a.id()).append(a.alias().map(x -> " (" + x + ")").orElse(""))
                    .append(": users ").append(names(a.users())).append("; groups ").append(names(a.groups()))
                    .append("; roles ").append(names(a.roles()));
        }
        return out.toString();
    }

    private static void organization(Organization org, StringBuilder out) {
        out.append("<div class=\"acct\"><span class=\"kind\">org</span> <code>").append(Html.esc(org.id()))
                .append("</code>, managed from ").append(org.management().id()).append("<ul>");
        unit(org, org.root(), out);
        out.append("</ul></div>");
    }

    private static void unit(Organization org, OrgUnit unit, StringBuilder out) {
        out.append("<li>").append(Html.esc(unit.label()));
        List<String> scps = org.attached(unit).stream().map(p -> Html.esc(p.name())).toList();
        if (!scps.isEmpty()) {
            out.append(" <span class=\"muted\">[").append(String.join(", ", scps)).append("]</span>");
        }
        if (!unit.children().isEmpty() || !unit.accounts().isEmpty()) {
            out.append("<ul>");
            for (Account a : unit.accounts()) {
                out.append("<li>account ").append(a.id()).append(a.alias().map(x -> " (" + Html.esc(x) + ")")
                        .orElse("")).append("</li>");
            }
            for (OrgUnit child : unit.children()) {
                unit(org, child, out);
            }
            out.append("</ul>");
        }
        out.append("</li>");
    }

    private static void account(Account a, StringBuilder out) {
        out.append("<div class=\"acct\"><h4>Account ").append(a.id())
                .append(a.alias().map(x -> " (" + Html.esc(x) + ")").orElse("")).append("</h4>");
        for (User u : a.users()) {
            out.append("<div><span class=\"kind\">user</span> <b>").append(Html.esc(u.name())).append("</b>");
            if (!u.groups().isEmpty()) {
                out.append(" <span class=\"muted\">in</span> ").append(Html.esc(names(u.groups())));
            }
            policies(u, out);
            out.append("</div>");
        }
        for (Group g : a.groups()) {
            out.append("<div><span class=\"kind\">group</span> <b>").append(Html.esc(g.name())).append("</b> ")
                    .append("<span class=\"muted\">members</span> ").append(Html.esc(names(g.members())));
            policies(g, out);
            out.append("</div>");
        }
        for (Role r : a.roles()) {
            out.append("<div><span class=\"kind\">role</span> <b>").append(Html.esc(r.name())).append("</b>");
            policies(r, out);
            out.append("</div>");
        }
        for (Resource r : a.resources()) {
            out.append("<div><span class=\"kind\">").append(Html.esc(r.type().word())).append("</span> <b>")
                    .append(Html.esc(r.name())).append("</b>").append(r.policy().isPresent()
                            ? " <span class=\"muted\">with a resource policy</span>" : "").append("</div>");
        }
        if (a.users().isEmpty() && a.groups().isEmpty() && a.roles().isEmpty() && a.resources().isEmpty()) {
            out.append("<div class=\"muted\">no users, groups, roles or resources yet</div>");
        }
        out.append("</div>");
    }

    private static void policies(PolicyHolder h, StringBuilder out) {
        List<String> names = new ArrayList<>();
        h.attachedPolicies().forEach(p -> names.add(p.name()));
        h.inlinePolicies().keySet().forEach(n -> names.add(n + " (inline)"));
        if (!names.isEmpty()) {
            out.append(" <span class=\"muted\">policies</span> ").append(Html.esc(String.join(", ", names)));
        }
    }

    /** The principals a role's trust policy allows to assume it, as written. */
    static List<String> trusted(Role role) {
        List<String> out = new ArrayList<>();
        for (Statement s : role.trustPolicy().document().statements()) {
            PrincipalElement p = s.principal();
            if (s.effect() != Effect.ALLOW || p == null || p.not()) {
                continue;
            }
            if (p.everyone()) {
                out.add("everyone (*)");
            } else {
                p.principals().forEach((type, list) -> list.values().forEach(v -> out.add(switch (type) {
                    case AWS -> v;
                    case SERVICE -> "service " + v;
                    case FEDERATED -> "federated " + v;
                    case CANONICAL_USER -> "canonical user " + v;
                })));
            }
        }
        return out;
    }

    // Principals and policies

    public static String holder(PolicyHolder h) {
        StringBuilder out = new StringBuilder();
        out.append("<h4>").append(Html.esc(h.kind())).append(" <b>").append(Html.esc(h.name())).append("</b></h4>")
                .append("<div><span class=\"kind\">ARN</span> <code>").append(Html.esc(h.arn())).append("</code></div>");
        if (h instanceof User u) {
            row(out, "groups", names(u.groups()));
            row(out, "keys", u.accessKeys().isEmpty() ? "none" : u.accessKeys().size() + " access key(s)");
            u.permissionsBoundary().ifPresent(b -> row(out, "boundary", b.name()));
        }
        if (h instanceof Group g) {
            row(out, "members", names(g.members()));
        }
        if (h instanceof Role r) {
            row(out, "trusts", String.join("; ", trusted(r)));
            row(out, "sessions", "up to " + org.iamlab.engine.world.Durations.words(r.maxSessionDuration()));
            r.permissionsBoundary().ifPresent(b -> row(out, "boundary", b.name()));
        }
        row(out, "managed", h.attachedPolicies().stream().map(Policy::name).collect(Collectors.joining(", ")));
        row(out, "inline", String.join(", ", h.inlinePolicies().keySet()));
        if (!h.tags().isEmpty()) {
            row(out, "tags", h.tags().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", ")));
        }
        return card(h.kind() + " " + h.name(), out.toString());
    }

    public static String holderText(PolicyHolder h) {
        return h.kind() + " " + h.name() + " (" + h.arn() + ")";
    }

    public static String policy(Policy p) {
        return card("policy " + p.name(), "<h4>policy <b>" + Html.esc(p.name()) + "</b>"
                + (p.awsManaged() ? " <span class=\"muted\">AWS managed</span>" : "") + "</h4>"
                + "<div><span class=\"kind\">ARN</span> <code>" + Html.esc(p.arn()) + "</code></div>"
                + "<pre>" + Html.esc(json(p.text())) + "</pre>");
    }

    public static String policyText(Policy p) {
        return "policy " + p.name() + " (" + p.arn() + ")\n" + json(p.text());
    }

    static String json(PolicyText text) {
        return PolicyWriter.write(text.document(), true);
    }

    public static String session(Session s) {
        StringBuilder out = new StringBuilder("<h4>session <b>" + Html.esc(s.name()) + "</b> of role "
                + Html.esc(s.role().name()) + "</h4>");
        row(out, "ARN", s.arn());
        s.expiration().ifPresent(e -> row(out, "expires", e.toString()));
        s.sessionPolicy().ifPresent(p -> row(out, "policy", "a session policy limits it"));
        if (!s.tags().isEmpty()) {
            row(out, "tags", s.tags().toString());
        }
        return card("session " + s.name(), out.toString());
    }

    // Questions

    public static String whoCan(WhoCan w) {
        StringBuilder out = new StringBuilder("<h4>Who can <code>" + Html.esc(w.action()) + "</code> on <code>"
                + Html.esc(w.resource()) + "</code>?</h4><ul>");
        for (WhoCan.Entry e : w.entries()) {
            out.append("<li>").append(decision(e.decision())).append(" <code>").append(Html.esc(e.principal()))
                    .append("</code> <span class=\"muted\">").append(Html.esc(e.kind())).append("</span></li>");
        }
        return card("who can", out.append("</ul>").toString());
    }

    public static String whatCan(WhatCan w) {
        StringBuilder out = new StringBuilder("<h4>What can <code>" + Html.esc(w.principal()) + "</code> do?</h4>");
        if (w.byService().isEmpty()) {
            out.append("<div class=\"muted\">nothing is allowed</div>");
        }
        for (Map.Entry<String, List<WhatCan.Permission>> e : w.byService().entrySet()) {
            out.append("<div><span class=\"kind\">").append(Html.esc(e.getKey())).append("</span><ul>");
            for (WhatCan.Permission p : e.getValue()) {
                out.append("<li><code>").append(Html.esc(p.action())).append("</code> on <code>")
                        .append(Html.esc(p.resource())).append("</code></li>");
            }
            out.append("</ul></div>");
        }
        return card("what can", out.toString());
    }

    /** A decision as an icon, a colour and its word. */
    static String decision(Decision d) {
        return switch (d) {
            case ALLOWED -> "<span class=\"allow\">\u2713 Allowed</span>";
            case EXPLICITLY_DENIED -> "<span class=\"deny\">\u2715 ExplicitlyDenied</span>";
            case IMPLICITLY_DENIED -> "<span class=\"implicit\">\u2205 ImplicitlyDenied</span>";
        };
    }

    private static void row(StringBuilder out, String label, String value) {
        if (value != null && !value.isBlank()) {
            out.append("<div><span class=\"kind\">").append(Html.esc(label)).append("</span> ").append(Html.esc(value))
                    .append("</div>");
        }
    }

    private static String names(Collection<?> items) {
        if (items.isEmpty()) {
            return "none";
        }
        return items.stream().map(i -> i instanceof PolicyHolder h ? h.name() : String.valueOf(i))
                .collect(Collectors.joining(", "));
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
