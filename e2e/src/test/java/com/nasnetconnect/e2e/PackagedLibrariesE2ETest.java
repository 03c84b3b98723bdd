package com.nasnetconnect.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The libraries the package ships in {@code lib/}. A signed jar on the class path is verified at every start (its
 * manifest digests and signature, on the main thread before {@code main}) and its classes are kept out of the AOT
 * cache, so the build removes the signature files of the ones that come signed (server/pom.xml, unsign-libs).
 */
class PackagedLibrariesE2ETest {
    private static final Pattern SIGNATURE = Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)", Pattern.CASE_INSENSITIVE);

    @Test
    void noLibraryOnTheClassPathIsSigned() throws IOException {
        List<String> signed = new ArrayList<>();
        for (Path jar : libraries()) {
            try (JarFile file = new JarFile(jar.toFile())) {
                if (file.stream().anyMatch(e -> SIGNATURE.matcher(e.getName()).matches())) signed.add(jar.getFileName().toString());
            }
        }
        assertEquals(List.of(), signed, "signed jars in lib/ (add them to server/pom.xml's unsign-libs)");
    }

    /**
     * The per-entry sections of a signed jar's manifest (one digest per class, 7,663 in BouncyCastle's three jars) are
     * of no use without the signature, yet the class loader parses and keeps the whole manifest of each jar it defines
     * packages from: about 3 MB of heap.
     */
    @Test
    void noLibraryManifestKeepsPerEntryDigests() throws IOException {
        List<String> withDigests = new ArrayList<>();
        for (Path jar : libraries()) {
            try (JarFile file = new JarFile(jar.toFile())) {
                var manifest = file.getManifest();
                if (manifest == null) continue;
                long digests = manifest.getEntries().values().stream()
                        .filter(a -> a.keySet().stream().anyMatch(k -> k.toString().endsWith("-Digest"))).count();
                if (digests > 0) withDigests.add(jar.getFileName() + " (" + digests + ")");
            }
        }
        assertEquals(List.of(), withDigests, "manifests in lib/ with per-entry digests (add them to server/pom.xml's unsign-libs)");
    }

    @Test
    void theUnsignedBouncyCastleJarsKeepTheirManifestFirstAndStayMultiRelease() throws IOException {
        List<Path> bc = libraries().stream().filter(p -> p.getFileName().toString().startsWith("bc")).toList();
        assertEquals(3, bc.size(), "bcprov, bcutil and bcpkix in lib/: " + bc);
        for (Path jar : bc) {
            try (var in = new java.util.jar.JarInputStream(Files.newInputStream(jar)); JarFile file = new JarFile(jar.toFile())) {
                assertTrue(in.getManifest() != null, jar + ": manifest readable as a stream");
                assertTrue(file.isMultiRelease(), jar + ": still a multi-release jar");
                assertTrue(file.getManifest().getMainAttributes().getValue("Bundle-SymbolicName") != null, jar + ": main attributes kept");
                assertTrue(file.stream().filter(e -> e.getName().endsWith(".class")).count() > 500, jar + ": its classes kept");
            }
        }
    }

    /** zstd-jni's copy in lib/ binds through JNI (server/pom.xml: its FFM binding loads ~470 more classes at start). */
    @Test
    void zstdInLibBindsThroughJniAndRoundTripsOnItsOwn() throws Exception {
        Path zstd = libraries().stream().filter(p -> p.getFileName().toString().startsWith("zstd-jni-")).findFirst().orElseThrow();
        try (JarFile file = new JarFile(zstd.toFile())) {
            assertEquals(List.of(), file.stream().map(e -> e.getName()).filter(n -> n.startsWith("META-INF/versions/22/")).toList(),
                    zstd + ": its FFM binding");
            assertTrue(file.getEntry("META-INF/MANIFEST.MF") != null, zstd + ": manifest kept");
        }
        Path testClasses = Path.of(ZstdRoundTrip.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Process p = new ProcessBuilder(ServerProcess.java().toString(), "--enable-native-access=ALL-UNNAMED", "-cp",
                zstd + java.io.File.pathSeparator + testClasses, ZstdRoundTrip.class.getName()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "the round trip ends");
        assertEquals(0, p.exitValue(), out);
        String[] f = out.split(" ");
        assertEquals("jni", f[0], out);
        assertEquals("true", f[3], "decompressed equals the original: " + out);
        assertTrue(Integer.parseInt(f[2]) < Integer.parseInt(f[1]) / 10, "compressed: " + out);
    }

    private static List<Path> libraries() throws IOException {
        Path lib = ServerProcess.jar().toAbsolutePath().getParent().resolve("lib");
        try (Stream<Path> files = Files.list(lib)) {
            List<Path> jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
            assertTrue(jars.size() > 50, "the packaged libraries in " + lib + ": " + jars.size());
            return jars;
        }
    }
}
