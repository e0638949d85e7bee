package org.iamlab.site;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Serves a built site on localhost with the JDK's HTTP server: files under the site's folder only, GET and HEAD,
 * {@code index.html} for a folder, 404 otherwise. Each HTML page it serves (not the files on disk, which stay as
 * any static host serves them) gets a small script that reloads the page when the site is built again: it asks
 * {@value #BUILDS} for the number of builds every second.
 */
public final class SiteServer implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "png", "image/png",
            "svg", "image/svg+xml", "json", "application/json", "txt", "text/plain; charset=utf-8",
            "adoc", "text/plain; charset=utf-8");

    /** Where a served page asks how many times the site was built. */
    static final String BUILDS = "/__iamlab/builds";

    /** Reloads the page once the number of builds changes; waits longer while the server is away. */
    private static final String RELOAD = "<script>/* iamlab site --serve: reload when the site is built again */"
            + "(function(){var seen=null;function poll(){fetch('" + BUILDS + "',{cache:'no-store'})"
            + ".then(function(r){return r.text();}).then(function(t){if(seen!==null&&t!==seen){location.reload();"
            + "return;}seen=t;setTimeout(poll,1000);},function(){setTimeout(poll,3000);});}poll();})();</script>";

    private final HttpServer server;
    private final Path root;
    private final LongSupplier builds;

    private SiteServer(Path root, int port, LongSupplier builds) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.builds = builds;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Serves {@code root} on {@code port} of localhost (0: any free port); {@code builds} counts the site's builds,
     * so that a page reloads when it changes.
     */
    public static SiteServer start(Path root, int port, LongSupplier builds) throws IOException {
        return new SiteServer(root, port, builds);
    }

    /** The site's address. */
    public URI uri() {
        return URI.create("http://localhost:" + server.getAddress().getPort() + "/");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n".getBytes(), true);
                return;
            }
            if (exchange.getRequestURI().getPath().equals(BUILDS)) {
                send(exchange, 200, "text/plain; charset=utf-8",
                        Long.toString(builds.getAsLong()).getBytes(StandardCharsets.UTF_8), method.equals("GET"));
                return;
            }
            Path file = root.resolve(exchange.getRequestURI().getPath().replaceFirst("^/+", "")).normalize();
            if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                send(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(), true);
                return;
            }
            String name = file.getFileName().toString();
            String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            byte[] body = Files.readAllBytes(file);
            if (ext.equals("html")) {
                body = withReload(new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            }
            send(exchange, 200, TYPES.getOrDefault(ext, "application/octet-stream"), body, method.equals("GET"));
        }
    }

    /** {@code html} with the reload script before its {@code </body>} (at its end if it has none). */
    private static String withReload(String html) {
        int end = html.lastIndexOf("</body>");
        return end < 0 ? html + RELOAD : html.substring(0, end) + RELOAD + html.substring(end);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body, boolean withBody)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, withBody ? body.length : -1);
        if (withBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
