package io.echostack.api.admin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The admin page: one HTML shell for {@code /admin} and its deep links ({@code /admin/posters/<id>/edit}, the URL the
 * broadcasts carry); the script and stylesheet are static files under {@code /admin-assets/}.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
public class AdminPageResource {
    private final String page;

    AdminPageResource(AdminPageConfig config) {
        this.page = load().replace("{{echoUrl}}", escape(config.echoUrl().orElse("").strip()));
    }

    @GET
    public String index() {
        return page;
    }

    @GET
    @Path("{route: .+}")
    public String route() {
        return page;
    }

    private static String load() {
        try (InputStream in = AdminPageResource.class.getResourceAsStream("/admin/index.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
