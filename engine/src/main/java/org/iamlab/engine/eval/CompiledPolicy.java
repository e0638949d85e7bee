package org.iamlab.engine.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.iamlab.engine.policy.PolicyDocument;
import org.iamlab.engine.policy.PolicyKind;
import org.iamlab.engine.trace.PolicyRef;
import org.iamlab.engine.trace.PolicyResult;
import org.iamlab.engine.trace.StatementResult;

/**
 * A policy compiled once for many evaluations: patterns precompiled, and statements indexed by the service
 * prefixes their actions name, so a request considers only the statements that could match its action.
 */
public final class CompiledPolicy {

    private static final CompiledStatement[] NONE = new CompiledStatement[0];

    private final PolicyDocument document;
    private final PolicyKind kind;
    private final CompiledStatement[] statements;
    private final Map<String, CompiledStatement[]> byService;
    /** Statements that may match any service (NotAction, {@code *}, wildcard prefixes), in order. */
    private final CompiledStatement[] anyService;

    private CompiledPolicy(PolicyDocument document, PolicyKind kind) {
        this.document = document;
        this.kind = kind;
        List<CompiledStatement> all = new ArrayList<>();
        for (int i = 0; i < document.statements().size(); i++) {
            all.add(new CompiledStatement(document.statements().get(i), i, kind, document.variablesEnabled()));
        }
        this.statements = all.toArray(NONE);

        List<CompiledStatement> spanning = new ArrayList<>();
        Map<String, List<CompiledStatement>> indexed = new HashMap<>();
        for (CompiledStatement s : statements) {
            ActionMatcher a = s.actionMatcher();
            if (a.not() || a.spansServices()) {
                spanning.add(s);
            }
            if (!a.not()) {
                for (String service : a.services()) {
                    indexed.computeIfAbsent(service, k -> new ArrayList<>()).add(s);
                }
            }
        }
        this.anyService = spanning.toArray(NONE);
        this.byService = new HashMap<>();
        // Each service's list also holds the spanning statements, in policy order, so lookup is one get().
        for (Map.Entry<String, List<CompiledStatement>> e : indexed.entrySet()) {
            List<CompiledStatement> merged = new ArrayList<>(e.getValue());
            for (CompiledStatement s : spanning) {
                if (!merged.contains(s)) {
                    merged.add(s);
                }
            }
            merged.sort((x, y) -> Integer.compare(x.index(), y.index()));
            byService.put(e.getKey(), merged.toArray(NONE));
        }
    }

    /** Compiles {@code document}, a policy of the given kind. */
    public static CompiledPolicy compile(PolicyDocument document, PolicyKind kind) {
        return new CompiledPolicy(Objects.requireNonNull(document, "document"), Objects.requireNonNull(kind, "kind"));
    }

    public PolicyDocument document() {
        return document;
    }

    public PolicyKind kind() {
        return kind;
    }

    /** Every statement, in order. */
    public CompiledStatement[] statements() {
        return statements.clone();
    }

    /** The statements whose Action could match an action of {@code lowerCaseService}, in order. */
    CompiledStatement[] candidates(String lowerCaseService) {
        CompiledStatement[] found = byService.get(lowerCaseService);
        return found != null ? found : anyService;
    }

    /**
     * Evaluates the policy for {@code request} into {@code tally}. Without {@code trace}, only the statements
     * indexed under the request's service are tried, and evaluation stops at the first applying Deny; with a
     * {@code trace} list, every statement is evaluated and the policy's result appended to it.
     */
    public void evaluate(PreparedRequest request, PolicyRef ref, StatementTally tally, List<PolicyResult> trace) {
        if (trace == null) {
            for (CompiledStatement s : candidates(request.service())) {
                Applicability a = s.evaluate(request, ref, null);
                if (a.applies()) {
                    tally.count(s.effect(), a, null);
                    if (tally.denied()) {
                        return;
                    }
                }
            }
            return;
        }
        List<StatementResult> results = new ArrayList<>(statements.length);
        for (CompiledStatement s : statements) {
            Applicability a = s.evaluate(request, ref, results);
            if (a.applies()) {
                tally.count(s.effect(), a, results.get(results.size() - 1).ref());
            }
        }
        trace.add(new PolicyResult(ref, results));
    }
}
