package org.mailshelf.benchmark;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A minimal CRLF line client over one socket, as a mail client would use it. */
final class LineClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    LineClient(String host, int port) throws IOException {
        socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        in = new BufferedInputStream(socket.getInputStream(), 65536);
        out = socket.getOutputStream();
    }

    void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String s = line.toString(StandardCharsets.UTF_8);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            line.write(b);
        }
        throw new IOException("connection closed");
    }

    /** Reads a reply line and fails unless it starts with the prefix. */
    String expect(String prefix) throws IOException {
        String line = readLine();
        if (!line.startsWith(prefix)) {
            throw new IOException("expected " + prefix + " but got: " + line);
        }
        return line;
    }

    /** Reads a POP3 multi-line body up to the terminating dot line; returns its size in bytes. */
    long readDotTerminated() throws IOException {
        long size = 0;
        String line;
        while (!(line = readLine()).equals(".")) {
            size += line.length() + 2;
        }
        return size;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
