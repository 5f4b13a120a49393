package org.mailshelf.admin.https.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Mailshelf admin HTTPS",
        description = "Serves the Web Console and the REST API over HTTPS with the certificate of the mail "
                + "listeners, beside plain HTTP. To reach the console from other machines, open this one, not HTTP.")
@interface AdminHttpsConfig {

    @AttributeDefinition(name = "Host", description = "Address to listen on; 0.0.0.0 for all interfaces")
    String host() default "127.0.0.1";

    @AttributeDefinition(name = "Port", min = "1", max = "65535")
    int port() default 8443;

    @AttributeDefinition(name = "TLS protocols",
            description = "Versions offered, comma-separated; only TLSv1.3 and TLSv1.2 are ever offered")
    String[] tls_protocols() default {"TLSv1.3", "TLSv1.2"};

    @AttributeDefinition(name = "TLS cipher suites", description = "Suites offered (JDK names, comma-separated); "
            + "empty for the modern set: TLS 1.3 suites and forward-secret AEAD suites for TLS 1.2")
    String[] tls_cipher_suites() default {};
}
