package org.mailshelf.lmtp.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "Mailshelf LMTP listener",
        description = "One LMTP listener per configuration; an MTA delivers mail here. LMTP has no "
                + "authentication: keep it on loopback or a trusted network.")
@interface LmtpListenerConfig {

    @AttributeDefinition(name = "Host", description = "Address to listen on")
    String host() default "127.0.0.1";

    @AttributeDefinition(name = "Port", min = "0", max = "65535")
    int port() default 10024;

    @AttributeDefinition(name = "Host name", description = "Name given in the greeting and LHLO reply")
    String hostname() default "localhost";

    @AttributeDefinition(name = "Maximum message size (bytes)", description = "Larger messages get 552",
            min = "1024")
    long max_message_size() default 52_428_800L;

    @AttributeDefinition(name = "Maximum recipients per message", min = "1")
    int max_recipients() default 100;

    @AttributeDefinition(name = "Idle timeout (s)", min = "30")
    int idle_timeout() default 300;

    @AttributeDefinition(name = "Maximum connections", min = "1")
    int max_connections() default 200;

    @AttributeDefinition(name = "TLS", description = "starttls: plain text until the MTA asks for TLS (STARTTLS), "
            + "offered whenever a certificate is available; implicit: TLS from the first byte (LMTPS, as Dovecot "
            + "offers and Postfix's lmtp_tls_wrappermode speaks); none: never",
            options = {@Option(label = "STARTTLS", value = "starttls"), @Option(label = "Implicit TLS", value = "implicit"),
                @Option(label = "None", value = "none")})
    String tls() default "starttls";

    @AttributeDefinition(name = "TLS protocols", description = "Offered TLS versions; only TLSv1.3 and TLSv1.2 "
            + "are accepted")
    String[] tls_protocols() default {"TLSv1.3", "TLSv1.2"};

    @AttributeDefinition(name = "TLS cipher suites", description = "Suites offered (JDK names, comma-separated); "
            + "empty for the modern set: TLS 1.3 suites and forward-secret AEAD suites for TLS 1.2")
    String[] tls_cipher_suites() default {};

    @AttributeDefinition(name = "Require TLS",
            description = "Refuse MAIL (530) on unencrypted connections from other hosts until STARTTLS; "
                    + "connections from this host are always accepted. Needs TLS starttls or implicit")
    boolean tls_required() default false;
}
