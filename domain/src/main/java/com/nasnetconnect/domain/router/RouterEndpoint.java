package com.nasnetconnect.domain.router;

import com.nasnetconnect.domain.common.Secret;
import java.util.Objects;

/**
 * Where and how to reach one router's API: host, API port, whether the port speaks API-SSL, and the login.
 * The password is a {@link Secret}, so printing an endpoint never prints it.
 */
public record RouterEndpoint(String host, int port, boolean tls, String username, Secret password) {
    public RouterEndpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (host.isBlank()) throw new IllegalArgumentException("host is blank");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port out of range 1..65535: " + port);
        if (username.isBlank()) throw new IllegalArgumentException("username is blank");
    }

    /** host:port, the key by which connections to the same router are pooled. */
    public String address() {
        return host + ":" + port;
    }
}
