package com.nasnetconnect.ui;

import com.nasnetconnect.ui.login.LoginHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How every screen of the UI is built: the composition root's table from a view (or layout) class to the
 * constructor call that hands it its controller and in-ports, plus the sign-in the access control checks every
 * navigation against. Vaadin creates views itself; {@link ScreenInstantiator} asks this table first, so a view gets
 * what it needs in its constructor and never looks anything up. A class not in the table (one of Vaadin's own, or a
 * view that needs nothing) is created as Vaadin would.
 *
 * <p>The composition root stores the table in the servlet context under {@link #ATTRIBUTE} before the first
 * request; the builders run per navigation, in the request of the user who navigates.
 */
public final class Screens {
    /** The servlet-context attribute under which the composition root stores the table. */
    public static final String ATTRIBUTE = Screens.class.getName();

    private final LoginHandler login;
    private final Map<Class<?>, Supplier<?>> builders;

    private Screens(LoginHandler login, Map<Class<?>, Supplier<?>> builders) {
        this.login = login;
        this.builders = Map.copyOf(builders);
    }

    public static Builder builder(LoginHandler login) {
        return new Builder(login);
    }

    /** Signs users in; the access control re-checks every navigation with it. */
    public LoginHandler login() {
        return login;
    }

    /** A new instance of {@code type} from its table entry; empty when the table has none. */
    public <T> Optional<T> create(Class<T> type) {
        Supplier<?> builder = builders.get(type);
        return builder == null ? Optional.empty() : Optional.of(type.cast(builder.get()));
    }

    public static final class Builder {
        private final LoginHandler login;
        private final Map<Class<?>, Supplier<?>> builders = new LinkedHashMap<>();

        private Builder(LoginHandler login) {
            this.login = Objects.requireNonNull(login, "login");
        }

        /** How {@code type} is built; each navigation to it calls {@code builder} once. */
        public <T> Builder screen(Class<T> type, Supplier<? extends T> builder) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(builder, "builder");
            if (builders.putIfAbsent(type, builder) != null) {
                throw new IllegalArgumentException("screen listed twice: " + type.getName());
            }
            return this;
        }

        public Screens build() {
            return new Screens(login, builders);
        }
    }
}
