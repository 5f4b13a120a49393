/**
 * LMTP (RFC 2033) with ENHANCEDSTATUSCODES (RFC 2034), SIZE (RFC 1870), PIPELINING (RFC 2920), 8BITMIME and
 * STARTTLS (RFC 3207): the local delivery agent that puts mail into INBOXes. A transport-free library: {@link
 * org.mailshelf.protocol.lmtp.LmtpProtocol} and {@link org.mailshelf.protocol.lmtp.LmtpConfig} are its only
 * public types; everything else is package-private.
 */
package org.mailshelf.protocol.lmtp;
