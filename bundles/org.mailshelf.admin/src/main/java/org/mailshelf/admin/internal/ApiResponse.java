package org.mailshelf.admin.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the API answers, before it becomes HTTP: a status, a JSON value (null for no body) and extra headers.
 */
record ApiResponse(int status, Object json, Map<String, String> headers) {

    static ApiResponse of(int status, Object json) {
        return new ApiResponse(status, json, Map.of());
    }

    static ApiResponse noContent() {
        return new ApiResponse(204, null, Map.of());
    }

    static ApiResponse error(int status, String message) {
        return of(status, Map.of("error", message));
    }

    ApiResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiResponse(status, json, Map.copyOf(more));
    }

    /** The error message, for logs and tests; null if this is no error. */
    String errorMessage() {
        return json instanceof Map<?, ?> map && map.get("error") instanceof String s ? s : null;
    }
}
