package org.mailshelf.admin.internal;

import java.io.IOException;

import org.mailshelf.api.tls.TlsCertificates;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The Web Console page "TLS certificate": shows the certificate in use, installs a pasted chain and key, goes
 * back to the generated certificate. Same form rules as the users page.
 */
@Component(name = "org.mailshelf.admin.console.tls", service = Servlet.class, property = {
    "felix.webconsole.label=" + TlsConsolePlugin.LABEL,
    "felix.webconsole.title=TLS certificate",
    "felix.webconsole.category=Mailshelf"
})
public class TlsConsolePlugin extends HttpServlet {

    static final String LABEL = "mailshelf-tls";
    private static final long serialVersionUID = 1L;

    private final transient Logger log = LoggerFactory.getLogger(TlsConsolePlugin.class);
    private final transient Certificates certificates;
    private final transient ConsoleForms forms;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile TlsCertificates service;

    @Activate
    public TlsConsolePlugin() {
        this.certificates = new Certificates(() -> service);
        this.forms = ConsoleForms.withNewToken();
    }

    TlsConsolePlugin(Certificates certificates, ConsoleForms forms) {
        this.certificates = certificates;
        this.forms = forms;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.getWriter().write(TlsPage.render(certificates.current().orElse(null), req.getParameter("message"),
                ConsoleForms.pluginRoot(req), forms));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        req.setCharacterEncoding("UTF-8");
        String message = forms.validToken(req.getParameter("token"))
                ? perform(req.getParameter("action"), req.getParameter("certificate"), req.getParameter("key"))
                : ConsoleForms.OUT_OF_DATE;
        req.setAttribute(AuditLog.OUTCOME, message);
        ConsoleForms.redirectWithMessage(req, resp, message);
    }

    /** Carries out one form action and says what happened, in words for the page. */
    String perform(String action, String chainPem, String keyPem) {
        Certificates.Outcome outcome;
        if ("install".equals(action)) {
            if (chainPem == null || chainPem.isBlank() || keyPem == null || keyPem.isBlank()) {
                return "Paste both the certificate chain and the key.";
            }
            outcome = certificates.install(chainPem, keyPem);
        } else if ("uninstall".equals(action)) {
            outcome = certificates.uninstall();
        } else {
            return "Unknown action.";
        }
        if (outcome.current() == null) {
            return outcome.refusal();
        }
        log.info("Console: {} the TLS certificate; now {} ({})", action + "ed", outcome.current().subject(),
                outcome.current().source());
        return "Now in use: " + outcome.current().subject() + " (" + TlsPage.sourceText(outcome.current().source())
                + ").";
    }
}
