package com.nasnetconnect.domain.factory;

import com.nasnetconnect.domain.common.Secret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The parts of a wg-quick client configuration ({@code [Interface]} and one {@code [Peer]}) that a RouterOS
 * WireGuard client needs. IPv6 addresses and allowed IPs are left out (the factory routes IPv4). The private and
 * preshared keys stay {@link Secret}s; no message of this class ever contains them.
 */
public record WgQuickConfig(Secret privateKey, List<String> addresses, Optional<Integer> mtu, String peerPublicKey,
                            Optional<Secret> presharedKey, List<String> allowedIps, String endpointHost, int endpointPort,
                            Optional<Integer> persistentKeepalive) {
    private static final String KEY = "[A-Za-z0-9+/]{43}=";

    public WgQuickConfig {
        Objects.requireNonNull(privateKey, "privateKey");
        addresses = List.copyOf(addresses);
        allowedIps = List.copyOf(allowedIps);
        Objects.requireNonNull(peerPublicKey, "peerPublicKey");
        Objects.requireNonNull(presharedKey, "presharedKey");
        Objects.requireNonNull(endpointHost, "endpointHost");
    }

    /** What is wrong with the text as a wg-quick configuration, or empty when it parses. */
    public static Optional<String> problem(String text) {
        try {
            parse(text);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** @throws IllegalArgumentException naming the section and key that is missing or wrong (never a key's value) */
    public static WgQuickConfig parse(String text) {
        var sections = new LinkedHashMap<String, Map<String, String>>();
        Map<String, String> current = null;
        int peers = 0;
        int lineNo = 0;
        for (String raw : text.split("\\R")) {
            lineNo++;
            String line = raw.contains("#") ? raw.substring(0, raw.indexOf('#')).strip() : raw.strip();
            if (line.isEmpty()) continue;
            if (line.startsWith("[") && line.endsWith("]")) {
                String name = line.substring(1, line.length() - 1).strip().toLowerCase(Locale.ROOT);
                if (name.equals("peer") && ++peers > 1) throw new IllegalArgumentException("has more than one [Peer]; a client needs exactly one");
                if (!name.equals("peer") && !name.equals("interface")) throw new IllegalArgumentException("line " + lineNo + ": unknown section [" + name + "]");
                current = sections.computeIfAbsent(name, k -> new LinkedHashMap<>());
                continue;
            }
            int eq = line.indexOf('=');
            if (current == null || eq < 1) throw new IllegalArgumentException("line " + lineNo + " is not 'Key = value' inside [Interface] or [Peer]");
            current.put(line.substring(0, eq).strip().toLowerCase(Locale.ROOT), line.substring(eq + 1).strip());
        }
        var iface = sections.get("interface");
        var peer = sections.get("peer");
        if (iface == null) throw new IllegalArgumentException("has no [Interface] section");
        if (peer == null) throw new IllegalArgumentException("has no [Peer] section");
        String privateKey = required(iface, "privatekey", "[Interface] PrivateKey");
        if (!privateKey.matches(KEY)) throw new IllegalArgumentException("[Interface] PrivateKey is not a WireGuard key (44 characters of base64)");
        var addresses = ipv4(required(iface, "address", "[Interface] Address"), "[Interface] Address");
        if (addresses.isEmpty()) throw new IllegalArgumentException("[Interface] Address has no IPv4 address");
        Optional<Integer> mtu = Optional.ofNullable(iface.get("mtu")).map(m -> number(m, "[Interface] MTU", 1280, 65535));
        String publicKey = required(peer, "publickey", "[Peer] PublicKey");
        if (!publicKey.matches(KEY)) throw new IllegalArgumentException("[Peer] PublicKey '" + publicKey + "' is not a WireGuard key (44 characters of base64)");
        Optional<Secret> psk = Optional.ofNullable(peer.get("presharedkey")).map(k -> {
            if (!k.matches(KEY)) throw new IllegalArgumentException("[Peer] PresharedKey is not a WireGuard key (44 characters of base64)");
            return Secret.of(k);
        });
        var allowed = ipv4(required(peer, "allowedips", "[Peer] AllowedIPs"), "[Peer] AllowedIPs");
        if (allowed.isEmpty()) throw new IllegalArgumentException("[Peer] AllowedIPs has no IPv4 network");
        String endpoint = required(peer, "endpoint", "[Peer] Endpoint");
        int colon = endpoint.lastIndexOf(':');
        if (colon < 1 || endpoint.startsWith("[")) throw new IllegalArgumentException("[Peer] Endpoint '" + endpoint + "' is not host:port (IPv4 or a name)");
        String host = endpoint.substring(0, colon);
        int port = number(endpoint.substring(colon + 1), "[Peer] Endpoint port", 1, 65535);
        OptionRule.HOST.problem("[Peer] Endpoint host", host).ifPresent(p -> { throw new IllegalArgumentException(p); });
        Optional<Integer> keepalive = Optional.ofNullable(peer.get("persistentkeepalive")).map(k -> number(k, "[Peer] PersistentKeepalive", 0, 65535));
        return new WgQuickConfig(Secret.of(privateKey), addresses, mtu, publicKey, psk, allowed, host, port, keepalive);
    }

    private static String required(Map<String, String> section, String key, String shown) {
        String v = section.get(key);
        if (v == null || v.isEmpty()) throw new IllegalArgumentException("has no " + shown);
        return v;
    }

    private static List<String> ipv4(String list, String shown) {
        var out = new ArrayList<String>();
        for (String item : list.split(",")) {
            String s = item.strip();
            if (s.contains(":")) continue; // IPv6
            var net = Subnet.parse(s).orElseThrow(() -> new IllegalArgumentException(shown + " '" + s + "' is not an IPv4 address or network"));
            out.add(s.contains("/") ? net.toString() : net.ip() + "/32");
        }
        return out;
    }

    private static int number(String v, String shown, int min, int max) {
        if (!v.matches("[0-9]{1,6}") || Integer.parseInt(v) < min || Integer.parseInt(v) > max) {
            throw new IllegalArgumentException(shown + " '" + v + "' is not a number in " + min + "-" + max);
        }
        return Integer.parseInt(v);
    }

    @Override
    public String toString() {
        return "WgQuickConfig[addresses=" + addresses + ", peer=" + peerPublicKey + ", endpoint=" + endpointHost + ":" + endpointPort + "]";
    }
}
