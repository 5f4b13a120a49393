package org.mailshelf.admin.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Just enough of a servlet request and response to drive the servlets without a container. */
final class FakeHttp {

    static final class Request {
        String method = "GET";
        String pathInfo;
        String contentType;
        String remoteAddr = "127.0.0.1";
        byte[] body = new byte[0];
        final Map<String, String> headers = new LinkedHashMap<>();
        final Map<String, String> parameters = new LinkedHashMap<>();
        final Map<String, Object> attributes = new LinkedHashMap<>(Map.of(RequestGuard.GUARDED, true));
        /** The whole path; by default the API's root plus {@link #pathInfo}. */
        String uri;
        String query;
        String scheme = "http";
        String localAddr = "127.0.0.1";

        HttpServletRequest proxy() {
            ServletInputStream in = new ServletInputStream() {
                private final ByteArrayInputStream bytes = new ByteArrayInputStream(body);

                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
            return (HttpServletRequest) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                    new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                        case "getMethod" -> method;
                        case "getPathInfo" -> pathInfo;
                        case "getContentType" -> contentType;
                        case "getRemoteAddr" -> remoteAddr;
                        case "getContentLengthLong" -> (long) body.length;
                        case "getInputStream" -> in;
                        case "getHeader" -> headers.get((String) args[0]);
                        case "getParameter" -> parameters.get((String) args[0]);
                        case "getAttribute" -> attributes.get((String) args[0]);
                        case "getContextPath" -> "";
                        case "getServletPath" -> "/api/v1";
                        case "getRequestURI" -> uri != null ? uri : "/api/v1" + (pathInfo == null ? "" : pathInfo);
                        case "getQueryString" -> query;
                        case "getScheme" -> scheme;
                        case "isSecure" -> "https".equals(scheme);
                        case "getLocalAddr" -> localAddr;
                        case "setCharacterEncoding" -> null;
                        case "setAttribute" -> attributes.put((String) args[0], args[1]);
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
        }
    }

    static final class Response {
        int status = 200;
        String contentType;
        final Map<String, String> headers = new LinkedHashMap<>();
        final List<String> cookies = new ArrayList<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final PrintWriter writer = new PrintWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8));

        String text() {
            writer.flush();
            return body.toString(StandardCharsets.UTF_8);
        }

        HttpServletResponse proxy() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> {
                        switch (m.getName()) {
                            case "setStatus" -> status = (Integer) args[0];
                            case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                            case "addHeader" -> {
                                if ("Set-Cookie".equals(args[0])) {
                                    cookies.add((String) args[1]);
                                } else {
                                    headers.put((String) args[0], (String) args[1]);
                                }
                            }
                            case "getStatus" -> {
                                return status;
                            }
                            case "getHeader" -> {
                                return headers.get((String) args[0]);
                            }
                            case "setContentType" -> contentType = (String) args[0];
                            case "setContentLength" -> headers.put("Content-Length", String.valueOf(args[0]));
                            case "flushBuffer" -> writer.flush();
                            case "getOutputStream" -> {
                                return out;
                            }
                            case "getWriter" -> {
                                return writer;
                            }
                            default -> throw new UnsupportedOperationException(m.getName());
                        }
                        return null;
                    });
        }
    }

    private FakeHttp() {
    }
}
