package org.iamlab.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code iamlab site --serve}: the site's files on localhost, nothing outside its folder. */
class SiteServerTests {

    @Test
    void servesTheSitesFilesWithTheirTypesAndNothingOutsideIt(@TempDir Path dir) throws Exception {
        Path site = Files.createDirectories(dir.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<p>home</p>");
        Files.createDirectories(site.resolve("assets"));
        Files.writeString(site.resolve("assets/site.css"), "body{}");
        Files.writeString(dir.resolve("secret.txt"), "not served");
        try (SiteServer server = SiteServer.start(site, 0, () -> 0)) {
            assertTrue(server.uri().toString().startsWith("http://localhost:"), server.uri().toString());
            HttpResponse<String> index = get(server.uri());
            assertEquals(200, index.statusCode());
            assertTrue(index.body().startsWith("<p>home</p><script>"), "a served page reloads itself when the"
                    + " site is built again: " + index.body());
            assertEquals("0", get(server.uri().resolve(SiteServer.BUILDS.substring(1))).body());
            assertEquals("text/html; charset=utf-8", index.headers().firstValue("Content-Type").orElse(""));
            HttpResponse<String> css = get(server.uri().resolve("assets/site.css"));
            assertEquals("text/css; charset=utf-8", css.headers().firstValue("Content-Type").orElse(""));
            assertEquals("body{}", css.body(), "only pages get the script");
            assertEquals("<p>home</p>", Files.readString(site.resolve("index.html")), "the file is left as it is");
            assertEquals(404, get(URI.create(server.uri() + "..%2Fsecret.txt")).statusCode());
            assertEquals(404, get(server.uri().resolve("missing.html")).statusCode());
        }
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
