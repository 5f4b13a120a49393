package org.mailshelf.auth.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Mailshelf local accounts",
        description = "The default auth provider: accounts and bcrypt password hashes kept in the mail store.")
@interface LocalAccountsConfig {

    @AttributeDefinition(name = "Service ranking",
            description = "Order among auth providers: higher is asked first. Rank an LDAP or SSO provider above "
                    + "0 to let it decide before the local accounts.")
    int service_ranking() default 0;

    @AttributeDefinition(name = "bcrypt cost", min = "4", max = "31",
            description = "log2 of the bcrypt rounds for new and changed passwords; +1 doubles the time of a check "
                    + "(10 took about 60-100 ms per check on a 2-core test machine). Existing hashes keep the cost "
                    + "they were made with.")
    int bcrypt_cost() default 10;

    @AttributeDefinition(name = "Verified-login cache TTL (s)", min = "0",
            description = "How long a password that passed a bcrypt check is answered from memory (an HMAC of it, "
                    + "never the password). A password change or account deletion ends it at once. 0 turns the "
                    + "cache off, so every login costs a bcrypt check.")
    int cache_ttl_seconds() default 300;
}
