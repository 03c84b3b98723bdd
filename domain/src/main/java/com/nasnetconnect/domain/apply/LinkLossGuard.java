package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.router.Router;

/**
 * Makes a router undo a plan on its own if the server loses it mid-apply. {@link #arm} runs before the first
 * command of a plan; {@link Armed#confirm()} after the router's read-back confirmed the plan (the router keeps
 * the change); {@link Armed#finish()} after the store committed it; {@link Armed#disarm()} after the server
 * undid the plan itself.
 */
public interface LinkLossGuard {

    Armed arm(Router router, ValidatedPlan plan);

    /** A guard protecting one running plan. */
    interface Armed {
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
    LinkLossGuard NONE = (router, plan) -> new Armed() {
        @Override public void confirm() { }
        @Override public void disarm() { }
        @Override public String describe() { return "no link-loss protection"; }
    };
}
