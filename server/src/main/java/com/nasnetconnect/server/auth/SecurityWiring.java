package com.nasnetconnect.server.auth;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.security.FirstAdmin;
import com.nasnetconnect.domain.security.SecurityServices;
import com.nasnetconnect.storage.security.AesGcmSecretCipher;
import com.nasnetconnect.storage.security.SqliteSecurity;
import io.helidon.common.tls.Tls;
import io.helidon.webserver.http.HttpRouting;

import javax.sql.DataSource;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Everything security needs at start-up, built in one call for the composition root:
 * the services over system.db, the secret cipher, the first admin (created and, when generated, printed once
 * on {@code out}, never logged), TLS from the environment, and the filters for the public routing.
 *
 * <pre>{@code
 * SecurityWiring security = SecurityWiring.create(databases.system(), dataDir, env, clock, System.out);
 * WebServer.builder()...routing(r -> { security.addFilters(r); ...routes... })
 *          .addRouting(WsRouting.builder().endpoint("/graphql", () -> new GraphQlWs(security.webSocketAuth(), ...)));
 * security.tls().ifPresent(builder::tls);
 * }</pre>
 */
public record SecurityWiring(SecurityServices services, AesGcmSecretCipher cipher, TlsSettings tlsSettings,
                             Optional<Tls> tls, SessionCookies cookies, RequestAuthenticator authenticator,
                             AuthFilter filter, WebSocketAuth webSocketAuth) {

    /**
     * @throws IllegalArgumentException for bad settings (NNC_ADMIN_PASSWORD too short, NNC_SECRET_KEY, NNC_TLS…),
     *                                  naming the variable and never showing a secret
     */
    public static SecurityWiring create(DataSource systemDb, Path dataDir, Map<String, String> env, Clock clock, PrintStream out) {
        return create(systemDb, dataDir, env, clock, out, java.util.function.UnaryOperator.identity());
    }

    /** As above, the audit log decorated by {@code audit} (every audit event also goes to the event log). */
    public static SecurityWiring create(DataSource systemDb, Path dataDir, Map<String, String> env, Clock clock, PrintStream out,
                                        java.util.function.UnaryOperator<com.nasnetconnect.domain.security.AuditLog> audit) {
        SecurityServices services = SqliteSecurity.services(systemDb, clock, audit);
        AesGcmSecretCipher cipher = AesGcmSecretCipher.fromDataDir(dataDir, env);
        Optional<Secret> configured = Optional.ofNullable(env.get("NNC_ADMIN_PASSWORD")).filter(s -> !s.isEmpty()).map(Secret::of);
        services.users().ensureFirstAdmin(configured).ifPresent(admin -> announce(admin, out));
        TlsSettings tlsSettings = TlsSettings.fromEnv(env);
        Optional<Tls> tls = TlsSetup.tls(tlsSettings, dataDir, clock);
        SessionCookies cookies = new SessionCookies(tls.isPresent(), clock);
        RequestAuthenticator authenticator = new RequestAuthenticator(services.apiKeys(), services.sessions(), cookies);
        return new SecurityWiring(services, cipher, tlsSettings, tls, cookies, authenticator,
                new AuthFilter(authenticator, AuthFilter::protectedByDefault, services.audit()), new WebSocketAuth(authenticator));
    }

    /** HSTS (when TLS is on) and the authentication filter; add before the routes. */
    public void addFilters(HttpRouting.Builder routing) {
        if (tls.isPresent()) routing.addFilter(TlsSetup.hstsFilter());
        routing.addFilter(filter);
    }

    private static void announce(FirstAdmin admin, PrintStream out) {
        if (admin.generated()) {
            out.println("First start: created the admin user '" + admin.name() + "' with the password "
                    + admin.password().reveal());
            out.println("This password is shown only now and must be changed at the first login.");
        } else {
            out.println("First start: created the admin user '" + admin.name() + "' with the password from NNC_ADMIN_PASSWORD.");
        }
    }
}
