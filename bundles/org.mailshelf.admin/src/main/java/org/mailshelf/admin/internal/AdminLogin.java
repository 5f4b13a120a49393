package org.mailshelf.admin.internal;

import java.time.Duration;
import java.util.function.Consumer;

import org.mailshelf.admin.internal.AdminAuth.Verdict;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin's login, one for the REST API and the Web Console: the same password check and the same throttle,
 * so a guesser gains nothing by alternating between them.
 */
@Component(service = AdminLogin.class)
public class AdminLogin {

    private final Logger log = LoggerFactory.getLogger(AdminLogin.class);
    private final AdminAuth auth;
    private final LoginThrottle throttle;
    private final Consumer<Duration> pause;

    @Activate
    public AdminLogin(BundleContext context) {
        // a framework property, so it is fixed for the life of the framework: read it once
        this(AdminAuth.fromHash(context.getProperty(AdminAuth.FRAMEWORK_PROPERTY)),
                new LoginThrottle(System::nanoTime), AdminLogin::sleep);
        if (!auth.isEnabled()) {
            log.warn("Framework property {} is missing or not a {sha-256} hash: the REST API and the console "
                    + "refuse every request", AdminAuth.FRAMEWORK_PROPERTY);
        }
    }

    /** For tests: {@code pause} replaces the sleep that holds back the answer to a failed login. */
    AdminLogin(AdminAuth auth, LoginThrottle throttle, Consumer<Duration> pause) {
        this.auth = auth;
        this.throttle = throttle;
        this.pause = pause;
    }

    /**
     * Checks Basic credentials; a wrong password is answered late, the later the more often it happened from
     * this address, in the caller's thread: simple, and admin traffic is light.
     *
     * @param where for the log, e.g. "the REST API"
     */
    Verdict attempt(String authorizationHeader, String clientAddress, String where) {
        return throttled(auth.check(authorizationHeader), clientAddress, where);
    }

    /** The same for a login form's user name and password; the password is wiped. */
    Verdict attempt(String user, char[] password, String clientAddress, String where) {
        return throttled(auth.check(user, password), clientAddress, where);
    }

    private Verdict throttled(Verdict verdict, String clientAddress, String where) {
        if (verdict == Verdict.DENIED) {
            Duration delay = throttle.failed(clientAddress);
            log.warn("Failed admin login to {} from {}; answering in {} s", where, clientAddress,
                    delay.toSeconds());
            pause.accept(delay);
        } else if (verdict == Verdict.GRANTED) {
            throttle.succeeded(clientAddress);
        }
        return verdict;
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // shutting down: answer at once
        }
    }
}
