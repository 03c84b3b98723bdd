package com.nasnetconnect.domain.apply;

import java.util.List;

/**
 * An apply did not happen. In every case the store is unchanged; {@link #routerRestored()} says whether the
 * router is known to be exactly as before (undone by the server) or will restore itself (link-loss guard).
 */
public sealed class ApplyException extends RuntimeException
        permits ApplyException.Invalid, ApplyException.Rejected, ApplyException.GuardFailed, ApplyException.NotConfirmed {

    private final boolean routerRestored;

    ApplyException(String message, boolean routerRestored, Throwable cause) {
        super(message, cause);
        this.routerRestored = routerRestored;
    }

    public boolean routerRestored() {
        return routerRestored;
    }

    /** Validation found errors; nothing was sent to the router. */
    public static final class Invalid extends ApplyException {
        private final ValidatedPlan plan;

        public Invalid(ValidatedPlan plan) {
            super("configuration is invalid, nothing was sent to the router: " + plan.errors(), true, null);
            this.plan = plan;
        }

        public ValidatedPlan plan() { return plan; }
        public List<ValidationIssue> errors() { return plan.errors(); }
    }

    /**
     * Command {@code failedStep} of {@code totalSteps} (1-based) failed; the ones before it were undone in
     * reverse order (when {@code routerRestored}) or are left to the link-loss guard.
     */
    public static final class Rejected extends ApplyException {
        private final int failedStep;
        private final int totalSteps;
        private final String failedCommand;
        private final String routerMessage;

        public Rejected(int failedStep, int totalSteps, String failedCommand, String routerMessage, boolean restored,
                        String undoNote, Throwable cause) {
            super("command " + failedStep + " of " + totalSteps + " failed: " + failedCommand + ": " + routerMessage
                    + "; " + undoNote, restored, cause);
            this.failedStep = failedStep;
            this.totalSteps = totalSteps;
            this.failedCommand = failedCommand;
            this.routerMessage = routerMessage;
        }

        public int failedStep() { return failedStep; }
        public int totalSteps() { return totalSteps; }
        public String failedCommand() { return failedCommand; }
        public String routerMessage() { return routerMessage; }
    }

    /**
     * The link-loss protection could not be set up. The plan's commands travel in the same pipelined batch right
     * behind the arming commands; whatever of them ran was undone ({@link #routerRestored()} says whether fully).
     */
    public static final class GuardFailed extends ApplyException {
        public GuardFailed(String message, Throwable cause) {
            super(message, true, cause);
        }

        public GuardFailed(String message, boolean restored, Throwable cause) {
            super(message, restored, cause);
        }
    }

    /** The plan ran but could not be confirmed or merged (read-back, confirm or store failed); it was undone. */
    public static final class NotConfirmed extends ApplyException {
        public NotConfirmed(String message, boolean restored, Throwable cause) {
            super(message, restored, cause);
        }
    }
}
