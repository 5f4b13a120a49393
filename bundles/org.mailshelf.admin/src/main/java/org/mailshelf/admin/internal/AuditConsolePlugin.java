package org.mailshelf.admin.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The Web Console page "Audit log": the newest admin actions, newest first. */
@Component(name = "org.mailshelf.admin.console.audit", service = Servlet.class, property = {
    "felix.webconsole.label=" + AuditConsolePlugin.LABEL,
    "felix.webconsole.title=Audit log",
    "felix.webconsole.category=Mailshelf"
})
public class AuditConsolePlugin extends HttpServlet {

    static final String LABEL = "mailshelf-audit";
    static final int SHOWN = 200;
    private static final long serialVersionUID = 1L;

    private final transient Logger log = LoggerFactory.getLogger(AuditConsolePlugin.class);
    private final transient Path file;

    @Activate
    public AuditConsolePlugin(BundleContext context) {
        this(Path.of(String.valueOf(context.getProperty("mailshelf.data") == null ? "data"
                : context.getProperty("mailshelf.data"))).resolve(AuditLog.FILE));
    }

    AuditConsolePlugin(Path file) {
        this.file = file;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        StringBuilder page = new StringBuilder("<p class='statline'>The latest admin actions, newest first, from ")
                .append(Html.escape(file.toString())).append(" (rolled daily; older files beside it).</p>\n");
        List<String> lines;
        try {
            lines = AuditLog.latest(file, SHOWN);
        } catch (IOException e) {
            log.error("Console audit page: cannot read {}", file, e);
            resp.getWriter().write(page + "<p>The audit log cannot be read: " + Html.escape(e.getMessage()) + "</p>");
            return;
        }
        page.append("<table class='tablesorter nicetable' id='audit'><thead><tr><th>Entry</th></tr></thead><tbody>\n");
        for (String line : lines) {
            page.append("<tr><td><code>").append(Html.escape(line)).append("</code></td></tr>\n");
        }
        if (lines.isEmpty()) {
            page.append("<tr><td>Nothing recorded yet.</td></tr>\n");
        }
        resp.getWriter().write(page.append("</tbody></table>\n").toString());
    }
}
