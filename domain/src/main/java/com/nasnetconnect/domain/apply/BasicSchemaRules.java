package com.nasnetconnect.domain.apply;

import static com.nasnetconnect.domain.apply.ValidationIssue.error;

import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The built-in field rules until the schema's {@code @validate} rules replace them: known fields only,
 * required fields present, names, numbers in range, IPv4 addresses and prefixes, booleans, WireGuard keys,
 * firewall actions. Secret values are never echoed in messages.
 */
public final class BasicSchemaRules implements SchemaRules {
    private static final String STAGE = "schema";
    private static final Pattern NAME = Pattern.compile("[^\"\\\\\\p{Cntrl}]{1,64}");
    private static final Pattern WG_KEY = Pattern.compile("[A-Za-z0-9+/]{42}[AEIMQUYcgkosw480]=");
    /** A DNS name as an address-list entry takes it, e.g. example.com (the last label is not all digits). */
    private static final Pattern DNS_NAME = Pattern.compile("(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z][a-zA-Z0-9-]{0,62}");
    private static final Pattern RANGE = Pattern.compile("[0-9.]+(-[0-9.]+)?");
    private static final Set<String> BOOLEAN = Set.of("yes", "no", "true", "false");
    private static final Set<String> FILTER_ACTIONS = Set.of("accept", "drop", "reject", "jump", "return", "passthrough",
            "log", "fasttrack-connection", "add-src-to-address-list", "add-dst-to-address-list", "tarpit");
    private static final Set<String> NAT_ACTIONS = Set.of("src-nat", "dst-nat", "masquerade", "redirect", "netmap",
            "same", "accept", "return", "jump", "passthrough", "log", "endpoint-independent-nat");
    private static final Set<String> MANGLE_ACTIONS = Set.of("mark-routing", "mark-connection", "mark-packet",
            "accept", "passthrough", "change-mss", "change-ttl", "change-dscp", "return", "jump", "log",
            "route", "sniff-tzsp", "strip-ipv4-options", "set-priority", "clear-df", "fasttrack-connection");

    private final ResourceKindSpecs specs;

    public BasicSchemaRules(ResourceKindSpecs specs) {
        this.specs = java.util.Objects.requireNonNull(specs, "specs");
    }

    @Override
    public List<ValidationIssue> check(String id, ResourceKind kind, Map<String, String> cfg) {
        var issues = new ArrayList<ValidationIssue>();
        var spec = specs.spec(kind);
        cfg.forEach((field, value) -> {
            var binding = specs.mapping().byDomainField(kind, field);
            if (binding.isEmpty()) {
                issues.add(error(STAGE, id, field, value, kind + " has no field '" + field + "'"));
            } else if (!binding.get().secret() && value.chars().anyMatch(Character::isISOControl)) {
                issues.add(error(STAGE, id, field, value, "contains control characters"));
            }
        });
        for (String req : spec.required()) {
            String v = cfg.get(req);
            if (v == null || v.isBlank()) issues.add(error(STAGE, id, req, v, "is required for " + kind));
        }
        if (kind == ResourceKind.ROUTE && blank(cfg.get("gateway")) && !"true".equals(Values.normalize(cfg.getOrDefault("blackhole", "")))) {
            issues.add(error(STAGE, id, "gateway", cfg.get("gateway"), "is required for ROUTE unless blackhole is yes"));
        }
        cfg.forEach((field, value) -> checkField(id, kind, field, value, issues));
        return issues;
    }

