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

    /** Up to this many exact names are compared one by one: a small list needs no hash table. */
    private static final int SCANNED = 8;
    private static final String[] NONE = new String[0];

    private final String everyAction;
    /**
     * Exact names in lower case and as written, in order, when there are at most {@value #SCANNED} (a name
     * listed twice is found at its first place, as in the table).
     */
    private final String[] names;
    private final String[] namesWritten;
    /** Exact names, when there are more. */
    private final Map<String, String> exact;
    private final String[] prefixes;
    private final String[] prefixesWritten;
    private final Wildcard[] general;
    private final String[] generalWritten;

    /** @param patterns the patterns as written, all with this service's prefix */
    ServiceActions(List<String> patterns) {
        String every = null;
        List<String> nameList = new ArrayList<>();
        List<String> nameWritten = new ArrayList<>();
        List<String> prefixList = new ArrayList<>();
        List<String> prefixWritten = new ArrayList<>();
        List<Wildcard> generalList = new ArrayList<>();
        List<String> generalText = new ArrayList<>();
        for (String written : patterns) {
            String name = written.substring(written.indexOf(':') + 1).toLowerCase(Locale.ROOT);
            int star = name.indexOf('*');
            if (star < 0 && name.indexOf('?') < 0) {
                nameList.add(name);
                nameWritten.add(written);
            } else if (name.equals("*")) {
                every = every == null ? written : every;
            } else if (star == name.length() - 1 && name.indexOf('?') < 0) {
                prefixList.add(name.substring(0, name.length() - 1));
                prefixWritten.add(written);
            } else {
                generalList.add(Wildcard.compile(name, true));
                generalText.add(written);
            }
        }
        this.everyAction = every;
        if (nameList.size() <= SCANNED) {
            this.names = nameList.toArray(NONE);
            this.namesWritten = nameWritten.toArray(NONE);
            this.exact = null;
        } else {
            Map<String, String> byName = new HashMap<>();
            for (int i = 0; i < nameList.size(); i++) {
                byName.putIfAbsent(nameList.get(i), nameWritten.get(i));
            }
            this.names = null;
            this.namesWritten = null;
            this.exact = byName;
        }
        this.prefixes = prefixList.toArray(NONE);
        this.prefixesWritten = prefixWritten.toArray(NONE);
        this.general = generalList.toArray(new Wildcard[0]);
        this.generalWritten = generalText.toArray(NONE);
    }

    /** The pattern, as written, that matches {@code lowerCaseName} (the action without its prefix), or null. */
    String match(String lowerCaseName) {
        if (everyAction != null) {
            return everyAction;
        }
        if (exact != null) {
            String hit = exact.get(lowerCaseName);
            if (hit != null) {
                return hit;
            }
        } else {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(lowerCaseName)) {
                    return namesWritten[i];
                }
            }
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
