package com.nasnetconnect.server.cli;

import com.nasnetconnect.domain.common.Durations;
import com.nasnetconnect.domain.update.Release;
import com.nasnetconnect.domain.update.RootMetadata;
import com.nasnetconnect.domain.update.ServiceCatalogFile;
import com.nasnetconnect.domain.update.Severity;
import com.nasnetconnect.domain.update.SignedMetadata;
import com.nasnetconnect.domain.update.TargetFile;
import com.nasnetconnect.domain.update.TargetsMetadata;
import com.nasnetconnect.domain.update.TimestampMetadata;
import com.nasnetconnect.domain.update.UpdateKeys;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code release …}: makes a signed update repository in a directory that any static web server or CDN can serve.
 * <ul>
 *   <li>{@code keygen --out DIR}: an Ed25519 key pair, {@code DIR/root.key} (PKCS#8 PEM, mode 0600) and
 *       {@code DIR/root.pub} (what devices trust: {@code NNC_UPDATE_ROOT_KEY}).</li>
 *   <li>{@code publish --key K --repo R --version V --severity S --artifact F [--expires D] [--notes T]
 *       [--rollout P]}: copies the artifact and signs new {@code targets.json} and {@code timestamp.json} (their
 *       versions one up); the first publish also writes {@code root.json} (and {@code 1.root.json}).</li>
 *   <li>{@code catalog --key K --repo R --file CATALOG.json}: publishes a service catalog the same way.</li>
 *   <li>{@code refresh --key K --repo R}: re-signs {@code timestamp.json} (a day by default) without a release:
 *       devices refuse an expired timestamp (that is what defeats a frozen mirror), so run it daily.</li>
 *   <li>{@code rotate-root --key OLD --new-key NEW --repo R}: a new root naming only NEW, signed by OLD and NEW,
 *       and the targets and timestamp re-signed by NEW.</li>
 * </ul>
 * Exit codes: 0 done, 1 refused, 2 usage.
 */
public final class ReleaseCommand {
    static final String USAGE = """
            Usage: release keygen --out DIR
                   release publish --key DIR/root.key --repo REPO --version V --severity security|minor|major|breaking
                                   --artifact FILE [--expires DURATION] [--notes TEXT] [--rollout PERCENT]
                                   [--timestamp-expires DURATION]
                   release catalog --key DIR/root.key --repo REPO --file CATALOG.json [--expires DURATION]
                   release refresh --key DIR/root.key --repo REPO [--timestamp-expires DURATION]
                   release rotate-root --key OLD/root.key --new-key NEW/root.key --repo REPO [--expires DURATION]

              Durations are written like 12h, 30d. Defaults: targets 30d, timestamp 1d (re-sign it daily with
              refresh), root 365d. Serve REPO as static files and point devices at it with NNC_UPDATE_URL; they
              trust only NNC_UPDATE_ROOT_KEY (the text of root.pub, or its path).
            """;
    static final Duration TARGETS_EXPIRY = Duration.ofDays(30);
    static final Duration TIMESTAMP_EXPIRY = Duration.ofDays(1);
    static final Duration ROOT_EXPIRY = Duration.ofDays(365);

    private final Clock clock;

    public ReleaseCommand(Clock clock) {
        this.clock = clock;
    }

    /** {@code args} start after "release". */
    public int execute(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || Set.of("help", "--help", "-h").contains(args[0])) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        CliArgs a;
        try {
            a = CliArgs.parse(args, 0, Set.of("out", "key", "new-key", "repo", "version", "severity", "artifact", "expires", "notes",
                    "rollout", "timestamp-expires", "file"));
        } catch (IllegalArgumentException e) {
            err.println("release: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        try {
            return switch (a.command()) {
                case "keygen" -> keygen(a, out);
                case "publish" -> publish(a, out);
                case "catalog" -> catalog(a, out);
                case "refresh" -> refresh(a, out);
                case "rotate-root" -> rotateRoot(a, out);
                default -> {
                    err.println("release: unknown sub-command '" + a.command() + "'");
                    err.print(USAGE);
                    yield 2;
                }
            };
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("release " + a.command() + ": " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("release " + a.command() + ": " + e.getMessage());
            return 1;
        }
    }

    private int keygen(CliArgs a, PrintStream out) throws IOException {
        Path dir = Path.of(a.require("out"));
        Path key = dir.resolve("root.key");
        if (Files.exists(key)) throw new IllegalArgumentException(key + " exists already; a key is never overwritten");
        Files.createDirectories(dir);
        KeyPair pair = UpdateKeys.generate();
        Files.createFile(key, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(key, UpdateKeys.privatePem(pair.getPrivate()));
        Files.writeString(dir.resolve("root.pub"), UpdateKeys.publicPem(pair.getPublic()));
        out.println("# wrote " + key + " (private: keep it offline) and " + dir.resolve("root.pub") + " (NNC_UPDATE_ROOT_KEY)");
        out.println("# key id " + UpdateKeys.keyId(pair.getPublic()));
        return 0;
    }

    private int publish(CliArgs a, PrintStream out) throws IOException {
        PrivateKey key = readKey(a.require("key"));
        Path repo = repo(a);
        String version = a.require("version");
        Severity severity = Severity.parse(a.require("severity"));
        Path artifact = Path.of(a.require("artifact"));
        if (!Files.isRegularFile(artifact)) throw new IllegalArgumentException("artifact " + artifact + " is not a file");
        int rollout = a.options().containsKey("rollout") ? percent(a.options().get("rollout")) : 100;
        ensureRoot(repo, key);
        Optional<TargetsMetadata> old = targets(repo);
        List<Release> releases = new ArrayList<>(old.map(TargetsMetadata::releases).orElse(List.of()));
        if (releases.stream().anyMatch(r -> r.version().equals(version))) {
            throw new IllegalArgumentException("version " + version + " is published already; publish a higher version");
        }
        String fileName = version + "." + artifact.getFileName().toString().replaceAll("[^A-Za-z0-9._+-]", "_");
        Files.copy(artifact, repo.resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
        byte[] bytes = Files.readAllBytes(repo.resolve(fileName));
        releases.add(new Release(version, severity, a.options().getOrDefault("notes", ""),
                new TargetFile(fileName, bytes.length, TargetFile.sha256Of(bytes)), rollout));
        long v = writeTargets(repo, key, releases, old.flatMap(TargetsMetadata::catalog), a);
        out.println("# published " + severity.label() + " release " + version + " (" + fileName + ", " + bytes.length
                + " bytes) as targets.json version " + v);
        return 0;
    }

    private int catalog(CliArgs a, PrintStream out) throws IOException {
        PrivateKey key = readKey(a.require("key"));
        Path repo = repo(a);
        Path file = Path.of(a.require("file"));
        byte[] bytes = Files.readAllBytes(file);
        int templates = ServiceCatalogFile.parse(file.getFileName().toString(), bytes).size();
        ensureRoot(repo, key);
        Optional<TargetsMetadata> old = targets(repo);
        long catalogVersion = old.flatMap(TargetsMetadata::catalog).map(c -> c.version() + 1).orElse(1L);
        String name = "catalog-" + catalogVersion + ".json";
        Files.write(repo.resolve(name), bytes);
        var target = new TargetsMetadata.CatalogTarget(catalogVersion, new TargetFile(name, bytes.length, TargetFile.sha256Of(bytes)));
        long v = writeTargets(repo, key, old.map(TargetsMetadata::releases).orElse(List.of()), Optional.of(target), a);
        out.println("# published service catalog version " + catalogVersion + " (" + templates + " templates) as targets.json version " + v);
        return 0;
    }

    private int refresh(CliArgs a, PrintStream out) throws IOException {
        PrivateKey key = readKey(a.require("key"));
        Path repo = repo(a);
        byte[] targets = readRequired(repo.resolve("targets.json"));
        long tv = SignedMetadata.parse("targets", targets).version();
        long v = writeTimestamp(repo, key, tv, targets, a);
        out.println("# timestamp.json version " + v + " re-signed, pinning targets.json version " + tv);
        return 0;
    }

    private int rotateRoot(CliArgs a, PrintStream out) throws IOException {
        PrivateKey oldKey = readKey(a.require("key"));
        PrivateKey newKey = readKey(a.require("new-key"));
        Path repo = repo(a);
        SignedMetadata current = SignedMetadata.parse("root", readRequired(repo.resolve("root.json")));
        RootMetadata root = RootMetadata.of(current);
        if (!root.signs("root", current) || !root.keys().containsKey(UpdateKeys.keyId(UpdateKeys.publicOf(oldKey)))) {
            throw new IllegalArgumentException("--key is not a root key of " + repo.resolve("root.json"));
        }
        long version = current.version() + 1;
        PublicKey newPublic = UpdateKeys.publicOf(newKey);
        byte[] next = SignedMetadata.sign(RootMetadata.signedPart(version, expiry(a, "expires", ROOT_EXPIRY), List.of(newPublic)),
                List.of(oldKey, newKey));
        Files.write(repo.resolve(version + ".root.json"), next);
        Files.write(repo.resolve("root.json"), next);
        Optional<TargetsMetadata> old = targets(repo);
        if (old.isPresent()) {
            CliArgs noExpiry = new CliArgs(a.command(), java.util.Map.of());
            writeTargets(repo, newKey, old.get().releases(), old.get().catalog(), noExpiry);
        }
        out.println("# root.json version " + version + " names key " + UpdateKeys.keyId(newPublic) + ", signed by the old and the new key;"
                + " devices follow it at their next check. Trust the new root.pub for new devices.");
        return 0;
    }

    /** Writes root.json version 1 for this key when the repository has none; refuses a key the root does not name. */
    private void ensureRoot(Path repo, PrivateKey key) throws IOException {
        Path rootFile = repo.resolve("root.json");
        PublicKey pub = UpdateKeys.publicOf(key);
        if (!Files.exists(rootFile)) {
            byte[] root = SignedMetadata.sign(RootMetadata.signedPart(1, iso(ROOT_EXPIRY), List.of(pub)), List.of(key));
            Files.write(repo.resolve("1.root.json"), root);
            Files.write(rootFile, root);
            return;
        }
        RootMetadata root = RootMetadata.of(SignedMetadata.parse("root", Files.readAllBytes(rootFile)));
        if (!root.roles().get("targets").keyIds().contains(UpdateKeys.keyId(pub))) {
            throw new IllegalArgumentException("--key is not a key that " + rootFile + " names for releases (after rotate-root, use the new key)");
        }
    }

    private long writeTargets(Path repo, PrivateKey key, List<Release> releases, Optional<TargetsMetadata.CatalogTarget> catalog,
                              CliArgs a) throws IOException {
        long version = targets(repo).map(t -> t.file().version() + 1).orElse(1L);
        byte[] targets = SignedMetadata.sign(TargetsMetadata.signedPart(version, expiry(a, "expires", TARGETS_EXPIRY), releases, catalog),
                List.of(key));
        Files.write(repo.resolve("targets.json"), targets);
        writeTimestamp(repo, key, version, targets, a);
        return version;
    }

    private long writeTimestamp(Path repo, PrivateKey key, long targetsVersion, byte[] targets, CliArgs a) throws IOException {
        Path file = repo.resolve("timestamp.json");
        long version = Files.exists(file) ? SignedMetadata.parse("timestamp", Files.readAllBytes(file)).version() + 1 : 1;
        byte[] ts = SignedMetadata.sign(TimestampMetadata.signedPart(version, expiry(a, "timestamp-expires", TIMESTAMP_EXPIRY),
                targetsVersion, targets), List.of(key));
        Files.write(file, ts);
        return version;
    }

    private Optional<TargetsMetadata> targets(Path repo) throws IOException {
        Path f = repo.resolve("targets.json");
        return Files.exists(f) ? Optional.of(TargetsMetadata.of(SignedMetadata.parse("targets", Files.readAllBytes(f)))) : Optional.empty();
    }

    private String expiry(CliArgs a, String option, Duration def) {
        String text = a.options().get(option);
        Duration d = text == null ? def : Durations.parse(text);
        if (d.isZero()) throw new IllegalArgumentException("--" + option + " must be longer than 0s");
        return iso(d);
    }

    private String iso(Duration d) {
        return clock.instant().plus(d).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Path repo(CliArgs a) throws IOException {
        Path repo = Path.of(a.require("repo"));
        Files.createDirectories(repo);
        return repo;
    }

    private static PrivateKey readKey(String path) throws IOException {
        Path p = Path.of(path);
        if (!Files.isRegularFile(p)) throw new IllegalArgumentException("key file " + p + " does not exist");
        try {
            return UpdateKeys.parsePrivate(Files.readString(p, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(p + " is " + e.getMessage());
        }
    }

    private static byte[] readRequired(Path p) throws IOException {
        if (!Files.isRegularFile(p)) throw new IllegalArgumentException(p + " does not exist (publish a release first)");
        return Files.readAllBytes(p);
    }

    private static int percent(String text) {
        try {
            int p = Integer.parseInt(text.strip().replace("%", ""));
            if (p < 1 || p > 100) throw new NumberFormatException();
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--rollout '" + text + "' is not a percentage from 1 to 100");
        }
    }
}
