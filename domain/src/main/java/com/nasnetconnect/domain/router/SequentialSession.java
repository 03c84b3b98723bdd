package com.nasnetconnect.domain.router;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@link RouterGateway#session}'s fallback: a batch's commands run one after another through the gateway's
 * {@code execute}, each waiting for its reply; like a pipelined batch, a failure does not stop the rest.
 */
final class SequentialSession implements RouterSession {
    private final RouterGateway gateway;
    private final RouterEndpoint router;

    SequentialSession(RouterGateway gateway, RouterEndpoint router) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.router = Objects.requireNonNull(router, "router");
    }

    @Override
    public Batch batch() {
        return new Batch() {
            private final List<Runnable> steps = new ArrayList<>();
            private boolean ran;

            @Override
            public Pending<RouterReply> add(RouterCommand command) {
                Objects.requireNonNull(command, "command");
                var p = new Pending<RouterReply>();
                steps.add(() -> {
                    try {
                        p.succeed(gateway.execute(router, command));
                    } catch (RouterException e) {
                        p.fail(e);
                    }
                });
                return p;
            }

            @Override
            public Pending<PlatformInfo> platform() {
                var p = new Pending<PlatformInfo>();
                steps.add(() -> {
                    try {
                        p.succeed(gateway.platform(router));
                    } catch (RouterException e) {
                        p.fail(e);
                    }
                });
                return p;
            }

            @Override
            public boolean isEmpty() {
                return steps.isEmpty();
            }

            @Override
            public void run() {
                if (ran) throw new IllegalStateException("a batch runs once");
                ran = true;
                steps.forEach(Runnable::run);
            }
        };
    }

    @Override
    public void close() {
    }
}
