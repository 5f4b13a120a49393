package org.mailshelf.admin.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.mailshelf.api.tls.CertificateInfo;
import org.mailshelf.api.tls.TlsCertificates;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.servlet.whiteboard.Preprocessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One guard in front of everything the HTTP service serves (the console with every plugin, ours or installed
 * later, the REST API, over HTTP and HTTPS), as a Servlet Whiteboard preprocessor: it runs before any context or
 * servlet is chosen. It refuses unknown Host names (DNS rebinding), refuses state-changing requests from other
 * origins (forged forms and scripts), adds the headers that forbid framing and sniffing, and writes every
 * state-changing request to the audit log. The console's login and the REST API refuse requests it has not
 * seen, so the guard cannot be bypassed by being absent.
 */
@Component(service = Preprocessor.class, configurationPid = RequestGuard.PID)
@Designate(ocd = RequestGuardConfig.class)
public class RequestGuard implements Preprocessor {

    static final String PID = "org.mailshelf.admin.guard";
    /** Set on every request the guard let through. */
    static final String GUARDED = "org.mailshelf.admin.guarded";
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' "
            + "'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    private final Logger log = LoggerFactory.getLogger(RequestGuard.class);
    private final AdminActions actions;
    private volatile Settings settings;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile TlsCertificates certificates;

    /** The configured names and origins, and the certificate's names as last seen. */
    private record Settings(RequestGuardConfig config, Set<String> origins, CertificateInfo certificate,
            AllowedHosts hosts) {
    }

    @Activate
    public RequestGuard(BundleContext context, RequestGuardConfig config) {
        this(new AdminActions(ConsoleSecurityProvider.consoleRoot(context), id -> {
            Bundle b = context.getBundle(id);
            return b == null ? null : b.getSymbolicName();
        }), config, null);
    }

    RequestGuard(AdminActions actions, RequestGuardConfig config, TlsCertificates certificates) {
        this.actions = actions;
        this.certificates = certificates;
        modified(config);
    }

    @Modified
    void modified(RequestGuardConfig config) {
        Set<String> origins = entries(config.allowed_origins()).map(o -> {
            String n = RequestOrigin.normalize(o);
            if (n == null) {
                log.warn("{}: allowed.origins entry '{}' is not scheme://host[:port]; ignored", PID, o);
            }
            return n;
        }).filter(n -> n != null).collect(Collectors.toUnmodifiableSet());
        settings = new Settings(config, origins, null, hosts(config, null));
    }

    /** A .cfg file gives a comma list as one string: split it. */
    private static Stream<String> entries(String[] values) {
        return Stream.of(values == null ? new String[0] : values).flatMap(v -> Stream.of(v.split(",")))
                .map(String::trim).filter(v -> !v.isEmpty());
    }

    private static AllowedHosts hosts(RequestGuardConfig config, CertificateInfo certificate) {
        List<String> names = new ArrayList<>(entries(config.allowed_hosts()).toList());
        if (certificate != null) {
            names.addAll(certificate.subjectAltNames());
        }
        return AllowedHosts.of(names);
    }

    /** The settings with the names of the certificate in use now (an admin may install another any time). */
    private Settings current() {
        Settings s = settings;
        TlsCertificates tls = certificates;
        CertificateInfo now = tls == null ? null : tls.current();
        if (now != s.certificate()) {
            s = new Settings(s.config(), s.origins(), now, hosts(s.config(), now));
            settings = s;
        }
        return s;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) resp;
        Settings s = current();
        String host = request.getHeader("Host");
        if (!s.hosts().allows(host, request.getLocalAddr())) {
            log.warn("Refused {} {} from {}: Host '{}' is not one of this appliance's names (add it to "
                    + "allowed.hosts in {})", request.getMethod(), request.getRequestURI(), request.getRemoteAddr(),
                    host, PID);
            refuse(request, response, 421, "This server does not answer to the name " + host + ".");
            return;
        }
        secureHeaders(request, response);
        boolean changes = RequestOrigin.changesState(request.getMethod());
        if (changes) {
            RequestOrigin.Verdict verdict = RequestOrigin.check(request.getScheme(), host,
                    request.getHeader("Origin"), request.getHeader("Referer"), mayOmitOrigin(request), s.origins());
            if (!verdict.allowed()) {
                log.warn("Refused {} {} from {}: it came from origin '{}', not from the console itself",
                        request.getMethod(), request.getRequestURI(), request.getRemoteAddr(), verdict.origin());
                audit(request, null, "refused: from " + verdict.origin());
                refuse(request, response, 403, "Refused: this request did not come from the console's own pages.");
                return;
            }
        }
        request.setAttribute(GUARDED, Boolean.TRUE);
        chain.doFilter(request, response);
        if (changes || request.getRequestURI().endsWith("/logout")) {
            audit(request, response.getHeader("Location"), outcome(request, response));
        }
    }

    /**
     * A request naming no origin at all is a script's, not a browser's: let through for the REST API and for
     * Basic-authenticated console calls, never for one that rides on the console's session cookie.
     */
    private static boolean mayOmitOrigin(HttpServletRequest request) {
        return request.getRequestURI().startsWith(RestApiServlet.API_ROOT + "/")
                || request.getHeader("Authorization") != null && ConsoleSecurityProvider.cookie(request) == null;
    }

    private static void secureHeaders(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        if (request.getRequestURI().startsWith(RestApiServlet.API_ROOT + "/")) {
            response.setHeader("Cache-Control", "no-store");
        }
    }

    /** @param location where the response points, which names what a POST created */
    private void audit(HttpServletRequest request, String location, String result) {
        try {
            AdminActions.Action action = actions.describe(request, location);
            Object admin = request.getAttribute(ConsoleSecurityProvider.REMOTE_USER);
            AuditLog.record(new AuditLog.Entry(admin == null ? "-" : admin.toString(), request.getRemoteAddr(),
                    action.channel(), action.name(), action.target(), result));
        } catch (RuntimeException e) {
            // the request was handled; a line we cannot describe must still say that something happened
            log.error("Could not describe {} {} from {} for the audit log", request.getMethod(),
                    request.getRequestURI(), request.getRemoteAddr(), e);
            AuditLog.record(new AuditLog.Entry("?", request.getRemoteAddr(), "http", request.getMethod(),
                    request.getRequestURI(), result));
        }
    }

    private String outcome(HttpServletRequest request, HttpServletResponse response) {
        Object said = request.getAttribute(AuditLog.OUTCOME);
        int status = response.getStatus();
        String word = said != null ? said.toString()
                : status < 400 ? "ok" : status == 401 ? "unauthenticated" : status == 403 ? "forbidden" : "failed";
        return word + " (" + status + ")";
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        response.setStatus(status);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        boolean api = request.getRequestURI().startsWith(RestApiServlet.API_ROOT + "/");
        byte[] body = (api ? Json.write(Map.of("error", message)) : message + "\n")
                .getBytes(StandardCharsets.UTF_8);
        response.setContentType(api ? "application/json;charset=UTF-8" : "text/plain;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
