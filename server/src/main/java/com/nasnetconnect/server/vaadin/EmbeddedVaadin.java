package com.nasnetconnect.server.vaadin;

import com.nasnetconnect.ui.Screens;
import com.vaadin.flow.server.communication.JSR356WebsocketInitializer;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.atmosphere.cpr.ApplicationConfig;
import org.atmosphere.cpr.AtmosphereFramework;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * Vaadin Flow on an embedded Jetty 12.1 (ee11), reachable only from this process: it binds 127.0.0.1 on an
 * ephemeral port and refuses every request that lacks the per-process front-door secret header, so the only
 * way in is through the Helidon front door (which authenticates and adds the header). Jetty honours the
 * {@code X-Forwarded-*} headers the front door sets.
 *
 * <p>A plain servlet context, not a web application: no descriptor is parsed and no class is scanned at start. The
 * servlet container initializers get the classes their {@code @HandlesTypes} ask for from the list recorded for this
 * build ({@link ServletStartup}), which a test keeps equal to what Jetty's annotation scan finds.
 */
public final class EmbeddedVaadin implements AutoCloseable {
    /** Header the front door adds to every forwarded request; its value is random per process. */
    public static final String SECRET_HEADER = "X-NNC-Front-Door";

    /**
     * The {@code META-INF/resources} folders served as the context's static files (the servlet spec's resources of
     * web fragments): Vaadin's own jars ({@code vaadinPush-min.js}, the Lumo and Aura styles) and our UI's (the app's
     * styles), in the UI module's build its classes folder. Other jars' folders (the GraphQL console's webjars) stay out.
     */
    static final Pattern WEB_RESOURCE_ROOTS =
            Pattern.compile(".*/(ui-vaadin|flow-|vaadin-)[^/]*\\.jar!/META-INF/resources/?|.*/ui-vaadin/target/classes/META-INF/resources/?");

    /**
     * Seconds between a visible page's heartbeats (Vaadin's default is 300). A page that is open keeps its session
     * alive with them (and its push connection carries the live updates); a phone that suspends the tab sends none.
     */
    static final int HEARTBEAT_SECONDS = 60;
    /**
     * Seconds without any request (heartbeats count) after which the HTTP session and every UI in it are
     * reclaimed: a suspended phone's overview is freed five minutes after its last heartbeat. A visible page
     * never gets there (a heartbeat a minute), and {@code closeIdleSessions} stays off so a page that only
     * watches live values is not closed for want of clicks. A page reopened after that signs in again.
     */
    static final int SESSION_TIMEOUT_SECONDS = 5 * 60;
    /**
     * Threads of Atmosphere's shared pool of asynchronous writes to the push connections. Its default is a
     * "fixed" pool of 200 platform threads, which starts a new thread for every write until it has all 200:
     * pushing the overview's live values to 8 open pages left 120 of them behind, a few hundred KB of RSS each. A
     * write only hands the message to the websocket (or the long-polling response), so a few threads serve every
     * open page; idle ones end after 30 s. (The dispatch pool keeps Atmosphere's default: it grows only with
     * concurrent broadcasts, and its loop tasks must not wait behind each other.)
     */
    static final int PUSH_WRITE_THREADS = 4;
    /**
     * Characters and bytes of the two buffers Atmosphere gives every push WebSocket for assembling a message the
     * container streams in pieces. Vaadin asks for 16 Ki of each (48 KB of heap for every open page, ~8 % of a UI
     * session's share of the heap), but Jetty hands Atmosphere's JSR 356 endpoint whole messages, so the buffers stay
     * unused; if a message were ever streamed, Atmosphere doubles them as needed (up to the 16 Ki message limit).
     */
    static final int PUSH_ASSEMBLY_BUFFER = 256;
    static final String VAADIN_SERVLET = "com.vaadin.flow.server.VaadinServlet";

    static {
        avoidPlatformMBeanServer();
    }

