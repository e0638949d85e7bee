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
            if (bits.isEmpty() || bits.length() > 3 || !bits.chars().allMatch(Character::isDigit)) {
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
        byte[] bytes = parseAddress(address.strip());
        if (bytes == null || bytes.length != network.length) {
            return false;
        }
        return Arrays.equals(mask(bytes, prefixLength), network);
    }

    /** The 4 or 16 bytes of an IPv4 or IPv6 literal, or {@code null} when {@code text} is not one. */
    public static byte[] parseAddress(String text) {
        if (text.indexOf(':') >= 0) {
            return parseIpv6(text);
        }
        return parseIpv4(text);
    }

    private static byte[] parseIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int value = Integer.parseInt(p);
            if (value > 255) {
                return null;
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }

    private static byte[] parseIpv6(String text) {
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
            return null;
        }
        String head = doubleColon >= 0 ? text.substring(0, doubleColon) : text;
        String tail = doubleColon >= 0 ? text.substring(doubleColon + 2) : "";
        int[] headGroups = groups(head);
        int[] tailGroups = groups(tail);
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

    /** 16-bit groups of one side of an IPv6 literal; a trailing dotted IPv4 counts as two groups. */
    private static int[] groups(String side) {
        if (side.isEmpty()) {
            return new int[0];
        }
        String[] parts = side.split(":", -1);
        boolean embeddedIpv4 = parts[parts.length - 1].indexOf('.') >= 0;
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
                int digit = Character.digit(p.charAt(k), 16);
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
