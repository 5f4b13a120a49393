package org.mailshelf.auth.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Mailshelf authenticator",
        description = "Accepts logins and recipient addresses and asks the registered auth providers in order of "
                + "service.ranking, highest first. The first provider that knows the user decides.")
@interface AuthenticatorConfig {

    @AttributeDefinition(name = "Mail domains",
            description = "Domains whose addresses belong to this server. A login or recipient may be 'name' or "
                    + "'name@domain' with one of these domains (case-insensitive); the domain is dropped and the "
                    + "name lower-cased before the providers are asked.")
    String[] domains() default {"localhost"};

    @AttributeDefinition(name = "Accept any domain",
            description = "Treat 'name@anydomain' like 'name'. Only for setups where the MTA in front already "
                    + "decided which domains are local; leave off otherwise.")
    boolean accept_any_domain() default false;
}
