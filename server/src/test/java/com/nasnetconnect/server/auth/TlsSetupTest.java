package com.nasnetconnect.server.auth;

import com.nasnetconnect.domain.common.Secret;
import io.helidon.common.tls.Tls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(60)
class TlsSetupTest {
    @TempDir Path dir;

    @Test
    void servesHttpsWithAGeneratedSelfSignedCertificateAndHsts() throws Exception {
        TlsSettings settings = TlsSettings.fromEnv(Map.of("NNC_TLS", "self-signed", "NNC_TLS_HOSTNAMES", "nas.example, 10.1.2.3"));
        TlsSetup.Material m = TlsSetup.material(settings, dir, Clock.systemUTC()).orElseThrow();
        X509Certificate cert = m.chain().getFirst();
        assertThat(cert.getSubjectAlternativeNames()).extracting(l -> l.get(1).toString())
                .contains("localhost", "nas.example", "10.1.2.3", "127.0.0.1");
        Path key = dir.resolve("tls").resolve(TlsSetup.SELF_SIGNED_KEY);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");

        Optional<Tls> tls = TlsSetup.tls(settings, dir, Clock.systemUTC());
        try (AuthServer s = new AuthServer(dir.resolve("data"), Clock.systemUTC(), tls)) {
            HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(cert)).connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> r = trusting.send(HttpRequest.newBuilder(URI.create("https://localhost:" + s.port() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Strict-Transport-Security")).contains(TlsSetup.HSTS);
            assertThat(trusting.send(HttpRequest.newBuilder(URI.create("https://localhost:" + s.port() + "/graphql")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);

            HttpClient defaultTrust = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            assertThatThrownBy(() -> defaultTrust.send(HttpRequest.newBuilder(URI.create("https://localhost:" + s.port() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString())).isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void reusesTheGeneratedCertificateUntilItNearsExpiry() {
        TlsSettings settings = TlsSettings.fromEnv(Map.of("NNC_TLS", "self-signed"));
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        X509Certificate first = TlsSetup.material(settings, dir, Clock.fixed(t0, ZoneOffset.UTC)).orElseThrow().chain().getFirst();
        X509Certificate again = TlsSetup.material(settings, dir, Clock.fixed(t0.plus(Duration.ofDays(100)), ZoneOffset.UTC))
                .orElseThrow().chain().getFirst();
        assertThat(again).isEqualTo(first);
        X509Certificate renewed = TlsSetup.material(settings, dir, Clock.fixed(t0.plus(Duration.ofDays(360)), ZoneOffset.UTC))
                .orElseThrow().chain().getFirst();
        assertThat(renewed).isNotEqualTo(first);
    }

    @Test
    void readsAProvidedPemPairAndAPkcs12Keystore() throws Exception {
        TlsSetup.Material generated = TlsSetup.material(TlsSettings.fromEnv(Map.of("NNC_TLS", "self-signed")), dir, Clock.systemUTC()).orElseThrow();
        Path tlsDir = dir.resolve("tls");
        TlsSetup.Material pem = TlsSetup.material(TlsSettings.fromEnv(Map.of("NNC_TLS", "pem",
                "NNC_TLS_CERT", tlsDir.resolve(TlsSetup.SELF_SIGNED_CERT).toString(),
                "NNC_TLS_KEY", tlsDir.resolve(TlsSetup.SELF_SIGNED_KEY).toString())), dir, Clock.systemUTC()).orElseThrow();
        assertThat(pem.chain()).isEqualTo(generated.chain());
        assertThat(pem.key().getEncoded()).isEqualTo(generated.key().getEncoded());

        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("server", generated.key(), "ks-password-1".toCharArray(), generated.chain().toArray(new X509Certificate[0]));
        Path p12 = dir.resolve("server.p12");
        try (OutputStream out = Files.newOutputStream(p12)) {
            ks.store(out, "ks-password-1".toCharArray());
        }
        TlsSetup.Material fromP12 = TlsSetup.material(TlsSettings.fromEnv(Map.of("NNC_TLS", "pkcs12",
                "NNC_TLS_KEYSTORE", p12.toString(), "NNC_TLS_KEYSTORE_PASSWORD", "ks-password-1")), dir, Clock.systemUTC()).orElseThrow();
        assertThat(fromP12.chain()).isEqualTo(generated.chain());

        assertThatThrownBy(() -> TlsSetup.material(TlsSettings.fromEnv(Map.of("NNC_TLS", "pkcs12",
                "NNC_TLS_KEYSTORE", p12.toString(), "NNC_TLS_KEYSTORE_PASSWORD", "Wrong-Secret-77")), dir, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NNC_TLS_KEYSTORE")
                .hasMessageContaining("wrong password").hasMessageNotContaining("Wrong-Secret-77");
    }

    @Test
    void rejectsBadSettingsNamingTheVariable() {
        assertThatThrownBy(() -> TlsSettings.fromEnv(Map.of("NNC_TLS", "maybe"))).hasMessageContaining("NNC_TLS: unknown value 'maybe'");
        assertThatThrownBy(() -> TlsSettings.fromEnv(Map.of("NNC_TLS", "pem"))).hasMessageContaining("NNC_TLS_CERT");
        assertThatThrownBy(() -> TlsSetup.material(TlsSettings.fromEnv(Map.of("NNC_TLS", "pem",
                "NNC_TLS_CERT", dir.resolve("missing.crt").toString(), "NNC_TLS_KEY", "k")), dir, Clock.systemUTC()))
                .hasMessageContaining("NNC_TLS_CERT").hasMessageContaining("missing.crt");
        assertThat(TlsSettings.fromEnv(Map.of()).enabled()).isFalse();
        assertThat(TlsSetup.tls(TlsSettings.OFF, dir, Clock.systemUTC())).isEmpty();
        assertThat(new TlsSettings(TlsSettings.Mode.PKCS12, null, null, dir, Secret.of("x"), List.of()).toString())
                .doesNotContain("keystorePassword=x");
    }

    private static SSLContext trusting(X509Certificate cert) throws Exception {
        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        ts.setCertificateEntry("nnc", cert);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ts);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
