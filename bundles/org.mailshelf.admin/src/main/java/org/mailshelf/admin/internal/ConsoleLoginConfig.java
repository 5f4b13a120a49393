package org.mailshelf.admin.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Mailshelf console login",
        description = "How a person logs in to the Web Console: a login form and a session cookie (HttpOnly, "
                + "SameSite=Strict, Secure over HTTPS). Scripts may still send the admin's Basic credentials.")
@interface ConsoleLoginConfig {

    @AttributeDefinition(name = "Idle timeout (seconds)",
            description = "A console session not used for this long ends; the admin logs in again.", min = "1")
    int session_idle_timeout() default 1800;
}
