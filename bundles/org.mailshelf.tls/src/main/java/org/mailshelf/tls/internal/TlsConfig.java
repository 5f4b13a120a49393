package org.mailshelf.tls.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Mailshelf TLS identity",
        description = "The key and certificate chain the POP3 and IMAP listeners present. Without an admin-supplied "
                + "pair a self-signed certificate is generated in <data>/tls/.")
@interface TlsConfig {

    @AttributeDefinition(name = "Host names",
            description = "Names clients connect to; they go into the generated certificate's subject alternative "
                    + "names (an IP address literal becomes an IP name). The first is also its common name. "
                    + "localhost, 127.0.0.1 and ::1 are always added. Adding a name generates a new certificate.")
    String[] host_names() default {"localhost"};

    @AttributeDefinition(name = "Certificate file",
            description = "PEM certificate chain, leaf first, then intermediates. Used instead of the generated "
                    + "certificate when the key file is set too. Relative to the data directory.")
    String certificate_file() default "";

    @AttributeDefinition(name = "Key file",
            description = "Unencrypted PEM private key (RSA or EC; PKCS#8, PKCS#1 or SEC1) of the certificate. "
                    + "Relative to the data directory.")
    String key_file() default "";

    @AttributeDefinition(name = "Files check interval",
            description = "Seconds between looks at the certificate and key files (modification time and size, "
                    + "through symbolic links): a renewal that replaces them, by certbot or another ACME client, "
                    + "is used for the next connections without a restart. 0 turns the check off.")
    int files_check_seconds() default 10;
}
