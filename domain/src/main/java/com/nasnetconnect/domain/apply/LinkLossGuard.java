package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterSession;

/**
 * Makes a router undo a plan on its own if the server loses it mid-apply. Everything runs on the apply's one
 * {@link RouterSession}: {@link #prepare} adds what the guard must read to the pre-flight batch; {@link #arm}
 * puts the arming commands at the head of the batch that carries the plan's commands and
 * {@link Armed#confirmAhead} puts the confirming ones at its tail, behind the read-back, so a plan that works
 * costs no round trip for its guard but the {@link Armed#finish()} after the commit. Once that batch ran,
 * {@link Armed#check()} says whether the router accepted the arming and {@link Armed#confirm()}, after the
 * read-back matched, whether the confirm landed. When the plan has to be undone after all, {@link Armed#rearm}
 * puts the protection back at the head of the undo batch; {@link Armed#disarm()} removes it once the undo
 * succeeded. A guard that confirms ahead keeps a journal on the router (the plan's revert script) until
 * {@link Armed#finish()}, so a link lost between the plan's batch and the undo still ends with the router
 * restored: reconcile runs the journal of a plan the store never committed.
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
         * Adds the commands that confirm the plan to the plan's batch, behind its commands and read-back. They
         * run whether or not the plan worked; a guard whose confirm no journal could make up for adds nothing
         * and confirms in {@link #confirm()} instead.
         */
        default void confirmAhead(RouterSession.Batch batch) { }

        /**
         * The plan stays: the router-side revert is cancelled (checks the reply of what {@link #confirmAhead}
         * sent, or confirms now). Throws a RouterException if that failed or the router is unreachable.
         */
        void confirm();

        /** Ahead of an undo: puts back the protection that {@link #confirmAhead} may have cancelled. */
        default void rearm(RouterSession.Batch undo) { }

        /** The plan was undone by the server: remove the router-side revert. Never throws. */
        void disarm();

        /** The confirmed plan is committed to the store: remove what is left of the guard. Never throws. */
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
