package org.iamlab.engine.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.iamlab.engine.parse.PolicyWarning;
import org.iamlab.engine.policy.ActionElement;
import org.iamlab.engine.policy.PolicyDocument;
import org.iamlab.engine.policy.PolicyKind;
import org.iamlab.engine.policy.Statement;
import org.iamlab.engine.trace.PolicyRef;
import org.iamlab.engine.trace.PolicyResult;
import org.iamlab.engine.trace.StatementResult;

/**
 * A policy compiled once for many evaluations: statements indexed by the service prefixes their actions name,
 * so a request considers only the statements that could match its action, and each statement compiled (its
 * patterns and conditions) the first time a request can match it. A policy read for one request, as most
 * policies of a simulation file are, compiles only the statements about that request's service.
 *
 * <p>Safe to share between threads: two threads may compile the same statement at once, and either copy is
 * as good (a compiled statement and a slice are immutable, published through their final fields).
 */
public final class CompiledPolicy {

    private static final CompiledStatement[] NONE = new CompiledStatement[0];
    private static final int[] NO_INDICES = new int[0];

    private final PolicyDocument document;
    private final PolicyKind kind;
    /** Each statement once compiled, by index; null until a request can match it. */
    private final CompiledStatement[] statements;
    /** The indices of the statements that may match each service named without a wildcard, in policy order. */
    private final Map<String, int[]> indicesByService;
    /** Statements that may match any service (NotAction, {@code *}, wildcard prefixes), in order. */
    private final int[] spanning;
    /**
     * The slices built so far, by service; replaced by a larger copy when one is added (rarely: once per
     * service a request asks about), so that the lookup on the evaluator's hot path is a plain map's.
     */
    private volatile Map<String, Slice> slices = Map.of();
    private volatile Slice anyService;
    /**
     * One bit per service named, by hash: a request whose service's bit is clear meets only the spanning
     * statements, and most policies have none, so most policies are passed over without a map lookup.
     */
    private final long serviceBits;
    private volatile OtherActions otherActions;
    /** What the parser found suspicious in the policy's text (located within that text). */
    private final List<PolicyWarning> warnings;

    /**
     * The statements that may match one service, with their indices and each one's patterns for that service
     * (or null); for the slice of statements that span services, {@code actions} is null.
     */
    private record Slice(int[] indices, CompiledStatement[] statements, ServiceActions[] actions) {
    }

    private CompiledPolicy(PolicyDocument document, PolicyKind kind, List<PolicyWarning> warnings) {
        this.document = document;
        this.kind = kind;
        this.warnings = List.copyOf(warnings);
        List<Statement> written = document.statements();
        this.statements = new CompiledStatement[written.size()];
        List<Integer> anyServiceIndices = new ArrayList<>();
        Map<String, List<Integer>> indexed = new HashMap<>();
        for (int i = 0; i < written.size(); i++) {
            ActionElement action = written.get(i).action();
            boolean spans = action.not();
            for (String pattern : action.patterns().values()) {
                String service = ActionMatcher.serviceOf(pattern);
                if (service == null) {
                    spans = true;
                } else if (!action.not()) {
                    List<Integer> list = indexed.computeIfAbsent(service, k -> new ArrayList<>());
                    if (list.isEmpty() || list.get(list.size() - 1) != i) {
                        list.add(i);
                    }
                }
            }
            if (spans) {
                anyServiceIndices.add(i);
            }
        }
        this.spanning = toArray(anyServiceIndices);
        this.indicesByService = new HashMap<>();
        long bits = 0;
        // Each service's list also holds the spanning statements, in policy order, so lookup is one get().
        for (Map.Entry<String, List<Integer>> e : indexed.entrySet()) {
            List<Integer> merged = new ArrayList<>(e.getValue());
            for (int i : spanning) {
                if (!merged.contains(i)) {
                    merged.add(i);
                }
            }
            merged.sort(null);
            indicesByService.put(e.getKey(), toArray(merged));
            bits |= serviceBit(e.getKey());
        }
        this.serviceBits = bits;
    }

    private static int[] toArray(List<Integer> indices) {
        if (indices.isEmpty()) {
            return NO_INDICES;
        }
        int[] out = new int[indices.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = indices.get(i);
        }
        return out;
    }

    static long serviceBit(String service) {
        return 1L << (service.hashCode() & 63);
    }

    /** Statement {@code index}, compiled now if no request needed it before. */
    private CompiledStatement statement(int index) {
        CompiledStatement s = statements[index];
        if (s == null) {
            s = new CompiledStatement(document.statements().get(index), index, kind, document.variablesEnabled());
            statements[index] = s;
        }
        return s;
    }

    /** The statements that may match the request's actions. */
    private Slice sliceFor(PreparedRequest request) {
        if ((serviceBits & request.serviceBit()) != 0) {
            Slice slice = slices.get(request.service());
            if (slice != null) {
                return slice;
            }
            int[] indices = indicesByService.get(request.service());
            if (indices != null) {
                CompiledStatement[] compiled = new CompiledStatement[indices.length];
                ServiceActions[] actions = new ServiceActions[indices.length];
                for (int i = 0; i < indices.length; i++) {
                    compiled[i] = statement(indices[i]);
                    actions[i] = compiled[i].actionMatcher().patternsFor(request.service());
                }
                slice = new Slice(indices, compiled, actions);
                Map<String, Slice> more = new HashMap<>(slices);
                more.put(request.service(), slice);
                slices = more;
                return slice;
            }
        }
        Slice any = anyService;
        if (any == null) {
            CompiledStatement[] compiled = spanning.length == 0 ? NONE : new CompiledStatement[spanning.length];
            for (int i = 0; i < spanning.length; i++) {
                compiled[i] = statement(spanning[i]);
            }
            any = new Slice(spanning, compiled, null);
            anyService = any;
        }
        return any;
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
                results[i] = CompiledStatement.otherActions(document.statements().get(i), i, ref);
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

    /** Every statement, in order (compiling those no request has needed yet). */
    public CompiledStatement[] statements() {
        CompiledStatement[] all = new CompiledStatement[statements.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = statement(i);
        }
        return all;
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
                Applicability a = slice.actions() == null ? s.evaluate(request, ref, null)
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
        int[] candidates = slice.indices();
        StatementResult[] others = otherActionResults(ref);
        List<StatementResult> results = new ArrayList<>(statements.length);
        int next = 0;
        for (int index = 0; index < statements.length; index++) {
            if (next < candidates.length && candidates[next] == index) {
                CompiledStatement s = slice.statements()[next];
                Applicability a = slice.actions() == null ? s.evaluate(request, ref, results)
                        : s.evaluate(request, ref, results, slice.actions()[next]);
                next++;
                if (a.applies()) {
                    tally.count(s.effect(), a, results.get(results.size() - 1).ref());
                }
            } else {
                results.add(others[index]);
            }
        }
        trace.add(new PolicyResult(ref, document, results));
    }
}
