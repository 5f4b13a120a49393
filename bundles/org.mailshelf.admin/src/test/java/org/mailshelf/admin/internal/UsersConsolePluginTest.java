package org.mailshelf.admin.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.Test;
import org.mailshelf.store.memory.MemoryMailStore;

public class UsersConsolePluginTest {

    private static final String ROOT = "/system/console/mailshelf-users";
    private static final String TOKEN = "t0ken";
    private final MemoryMailStore store = new MemoryMailStore();
    private final TestUserAdmin userAdmin = new TestUserAdmin(store);
    private final UsersConsolePlugin plugin = new UsersConsolePlugin(new MailUsers(userAdmin, store),
            new ConsoleForms(TOKEN));

    @Test
    public void escapesHtmlAndConsoleVariables() {
        assertEquals("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp;amp; &quot;q&quot; &#36;{brand.name}",
                Html.escape("<script>alert('x')</script> &amp; \"q\" ${brand.name}"));
        assertEquals("", Html.escape(null));
    }

    @Test
    public void rendersUsersFormsAndTheMessageEscaped() {
        List<UsersPage.Row> rows = List.of(new UsersPage.Row("a<b>", List.of(new MailUsers.Mailbox("IN\"BOX", 3))));
        String html = UsersPage.render(rows, "<img src=x onerror=alert(1)>", "/c?x='y'", new ConsoleForms("tok'en"));
        assertFalse(html, html.contains("<b>") || html.contains("<img") || html.contains("'y'")
                || html.contains("tok'en") || html.contains("IN\"BOX"));
        assertTrue(html.contains("a&lt;b&gt;"));
        assertTrue(html.contains("IN&quot;BOX (3)"));
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assertTrue(html.contains("value='tok&#39;en'"));
        assertTrue(html.contains("action='/c?x=&#39;y&#39;'"));
        assertTrue(html.contains("name='action' value='delete'"));
        assertTrue(html.contains("name='action' value='create'"));
        assertTrue(html.contains("name='action' value='password'"));
    }

    @Test
    public void performsActions() {
        assertEquals("Created user alice.", plugin.perform("create", "alice", "pw"));
        assertEquals("Account exists: alice", plugin.perform("create", "alice", "pw"));
        assertEquals("The password must not be empty", plugin.perform("create", "bob", null));
        assertEquals("Changed the password of alice.", plugin.perform("password", "alice", "new"));
        assertEquals("plain:new", store.passwordHash("alice").orElseThrow());
        assertEquals("No such user: bob", plugin.perform("password", "bob", "new"));
        assertEquals("Deleted user alice and their mail.", plugin.perform("delete", "alice", null));
        assertEquals("No such user: alice", plugin.perform("delete", "alice", null));
        assertEquals("Unknown action.", plugin.perform("format-disk", "alice", null));
        assertEquals("Nothing to do: the form was incomplete.", plugin.perform(null, "alice", null));
        assertEquals("Nothing to do: the form was incomplete.", plugin.perform("delete", "", null));
    }

    @Test
    public void getRendersTheTableWithTheToken() throws Exception {
        userAdmin.create("alice", "pw".toCharArray());
        FakeHttp.Request get = new FakeHttp.Request();
        get.attributes.put("felix.webconsole.pluginRoot", ROOT);
        get.parameters.put("message", "Created user alice.");
        FakeHttp.Response response = new FakeHttp.Response();
        plugin.doGet(get.proxy(), response.proxy());
        String html = response.text();
        assertTrue(html, html.contains("<td>alice</td><td>INBOX (0)</td>"));
        assertTrue(html.contains("<p class='statline'>Created user alice.</p>"));
        assertTrue(html.contains("name='token' value='" + TOKEN + "'"));
        assertTrue(html.contains("action='" + ROOT + "'"));
    }

    @Test
    public void postActsAndRedirectsWith303() throws Exception {
        FakeHttp.Response response = post("create", "alice", "pw", TOKEN);
        assertEquals(303, response.status);
        String location = response.headers.get("Location");
        assertTrue(location, location.startsWith(ROOT + "?message="));
        assertEquals("Created user alice.", URLDecoder.decode(location.substring(location.indexOf('=') + 1),
                StandardCharsets.UTF_8));
        assertTrue(userAdmin.exists("alice"));
    }

    @Test
    public void postWithoutTheTokenChangesNothing() throws Exception {
        for (String token : new String[] {null, "", "wrong", TOKEN + "x"}) {
            FakeHttp.Response response = post("create", "mallory", "pw", token);
            assertEquals(303, response.status);
            assertFalse(userAdmin.exists("mallory"));
        }
    }

    private FakeHttp.Response post(String action, String name, String password, String token) throws Exception {
        FakeHttp.Request post = new FakeHttp.Request();
        post.method = "POST";
        post.attributes.put("felix.webconsole.pluginRoot", ROOT);
        post.parameters.put("action", action);
        post.parameters.put("name", name);
        post.parameters.put("password", password);
        if (token != null) {
            post.parameters.put("token", token);
        }
        FakeHttp.Response response = new FakeHttp.Response();
        plugin.doPost(post.proxy(), response.proxy());
        return response;
    }
}
