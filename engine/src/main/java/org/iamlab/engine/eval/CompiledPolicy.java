package org.iamlab.engine.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.iamlab.engine.parse.PolicyWarning;
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
    private final Map<String, Slice> byService;
    /** Statements that may match any service (NotAction, {@code *}, wildcard prefixes), in order. */
    private final Slice anyService;
    /**
     * One bit per service named, by hash: a request whose service's bit is clear meets only the spanning
     * statements, and most policies have none, so most policies are passed over without a map lookup.
     */
    private final long serviceBits;
    private volatile OtherActions otherActions;
    /** What the parser found suspicious in the policy's text (located within that text). */
    private final List<PolicyWarning> warnings;

    /**
     * The statements that may match one service, each with its patterns for that service (or null); for the
     * slice of statements that span services, {@code actions} is null.
     */
    private record Slice(CompiledStatement[] statements, ServiceActions[] actions) {
    }

    private CompiledPolicy(PolicyDocument document, PolicyKind kind, List<PolicyWarning> warnings) {
        this.document = document;
        this.kind = kind;
        this.warnings = List.copyOf(warnings);
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
        this.anyService = new Slice(spanning.toArray(NONE), null);
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
            ServiceActions[] actions = new ServiceActions[merged.size()];
            for (int i = 0; i < actions.length; i++) {
                actions[i] = merged.get(i).actionMatcher().patternsFor(e.getKey());
            }
            byService.put(e.getKey(), new Slice(merged.toArray(NONE), actions));
        }
        long bits = 0;
        for (String service : byService.keySet()) {
            bits |= serviceBit(service);
        }
        this.serviceBits = bits;
    }

    static long serviceBit(String service) {
        return 1L << (service.hashCode() & 63);
    }

    /** The statements that may match the request's actions. */
    private Slice sliceFor(PreparedRequest request) {
        if ((serviceBits & request.serviceBit()) == 0) {
            return anyService;
        }
        return byService.getOrDefault(request.service(), anyService);
    }

    /**
     * The trace entries of statements about other actions, for the policy attached as {@code ref}: they do not
     * depend on the request, so the last attachment's are kept (a benign race: a lost update is recomputed).
     */
    private StatementResult[] otherActionResults(PolicyRef ref) {
        OtherActions cached = otherActions;
        if (cached == null || cached.ref() != ref) {
            StatementResult[] results = new StatementResult[statements.length];
            for (int i = 0; i < results.length; i++) {
                results[i] = statements[i].otherActions(ref);
            }
            cached = new OtherActions(ref, results);
            otherActions = cached;
        }
        return cached.results();
    }

    private record OtherActions(PolicyRef ref, StatementResult[] results) {
    }

    /** Compiles {@code document}, a policy of the given kind. */
    public static CompiledPolicy compile(PolicyDocument document, PolicyKind kind) {
        return compile(document, kind, List.of());
    }

    /** Compiles {@code document} with the warnings its parse found. */
    public static CompiledPolicy compile(PolicyDocument document, PolicyKind kind, List<PolicyWarning> warnings) {
        return new CompiledPolicy(Objects.requireNonNull(document, "document"), Objects.requireNonNull(kind, "kind"),
                warnings);
    }

    /** What AWS accepts in the policy but its author most likely did not mean, located within its text. */
    public List<PolicyWarning> warnings() {
        return warnings;
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


    /**
     * Evaluates the policy for {@code request} into {@code tally}. Without {@code trace}, only the statements
     * indexed under the request's service are tried, and evaluation stops at the first applying Deny; with a
     * {@code trace} list, every statement is evaluated and the policy's result appended to it.
     */
    public void evaluate(PreparedRequest request, PolicyRef ref, StatementTally tally, List<PolicyResult> trace) {
        if (trace == null) {
            Slice slice = sliceFor(request);
            CompiledStatement[] candidates = slice.statements();
            for (int i = 0; i < candidates.length; i++) {
                CompiledStatement s = candidates[i];
                // The spanning slice serves every service, so its statements look up their own patterns.
                Applicability a = slice == anyService ? s.evaluate(request, ref, null)
                        : s.evaluate(request, ref, null, slice.actions()[i]);
                if (a.applies()) {
                    tally.count(s.effect(), a, null);
                    if (tally.denied()) {
                        return;
                    }
                }
            }
            return;
        }
        // Every statement goes into the trace; those outside the service's slice are about other actions,
        // which the index already knows, so they are recorded as such without matching.
        Slice slice = sliceFor(request);
        CompiledStatement[] candidates = slice.statements();
        StatementResult[] others = otherActionResults(ref);
        List<StatementResult> results = new ArrayList<>(statements.length);
        int next = 0;
        for (CompiledStatement s : statements) {
            if (next < candidates.length && candidates[next] == s) {
                Applicability a = slice == anyService ? s.evaluate(request, ref, results)
                        : s.evaluate(request, ref, results, slice.actions()[next]);
                next++;
                if (a.applies()) {
                    tally.count(s.effect(), a, results.get(results.size() - 1).ref());
                }
            } else {
                results.add(others[s.index()]);
            }
        }
        trace.add(new PolicyResult(ref, document, results));
    }
}
