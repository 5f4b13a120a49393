package org.mailshelf.protocol.imap.codec;

/**
 * What a {@link CommandReceiver} accepts.
 *
 * @param maxLineLength        the longest command text, all of a command's lines together, without CRLFs and
 *                             without literal data
 * @param maxLiteralSize       the largest single literal
 * @param maxCommandSize       the largest command: its text plus all its literals
 * @param literalMinus         RFC 7888 LITERAL- instead of LITERAL+: non-synchronizing literals only up to 4096
 *                             bytes
 * @param acceptBinaryLiterals whether {@code ~{n}} literals (RFC 3516) are accepted; refused otherwise
 */
public record ReceiverLimits(int maxLineLength, long maxLiteralSize, long maxCommandSize, boolean literalMinus,
        boolean acceptBinaryLiterals) {

    /** RFC 7888 section 4: the largest non-synchronizing literal a LITERAL- server takes. */
    public static final int LITERAL_MINUS_MAX = 4096;

    public ReceiverLimits {
        if (maxLineLength < 16 || maxLiteralSize < 0 || maxCommandSize < 1) {
            throw new IllegalArgumentException("implausible receiver limits");
        }
    }

    /** 64 KiB of command text (as Dovecot), 50 MiB literals, 64 MiB commands, LITERAL+, no binary literals. */
    public static ReceiverLimits defaults() {
        return new ReceiverLimits(64 * 1024, 50L << 20, 64L << 20, false, false);
    }

    public ReceiverLimits withMaxLineLength(int n) {
        return new ReceiverLimits(n, maxLiteralSize, maxCommandSize, literalMinus, acceptBinaryLiterals);
    }

    public ReceiverLimits withMaxLiteralSize(long n) {
        return new ReceiverLimits(maxLineLength, n, maxCommandSize, literalMinus, acceptBinaryLiterals);
    }

    public ReceiverLimits withMaxCommandSize(long n) {
        return new ReceiverLimits(maxLineLength, maxLiteralSize, n, literalMinus, acceptBinaryLiterals);
    }

    public ReceiverLimits withLiteralMinus(boolean on) {
        return new ReceiverLimits(maxLineLength, maxLiteralSize, maxCommandSize, on, acceptBinaryLiterals);
    }

    public ReceiverLimits withBinaryLiterals(boolean on) {
        return new ReceiverLimits(maxLineLength, maxLiteralSize, maxCommandSize, literalMinus, on);
    }
}
