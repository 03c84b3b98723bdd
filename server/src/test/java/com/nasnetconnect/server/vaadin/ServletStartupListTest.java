package com.nasnetconnect.server.vaadin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.nasnetconnect.server.vaadin.ServletStartup.Initializer;
import com.nasnetconnect.ui.Screens;
import com.vaadin.flow.router.Route;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.eclipse.jetty.ee11.servlet.BaseHolder;
import org.eclipse.jetty.ee11.servlet.ServletContainerInitializerHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler.ServletContainerInitializerStarter;
import org.eclipse.jetty.ee11.servlet.Source;
import org.eclipse.jetty.ee11.webapp.MetaInfConfiguration;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The recorded {@value ServletStartup#RESOURCE} is what Jetty's annotation scan finds in this build, the scan the
 * server ran at every start before the list was recorded: a web application context scanning Vaadin's jars and the UI.
 */
@Timeout(120)
class ServletStartupListTest {
    /** The jars that were scanned: Vaadin's own and the UI (scanning every jar on the class path cost seconds). */
    static final String SCAN_PATTERN = ".*/(ui-vaadin|flow-|vaadin-)[^/]*\\.jar$|.*/ui-vaadin/target/classes/.*";

    @Test
    void recordedListIsWhatJettysAnnotationScanFinds() throws Exception {
        String scanned = scan().render();
        String recorded = recordedText();
        if (scanned.equals(recorded)) return;
        Set<String> missing = entries(scanned);
        missing.removeAll(entries(recorded));
        Set<String> extra = entries(recorded);
        extra.removeAll(entries(scanned));
        fail("server/src/main/resources/com/nasnetconnect/server/vaadin/" + ServletStartup.RESOURCE
                + " no longer matches Jetty's annotation scan (a view, listener or library was added, removed or renamed)."
                + "\nmissing from the file: " + missing + "\nin the file but not found by the scan: " + extra
                + "\nReplace the file's content with:\n" + scanned);
    }

    @Test
    void recordedListHandsVaadinEveryRouteViewOfTheUi() throws Exception {
        Set<String> views = routeViewsOfTheUi();
        assertThat(views).as("@Route views in the UI module").hasSizeGreaterThan(10)
                .contains("com.nasnetconnect.ui.overview.OverviewView", "com.nasnetconnect.ui.login.LoginView");
        Initializer routes = ServletStartup.recorded().initializers().stream()
                .filter(i -> i.className().equals("com.vaadin.flow.server.startup.RouteRegistryInitializer")).findFirst()
                .orElseThrow(() -> new AssertionError("no RouteRegistryInitializer in " + ServletStartup.RESOURCE));
        assertThat(routes.startupClasses()).containsAll(views);
    }

    @Test
    void fileFormatRoundTripsAndRejectsWhatItCannotRegister() {
        ServletStartup list = ServletStartup.parse(recordedText());
        assertThat(ServletStartup.parse(list.render())).isEqualTo(list);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ServletStartup.parse("servlet com.example.Servlet\n"))
                .hasMessageContaining("line 1").hasMessageContaining("servlet com.example.Servlet");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ServletStartup.parse("listener a.B\n  class c.D\n"))
                .hasMessageContaining("line 2").hasMessageContaining("belongs under an initializer");
    }

    @Test
    void staticFilesComeFromTheSameJarsAsTheWebApplicationsFragmentResources() throws Exception {
        List<String> webApp = new ArrayList<>();
        scan(context -> {
            for (org.eclipse.jetty.util.resource.Resource r : ((org.eclipse.jetty.util.resource.CombinedResource) context.getBaseResource()).getResources())
                if (r.getURI().toString().contains("META-INF/resources")) webApp.add(r.getURI().toString().replace("file:///", "file:/").replaceAll("/$", ""));
        });
        List<String> embedded = EmbeddedVaadin.webResourceRoots(Screens.class.getClassLoader()).stream().map(u -> u.toString().replace("file:///", "file:/").replaceAll("/$", "")).toList();
        assertThat(embedded).as("META-INF/resources folders EmbeddedVaadin serves").containsExactlyInAnyOrderElementsOf(webApp)
                .anyMatch(u -> u.contains("flow-push")).anyMatch(u -> u.contains("ui-vaadin"));
    }

    static ServletStartup scan() throws Exception {
        return scan(context -> { });
    }

    /** Runs the scan as the server did, and reads what it registered from annotations and initializers. */
    static ServletStartup scan(java.util.function.Consumer<WebAppContext> inspect) throws Exception {
        Path webRoot = Files.createTempDirectory("nnc-scan");
        Server server = new Server();
        WebAppContext context = new WebAppContext();
        context.setContextPath("/");
        context.setBaseResource(context.getResourceFactory().newResource(webRoot));
        context.setAttribute(MetaInfConfiguration.CONTAINER_JAR_PATTERN, SCAN_PATTERN);
        context.setConfigurationDiscovered(true);
        context.setThrowUnavailableOnStartupException(true);
        context.addServlet(EmbeddedVaadin.VAADIN_SERVLET, "/*").setAsyncSupported(true);
        server.setHandler(context);
        server.start();
        try {
            inspect.accept(context);
            List<Initializer> initializers = new ArrayList<>();
            for (ServletContainerInitializerHolder h : context.getBean(ServletContainerInitializerStarter.class).getServletContainerInitializerHolders()) {
                Matcher m = ServletContainerInitializerHolder.__pattern.matcher(h.toString());
                if (!m.matches()) throw new AssertionError("unexpected form of " + h);
                String classes = m.group(2).substring(1, m.group(2).length() - 1).strip();
                initializers.add(new Initializer(m.group(1), classes.isEmpty() ? List.of() : List.of(classes.split(",\\s*"))));
            }
            List<String> listeners = new ArrayList<>();
            Stream.of(context.getServletHandler().getListeners()).filter(ServletStartupListTest::fromAnnotation).forEach(l -> listeners.add(l.getClassName()));
            List<String> annotated = Stream.concat(Stream.of(java.util.Objects.requireNonNullElse(context.getServletHandler().getServlets(), new BaseHolder<?>[0])),
                            Stream.of(java.util.Objects.requireNonNullElse(context.getServletHandler().getFilters(), new BaseHolder<?>[0])))
                    .filter(ServletStartupListTest::fromAnnotation).map(BaseHolder::getClassName).toList();
            assertThat(annotated).as("@WebServlet/@WebFilter classes, which EmbeddedVaadin does not register (it would need to)").isEmpty();
            return new ServletStartup(initializers, listeners);
        } finally {
            server.stop();
            Files.deleteIfExists(webRoot);
        }
    }

    private static boolean fromAnnotation(BaseHolder<?> holder) {
        return holder.getSource() != null && holder.getSource().getOrigin() == Source.Origin.ANNOTATION;
    }

    private static String recordedText() {
        try (InputStream in = ServletStartup.class.getResourceAsStream(ServletStartup.RESOURCE)) {
            assertThat(in).as(ServletStartup.RESOURCE).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The file's entries as comparable lines: "initializer X", "initializer X class Y", "listener Z". */
    private static Set<String> entries(String text) {
        Set<String> out = new TreeSet<>();
        String initializer = null;
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            if (l.startsWith("class ")) out.add(initializer + " " + l);
            else {
                out.add(l);
                if (l.startsWith("initializer ")) initializer = l;
            }
        }
        return out;
    }

    /** Every class of the UI module (directory or jar) annotated with Vaadin's {@code @Route}. */
    private static Set<String> routeViewsOfTheUi() throws Exception {
        URI location = Screens.class.getProtectionDomain().getCodeSource().getLocation().toURI();
        Path ui = Path.of(location);
        Set<String> views = new TreeSet<>();
        if (Files.isDirectory(ui)) {
            collectRoutes(ui, views);
        } else {
            try (FileSystem jar = FileSystems.newFileSystem(ui, Map.of())) {
                collectRoutes(jar.getPath("/"), views);
            }
        }
        return views;
    }

    private static void collectRoutes(Path root, Set<String> views) throws Exception {
        List<Path> classes;
        try (Stream<Path> files = Files.walk(root)) {
            classes = files.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().equals("module-info.class")).toList();
        }
        for (Path p : classes) {
            String rel = root.relativize(p).toString();
            String name = rel.substring(0, rel.length() - ".class".length()).replace('/', '.').replace('\\', '.');
            if (Class.forName(name, false, Screens.class.getClassLoader()).isAnnotationPresent(Route.class)) views.add(name);
        }
    }
}
