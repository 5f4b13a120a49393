package org.mailshelf.transport;

import javax.net.ssl.SSLContext;

import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.filterchain.IoFilterChain;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.core.write.DefaultWriteRequest;
import org.apache.mina.core.write.WriteRequest;
import org.apache.mina.filter.ssl.DisableEncryptWriteRequest;
import org.apache.mina.filter.ssl.SslFilter;

/**
 * Puts TLS into a session's filter chain: MINA's {@link SslFilter} first, and right behind it a marker that
 * wraps what comes out of TLS in {@link Decrypted}, so that a connection can tell decrypted input from clear
 * text that was read before TLS began (and must be dropped), and lets one response pass in the clear (the
 * STARTTLS go-ahead, written after the filter is in place).
 */
final class Tls {
    private static final String SSL = "tls";
    private static final String MARKER = "tls-marker";

    /** Input that came through TLS. */
    record Decrypted(IoBuffer buffer) {
    }

    /** A response to send in the clear although TLS is in the chain. */
    record ClearText(IoBuffer buffer) {
    }

    private Tls() {
    }

    static void install(IoSession session, SSLContext context, TlsSettings settings) {
        SslFilter ssl = new SslFilter(context);
        ssl.setEnabledProtocols(settings.protocols().toArray(String[]::new));
        ssl.setEnabledCipherSuites(settings.enabledSuites(context).toArray(String[]::new));
        IoFilterChain chain = session.getFilterChain();
        chain.addFirst(SSL, ssl);
        chain.addAfter(SSL, MARKER, new Marker());
    }

    private static final class Marker extends IoFilterAdapter {
        @Override
        public void messageReceived(NextFilter next, IoSession session, Object message) {
            next.messageReceived(session, message instanceof IoBuffer b ? new Decrypted(b) : message);
        }

        @Override
        public void filterWrite(NextFilter next, IoSession session, WriteRequest request) {
            if (request.getMessage() instanceof ClearText clear) {
                next.filterWrite(session, new ClearWrite(clear.buffer(), request));
            } else {
                next.filterWrite(session, request);
            }
        }
    }

    /** What {@link SslFilter} passes on unencrypted. */
    private static final class ClearWrite extends DefaultWriteRequest implements DisableEncryptWriteRequest {
        ClearWrite(IoBuffer buffer, WriteRequest original) {
            super(buffer, original.getFuture(), original.getDestination());
        }
    }
}
