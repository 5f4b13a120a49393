package org.mailshelf.admin.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Mailshelf admin request guard",
        description = "Checks every request to the Web Console and the REST API before anything handles it: the "
                + "Host must be one of the appliance's names, and a request that changes something must come from "
                + "the console's own origin. Refusals are logged and written to data/logs/audit.log.")
@interface RequestGuardConfig {

    @AttributeDefinition(name = "More host names",
            description = "Names besides localhost, 127.0.0.1, ::1, the address a request arrived on and the "
                    + "names in the server certificate, e.g. the name of a reverse proxy in front "
                    + "(wildcards such as *.example.com allowed).")
    String[] allowed_hosts() default {};

    @AttributeDefinition(name = "More origins",
            description = "Origins (scheme://host[:port]) whose pages may change things besides the console's "
                    + "own, e.g. https://mail.example.com when a reverse proxy serves the console there.")
    String[] allowed_origins() default {};
}
