package org.mailshelf.protocol;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A connection that records what the handler writes and runs pauses at once, noting their length. */
public class RecordingConnection implements Connection {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<Duration> pauses = new ArrayList<>();
    private final InetSocketAddress remote;
    private int writes;
    private boolean closed;
    private boolean tlsOffered;
    private boolean secure;

    public RecordingConnection() {
        this(new InetSocketAddress("127.0.0.1", 40000));
    }

    public RecordingConnection(InetSocketAddress remote) {
        this.remote = remote;
    }

    @Override
    public void write(byte[] response) {
        out.writeBytes(response);
        writes++;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    /** Lets the handler start TLS, as a listener with a certificate does; returns this. */
    public RecordingConnection offerTls() {
        tlsOffered = true;
        return this;
    }

    /** As implicit TLS: secure from the start; returns this. */
    public RecordingConnection secure() {
        secure = true;
        return this;
    }

    @Override
    public boolean canStartTls() {
        return tlsOffered && !secure;
    }

    /** Records the response as written in the clear; what the test feeds afterwards stands for decrypted input. */
    @Override
    public void startTls(byte[] response) {
        if (!canStartTls()) {
            throw new IllegalStateException("TLS is not available on this connection");
        }
        write(response);
        secure = true;
    }

    @Override
    public void pause(Duration delay, Runnable resume) {
        pauses.add(delay);
        resume.run();
    }

    /** Everything written since the last call, as bytes. */
    public byte[] takeBytes() {
        byte[] b = out.toByteArray();
        out.reset();
        return b;
    }

    /** Everything written since the last call, as text. */
    public String take() {
        return new String(takeBytes(), StandardCharsets.UTF_8);
    }

    public int writeCount() {
        return writes;
    }

    public boolean isClosed() {
        return closed;
    }

    public List<Duration> pauses() {
        return pauses;
    }
}
