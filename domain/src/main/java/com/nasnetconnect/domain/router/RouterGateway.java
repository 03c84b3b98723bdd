package com.nasnetconnect.domain.router;

import com.nasnetconnect.domain.common.OutPort;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Out-port: the only way the domain talks to a RouterOS router. Implementations pool connections per
 * {@link RouterEndpoint#address()} and bound every call by a deadline: a call returns or throws a
 * {@link RouterException} within its timeout, never hangs. {@link #execute} borrows a pooled connection for one
 * command; {@link #session} pins one connection to its caller for a whole unit of work (an apply), which sends
 * its commands in pipelined batches.
 */
@OutPort
public interface RouterGateway extends AutoCloseable {

    /** Runs one command and waits for its {@code !done}. A {@code !trap} becomes {@link RouterException.Trap}. */
    RouterReply execute(RouterEndpoint router, RouterCommand command);

    /** As {@link #execute(RouterEndpoint, RouterCommand)} with an explicit deadline. */
    RouterReply execute(RouterEndpoint router, RouterCommand command, Duration timeout);

    /**
     * Starts a stream ({@code listen}, or {@code print =follow=}): each {@code !re} goes to {@code onRow}
     * (a removed item arrives with {@code .dead=true}); a failure goes to {@code onError} once, and ends it.
     * Closing the handle sends {@code /cancel}.
     */
    Stream stream(RouterEndpoint router, RouterCommand command, Consumer<java.util.Map<String, String>> onRow,
                  Consumer<RouterException> onError);

    /**
     * A session pinned to one connection until closed, for work whose commands must share one login (safe mode)
     * and that sends them in batches. The default runs each batch's commands one after another through
     * {@link #execute}, on whatever connection the pool gives, for gateways that cannot pin or pipeline.
     */
    default RouterSession session(RouterEndpoint router) {
        return new SequentialSession(this, router);
    }

    /** Reads version, board, architecture and installed packages: the platform layer's capabilities. */
    PlatformInfo platform(RouterEndpoint router);

    /** Drops pooled connections to this router (e.g. after its credentials changed or it was deleted). */
    void disconnect(RouterEndpoint router);

    @Override
    void close();

    /** A running stream. */
    interface Stream extends AutoCloseable {
        @Override
        void close();
    }
}
