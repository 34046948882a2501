package io.nbaprops.service;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Who is calling, for the audit trail and the failed-key throttle. Behind a trusted proxy the client is the last
 * X-Forwarded-For entry (the address the proxy itself saw; earlier entries are whatever the client claimed).
 * {@code local}: a caller on this machine that no proxy forwarded, such as the CLI.
 */
record Client(String address, boolean local) {
    /** Dotted IPv4, or anything hex with a colon (IPv6): both are parsed without a DNS lookup. */
    private static final Pattern IP_LITERAL = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}|[0-9A-Fa-f.]{0,40}:[0-9A-Fa-f.:]{1,44}");

    /** Resolves clients from the peer address and forwarding headers, trusting only the configured proxies. */
    static final class Resolver {
        private final Set<InetAddress> trusted;

        Resolver(Collection<String> trustedProxies) {
            this.trusted = trustedProxies.stream().map(Client::literal).collect(Collectors.toUnmodifiableSet());
        }

        Client resolve(String peer, String forwardedFor, String forwarded) {
            InetAddress p = parsed(peer);
            if (forwardedFor == null && forwarded == null) {
                return new Client(peer, p != null && p.isLoopbackAddress());
            }
            if (forwardedFor != null && p != null && trusted.contains(p)) {
                String last = forwardedFor.substring(forwardedFor.lastIndexOf(',') + 1).trim();
                InetAddress client = parsed(last);
                if (client != null) {
                    return new Client(client.getHostAddress(), false);
                }
            }
            return new Client(peer, false);
        }

        private static InetAddress parsed(String ip) {
            try {
                return literal(ip);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /** The throttle's key: the address, or its /64 network for IPv6 (one host there holds a whole /64). */
    String throttleKey() {
        InetAddress a;
        try {
            a = literal(address);
        } catch (IllegalArgumentException e) {
            return address;
        }
        if (a instanceof Inet6Address) {
            byte[] b = a.getAddress();
            return HexFormat.of().formatHex(b, 0, 8) + "::/64";
        }
        return a.getHostAddress();
    }

    /** An IP literal as an address; never a DNS lookup. */
    static InetAddress literal(String raw) {
        String ip = raw == null ? null : raw.replaceAll("^\\[|\\]$|%.*$", "");
        if (ip == null || !IP_LITERAL.matcher(ip).matches()) {
            throw new IllegalArgumentException("not an IP address: '" + Params.clip(String.valueOf(raw)) + "'");
        }
        try {
            return InetAddress.getByName(ip);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: '" + Params.clip(ip) + "'", e);
        }
    }
}
