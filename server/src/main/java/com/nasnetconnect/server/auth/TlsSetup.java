package com.nasnetconnect.server.auth;

import io.helidon.common.tls.Tls;
import io.helidon.webserver.http.Filter;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the Helidon {@link Tls} for the public port from {@link TlsSettings}: a provided PEM pair or PKCS#12
 * keystore, or a self-signed certificate generated once (EC P-256, one year) into {@code <data dir>/tls/}
 * (key file 0600) and regenerated when it has less than a week left. Plus the HSTS filter to add when on.
 */
public final class TlsSetup {
    public static final String HSTS = "max-age=31536000";
    static final String SELF_SIGNED_CERT = "self-signed.crt";
    static final String SELF_SIGNED_KEY = "self-signed.key";

    /** The key and certificate chain in use, for diagnostics and tests. */
    public record Material(PrivateKey key, List<X509Certificate> chain) {}

    private TlsSetup() {}

    /** Empty when TLS is off. @throws IllegalArgumentException naming the file that could not be used */
    public static Optional<Tls> tls(TlsSettings settings, Path dataDir, Clock clock) {
        return material(settings, dataDir, clock).map(m -> Tls.builder()
                .privateKey(m.key())
                .privateKeyCertChain(m.chain())
                .build());
    }

    public static Optional<Material> material(TlsSettings settings, Path dataDir, Clock clock) {
        return switch (settings.mode()) {
            case OFF -> Optional.empty();
            case PEM -> Optional.of(readPem(settings.certificate(), settings.privateKey()));
            case PKCS12 -> Optional.of(readPkcs12(settings.keystore(), settings.keystorePassword().reveal().toCharArray()));
            case SELF_SIGNED -> Optional.of(selfSigned(dataDir.resolve("tls"), settings.hostnames(), clock));
        };
    }

    /** Adds {@code Strict-Transport-Security} to every response; register it only when TLS is on. */
    public static Filter hstsFilter() {
        return (chain, req, res) -> {
            res.header(io.helidon.http.HeaderNames.STRICT_TRANSPORT_SECURITY, HSTS);
            chain.proceed();
        };
    }

    static Material readPem(Path certFile, Path keyFile) {
        List<X509Certificate> chain = new ArrayList<>();
        try (InputStream in = Files.newInputStream(certFile)) {
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) chain.add((X509Certificate) c);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("NNC_TLS_CERT: cannot read a PEM certificate chain from " + certFile + ": " + e.getMessage(), e);
        }
        if (chain.isEmpty()) throw new IllegalArgumentException("NNC_TLS_CERT: no certificate in " + certFile);
        return new Material(readKey(keyFile), List.copyOf(chain));
    }

    private static PrivateKey readKey(Path keyFile) {
        try (Reader r = Files.newBufferedReader(keyFile, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(r)) {
            Object o = parser.readObject();
            JcaPEMKeyConverter conv = new JcaPEMKeyConverter();
            if (o instanceof PEMKeyPair kp) return conv.getKeyPair(kp).getPrivate();
            if (o instanceof PrivateKeyInfo info) return conv.getPrivateKey(info);
            throw new IllegalArgumentException("NNC_TLS_KEY: " + keyFile + " holds no unencrypted private key ("
                    + (o == null ? "nothing" : o.getClass().getSimpleName()) + ")");
        } catch (IOException e) {
            throw new IllegalArgumentException("NNC_TLS_KEY: cannot read " + keyFile + ": " + e.getMessage(), e);
        }
    }

    static Material readPkcs12(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            for (String alias : Collections.list(ks.aliases())) {
                if (!ks.isKeyEntry(alias)) continue;
                Key key = ks.getKey(alias, password);
                if (key instanceof PrivateKey pk) {
                    List<X509Certificate> chain = new ArrayList<>();
                    for (Certificate c : ks.getCertificateChain(alias)) chain.add((X509Certificate) c);
                    return new Material(pk, List.copyOf(chain));
                }
            }
            throw new IllegalArgumentException("NNC_TLS_KEYSTORE: " + file + " holds no private key entry");
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("NNC_TLS_KEYSTORE: cannot open " + file
                    + " (wrong password or not PKCS#12): " + e.getMessage(), e);
        }
    }

    static Material selfSigned(Path dir, List<String> hostnames, Clock clock) {
        Path cert = dir.resolve(SELF_SIGNED_CERT);
        Path key = dir.resolve(SELF_SIGNED_KEY);
        Instant now = clock.instant();
        if (Files.exists(cert) && Files.exists(key)) {
            Material m = readPem(cert, key);
            if (m.chain().getFirst().getNotAfter().toInstant().isAfter(now.plus(Duration.ofDays(7)))) return m;
        }
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair pair = g.generateKeyPair();
            Set<String> names = new LinkedHashSet<>(List.of("localhost"));
            names.addAll(hostnames);
            List<GeneralName> san = new ArrayList<>();
            for (String n : names) san.add(new GeneralName(isIp(n) ? GeneralName.iPAddress : GeneralName.dNSName, n));
            san.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
            X500Name subject = new X500Name("CN=NasNetConnect self-signed (" + names.iterator().next() + ")");
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, new BigInteger(64, new SecureRandom()),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(365))), subject, pair.getPublic());
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(san.toArray(GeneralName[]::new)));
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate());
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(b.build(signer));
            Files.createDirectories(dir);
            writePem(key, "PRIVATE KEY", pair.getPrivate().getEncoded(), true);
            writePem(cert, "CERTIFICATE", certificate.getEncoded(), false);
            return new Material(pair.getPrivate(), List.of(certificate));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot generate a self-signed certificate in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static boolean isIp(String s) {
        if (!s.matches("[0-9.]+|[0-9a-fA-F:]+")) return false;
        try {
            InetAddress.getByName(s);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void writePem(Path file, String type, byte[] der, boolean secret) throws IOException {
        StringWriter w = new StringWriter();
        w.write("-----BEGIN " + type + "-----\n");
        w.write(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der));
        w.write("\n-----END " + type + "-----\n");
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (secret && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, w.toString(), StandardCharsets.US_ASCII);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
