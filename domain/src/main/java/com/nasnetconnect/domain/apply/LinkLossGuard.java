package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterSession;

/**
 * Makes a router undo a plan on its own if the server loses it mid-apply. Everything runs on the apply's one
 * {@link RouterSession}: {@link #prepare} adds what the guard must read to the pre-flight batch; {@link #arm}
 * puts the arming commands at the head of the batch that carries the plan's commands (so arming costs no round
 * trip of its own) and {@link Armed#check()} says, once that batch ran, whether the router accepted them;
 * {@link Armed#confirm()} runs after the router's read-back confirmed the plan (the router keeps the change);
 * {@link Armed#finish()} after the store committed it; {@link Armed#disarm()} after the server undid the plan.
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

        /** The plan stays: cancel the router-side revert. Throws a RouterException if the router is unreachable. */
        void confirm();

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
