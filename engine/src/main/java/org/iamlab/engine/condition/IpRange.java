package org.iamlab.engine.condition;

import java.util.Arrays;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address range in CIDR notation ({@code 203.0.113.0/24}, {@code 2001:db8::/32}); a single
 * address is a range of one. IPv4 never matches IPv6 and vice versa.
 */
public final class IpRange {

    private final String text;
    private final byte[] network;
    private final int prefixLength;

    private IpRange(String text, byte[] network, int prefixLength) {
        this.text = text;
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /** Parses a CIDR block or a single address, or returns empty when it is neither. */
    public static Optional<IpRange> parse(String text) {
        String address = text.strip();
        int slash = address.indexOf('/');
        Integer prefix = null;
        if (slash >= 0) {
            String bits = address.substring(slash + 1);
            if (bits.isEmpty() || bits.length() > 3 || !bits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.empty();
            }
            prefix = Integer.parseInt(bits);
            address = address.substring(0, slash);
        }
        byte[] bytes = parseAddress(address);
        if (bytes == null) {
            return Optional.empty();
        }
        int max = bytes.length * 8;
        int length = prefix == null ? max : prefix;
        if (length > max) {
            return Optional.empty();
        }
        return Optional.of(new IpRange(text, mask(bytes, length), length));
    }

    private static byte[] mask(byte[] bytes, int length) {
        byte[] masked = Arrays.copyOf(bytes, bytes.length);
        for (int i = 0; i < masked.length; i++) {
            int keep = Math.max(0, Math.min(8, length - i * 8));
            masked[i] = (byte) (masked[i] & (0xFF00 >> keep));
        }
        return masked;
    }

    /** Whether {@code address} (an IPv4 or IPv6 literal) lies in the range; false when it is not an address. */
    public boolean contains(String address) {
        return contains(parseAddress(address.strip()));
    }

    /** Whether the address, as {@link #parseAddress} returns it ({@code null} for none), lies in the range. */
    public boolean contains(byte[] address) {
        if (address == null || address.length != network.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        return rest == 0 || (address[full] & (0xFF00 >> rest) & 0xFF) == (network[full] & 0xFF);
    }

    /** The 4 or 16 bytes of an IPv4 or IPv6 literal, or {@code null} when {@code text} is not one. */
    public static byte[] parseAddress(String text) {
        if (text.indexOf(':') >= 0) {
            return parseIpv6(text);
        }
        return parseIpv4(text);
    }

    /** Four dotted decimal octets, each 0 to 255 and at most three digits; read without allocating. */
    private static byte[] parseIpv4(String text) {
        byte[] bytes = new byte[4];
        int octet = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            if (c == '.') {
                if (digits == 0 || octet == 4) {
                    return null;
                }
                bytes[octet++] = (byte) value;
                value = 0;
                digits = 0;
            } else if (c >= '0' && c <= '9' && digits < 3) {
                value = value * 10 + (c - '0');
                digits++;
                if (value > 255) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return octet == 4 ? bytes : null;
    }

    private static byte[] parseIpv6(String text) {
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
            return null;
        }
        String head = doubleColon >= 0 ? text.substring(0, doubleColon) : text;
        String tail = doubleColon >= 0 ? text.substring(doubleColon + 2) : "";
        // A dotted IPv4 part may only end the address: never before a `::`.
        int[] headGroups = groups(head, doubleColon < 0);
        int[] tailGroups = groups(tail, true);
        if (headGroups == null || tailGroups == null) {
            return null;
        }
        int total = headGroups.length + tailGroups.length;
        if (doubleColon >= 0 ? total > 7 : total != 8) {
            return null;
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < headGroups.length; i++) {
            bytes[2 * i] = (byte) (headGroups[i] >> 8);
            bytes[2 * i + 1] = (byte) headGroups[i];
        }
        int offset = 8 - tailGroups.length;
        for (int i = 0; i < tailGroups.length; i++) {
            bytes[2 * (offset + i)] = (byte) (tailGroups[i] >> 8);
            bytes[2 * (offset + i) + 1] = (byte) tailGroups[i];
        }
        return bytes;
    }

    /**
     * 16-bit groups of one side of an IPv6 literal; a trailing dotted IPv4 (when {@code endsAddress}) counts as
     * two groups. Hex digits are ASCII only.
     */
    private static int[] groups(String side, boolean endsAddress) {
        if (side.isEmpty()) {
            return new int[0];
        }
        String[] parts = side.split(":", -1);
        boolean embeddedIpv4 = endsAddress && parts[parts.length - 1].indexOf('.') >= 0;
        int[] groups = new int[parts.length + (embeddedIpv4 ? 1 : 0)];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (embeddedIpv4 && i == parts.length - 1) {
                byte[] v4 = parseIpv4(p);
                if (v4 == null) {
                    return null;
                }
                groups[i] = ((v4[0] & 0xFF) << 8) | (v4[1] & 0xFF);
                groups[i + 1] = ((v4[2] & 0xFF) << 8) | (v4[3] & 0xFF);
                continue;
            }
            if (p.isEmpty() || p.length() > 4) {
                return null;
            }
            int value = 0;
            for (int k = 0; k < p.length(); k++) {
                char c = p.charAt(k);
                int digit = c < 128 ? Character.digit(c, 16) : -1;
                if (digit < 0) {
                    return null;
                }
                value = value * 16 + digit;
            }
            groups[i] = value;
        }
        return groups;
    }

    /** The range as written. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
