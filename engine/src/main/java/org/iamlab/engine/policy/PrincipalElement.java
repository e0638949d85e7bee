package org.iamlab.engine.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A statement's Principal or, with {@code not}, NotPrincipal. Either {@code "*"} ({@code everyone}) or an
 * object mapping principal types to values, kept in the order written.
 */
public record PrincipalElement(boolean not, boolean everyone, Map<PrincipalType, StringList> principals) {

    public PrincipalElement {
        Objects.requireNonNull(principals, "principals");
        principals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(principals));
        if (everyone && !principals.isEmpty()) {
            throw new IllegalArgumentException("\"*\" stands alone");
        }
    }

    /** {@code "Principal": "*"}. */
    public static PrincipalElement anyone() {
        return new PrincipalElement(false, true, Map.of());
    }

    /** The element's name in policy JSON. */
    public String jsonName() {
        return not ? "NotPrincipal" : "Principal";
    }
}
