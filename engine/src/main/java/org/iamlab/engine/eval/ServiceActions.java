package org.iamlab.engine.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iamlab.engine.pattern.Wildcard;

/**
 * One statement's action patterns for one service prefix, split by shape so that long lists (AWS managed
 * policies list hundreds of actions) are matched with one hash lookup and a few prefix tests: {@code s3:*},
 * exact names, {@code Get*}-style prefixes, and the rest as general wildcards. Names are compared in lower
 * case.
 */
final class ServiceActions {

    private final String everyAction;
    private final Map<String, String> exact;
    private final String[] prefixes;
    private final String[] prefixesWritten;
    private final Wildcard[] general;
    private final String[] generalWritten;

    /** @param patterns the patterns as written, all with this service's prefix */
    ServiceActions(List<String> patterns) {
        String every = null;
        Map<String, String> names = new HashMap<>();
        List<String> prefixList = new ArrayList<>();
        List<String> prefixWritten = new ArrayList<>();
        List<Wildcard> generalList = new ArrayList<>();
        List<String> generalText = new ArrayList<>();
        for (String written : patterns) {
            String name = written.substring(written.indexOf(':') + 1).toLowerCase(Locale.ROOT);
            Wildcard w = Wildcard.compile(name, true);
            if (w.matchesEverything()) {
                every = every == null ? written : every;
            } else if (w.isLiteral()) {
                names.putIfAbsent(name, written);
            } else if (name.indexOf('*') == name.length() - 1 && name.indexOf('?') < 0) {
                prefixList.add(name.substring(0, name.length() - 1));
                prefixWritten.add(written);
            } else {
                generalList.add(w);
                generalText.add(written);
            }
        }
        this.everyAction = every;
        this.exact = names.isEmpty() ? Map.of() : names;
        this.prefixes = prefixList.toArray(new String[0]);
        this.prefixesWritten = prefixWritten.toArray(new String[0]);
        this.general = generalList.toArray(new Wildcard[0]);
        this.generalWritten = generalText.toArray(new String[0]);
    }

    /** The pattern, as written, that matches {@code lowerCaseName} (the action without its prefix), or null. */
    String match(String lowerCaseName) {
        if (everyAction != null) {
            return everyAction;
        }
        String hit = exact.get(lowerCaseName);
        if (hit != null) {
            return hit;
        }
        for (int i = 0; i < prefixes.length; i++) {
            if (lowerCaseName.startsWith(prefixes[i])) {
                return prefixesWritten[i];
            }
        }
        for (int i = 0; i < general.length; i++) {
            if (general[i].matches(lowerCaseName)) {
                return generalWritten[i];
            }
        }
        return null;
    }
}
