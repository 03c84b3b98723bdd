package com.nasnetconnect.routeros.sim;

import java.util.Map;

/** Where a command's replies go; the session adds the request's .tag to every sentence. */
interface ReplySink {

    void re(Map<String, String> attributes);

    void done(Map<String, String> attributes);

    void empty();

    /** Sends the trap sentences (not !done). */
    void trap(ApiTrap trap);

    /**
     * True when long commands may finish later on their own thread (an API connection); false for callers that
     * need the command finished on return (scripts).
     */
    default boolean async() {
        return false;
    }

    /** Called by a command that finished on its own thread after its last reply. */
    default void finished() {
    }

    /** A sink that discards replies (scripts). */
    ReplySink DISCARD = new ReplySink() {
        @Override
        public void re(Map<String, String> attributes) {
        }

        @Override
        public void done(Map<String, String> attributes) {
        }

        @Override
        public void empty() {
        }

        @Override
        public void trap(ApiTrap trap) {
        }
    };
}
