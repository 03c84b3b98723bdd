package com.nasnetconnect.routeros.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class CertificatePinningTest {
    private static final GatewaySettings SETTINGS = new GatewaySettings(Duration.ofSeconds(3), Duration.ofSeconds(3), 2,
            Duration.ofMillis(10), Duration.ofMillis(20));

    @TempDir
    Path dir;

    private static RouterEndpoint tls(int port) {
        return new RouterEndpoint("127.0.0.1", port, true, "admin", Secret.of("pw"));
    }

    @Test
    void pinsTheFirstCertificateAndKeepsTrustingIt() throws Exception {
        var cert = new TestCertificates("router-a");
        var pins = new FileCertificatePins(dir.resolve("pins.txt"));
        try (var server = new WordServer(cert.serverContext, WordServer::doneToAll);
             var gateway = new RouterOsGateway(SETTINGS, pins)) {
            gateway.execute(tls(server.port()), RouterCommand.of("/system/identity/print"));
            assertThat(pins.pinned("127.0.0.1:" + server.port())).contains(cert.fingerprint());
            gateway.disconnect(tls(server.port()));
            gateway.execute(tls(server.port()), RouterCommand.of("/system/identity/print"));
            // the pin survives in the file
            assertThat(new FileCertificatePins(dir.resolve("pins.txt")).pinned("127.0.0.1:" + server.port()))
                    .contains(cert.fingerprint());
            assertThat(Files.readString(dir.resolve("pins.txt"))).contains("127.0.0.1:" + server.port() + " " + cert.fingerprint());
        }
    }

    @Test
    void refusesAChangedCertificateWithAClearErrorUntilThePinIsForgotten() throws Exception {
        var original = new TestCertificates("router-a");
        var impostor = new TestCertificates("router-a");
        var pins = new FileCertificatePins(dir.resolve("pins.txt"));
        try (var server = new WordServer(impostor.serverContext, WordServer::doneToAll);
             var gateway = new RouterOsGateway(SETTINGS, pins)) {
            String address = "127.0.0.1:" + server.port();
            pins.pin(address, original.fingerprint());
            var before = Leaks.baseline();

            assertThatThrownBy(() -> gateway.execute(tls(server.port()), RouterCommand.of("/system/identity/print")))
                    .isInstanceOf(RouterException.Unreachable.class)
                    .hasMessageContaining("certificate of " + address + " changed")
                    .hasMessageContaining(original.fingerprint()).hasMessageContaining(impostor.fingerprint())
                    .cause().isInstanceOf(CertificatePinMismatchException.class);
            assertThat(server.received).as("nothing, not even the login, was sent").isEmpty();
            assertThat(pins.pinned(address)).contains(original.fingerprint());
            Leaks.assertBackTo(before);

            pins.forget(address);
            Thread.sleep(50); // past the reconnect backoff
            gateway.execute(tls(server.port()), RouterCommand.of("/system/identity/print"));
            assertThat(pins.pinned(address)).contains(impostor.fingerprint());
        }
    }

    @Test
    void refusesAPinFileLineThatIsNotAFingerprint() throws Exception {
        Files.writeString(dir.resolve("bad.txt"), "10.0.0.1:8729 nothex\n");
        assertThatThrownBy(() -> new FileCertificatePins(dir.resolve("bad.txt")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 1").hasMessageContaining("nothex");
    }
}
