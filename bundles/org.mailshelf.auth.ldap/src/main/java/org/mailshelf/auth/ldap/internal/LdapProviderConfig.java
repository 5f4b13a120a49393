package org.mailshelf.auth.ldap.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Mailshelf LDAP auth provider",
        description = "Checks passwords by a simple bind to an LDAP directory. One configuration per directory.")
@interface LdapProviderConfig {

    @AttributeDefinition(name = "Service ranking",
            description = "Order among auth providers: higher is asked first. The local accounts rank 0.")
    int service_ranking() default 10;

    @AttributeDefinition(name = "Directory URLs",
            description = "ldap://host:port or ldaps://host:port; several separated by spaces are tried in order "
                    + "(failover).")
    String url();

    @AttributeDefinition(name = "StartTLS",
            description = "Upgrade ldap:// connections with StartTLS before binding (not with ldaps://).")
    boolean start_tls() default false;

    @AttributeDefinition(name = "Trusted certificate file", required = false,
            description = "PEM file with the certificate(s) to trust for ldaps/StartTLS, e.g. a self-signed "
                    + "directory's. Empty: the JVM's trust store.")
    String trust_certificate_file() default "";

    @AttributeDefinition(name = "Search bind DN", required = false,
            description = "Service account that searches for users. Empty: anonymous search.")
    String bind_dn() default "";

    /** Private (leading dot): DS does not copy it into the service properties, where anyone could read it. */
    @AttributeDefinition(name = "Search bind password", type = AttributeType.PASSWORD, required = false,
            description = "Password of the service account.")
    String _bind_password() default "";

    @AttributeDefinition(name = "Base DN", description = "Where users are searched (whole subtree).")
    String base_dn();

    @AttributeDefinition(name = "User filter",
            description = "{0} is replaced by the login name, escaped (RFC 4515).")
    String user_filter() default "(uid={0})";

    @AttributeDefinition(name = "Account attribute",
            description = "Its value, lower-cased, is the mail account name of a user who logs in.")
    String account_attribute() default "uid";

    @AttributeDefinition(name = "Connect timeout (ms)", min = "1")
    int connect_timeout_ms() default 3000;

    @AttributeDefinition(name = "Response timeout (ms)", min = "1")
    int response_timeout_ms() default 5000;

    @AttributeDefinition(name = "Pool size", min = "1",
            description = "Connections kept open for searches, and as many for password binds.")
    int pool_size() default 4;
}
