package com.nasnetconnect.domain.update;

/** Where the device stands with updates (GraphQL {@code UpdateStatus.state}). */
public enum UpdateState {
    /** No check made yet, or checks are off ({@code NNC_UPDATE_POLICY=never}, no {@code NNC_UPDATE_URL}). */
    IDLE,
    /** The newest trusted release is the running one. */
    UP_TO_DATE,
    /** A newer release is known; what happens next is in {@link UpdateStatus#decision()}. */
    AVAILABLE,
    DOWNLOADING,
    /** Downloaded and verified, staged beside the running version; switched to on the next restart. */
    STAGED,
    /** A major release waits for the owner's {@code applyUpdate}. */
    AWAITING_APPROVAL,
    /** A breaking release waits for the owner to review its notes and approve. */
    AWAITING_REVIEW,
    /** The last check or apply failed; {@link UpdateStatus#lastError()} says why, the last good state is kept. */
    FAILED,
    /** A new version did not report healthy and the launcher switched back; the history says why. */
    ROLLED_BACK
}
