package org.iamlab.engine.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A headless Chromium driven over the DevTools protocol, with nothing but the JDK's HTTP client and WebSocket:
 * set the window size and colour scheme, open a file, evaluate JavaScript, take a full-page screenshot, collect
 * the page's console errors. The browser runs with its own throwaway profile and without any network feature
 * (no sync, no updates). Public, and shipped in the engine's test jar, for the site's browser tests.
 */
public final class Chromium implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final List<String> consoleErrors = new CopyOnWriteArrayList<>();

    /** The browser to use: {@code $IAMLAB_CHROMIUM}, else {@code /usr/bin/chromium}; null when neither exists. */
    public static Path executable() {
        String configured = System.getenv("IAMLAB_CHROMIUM");
        Path path = Path.of(configured != null && !configured.isBlank() ? configured : "/usr/bin/chromium");
        return Files.isExecutable(path) ? path : null;
    }

    public Chromium(Path executable) throws IOException, InterruptedException {
        profile = Files.createTempDirectory("iamlab-chromium");
        process = new ProcessBuilder(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--hide-scrollbars", "--mute-audio", "--remote-debugging-port=0",
                "--remote-allow-origins=*", "--user-data-dir=" + profile, "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            socket = connect(awaitDevTools());
        } catch (IOException | InterruptedException | RuntimeException e) {
            stop();
            throw e;
        }
    }

    /** Connects to the page the browser opened. */
    private WebSocket connect(String browserUrl) throws IOException, InterruptedException {
        URI base = URI.create(browserUrl.replaceFirst("^ws://", "http://").replaceFirst("/devtools/.*$", ""));
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        for (int i = 0; i < 50; i++) {
            HttpResponse<String> list = http.send(HttpRequest.newBuilder(base.resolve("/json/list")).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (JsonNode target : JSON.readTree(list.body())) {
                if (target.path("type").asText().equals("page")) {
                    return http.newWebSocketBuilder().connectTimeout(TIMEOUT)
                            .buildAsync(URI.create(target.path("webSocketDebuggerUrl").asText()), new Listener())
                            .join();
                }
            }
            Thread.sleep(100);
        }
        throw new IOException("chromium opened no page");
    }

    /** Reads the browser's stderr until it says where DevTools listens (then keeps draining it). */
    private String awaitDevTools() throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> url = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                for (String line; (line = err.readLine()) != null; ) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        url.complete(m.group(1));
                    }
                }
                url.completeExceptionally(new IOException("chromium exited before DevTools listened"));
            } catch (IOException e) {
                url.completeExceptionally(e);
            }
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            return url.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("chromium did not start DevTools: " + e.getMessage(), e);
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder message = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                try {
                    JsonNode node = JSON.readTree(message.toString());
                    CompletableFuture<JsonNode> f = node.has("id") ? pending.remove(node.get("id").asInt()) : null;
                    if (f != null) {
                        f.complete(node);
                    }
                    noteConsoleError(node);
                } catch (IOException e) {
                    pending.values().forEach(f -> f.completeExceptionally(e));
                }
                message.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }

    /** Keeps what the page reports as an error: uncaught exceptions, console.error, failed loads. */
    private void noteConsoleError(JsonNode event) {
        JsonNode params = event.path("params");
        switch (event.path("method").asText()) {
            case "Runtime.exceptionThrown" -> consoleErrors.add(params.path("exceptionDetails").toString());
            case "Runtime.consoleAPICalled" -> {
                if (params.path("type").asText().equals("error")) {
                    consoleErrors.add(params.path("args").toString());
                }
            }
            case "Log.entryAdded" -> {
                if (params.path("entry").path("level").asText().equals("error")) {
                    consoleErrors.add(params.path("entry").path("text").asText() + " "
                            + params.path("entry").path("url").asText());
                }
            }
            default -> { }
        }
    }

    /** Starts collecting the page's console errors ({@link #takeConsoleErrors()}). */
    public void watchConsole() {
        send("Runtime.enable", Map.of());
        send("Log.enable", Map.of());
    }

    /** The console errors since the last call (after {@link #watchConsole()}), forgotten once taken. */
    public List<String> takeConsoleErrors() {
        List<String> errors = List.copyOf(consoleErrors);
        consoleErrors.clear();
        return errors;
    }

    /** Sends a DevTools command and returns its result; a protocol error becomes an exception. */
    public JsonNode send(String method, Map<String, ?> params) {
        int id = ids.incrementAndGet();
        ObjectNode command = JSON.createObjectNode();
        command.put("id", id);
        command.put("method", method);
        command.set("params", JSON.valueToTree(params));
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        socket.sendText(command.toString(), true).join();
        JsonNode answer = reply.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        if (answer.has("error")) {
            throw new IllegalStateException(method + ": " + answer.get("error"));
        }
        return answer.get("result");
    }

    /** Sizes the viewport as a window {@code width} CSS pixels wide, and sets the preferred colour scheme. */
    public void emulate(int width, int height, String colourScheme) {
        send("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1,
                "mobile", false));
        send("Emulation.setEmulatedMedia", Map.of("features",
                new Object[] {Map.of("name", "prefers-color-scheme", "value", colourScheme)}));
    }

    /** Opens {@code file} and waits until it has loaded. */
    public void open(Path file) throws InterruptedException {
        send("Page.navigate", Map.of("url", file.toUri().toString()));
        for (int i = 0; i < 100; i++) {
            if ("complete".equals(evaluate("document.readyState").asText())
                    && evaluate("location.href").asText().startsWith("file:")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("page did not load: " + file);
    }

    /** The value of a JavaScript expression (JSON-serialisable). */
    public JsonNode evaluate(String expression) {
        JsonNode result = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("script failed: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Writes a PNG of the whole page, as wide as the viewport. */
    public void screenshot(Path png) throws IOException {
        JsonNode size = evaluate("({w: innerWidth, h: document.documentElement.scrollHeight})");
        JsonNode shot = send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", size.get("w").asInt(), "height", size.get("h").asInt(),
                        "scale", 1)));
        Files.createDirectories(png.getParent());
        Files.write(png, Base64.getDecoder().decode(shot.get("data").asText()));
    }

    @Override
    public void close() throws IOException {
        socket.abort();
        stop();
    }

    /** Ends the browser (the process this class started, and its children) and deletes its profile. */
    private void stop() throws IOException {
        Stream.concat(process.descendants(), Stream.of(process.toHandle())).forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
