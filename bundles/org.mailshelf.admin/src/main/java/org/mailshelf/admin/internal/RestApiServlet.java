package org.mailshelf.admin.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

import org.mailshelf.api.auth.UserAdmin;
import org.mailshelf.api.store.MailStore;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The REST API under {@code /api/v1/}: checks the admin's Basic credentials, reads the body and hands the rest
 * to {@link ApiRouter}. Registered on the Servlet Whiteboard's default context.
 */
@Component(name = "org.mailshelf.admin.rest", service = Servlet.class)
@HttpWhiteboardServletPattern(RestApiServlet.PATTERN)
public class RestApiServlet extends HttpServlet {

    static final String PATTERN = "/api/v1/*";
    /** Request bodies are a name and a password: anything bigger is a mistake or an attack. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final String CHALLENGE = "Basic realm=\"Mailshelf\"";
    private static final long serialVersionUID = 1L;

    private final transient Logger log = LoggerFactory.getLogger(RestApiServlet.class);
    private final transient AdminAuth auth;
    private final transient LoginThrottle throttle;
    private final transient Consumer<Duration> pause;
    private final transient ApiRouter router;

    @Activate
    public RestApiServlet(BundleContext context, @Reference(name = "userAdmin") UserAdmin userAdmin,
            @Reference(name = "mailStore") MailStore mailStore) {
        // a framework property, so it is fixed for the life of the framework: read it once
        this(AdminAuth.fromHash(context.getProperty(AdminAuth.FRAMEWORK_PROPERTY)),
                new ApiRouter(new MailUsers(userAdmin, mailStore)), new LoginThrottle(System::nanoTime),
                RestApiServlet::sleep);
        if (!auth.isEnabled()) {
            log.warn("Framework property {} is missing or not a {sha-256} hash: the REST API refuses every "
                    + "request with 503", AdminAuth.FRAMEWORK_PROPERTY);
        }
    }

    /** For tests: {@code pause} replaces the sleep that holds back the answer to a failed login. */
    RestApiServlet(AdminAuth auth, ApiRouter router, LoginThrottle throttle, Consumer<Duration> pause) {
        this.auth = auth;
        this.router = router;
        this.throttle = throttle;
        this.pause = pause;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String client = req.getRemoteAddr();
        switch (auth.check(req.getHeader("Authorization"))) {
            case DISABLED -> {
                send(req, resp, ApiResponse.error(503, "The admin API is disabled: no admin password is set"));
                return;
            }
            case MISSING -> {
                send(req, resp, unauthorized());
                return;
            }
            case DENIED -> {
                Duration delay = throttle.failed(client);
                log.warn("Failed admin login to the REST API from {}", client);
                pause.accept(delay); // in this thread: simple, and admin traffic is light
                send(req, resp, unauthorized());
                return;
            }
            case GRANTED -> throttle.succeeded(client);
        }
        ApiResponse response;
        try {
            String body = readBody(req);
            response = body == null
                    ? ApiResponse.error(413, "The request body is larger than " + MAX_BODY_BYTES + " bytes")
                    : router.handle(req.getMethod(), req.getPathInfo(), req.getContentType(), body);
        } catch (CharacterCodingException e) {
            response = ApiResponse.error(400, "The request body is not valid UTF-8");
        } catch (RuntimeException e) {
            log.error("{} {} failed", req.getMethod(), req.getRequestURI(), e);
            response = ApiResponse.error(500, "Internal error; see the server log");
        }
        send(req, resp, response);
    }

    private static ApiResponse unauthorized() {
        return ApiResponse.error(401, "Admin credentials required").withHeader("WWW-Authenticate", CHALLENGE);
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // shutting down: answer at once
        }
    }

    /** @return the body decoded as UTF-8, "" if none, null if it is too large */
    private static String readBody(HttpServletRequest req) throws IOException {
        if (req.getContentLengthLong() > MAX_BODY_BYTES) {
            return null;
        }
        try (InputStream in = req.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            return bytes.length > MAX_BODY_BYTES ? null : utf8(bytes);
        }
    }

    static String utf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static void send(HttpServletRequest req, HttpServletResponse resp, ApiResponse response)
            throws IOException {
        resp.setStatus(response.status());
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        for (Map.Entry<String, String> h : response.headers().entrySet()) {
            String value = h.getValue();
            if (h.getKey().equals("Location")) { // the router speaks in paths below the API root
                value = req.getContextPath() + req.getServletPath() + value;
            }
            resp.setHeader(h.getKey(), value);
        }
        if (response.json() == null) {
            return;
        }
        byte[] body = Json.write(response.json()).getBytes(StandardCharsets.UTF_8);
        resp.setContentType("application/json;charset=UTF-8");
        resp.setContentLength(body.length);
        if (!"HEAD".equals(req.getMethod())) {
            resp.getOutputStream().write(body);
        }
    }
}
