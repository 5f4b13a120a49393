package org.mailshelf.protocol.pop3;

import java.util.List;

/** TOP msg n (RFC 1939 §7): the header, the blank line, and the first n lines of the body. */
final class TopCommand implements Command {

    @Override
    public void execute(Pop3Session session, String argument) {
        List<String> args = Arguments.exactly(argument, 2, "TOP msg lines");
        int n = Arguments.messageNumber(args.get(0));
        int lines = Arguments.lineCount(args.get(1));
        byte[] content = session.maildrop().content(n);
        session.reply(Reply.message("Top of message follows", content, end(content, lines)));
    }

    /** Where the header, its blank line and {@code lines} body lines end; a message without blank line is all header. */
    static int end(byte[] content, int lines) {
        int pos = 0;
        while (true) {
            int eol = indexOfLf(content, pos);
            if (eol < 0) {
                return content.length;
            }
            boolean blank = eol == pos || (eol == pos + 1 && content[pos] == '\r');
            pos = eol + 1;
            if (blank) {
                break;
            }
        }
        for (int i = 0; i < lines && pos < content.length; i++) {
            int eol = indexOfLf(content, pos);
            pos = eol < 0 ? content.length : eol + 1;
        }
        return pos;
    }

    private static int indexOfLf(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
