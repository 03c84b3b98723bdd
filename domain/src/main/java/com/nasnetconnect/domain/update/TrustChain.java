package com.nasnetconnect.domain.update;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What the device trusts, and the rules for trusting more: it starts from the configured root key
 * ({@code NNC_UPDATE_ROOT_KEY}) or the newest root it accepted since, and accepts
 * <ul>
 *   <li>a root of version + 1 signed by the current root's keys and by its own (rotation; one signed only by the
 *       new key is refused),</li>
 *   <li>a timestamp and the targets it pins, each signed by the keys the root names for it, not expired, of a version
 *       at least the accepted one (the same version only with the same bytes; an older one is a rollback),
 *       the targets matching the length and SHA-256 the timestamp pins.</li>
 * </ul>
 * Whatever it accepts is saved at once ({@link AcceptedMetadata}); whatever it refuses changes nothing. Not
 * thread-safe: the checker calls it from one thread at a time.
 */
public final class TrustChain {
    static final String ANCHOR = "anchor";
    private final AcceptedMetadata store;
    private RootMetadata root;
    private Optional<TimestampMetadata> timestamp = Optional.empty();
    private Optional<TargetsMetadata> targets = Optional.empty();

    /** Loads what was accepted before; a stored chain that did not start from {@code anchor} is not used. */
    public TrustChain(PublicKey anchor, AcceptedMetadata store) {
        this.store = Objects.requireNonNull(store, "store");
        String anchorId = UpdateKeys.keyId(anchor);
        boolean sameAnchor = store.load(ANCHOR).map(b -> new String(b, StandardCharsets.UTF_8).strip().equals(anchorId)).orElse(false);
        root = RootMetadata.anchor(anchor);
        if (sameAnchor) {
            root = store.load("root").map(b -> RootMetadata.of(SignedMetadata.parse("root", b))).orElse(root);
        } else {
            store.save(ANCHOR, anchorId.getBytes(StandardCharsets.UTF_8));
        }
        // floors survive a change of anchor: the versions only grow
        timestamp = store.load("timestamp").map(b -> TimestampMetadata.of(SignedMetadata.parse("timestamp", b)));
        targets = store.load("targets").map(b -> TargetsMetadata.of(SignedMetadata.parse("targets", b)));
    }

    public RootMetadata root() {
        return root;
    }

    public Optional<TimestampMetadata> timestamp() {
        return timestamp;
    }

    public Optional<TargetsMetadata> targets() {
        return targets;
    }

    /** Accepts the next root ({@code version + 1}) and saves it. Expiry is checked on the last one ({@link #requireRootCurrent}). */
    public RootMetadata acceptRoot(byte[] raw) {
        SignedMetadata m = SignedMetadata.parse("root", raw);
        long expected = root.version() + 1;
        if (m.version() != expected) {
            throw new MetadataRefused("root.json version " + m.version() + " came where version " + expected + " was expected");
        }
        requireSigned(root, "root", m, "the current root key");
        RootMetadata next = RootMetadata.of(m);
        requireSigned(next, "root", m, "its own new key");
        store.save("root", raw);
        root = next;
        return next;
    }

    /** @throws MetadataRefused when the newest trusted root has expired */
    public void requireRootCurrent(Instant now) {
        if (root.file() != null && !now.isBefore(root.file().expires())) {
            throw new MetadataRefused("root.json version " + root.version() + " expired at " + root.file().expires()
                    + "; the repository must publish a new root (release rotate-root)");
        }
    }

    /**
     * Verifies a timestamp and the targets it pins; saves both and makes them current only when both pass.
     *
     * @param targetsRaw fetches targets.json, capped at the length the verified timestamp pins
     */
    public TargetsMetadata accept(byte[] timestampRaw, java.util.function.Function<TargetFile, byte[]> targetsRaw, Instant now) {
        SignedMetadata ts = SignedMetadata.parse("timestamp", timestampRaw);
        requireSigned(root, "timestamp", ts, "a key the root names for it");
        requireNotOlder(ts, timestamp.map(TimestampMetadata::file));
        requireNotExpired(ts, now);
        TimestampMetadata pin = TimestampMetadata.of(ts);
        if (targets.isPresent() && pin.targetsVersion() < targets.get().file().version()) {
            throw new MetadataRefused("timestamp.json pins targets.json version " + pin.targetsVersion() + ", older than version "
                    + targets.get().file().version() + " accepted before (a rollback)");
        }
        byte[] raw = targetsRaw.apply(pin.targets());
        if (raw.length != pin.targets().length() || !TargetFile.sha256Of(raw).equals(pin.targets().sha256())) {
            throw new MetadataRefused("targets.json does not match the length and SHA-256 that timestamp.json pins (altered, or mixed from another release)");
        }
        SignedMetadata tm = SignedMetadata.parse("targets", raw);
        requireSigned(root, "targets", tm, "a key the root names for it");
        if (tm.version() != pin.targetsVersion()) {
            throw new MetadataRefused("targets.json is version " + tm.version() + ", but timestamp.json pins version " + pin.targetsVersion());
        }
        requireNotOlder(tm, targets.map(TargetsMetadata::file));
        requireNotExpired(tm, now);
        TargetsMetadata accepted = TargetsMetadata.of(tm);
        store.save("targets", raw);
        store.save("timestamp", timestampRaw);
        targets = Optional.of(accepted);
        timestamp = Optional.of(pin);
        return accepted;
    }

    private static void requireSigned(RootMetadata by, String role, SignedMetadata m, String whose) {
        if (by.signs(role, m)) return;
        String file = m.role() + ".json version " + m.version();
        RootMetadata.Role r = by.roles().get(role);
        boolean trustedKeySigned = m.signatures().stream().anyMatch(s -> r.keyIds().contains(s.keyId()));
        if (trustedKeySigned) {
            throw new MetadataRefused(file + " has a signature that does not match its content: it was altered after it was signed");
        }
        String keys = m.signatures().isEmpty() ? "no key" : "key " + String.join(", ", m.signatures().stream()
                .map(s -> s.keyId().length() > 12 ? s.keyId().substring(0, 12) : s.keyId()).toList());
        throw new MetadataRefused(file + " is signed by " + keys + ", not by " + whose + " (" + String.join(", ", r.keyIds().stream()
                .map(id -> id.substring(0, Math.min(12, id.length()))).toList()) + "): a key this device does not trust");
    }

    private static void requireNotOlder(SignedMetadata m, Optional<SignedMetadata> accepted) {
        if (accepted.isEmpty()) return;
        SignedMetadata a = accepted.get();
        String file = m.role() + ".json";
        if (m.version() < a.version()) {
            throw new MetadataRefused(file + " version " + m.version() + " is older than version " + a.version()
                    + " accepted before: a rollback to older metadata is refused");
        }
        if (m.version() == a.version() && !Arrays.equals(m.raw(), a.raw())) {
            throw new MetadataRefused(file + " version " + m.version() + " differs from the version " + a.version()
                    + " accepted before: a version is signed once, so this is a replay or a tampered copy");
        }
    }

    private static void requireNotExpired(SignedMetadata m, Instant now) {
        if (!now.isBefore(m.expires())) {
            throw new MetadataRefused(m.role() + ".json version " + m.version() + " expired at " + m.expires()
                    + ": the repository serves stale or frozen metadata (it must be re-signed: release refresh)");
        }
    }
}
