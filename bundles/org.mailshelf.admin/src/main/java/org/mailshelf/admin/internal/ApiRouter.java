package org.mailshelf.admin.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The REST API without HTTP: (method, path below {@code /api/v1}, content type, body) in, {@link ApiResponse}
 * out. Authentication happened before; the servlet is a thin shell around this class.
 */
final class ApiRouter {

    private static final String ALLOW_HEALTH = "GET, HEAD";
    private static final String ALLOW_USERS = "GET, HEAD, POST";
    private static final String ALLOW_USER = "GET, HEAD, DELETE";
    private static final String ALLOW_PASSWORD = "PUT";
    private static final String ALLOW_CERTIFICATE = "GET, HEAD, PUT, DELETE";

    private final MailUsers users;
    private final Certificates certificates;

    ApiRouter(MailUsers users, Certificates certificates) {
        this.users = users;
        this.certificates = certificates;
    }

    /**
     * @param path the path below the API root, starting with {@code /} (the servlet's path info); may be null
     * @param body the request body, empty if there was none
     */
    ApiResponse handle(String method, String path, String contentType, String body) {
        String[] segments = path == null || !path.startsWith("/") ? new String[0] : path.substring(1).split("/", -1);
        String verb = "HEAD".equals(method) ? "GET" : method; // the shell leaves out the body
        if (matches(segments, "health")) {
            return "GET".equals(verb) ? health() : notAllowed(ALLOW_HEALTH);
        }
        if (matches(segments, "users")) {
            return switch (verb) {
                case "GET" -> ApiResponse.of(200, users.names().stream().map(n -> Map.of("name", n)).toList());
                case "POST" -> withJsonObject(contentType, body, this::create);
                default -> notAllowed(ALLOW_USERS);
            };
        }
        if (matches(segments, "users", null)) {
            String name = segments[1];
            return switch (verb) {
                case "GET" -> user(name);
                case "DELETE" -> users.delete(name) ? ApiResponse.noContent() : noSuchUser(name);
                default -> notAllowed(ALLOW_USER);
            };
        }
        if (matches(segments, "users", null, "password")) {
            String name = segments[1];
            return "PUT".equals(verb)
                    ? withJsonObject(contentType, body, json -> changePassword(name, json))
                    : notAllowed(ALLOW_PASSWORD);
        }
        if (matches(segments, "tls", "certificate")) {
            return switch (verb) {
                case "GET" -> certificates.current().map(c -> ApiResponse.of(200, Certificates.json(c)))
                        .orElse(ApiResponse.error(503, Certificates.NO_TLS));
                case "PUT" -> withJsonObject(contentType, body, this::installCertificate);
                case "DELETE" -> certificateOutcome(certificates.uninstall());
                default -> notAllowed(ALLOW_CERTIFICATE);
            };
        }
        return ApiResponse.error(404, "No such resource");
    }

    private ApiResponse installCertificate(Map<String, Object> json) {
        String chain = string(json, "certificate");
        String key = string(json, "key");
        if (chain == null || key == null) {
            return ApiResponse.error(400, "Expected {\"certificate\": \"<PEM chain>\", \"key\": \"<PEM key>\"}");
        }
        return certificateOutcome(certificates.install(chain, key));
    }

    /** 422: the request was well-formed, the certificate in it was not usable; 503: the appliance could not. */
    private static ApiResponse certificateOutcome(Certificates.Outcome outcome) {
        if (outcome.current() != null) {
            return ApiResponse.of(200, Certificates.json(outcome.current()));
        }
        return ApiResponse.error(outcome.serverFault() ? 503 : 422, outcome.refusal());
    }

    /** True if the segments equal the pattern, where null stands for any non-empty segment. */
    private static boolean matches(String[] segments, String... pattern) {
        if (segments.length != pattern.length) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            boolean ok = pattern[i] == null ? !segments[i].isEmpty() : pattern[i].equals(segments[i]);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private ApiResponse health() {
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("status", "UP");
        health.put("users", (long) users.names().size());
        return ApiResponse.of(200, health);
    }

    private ApiResponse user(String name) {
        Optional<List<MailUsers.Mailbox>> boxes = users.mailboxes(name);
        if (boxes.isEmpty()) {
            return noSuchUser(name);
        }
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("name", name);
        user.put("mailboxes", boxes.get().stream().map(ApiRouter::mailbox).toList());
        return ApiResponse.of(200, user);
    }

    private static Map<String, Object> mailbox(MailUsers.Mailbox box) {
        Map<String, Object> json = new LinkedHashMap<>(); // ordered: name first reads best
        json.put("name", box.name());
        json.put("messages", (long) box.messages());
        return json;
    }

    private ApiResponse create(Map<String, Object> json) {
        String name = string(json, "name");
        String password = string(json, "password");
        if (name == null || password == null) {
            return ApiResponse.error(400, "Expected {\"name\": \"...\", \"password\": \"...\"} with string values");
        }
        try {
            users.create(name, password.toCharArray());
        } catch (IllegalArgumentException e) {
            return ApiResponse.error(400, e.getMessage());
        } catch (IllegalStateException e) {
            return ApiResponse.error(409, e.getMessage());
        }
        return ApiResponse.of(201, Map.of("name", name)).withHeader("Location", "/users/" + pathSegment(name));
    }

    private ApiResponse changePassword(String name, Map<String, Object> json) {
        String password = string(json, "password");
        if (password == null) {
            return ApiResponse.error(400, "Expected {\"password\": \"...\"} with a string value");
        }
        try {
            return users.changePassword(name, password.toCharArray()) ? ApiResponse.noContent() : noSuchUser(name);
        } catch (IllegalArgumentException e) {
            return ApiResponse.error(400, e.getMessage());
        }
    }

    private interface JsonHandler {
        ApiResponse handle(Map<String, Object> json);
    }

    /** Demanding the JSON media type also stops cross-site HTML forms, which cannot send it. */
    private static ApiResponse withJsonObject(String contentType, String body, JsonHandler handler) {
        if (!isJson(contentType)) {
            return ApiResponse.error(415, "Send the body as Content-Type: application/json");
        }
        Object json;
        try {
            json = Json.parse(body == null ? "" : body);
        } catch (JsonException e) {
            return ApiResponse.error(400, "Malformed JSON: " + e.getMessage());
        }
        if (!(json instanceof Map<?, ?>)) {
            return ApiResponse.error(400, "Expected a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) json;
        return handler.handle(object);
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim()
                .toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    private static String string(Map<String, Object> json, String field) {
        return json.get(field) instanceof String s ? s : null;
    }

    private static ApiResponse noSuchUser(String name) {
        return ApiResponse.error(404, "No such user: " + name);
    }

    private static ApiResponse notAllowed(String allow) {
        return ApiResponse.error(405, "Method not allowed; use " + allow).withHeader("Allow", allow);
    }

    /** Percent-encodes all but RFC 3986 unreserved characters (URLEncoder is for forms: it writes '+'). */
    static String pathSegment(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
