package org.rapport.platform.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose {@code X-Forwarded-For} is believed ({@code rapport.trusted-proxies}: addresses and CIDR
 * ranges, comma-separated). Anyone can send the header, so it counts only when the connection comes from a listed
 * proxy; then the client is the nearest address in the header that is not itself a listed proxy.
 */
public final class TrustedProxies {

    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
    private static final int MAX_ENTRY = 64;

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** @throws IllegalArgumentException naming the entry that is neither an IP address nor a CIDR range */
    public static TrustedProxies parse(String setting) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : setting.split(",")) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            int slash = e.indexOf('/');
            byte[] address = literal(slash < 0 ? e : e.substring(0, slash)).orElseThrow(() -> new IllegalArgumentException(
                    "rapport.trusted-proxies: '" + e + "' is not an IP address or a CIDR range such as 10.0.0.0/8"));
            int bits = address.length * 8;
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(e.substring(slash + 1));
                } catch (NumberFormatException notANumber) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException("rapport.trusted-proxies: '" + e + "' has a prefix length outside 0-" + bits);
                }
            }
            ranges.add(new Range(address, prefix));
        }
        return new TrustedProxies(ranges);
    }

    /**
     * The address the login throttle counts: the peer itself, unless the peer is a trusted proxy; then, reading
     * {@code X-Forwarded-For} from the right (the entry the nearest proxy wrote), the first that is not a trusted proxy.
     */
    public String clientOf(String peer, List<String> forwardedFor) {
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            Arrays.stream(header.split(",")).map(String::strip).filter(h -> !h.isEmpty()).forEach(hops::add);
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            client = hops.get(i).length() > MAX_ENTRY ? hops.get(i).substring(0, MAX_ENTRY) : hops.get(i);
            if (!isTrusted(client)) {
                return client;
            }
        }
        return client; // every hop is a proxy of ours: the farthest one is as close to the client as we can tell
    }

    boolean isTrusted(String address) {
        if (ranges.isEmpty()) {
            return false;
        }
        return literal(address).map(a -> ranges.stream().anyMatch(r -> r.contains(a))).orElse(false);
    }

    /** The bytes of an IP literal; never a DNS look-up, whatever the text (it may come from a request header). */
    static Optional<byte[]> literal(String text) {
        String t = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!IPV4.matcher(t).matches() && !IPV6.matcher(t).matches()) {
            return Optional.empty();
        }
        try {
            byte[] bytes = InetAddress.getByName(t).getAddress(); // a literal: parsed, not resolved
            return Optional.of(bytes.length == 16 && isMappedIpv4(bytes) ? Arrays.copyOfRange(bytes, 12, 16) : bytes);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static boolean isMappedIpv4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }
}
