package com.nasnetconnect.domain.router;

import com.nasnetconnect.domain.common.OutPort;
import java.util.Objects;
import java.util.Optional;

/**
 * One API session to one router, held by one caller until {@link #close()}: every command sent through it runs
 * on the same login, so what the session holds on the router (safe mode) covers all of them. Commands go in
 * {@link Batch}es: a batch is written at once and its replies are awaited together — one router round trip
 * however many commands it carries — and the router runs its commands in the order they were added. A command
 * that fails does not stop the ones after it; each has its own outcome. Part of the {@link RouterGateway}
 * out-port: the routeros adapter implements it.
 */
@OutPort
public interface RouterSession extends AutoCloseable {

    /** A new, empty batch on this session. */
    Batch batch();

    /** Runs one command in a batch of its own (one round trip); a trap becomes {@link RouterException.Trap}. */
    default RouterReply execute(RouterCommand command) {
        var b = batch();
        var reply = b.add(command);
        b.run();
        return reply.get();
    }

    /** Gives the session back (to its gateway's pool, or closes it when it broke). Never throws. */
    @Override
    void close();

    /** Commands written together and awaited together. Not thread-safe; run at most once. */
    interface Batch {
        /** Adds a command; its outcome is known after {@link #run()}. */
        Pending<RouterReply> add(RouterCommand command);

        /** Adds the reads of {@link RouterGateway#platform}; the platform is known after {@link #run()}. */
        Pending<PlatformInfo> platform();

        /** True when nothing was added. */
        boolean isEmpty();

        /**
         * Sends every command and waits for every reply, within the gateway's deadline. Never throws for one
         * command's failure (that is its {@link Pending}'s); a lost session fails every command not answered.
         */
        void run();
    }

    /** The outcome of one command of a batch, known once the batch has run. */
    final class Pending<T> {
        private T value;
        private RouterException failure;
        private boolean known;

        public void succeed(T value) {
            if (known) throw new IllegalStateException("outcome already known");
            this.value = value;
            this.known = true;
        }

        public void fail(RouterException failure) {
            if (known) throw new IllegalStateException("outcome already known");
            this.failure = Objects.requireNonNull(failure, "failure");
            this.known = true;
        }

        public boolean known() {
            return known;
        }

        /** The value, or the command's failure thrown. */
        public T get() {
            if (!known) throw new IllegalStateException("the batch has not run yet");
            if (failure != null) throw failure;
            return value;
        }

        /** The failure, if the command failed. */
        public Optional<RouterException> failure() {
            if (!known) throw new IllegalStateException("the batch has not run yet");
            return Optional.ofNullable(failure);
        }
    }
}
