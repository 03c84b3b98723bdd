package com.nasnetconnect.routeros.sim;

import java.time.Duration;

/**
 * The faults currently armed in a simulator (an immutable snapshot of {@link Faults}).
 *
 * @param rejectNth reject the Nth command counted from when this was armed (0 = off)
 * @param rejectPath reject the first command whose path (e.g. "/ip/address/add") starts with this (null = off)
 * @param rejectMessage the trap message used by both reject rules
 * @param delay a delay before every reply (zero = off)
 * @param dropAfterSentences close the connection after this many more reply sentences (-1 = off)
 * @param garbage replace the next reply with bytes that are not a valid sentence
 * @param stall stop answering: commands are read but never replied to
 */
public record FaultPlan(int rejectNth, String rejectPath, String rejectMessage, Duration delay,
                        int dropAfterSentences, boolean garbage, boolean stall) {

    /** Nothing armed. */
    public static final FaultPlan NONE = new FaultPlan(0, null, null, Duration.ZERO, -1, false, false);
}
