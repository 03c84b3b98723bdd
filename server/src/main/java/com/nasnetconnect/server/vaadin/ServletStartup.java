package com.nasnetconnect.server.vaadin;

import jakarta.servlet.ServletContainerInitializer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EventListener;
import java.util.List;
import org.eclipse.jetty.ee11.servlet.ListenerHolder;
import org.eclipse.jetty.ee11.servlet.ServletContainerInitializerHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;

/**
 * What a servlet container's annotation scan finds for the UI, recorded once per build in {@value #RESOURCE}: every
 * {@link ServletContainerInitializer} on the class path with the classes its {@code @HandlesTypes} asks for (our
 * {@code @Route} views, the app shell, Vaadin's lookup services, …), and the {@code @WebListener} classes. Jetty's scan
 * parses some 2,300 classes to get this answer, the same at every start of a build; reading it from the file costs
 * nothing. {@code ServletStartupListTest} runs the real scan and fails the build when the file no longer matches it.
 *
 * <p>File format: one entry a line, {@code initializer <class>} followed by its {@code "  class <class>"} lines, then
 * {@code listener <class>} lines; each group sorted by name; {@code #} starts a comment. Initializers are registered
 * in the file's order: Jetty itself calls them in the order of a hash map of instances (a different order at every
 * start), and Vaadin defers any of its initializers that runs before its lookup is ready.
 */
record ServletStartup(List<Initializer> initializers, List<String> listeners) {
    static final String RESOURCE = "servlet-startup.txt";
    static final String HEADER = """
            # What Jetty's annotation scan finds for the UI (servlet container initializers with their @HandlesTypes
            # classes, @WebListener classes); EmbeddedVaadin registers these instead of scanning at every start.
            # ServletStartupListTest checks it against a real scan and prints the new content when it has changed.
            """;

    /** A {@link ServletContainerInitializer} and the classes handed to its {@code onStartup}. */
    record Initializer(String className, List<String> startupClasses) {
        Initializer {
            startupClasses = List.copyOf(startupClasses);
        }
    }

    ServletStartup {
        initializers = List.copyOf(initializers);
        listeners = List.copyOf(listeners);
    }

    /** The list recorded for this build. */
    static ServletStartup recorded() {
        try (InputStream in = ServletStartup.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("resource " + RESOURCE + " is missing next to " + ServletStartup.class.getName());
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    static ServletStartup parse(String text) {
        List<Initializer> initializers = new ArrayList<>();
        List<String> listeners = new ArrayList<>();
        String initializer = null;
        List<String> classes = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] words = line.split("\\s+");
            if (words.length != 2) throw bad(n, lines[n], "expected a keyword and a class name");
            switch (words[0]) {
                case "initializer" -> {
                    if (initializer != null) initializers.add(new Initializer(initializer, classes));
                    initializer = words[1];
                    classes = new ArrayList<>();
                }
                case "class" -> {
                    if (initializer == null || !listeners.isEmpty()) throw bad(n, lines[n], "a class line belongs under an initializer");
                    classes.add(words[1]);
                }
                case "listener" -> listeners.add(words[1]);
                default -> throw bad(n, lines[n], "unknown entry (EmbeddedVaadin registers initializers and listeners only)");
            }
        }
        if (initializer != null) initializers.add(new Initializer(initializer, classes));
        return new ServletStartup(initializers, listeners);
    }

    private static IllegalArgumentException bad(int n, String line, String why) {
        return new IllegalArgumentException(RESOURCE + " line " + (n + 1) + ": " + why + ": '" + line + "'");
    }

    /** The file's content for this list, every group sorted by name. */
    String render() {
        StringBuilder out = new StringBuilder(HEADER);
        initializers.stream().sorted(Comparator.comparing(Initializer::className)).forEach(i -> {
            out.append("initializer ").append(i.className()).append('\n');
            i.startupClasses().stream().sorted().forEach(c -> out.append("  class ").append(c).append('\n'));
        });
        listeners.stream().sorted().forEach(l -> out.append("listener ").append(l).append('\n'));
        return out.toString();
    }

    /** Registers the initializers (with their classes) and the listeners on a context that is not started yet. */
    void registerOn(ServletContextHandler context, ClassLoader loader) {
        for (Initializer i : initializers) {
            Class<? extends ServletContainerInitializer> sci = load(i.className(), loader, ServletContainerInitializer.class);
            Class<?>[] classes = i.startupClasses().stream().map(c -> load(c, loader, Object.class)).toArray(Class<?>[]::new);
            context.addServletContainerInitializer(new ServletContainerInitializerHolder(sci, classes));
        }
        for (String l : listeners) context.getServletHandler().addListener(new ListenerHolder(load(l, loader, EventListener.class)));
    }

    private static <T> Class<? extends T> load(String name, ClassLoader loader, Class<T> type) {
        Class<?> c;
        try {
            c = Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException(RESOURCE + " names " + name + ", which cannot be loaded (" + e
                    + "): the list is stale; ServletStartupListTest prints the current one", e);
        }
        if (!type.isAssignableFrom(c)) throw new IllegalStateException(RESOURCE + " names " + name + ", which is not a " + type.getName());
        return c.asSubclass(type);
    }
}
