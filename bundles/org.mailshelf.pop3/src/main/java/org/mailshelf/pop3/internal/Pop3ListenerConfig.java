package org.mailshelf.pop3.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "Mailshelf POP3 listener",
        description = "One POP3 listener per configuration. Changing the address or port rebinds at once; "
                + "open sessions stay.")
@interface Pop3ListenerConfig {

    @AttributeDefinition(name = "Host", description = "Address to listen on; 0.0.0.0 for all interfaces")
    String host() default "0.0.0.0";

    @AttributeDefinition(name = "Port", min = "0", max = "65535")
    int port() default 10110;

    @AttributeDefinition(name = "Host name", description = "Name given in the greeting")
    String hostname() default "localhost";

    @AttributeDefinition(name = "Idle timeout (s)", description = "RFC 1939 asks for at least 600", min = "30")
    int idle_timeout() default 600;

    @AttributeDefinition(name = "Maximum connections", min = "1")
    int max_connections() default 1000;

    @AttributeDefinition(name = "Maximum connections per address", min = "1",
            description = "Connections from one address beyond this are refused (this host is not limited)")
    int max_connections_per_address() default 50;

    @AttributeDefinition(name = "Maximum commands per second", min = "0",
            description = "Per connection; commands beyond it wait their turn (the client is slowed down, not "
                    + "refused), logged once per connection. 0 for no limit")
    int max_commands_per_second() default 500;

    @AttributeDefinition(name = "Maximum command line", description = "Longer lines are refused (bytes)",
            min = "64")
    int max_line_length() default 512;
    @AttributeDefinition(name = "TLS", description = "starttls: plain text until the client asks for TLS "
            + "(STARTTLS, STLS); implicit: TLS from the first byte (IMAPS, POP3S); none: never",
            options = {@Option(label = "STARTTLS", value = "starttls"), @Option(label = "Implicit TLS", value = "implicit"),
                @Option(label = "None", value = "none")})
    String tls() default "starttls";

    @AttributeDefinition(name = "TLS protocols", description = "Offered TLS versions; only TLSv1.3 and TLSv1.2 "
            + "are accepted")
    String[] tls_protocols() default {"TLSv1.3", "TLSv1.2"};

    @AttributeDefinition(name = "TLS cipher suites", description = "Suites offered (JDK names, comma-separated); "
            + "empty for the modern set: TLS 1.3 suites and forward-secret AEAD suites for TLS 1.2")
    String[] tls_cipher_suites() default {};

    @AttributeDefinition(name = "Passwords without TLS",
            description = "Accept passwords on unencrypted connections from other hosts (not recommended); "
                    + "connections from this host are always accepted")
    boolean plaintext_login() default false;
}
