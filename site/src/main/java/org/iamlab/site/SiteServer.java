package org.iamlab.site;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Serves a built site on localhost with the JDK's HTTP server: files under the site's folder only, GET and HEAD,
 * {@code index.html} for a folder, 404 otherwise.
 */
public final class SiteServer implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "png", "image/png",
            "svg", "image/svg+xml", "json", "application/json", "txt", "text/plain; charset=utf-8",
            "adoc", "text/plain; charset=utf-8");

    private final HttpServer server;
    private final Path root;

    private SiteServer(Path root, int port) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Serves {@code root} on {@code port} of localhost (0: any free port). */
    public static SiteServer start(Path root, int port) throws IOException {
        return new SiteServer(root, port);
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
            send(exchange, 200, TYPES.getOrDefault(ext, "application/octet-stream"), Files.readAllBytes(file),
                    method.equals("GET"));
        }
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
