package org.mailshelf.auth.internal;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;

import org.mailshelf.api.auth.LoginPenalties;
import org.mailshelf.protocol.FailedLogins;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link LoginPenalties} service every listener uses, so the IMAP, IMAPS, POP3 and POP3S listeners count
 * failures together. A new configuration changes the policy in place: listeners keep their sessions, and the
 * failures so far are kept unless the policy changed.
 */
@Component(configurationPid = SharedLoginPenalties.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = LoginPenalties.class)
@Designate(ocd = LoginPenaltiesConfig.class)
public class SharedLoginPenalties implements LoginPenalties {

    static final String PID = "org.mailshelf.auth.penalties";

    private final Logger log = LoggerFactory.getLogger(SharedLoginPenalties.class);
    private volatile Policy policy;
    private volatile FailedLogins record;

    private record Policy(Duration firstDelay, Duration maxDelay, Duration memory, int lockoutAfter) {
        static Policy of(LoginPenaltiesConfig config) {
            return new Policy(Duration.ofMillis(Math.max(0, config.first_delay())),
                    Duration.ofMillis(Math.max(0, config.max_delay())),
                    Duration.ofMinutes(Math.max(1, config.memory_minutes())), Math.max(0, config.lockout_after()));
        }

        FailedLogins newRecord() {
            return new FailedLogins(firstDelay, maxDelay, memory, lockoutAfter, Clock.systemUTC());
        }
    }

    @Activate
    public SharedLoginPenalties(LoginPenaltiesConfig config) {
        modified(config);
    }

    @Modified
    final synchronized void modified(LoginPenaltiesConfig config) {
        Policy wanted = Policy.of(config);
        if (!wanted.equals(policy)) {
            policy = wanted;
            record = wanted.newRecord();
            log.info("Failed logins: first delay {} ms, at most {} ms, remembered {} min, lockout after {}",
                    wanted.firstDelay().toMillis(), wanted.maxDelay().toMillis(), wanted.memory().toMinutes(),
                    wanted.lockoutAfter() == 0 ? "never" : wanted.lockoutAfter() + " failures");
        }
    }

    @Override
    public Duration failed(InetAddress from, String account) {
        return record.failed(from, account);
    }

    @Override
    public void succeeded(InetAddress from, String account) {
        record.succeeded(from, account);
    }

    @Override
    public boolean lockedOut(InetAddress from) {
        return record.lockedOut(from);
    }
}
