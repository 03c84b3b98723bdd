package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterSession;

/**
 * Makes a router undo a plan on its own if the server loses it mid-apply. Everything runs on the apply's one
 * {@link RouterSession}: {@link #prepare} adds what the guard must read (and the removal of journals of plans
 * committed since) to the pre-flight batch; {@link #arm} puts the arming commands at the head of the batch that
 * carries the plan's commands and its read-back. Once that batch ran, {@link Armed#check()} says whether the
 * router accepted the arming, and {@link Armed#confirm()}, only after the read-back matched, cancels the
 * router-side revert in a batch of its own: never in the plan's batch, since a router keeps running the rest
 * of a batch it received even after one of its commands cut the server's link. When the plan has to be undone,
 * {@link Armed#rearm} puts back at the head of the undo batch a protection that was confirmed already;
 * {@link Armed#disarm()} removes it once the undo succeeded. A guard may keep a journal on the router (the
 * plan's revert script, unscheduled) until the store committed, so that a crash between confirm and commit is
 * undone by reconcile; {@link Armed#finish()} queues its removal for the router's next pre-flight batch.
 */
public interface LinkLossGuard {

    /** Adds the reads the guard needs before it can arm (capabilities, the router's clock) to {@code preflight}. */
    default void prepare(Router router, RouterSession.Batch preflight) { }

    /**
     * Adds the commands that arm the guard to {@code batch}, before any of the plan's; the guard's later steps
     * run on {@code session}.
     */
    Armed arm(Router router, ValidatedPlan plan, RouterSession session, RouterSession.Batch batch);

    /** A guard protecting one running plan. */
    interface Armed {
        /**
         * After the arming batch ran: throws {@link ApplyException.GuardFailed} when the router refused to arm
         * (the service then undoes whatever of the plan ran behind the arming commands).
         */
        default void check() { }

        /**
         * The plan stays: the router-side revert is cancelled now, in a round trip of its own. Throws a
         * RouterException if that failed or the router is unreachable.
         */
        void confirm();

        /** Ahead of an undo: puts back the protection that {@link #confirm} may have cancelled. */
        default void rearm(RouterSession.Batch undo) { }

        /** The plan was undone by the server: remove the router-side revert. Never throws. */
        void disarm();

        /** The confirmed plan is committed to the store: what is left of the guard goes with the next pre-flight batch. Never throws. */
        default void finish() { }

        /** Describes the protection for messages, e.g. "revert script nnc-revert-… runs in 30s". */
        String describe();
    }

    /** No protection: a lost link leaves whatever was applied so far. */
    LinkLossGuard NONE = (router, plan, session, batch) -> new Armed() {
        @Override public void confirm() { }
        @Override public void disarm() { }
        @Override public String describe() { return "no link-loss protection"; }
    };
}
