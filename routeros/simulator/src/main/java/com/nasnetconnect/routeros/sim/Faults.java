package com.nasnetconnect.routeros.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * Fault injection for a running simulator; every method is thread-safe and takes effect for the next command or
 * reply on any connection. One-shot faults (reject, garbage) disarm themselves once they fired.
 */
public final class Faults {

    /** What the session should do with a command. */
    enum Verdict { PROCEED, REJECT, STALL }

    private FaultPlan plan = FaultPlan.NONE;
    private int commandsSeen;
    private int sentencesLeft = -1;

    /**
     * Rejects the Nth command (1 = the next one) from now, counted over all connections, with a trap carrying
     * message (then !done). /login, /cancel and /quit are not counted.
     */
    public synchronized Faults rejectNth(int n, String message) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1: " + n);
        }
        commandsSeen = 0;
        plan = new FaultPlan(n, plan.rejectPath(), msg(message), plan.delay(), plan.dropAfterSentences(),
                plan.garbage(), plan.stall());
        return this;
    }

    /** Rejects the first command whose path starts with pathPrefix (e.g. "/ip/address/add"). */
    public synchronized Faults rejectPath(String pathPrefix, String message) {
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        if (!pathPrefix.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + pathPrefix);
        }
        plan = new FaultPlan(plan.rejectNth(), pathPrefix, msg(message), plan.delay(), plan.dropAfterSentences(),
                plan.garbage(), plan.stall());
        return this;
    }

    /** Delays every reply by the given time. */
    public synchronized Faults delayReplies(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay is negative: " + delay);
        }
        plan = new FaultPlan(plan.rejectNth(), plan.rejectPath(), plan.rejectMessage(), delay,
                plan.dropAfterSentences(), plan.garbage(), plan.stall());
        return this;
    }

    /**
     * Closes the connection that would send the (n+1)th reply sentence from now, counted over all connections
     * (0 = before the next one). Sentences already written are flushed first.
     */
    public synchronized Faults dropAfterSentences(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0: " + n);
        }
        sentencesLeft = n;
        plan = new FaultPlan(plan.rejectNth(), plan.rejectPath(), plan.rejectMessage(), plan.delay(), n,
                plan.garbage(), plan.stall());
        return this;
    }

    /** Replaces the next reply sentence with garbage bytes. */
    public synchronized Faults sendGarbage() {
        plan = new FaultPlan(plan.rejectNth(), plan.rejectPath(), plan.rejectMessage(), plan.delay(),
                plan.dropAfterSentences(), true, plan.stall());
        return this;
    }

    /** Stops answering any command (connections stay open) until cleared. */
    public synchronized Faults stallForever() {
        plan = new FaultPlan(plan.rejectNth(), plan.rejectPath(), plan.rejectMessage(), plan.delay(),
                plan.dropAfterSentences(), plan.garbage(), true);
        return this;
    }

    /** Disarms every fault. */
    public synchronized Faults clear() {
        plan = FaultPlan.NONE;
        commandsSeen = 0;
        sentencesLeft = -1;
        return this;
    }

    public synchronized FaultPlan plan() {
        return plan;
    }

    private static String msg(String message) {
        return message == null || message.isBlank() ? "failure: injected fault" : message;
    }

    // ---- used by sessions ----

    synchronized Verdict onCommand(String path) {
        if (plan.stall()) {
            return Verdict.STALL;
        }
        if (plan.rejectNth() > 0) {
            commandsSeen++;
            if (commandsSeen == plan.rejectNth()) {
                plan = new FaultPlan(0, plan.rejectPath(), plan.rejectMessage(), plan.delay(),
                        plan.dropAfterSentences(), plan.garbage(), plan.stall());
                return Verdict.REJECT;
            }
        }
        if (plan.rejectPath() != null && path.startsWith(plan.rejectPath())) {
            plan = new FaultPlan(plan.rejectNth(), null, plan.rejectMessage(), plan.delay(),
                    plan.dropAfterSentences(), plan.garbage(), plan.stall());
            return Verdict.REJECT;
        }
        return Verdict.PROCEED;
    }

    synchronized String rejectMessage() {
        return plan.rejectMessage() == null ? "failure: injected fault" : plan.rejectMessage();
    }

    synchronized Duration delay() {
        return plan.delay();
    }

    synchronized boolean stalled() {
        return plan.stall();
    }

    /** True when this sentence should be garbage instead (one-shot). */
    synchronized boolean takeGarbage() {
        if (plan.garbage()) {
            plan = new FaultPlan(plan.rejectNth(), plan.rejectPath(), plan.rejectMessage(), plan.delay(),
                    plan.dropAfterSentences(), false, plan.stall());
            return true;
        }
        return false;
    }

    /** True when the connection must be dropped instead of sending this sentence. */
    synchronized boolean takeDrop() {
        if (sentencesLeft < 0) {
            return false;
        }
        if (sentencesLeft == 0) {
            sentencesLeft = -1;
            plan = new FaultPlan(plan.rejectNth(), plan.rejectPath(), plan.rejectMessage(), plan.delay(), -1,
                    plan.garbage(), plan.stall());
            return true;
        }
        sentencesLeft--;
        return false;
    }
}
