package org.iamlab.engine.world;

import java.util.Random;

/**
 * Makes the identifiers AWS would assign (unique IDs such as {@code AIDA...}, access key IDs, secrets) from a
 * seeded generator, so that a world built the same way gets the same IDs every time.
 */
final class Ids {

    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String LOWER_HEX = "0123456789abcdef";
    private static final String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String SECRET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /** Not final: restoring a {@link WorldSnapshot} replaces it with a generator in the state it had then. */
    private Random random;

    /** The world's generator. */
    Ids() {
        this(20260105L);
    }

    /** A generator of its own, for identifiers that must not shift the world's sequence. */
    Ids(long seed) {
        random = new Random(seed);
    }

    /** {@code prefix} followed by upper-case letters and digits, {@code length} characters in all. */
    synchronized String unique(String prefix, int length) {
        return prefix + draw(UPPER, length - prefix.length());
    }

    /** A 40-character secret access key. */
    synchronized String secret() {
        return draw(SECRET, 40);
    }

    /** A session token (shortened; real ones are several hundred characters). */
    synchronized String sessionToken() {
        return "IQoJb3JpZ2luX2VjE" + draw(SECRET, 120);
    }

    synchronized String hex(int length) {
        return draw(LOWER_HEX, length);
    }

    synchronized String lowerAlnum(int length) {
        return draw(LOWER_ALNUM, length);
    }

    /** A key ID in the form of a UUID. */
    synchronized String uuid() {
        return draw(LOWER_HEX, 8) + "-" + draw(LOWER_HEX, 4) + "-" + draw(LOWER_HEX, 4) + "-" + draw(LOWER_HEX, 4)
                + "-" + draw(LOWER_HEX, 12);
    }

    private String draw(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
