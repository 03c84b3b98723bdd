package com.nasnetconnect.domain.router;

import com.nasnetconnect.domain.common.Secret;
import java.util.Objects;

/**
 * A router someone asks to manage, as they typed it. Nothing is checked here: registration checks it (and
 * names what is wrong) before it logs in, so every client gets the same answers.
 *
 * @param port the API port; {@link #API_PORT} unless the router's API listens elsewhere
 */
public record NewRouter(String name, String host, int port, boolean tls, String username, Secret password) {
    /** RouterOS's API port without TLS. */
    public static final int API_PORT = 8728;

    public NewRouter {
        Objects.requireNonNull(password, "password");
    }
}
