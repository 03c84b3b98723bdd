package com.nasnetconnect.domain.factory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * A service a user can install, as the catalog holds it (data, not code): what it is, the containers that run it
 * (none for a router-native gateway), the options a user sets, and how traffic reaches it.
 *
 * @param id              {@code tor}, {@code wireguard}, {@code socks5}, {@code adguard}, …
 * @param containers      at most one per {@link ContainerSpec.Role}
 * @param interfacePrefix the part after {@code nnc-} of the instance's interface name ({@code tor} gives
 *                        {@code nnc-tor-usa}); short, because RouterOS interface names have at most 15 characters
 */
public record ServiceTemplate(String id, String name, String description, List<ContainerSpec> containers,
                              List<TemplateOption> options, GatewayMechanism gateway, String interfacePrefix) {
    public ServiceTemplate {
        if (id == null || !id.matches("[a-z][a-z0-9]{0,31}")) throw new IllegalArgumentException("template id must be lower-case letters and digits: '" + id + "'");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        containers = List.copyOf(containers);
        options = List.copyOf(options);
        Objects.requireNonNull(gateway, "gateway");
        if (interfacePrefix == null || !interfacePrefix.matches("[a-z][a-z0-9]{0,5}")) {
            throw new IllegalArgumentException("interface prefix must be 1-6 lower-case letters and digits: '" + interfacePrefix + "'");
        }
        if (containers.stream().map(ContainerSpec::role).distinct().count() != containers.size()) {
            throw new IllegalArgumentException("template " + id + " has two containers of one role");
        }
        boolean hasGateway = containers.stream().anyMatch(c -> c.role() == ContainerSpec.Role.GATEWAY);
        boolean hasService = containers.stream().anyMatch(c -> c.role() == ContainerSpec.Role.SERVICE);
        switch (gateway) {
            case SOCKS_TUN -> { if (!hasGateway) throw new IllegalArgumentException("template " + id + " (SOCKS_TUN) needs a GATEWAY container"); }
            case DNS -> { if (!hasService || hasGateway) throw new IllegalArgumentException("template " + id + " (DNS) needs exactly a SERVICE container"); }
            case WIREGUARD -> { if (!containers.isEmpty()) throw new IllegalArgumentException("template " + id + " (WIREGUARD) runs no container"); }
        }
        for (ContainerSpec c : containers) {
            var texts = new java.util.ArrayList<>(c.environment().values());
            c.command().ifPresent(texts::add);
            for (String t : texts) {
                Matcher m = ContainerSpec.PLACEHOLDER.matcher(t);
                while (m.find()) {
                    String key = m.group(1);
                    if (key.equals("address") || key.equals("serviceAddress")) continue;
                    var option = options.stream().filter(o -> o.key().equals(key)).findFirst();
                    if (option.isEmpty()) throw new IllegalArgumentException("template " + id + " uses unknown option ${" + key + "}");
                    if (option.get().rule().secret() && c.command().map(cmd -> cmd.contains("${" + key + "}")).orElse(false)) {
                        throw new IllegalArgumentException("template " + id + " puts secret option " + key + " on a command line");
                    }
                }
            }
        }
    }

    public Optional<TemplateOption> option(String key) {
        return options.stream().filter(o -> o.key().equals(key)).findFirst();
    }

    public Optional<ContainerSpec> container(ContainerSpec.Role role) {
        return containers.stream().filter(c -> c.role() == role).findFirst();
    }

    /** Whether an install runs containers, and so needs the router's {@code container} package. */
    public boolean needsContainer() {
        return !containers.isEmpty();
    }
}
