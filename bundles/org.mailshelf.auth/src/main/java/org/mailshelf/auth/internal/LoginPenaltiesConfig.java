package org.mailshelf.auth.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Mailshelf failed login penalties",
        description = "One record of failed logins for every IMAP and POP3 listener (Dovecot's auth penalty): "
                + "the answer to a failed login comes later the more often the address or the account failed.")
@interface LoginPenaltiesConfig {

    @AttributeDefinition(name = "First delay (ms)", min = "0",
            description = "How long the answer to a first failure is held back; doubled for each earlier failure")
    int first_delay() default 2000;

    @AttributeDefinition(name = "Longest delay (ms)", min = "0")
    int max_delay() default 15_000;

    @AttributeDefinition(name = "Memory (minutes)", min = "1",
            description = "A source's failures are forgotten this long after its last one, or at a success")
    int memory_minutes() default 15;

    @AttributeDefinition(name = "Lockout after", min = "0",
            description = "Failures from one address after which its logins are refused until the memory has "
                    + "passed (this host never); 0 never locks out. Accounts are never locked, so an attacker "
                    + "cannot lock a user out.")
    int lockout_after() default 30;
}
