package org.mailshelf.admin.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.mailshelf.api.auth.UserAdmin;
import org.mailshelf.api.store.MailStore;
import org.mailshelf.api.tls.TlsCertificates;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
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

    static final String API_ROOT = "/api/v1";
    static final String PATTERN = API_ROOT + "/*";
    /**
     * Request bodies are a name and a password, or a certificate chain and its key: anything bigger is a mistake
     * or an attack.
     */
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final String CHALLENGE = "Basic realm=\"Mailshelf\"";
    private static final long serialVersionUID = 1L;

    private final transient Logger log = LoggerFactory.getLogger(RestApiServlet.class);
    private final transient AdminLogin login;
    private final transient ApiRouter router;

    /** Optional: without the TLS bundle the API still manages users, and says so for certificates. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile TlsCertificates certificates;

    @Activate
    public RestApiServlet(@Reference(name = "adminLogin") AdminLogin login,
            @Reference(name = "userAdmin") UserAdmin userAdmin, @Reference(name = "mailStore") MailStore mailStore) {
        this.login = login;
        this.router = new ApiRouter(new MailUsers(userAdmin, mailStore), new Certificates(() -> certificates));
    }

    RestApiServlet(AdminLogin login, ApiRouter router) {
        this.login = login;
        this.router = router;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getAttribute(RequestGuard.GUARDED) == null) {
            // fail closed: without the guard nothing checks where a request comes from
            log.warn("{} {} refused: the admin request guard is not running", req.getMethod(), req.getRequestURI());
            send(req, resp, ApiResponse.error(503, "The admin API is starting or stopping; try again"));
            return;
        }
        switch (login.attempt(req.getHeader("Authorization"), req.getRemoteAddr(), "the REST API")) {
            case DISABLED -> {
                send(req, resp, ApiResponse.error(503, "The admin API is disabled: no admin password is set"));
                return;
            }
            case MISSING -> {
                send(req, resp, unauthorized());
                return;
            }
            case DENIED -> {
                send(req, resp, unauthorized());
                return;
            }
            case GRANTED -> req.setAttribute(ConsoleSecurityProvider.REMOTE_USER, AdminAuth.USER); // for the audit
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
        if (response.errorMessage() != null) {
            req.setAttribute(AuditLog.OUTCOME, "refused: " + response.errorMessage());
        }
        send(req, resp, response);
    }

    private static ApiResponse unauthorized() {
        return ApiResponse.error(401, "Admin credentials required").withHeader("WWW-Authenticate", CHALLENGE);
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
