package org.iamlab.engine.arn;

import java.util.Objects;
import java.util.Optional;

/**
 * An Amazon Resource Name, {@code arn:partition:service:region:account-id:resource}. The resource part may
 * itself contain {@code :} and {@code /}.
 */
public record Arn(String partition, String service, String region, String account, String resource) {

    /** The number of colon-separated segments, counting the leading {@code arn}. */
    public static final int SEGMENTS = 6;

    public Arn {
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(resource, "resource");
    }

    /** Parses {@code text}, or returns empty when it is not an ARN with a partition and a service. */
    public static Optional<Arn> parse(String text) {
        String[] parts = split(text);
        if (parts == null || parts[1].isEmpty() || parts[2].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]));
    }

    /**
     * Splits {@code text} into its six segments, the last taking the rest; {@code null} when it does not start
     * with {@code arn:} or has fewer than six segments.
     */
    static String[] split(String text) {
        if (!text.startsWith("arn:")) {
            return null;
        }
        String[] parts = new String[SEGMENTS];
        int start = 0;
        for (int i = 0; i < SEGMENTS - 1; i++) {
            int colon = text.indexOf(':', start);
            if (colon < 0) {
                return null;
            }
            parts[i] = text.substring(start, colon);
            start = colon + 1;
        }
        parts[SEGMENTS - 1] = text.substring(start);
        return parts;
    }

    /** The segment at {@code index}: 0 is {@code arn}, 1 the partition, ... 5 the resource. */
    public String segment(int index) {
        return switch (index) {
            case 0 -> "arn";
            case 1 -> partition;
            case 2 -> service;
            case 3 -> region;
            case 4 -> account;
            case 5 -> resource;
            default -> throw new IndexOutOfBoundsException(index);
        };
    }

    @Override
    public String toString() {
        return "arn:" + partition + ':' + service + ':' + region + ':' + account + ':' + resource;
    }
}