    /**
     * Jetty's threads. Its default pool keeps 8 platform threads alive even when idle (about 100 KB of RSS each);
     * the only client is the front door on loopback, so 2 stay (its acceptor and selector need those) and the rest
     * come and go with the load, ending after 30 s idle.
     */
    static QueuedThreadPool threadPool() {
        QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, 2, 30_000);
        pool.setName("ui-jetty");
        return pool;
    }

    /** Jetty's default, enough for the pages' concurrent requests and long-polling push. */
    static final int MAX_THREADS = 200;

    /**
     * Jetty's thread pool asks how many object references fit in a cache line (to pad its queue). Unless told, it
     * finds out by starting the JVM's platform MBean server and asking the HotSpot diagnostic bean whether oops are
     * compressed: about 110 JMX classes and every platform MBean registered, at start, for one number. It is told
     * here, before any Jetty class is used: a 64-byte line holds 16 compressed references, which HotSpot uses for
     * every heap below 32 GB (8 above). An explicit {@code -Dorg.eclipse.jetty.util.referencesPerCacheLine} wins.
     */
    static void avoidPlatformMBeanServer() {
        String key = "org.eclipse.jetty.util.referencesPerCacheLine";
        if (System.getProperty(key) == null) {
            System.setProperty(key, Runtime.getRuntime().maxMemory() < (32L << 30) ? "16" : "8");
        }
    }

    private final Server server;
    private final String secret;
    private final Path webRoot;
    private final ServletContextHandler context;
    private final ServletHolder vaadinServlet;

    /** Starts with the UI's screens already known (tests). */
    public EmbeddedVaadin(Screens screens) throws IOException {
        this();
        attach(screens);
    }

    /**
     * Vaadin without the UI's screens yet: it can start (scan, initialise) while the rest of the application is
     * still being built; {@link #attach} must be called before the front door lets any request through.
     */
    public EmbeddedVaadin() throws IOException {
        this.secret = HexFormat.of().formatHex(randomBytes());
        this.webRoot = Files.createTempDirectory("nnc-webroot");
        webRoot.toFile().deleteOnExit();

        server = new Server(threadPool());
        HttpConfiguration http = new HttpConfiguration();
        http.addCustomizer(new ForwardedRequestCustomizer());
        http.setSendServerVersion(false);
        // No per-connection cache of request header fields (Jetty's default holds a 1024-entry trie, ~100 KB, per
        // connection): the only client is the front door on loopback, and parsing a header again costs nothing.
        http.setHeaderCacheSize(0);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);

        context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        // The application's class loader (Vaadin loads its services and our views through the context's loader).
        context.setClassLoader(EmbeddedVaadin.class.getClassLoader());
        List<Resource> resources = new ArrayList<>();
        resources.add(ResourceFactory.of(context).newResource(webRoot));
        for (URI root : webResourceRoots(context.getClassLoader())) resources.add(ResourceFactory.of(context).newResource(root));
        context.setBaseResource(ResourceFactory.combine(resources));
        ServletStartup.recorded().registerOn(context, context.getClassLoader());
        // NNCSESSION: HttpOnly, SameSite=Strict, Path=/, Secure when the front door served HTTPS (Jetty reads
        // X-Forwarded-Proto; secure-request-only is its default). Strict: a link from another site lands on the
        // login page instead of carrying the session along.
        context.getSessionHandler().setHttpOnly(true);
        context.getSessionHandler().setSameSite(org.eclipse.jetty.http.HttpCookie.SameSite.STRICT);
        context.getSessionHandler().setSessionPath("/");
        context.getSessionHandler().setSessionCookie("NNCSESSION");
        context.getSessionHandler().setMaxInactiveInterval(SESSION_TIMEOUT_SECONDS);
        context.setInitParameter("heartbeatInterval", String.valueOf(HEARTBEAT_SECONDS));
        context.setInitParameter("closeIdleSessions", "false");
        // The Vaadin servlet, registered here rather than by Vaadin's automatic deployment, which it then skips: the
        // only way to hand Atmosphere its settings (Vaadin initialises push from the servlet's own init parameters).
        ServletHolder vaadin = context.addServlet(VAADIN_SERVLET, "/*");
        vaadin.setAsyncSupported(true);
        vaadin.setInitOrder(1);
        vaadin.setInitParameter("org.atmosphere.cpr.broadcaster.maxAsyncWriteThreads", String.valueOf(PUSH_WRITE_THREADS));
        vaadinServlet = vaadin;

        server.setHandler(new FrontDoorOnly(secret, context));
    }

    /** The {@code META-INF/resources} folders on the class path that {@link #WEB_RESOURCE_ROOTS} selects, in class path order. */
    static List<URI> webResourceRoots(ClassLoader loader) throws IOException {
        List<URI> roots = new ArrayList<>();
        for (URL url : Collections.list(loader.getResources("META-INF/resources"))) {
            if (!WEB_RESOURCE_ROOTS.matcher(url.toString()).matches()) continue;
            try {
                roots.add(url.toURI());
            } catch (URISyntaxException e) {
                throw new IOException("a class path entry is no URI: " + url, e);
            }
        }
        return roots;
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return b;
    }

    /**
     * Hands the UI its screens: the table of constructors Vaadin's instantiator builds every view with (it reads the
     * servlet context when a view is built, so this may come after {@link #start}, but before the first request).
     */
    public void attach(Screens screens) {
        context.setAttribute(Screens.ATTRIBUTE, java.util.Objects.requireNonNull(screens, "screens"));
    }

    public void start() throws Exception {
        server.start();
        shrinkPushAssemblyBuffers();
    }

    /**
     * Vaadin sets Atmosphere's WebSocket buffer size as a framework parameter, which wins over the servlet's init
     * parameters, so it is overridden on the framework itself once Vaadin has built it (at context start, before the
     * first push connection; every WebSocket reads the value when it is opened).
     */
    private void shrinkPushAssemblyBuffers() {
        atmosphere().addInitParameter(ApplicationConfig.WEBSOCKET_BUFFER_SIZE, String.valueOf(PUSH_ASSEMBLY_BUFFER));
    }

    /** The size of the assembly buffers a push WebSocket opened now gets (tests). */
    int pushAssemblyBuffer() {
        return Integer.parseInt(atmosphere().getAtmosphereConfig().getInitParameter(ApplicationConfig.WEBSOCKET_BUFFER_SIZE));
    }

    /** Seconds an HTTP session lives without a request, as the started context applies it (tests). */
    int sessionTimeoutSeconds() {
        return context.getSessionHandler().getMaxInactiveInterval();
    }

    /** Vaadin's push framework for our servlet, which Vaadin builds when the context starts. */
    private AtmosphereFramework atmosphere() {
        Object framework = context.getServletContext().getAttribute(JSR356WebsocketInitializer.getAttributeName(vaadinServlet.getName()));
        if (framework instanceof AtmosphereFramework atmosphere) return atmosphere;
        throw new IllegalStateException("Vaadin set up no push framework for servlet " + vaadinServlet.getName() + ": " + framework);
    }

    /** Jetty's thread pool (tests). */
    QueuedThreadPool threads() {
        return (QueuedThreadPool) server.getThreadPool();
    }

    /** Where the front door forwards to, e.g. {@code http://127.0.0.1:41234}. */
    public URI uri() {
        int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The value the front door must send in {@link #SECRET_HEADER}. */
    public String secret() {
        return secret;
    }

    @Override
    public void close() throws Exception {
        server.stop();
        try (var files = Files.walk(webRoot)) {
            files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        }
    }

    /** Refuses (403) every request that did not come through the front door. */
    static final class FrontDoorOnly extends Handler.Wrapper {
        private final byte[] secret;

        FrontDoorOnly(String secret, Handler next) {
            super(next);
            this.secret = secret.getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String given = request.getHeaders().get(SECRET_HEADER);
            if (given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.US_ASCII))) {
                Response.writeError(request, response, callback, 403, "forbidden");
                return true;
            }
            return super.handle(request, response, callback);
        }
    }
}