    private void checkField(String id, ResourceKind kind, String field, String v, List<ValidationIssue> out) {
        if (v.isEmpty()) return; // clearing a field; "required" catches the ones that may not be cleared
        switch (field) {
            case "name", "bridge", "list" -> {
                if (!NAME.matcher(v).matches()) out.add(error(STAGE, id, field, v, "must be 1..64 characters without quotes, backslashes or control characters"));
            }
            case "interface", "inInterface", "outInterface" -> {
                if (!NAME.matcher(v).matches()) out.add(error(STAGE, id, field, v, "is not a valid interface name"));
            }
            case "vlanId", "pvid" -> range(id, field, v, 1, 4094, out);
            case "vlanIds" -> {
                for (String part : v.split(",")) range(id, field, part.trim(), 1, 4094, out);
            }
            case "defaultRouteDistance" -> range(id, field, v, 1, 255, out);
            case "mtu" -> range(id, field, v, 68, 65535, out);
            case "listenPort", "endpointPort" -> range(id, field, v, 1, 65535, out);
            case "distance" -> range(id, field, v, 1, 255, out);
            case "persistentKeepalive" -> { if (!v.matches("\\d+s?|\\d{1,2}:\\d{2}:\\d{2}")) out.add(error(STAGE, id, field, v, "must be seconds, e.g. 25s")); }
            case "addDefaultRoute" -> {
                if (!Set.of("yes", "no", "true", "false", "special-classless").contains(v)) out.add(error(STAGE, id, field, v, "must be one of yes, no, special-classless"));
            }
            case "disabled", "vlanFiltering", "usePeerDns", "usePeerNtp", "startOnBoot", "passthrough", "fib", "blackhole", "log", "logging" -> {
                if (!BOOLEAN.contains(v)) out.add(error(STAGE, id, field, v, "must be one of yes, no, true, false"));
            }
            case "address" -> {
                if (kind == ResourceKind.ADDRESS_LIST_ENTRY && DNS_NAME.matcher(v).matches()) break; // RouterOS keeps a DNS name resolved
                boolean cidr = kind == ResourceKind.IP_ADDRESS || kind == ResourceKind.DHCP_NETWORK || kind == ResourceKind.VETH;
                var ip = Ipv4.parse(kind == ResourceKind.VETH ? v.split(",")[0] : v);
                if (ip.isEmpty() || (cidr && !v.contains("/"))) {
                    out.add(error(STAGE, id, field, v, cidr ? "must be an IPv4 address with prefix, e.g. 192.168.10.1/24" : "must be an IPv4 address or prefix"));
                } else if (kind == ResourceKind.IP_ADDRESS && ip.get().prefix() < 31
                        && (ip.get().address() == ip.get().network() || ip.get().address() == ip.get().broadcast())) {
                    out.add(error(STAGE, id, field, v, "is the network or broadcast address of its subnet"));
                }
            }
            case "dstAddress", "srcAddress" -> {
                if (Ipv4.parse(v.startsWith("!") ? v.substring(1) : v).isEmpty()) out.add(error(STAGE, id, field, v, "must be an IPv4 address or prefix"));
            }
            case "allowedAddress" -> {
                for (String part : v.split(",")) {
                    if (Ipv4.parse(part).isEmpty() && !part.contains(":")) out.add(error(STAGE, id, field, v, "contains '" + part + "', not an address or prefix"));
                }
            }
            case "gateway", "dnsServers", "ntpServers", "toAddresses", "endpointAddress" -> {
                if (!v.matches("[A-Za-z0-9.:,_-]{1,255}")) out.add(error(STAGE, id, field, v, "must be an address or interface name"));
                else if (v.matches("[0-9.]+") && Ipv4.parse(v).isEmpty()) out.add(error(STAGE, id, field, v, "is not a valid IPv4 address"));
            }
            case "ranges" -> {
                for (String part : v.split(",")) {
                    boolean ok = RANGE.matcher(part).matches();
                    for (String end : part.split("-")) ok = ok && Ipv4.parse(end).isPresent() && !end.contains("/");
                    if (!ok) out.add(error(STAGE, id, field, v, "contains '" + part + "', not an address range like 10.0.0.10-10.0.0.99"));
                }
            }
            case "privateKey" -> {
                if (!WG_KEY.matcher(v).matches()) out.add(error(STAGE, id, field, null, "must be a base64 WireGuard key of 32 bytes (value hidden)"));
            }
            case "publicKey" -> {
                if (!WG_KEY.matcher(v).matches()) out.add(error(STAGE, id, field, v, "must be a base64 WireGuard key of 32 bytes"));
            }
            case "presharedKey" -> {
                if (!WG_KEY.matcher(v).matches()) out.add(error(STAGE, id, field, null, "must be a base64 WireGuard key of 32 bytes (value hidden)"));
            }
            case "action" -> {
                Set<String> allowed = switch (kind) {
                    case FIREWALL_FILTER -> FILTER_ACTIONS;
                    case FIREWALL_NAT -> NAT_ACTIONS;
                    case FIREWALL_MANGLE -> MANGLE_ACTIONS;
                    default -> Set.of(v);
                };
                if (!allowed.contains(v)) out.add(error(STAGE, id, field, v, "is not a " + kind + " action; one of " + new java.util.TreeSet<>(allowed)));
            }
            case "chain" -> {
                if (!v.matches("[A-Za-z0-9_-]{1,64}")) out.add(error(STAGE, id, field, v, "must be a chain name like forward, input, srcnat"));
            }
            case "protocol" -> {
                if (!v.matches("[a-z0-9-]{1,16}")) out.add(error(STAGE, id, field, v, "must be a protocol name or number"));
            }
            case "dstPort", "toPorts" -> {
                for (String part : v.split(",")) {
                    String[] ends = part.split("-");
                    for (String e : ends) {
                        if (!e.matches("\\d{1,5}") || Integer.parseInt(e) < 1 || Integer.parseInt(e) > 65535) {
                            out.add(error(STAGE, id, field, v, "must be ports 1..65535, e.g. 80,443 or 8000-8080"));
                            return;
                        }
                    }
                }
            }
            default -> { }
        }
    }

    private static void range(String id, String field, String v, int min, int max, List<ValidationIssue> out) {
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) out.add(error(STAGE, id, field, v, "must be " + min + ".." + max));
        } catch (NumberFormatException e) {
            out.add(error(STAGE, id, field, v, "must be a whole number " + min + ".." + max));
        }
    }

    private static boolean blank(String v) {
        return v == null || v.isBlank();
    }
}
