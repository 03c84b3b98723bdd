package com.nasnetconnect.domain.factory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One container an install runs. Values may hold placeholders filled in at install: {@code ${<option key>}},
 * {@code ${address}} (this container's own address) and {@code ${serviceAddress}} (the address of the template's
 * {@link Role#SERVICE} container, for a gateway that forwards to it).
 *
 * @param image       a pinned public image, {@code name:tag}
 * @param environment the container's environment (RouterOS {@code /container/envs})
 * @param command     the container's command line ({@code cmd}); empty for the image's own. It never names a
 *                    secret option: the command is not a secret field on the router
 */
public record ContainerSpec(Role role, String image, Map<String, String> environment, Optional<String> command) {
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");

    /** What a container does for the instance. */
    public enum Role {
        /** Runs the service itself (Tor, AdGuard Home). */
        SERVICE,
        /** Carries the routed traffic into the service (hev-socks5-tunnel: TUN to SOCKS5). */
        GATEWAY
    }

    public ContainerSpec {
        Objects.requireNonNull(role, "role");
        if (image == null || !image.matches("[a-z0-9][a-z0-9._/-]*(:[A-Za-z0-9._-]+)")) {
            throw new IllegalArgumentException("container image must be a pinned name:tag: '" + image + "'");
        }
        if (image.endsWith(":latest")) throw new IllegalArgumentException("container image must be pinned, not :latest: '" + image + "'");
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        Objects.requireNonNull(command, "command");
    }
}
