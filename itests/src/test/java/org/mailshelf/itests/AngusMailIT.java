package org.mailshelf.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import jakarta.mail.internet.InternetAddress;

import org.eclipse.angus.mail.imap.AppendUID;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.ResyncData;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.mailshelf.api.auth.UserAdmin;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * IMAP driven by Jakarta Mail on Eclipse Angus, running as bundles inside the framework: multipart reading,
 * flags, expunges and deliveries seen by a second open connection (two devices), COPY with UIDPLUS, expunge,
 * IDLE woken by an LMTP delivery, and CONDSTORE.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AngusMailIT extends MailshelfTestSupport {

    private static final String MULTIPART = String.join("\r\n",
            "From: Ann <ann@example.org>",
            "To: kim@example.com",
            "Subject: report",
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"b1\"",
            "",
            "preamble",
            "--b1",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit",
            "",
            "Gr\u00fc\u00dfe, here is the report",
            "--b1",
            "Content-Type: application/octet-stream; name=\"data.bin\"",
            "Content-Disposition: attachment; filename=\"data.bin\"",
            "Content-Transfer-Encoding: base64",
            "",
            "AAECAwQFBgcICQ==",
            "--b1--",
            "");

    @Configuration
    @Override
    public Option[] config() throws Exception {
        List<Option> options = new ArrayList<>(Arrays.asList(super.config()));
        options.add(client("jakarta.activation", "jakarta.activation-api", "jakarta.activation"));
        options.add(client("org.eclipse.angus", "angus-activation", "angus.activation"));
        options.add(client("jakarta.mail", "jakarta.mail-api", "jakarta.mail"));
        options.add(client("org.eclipse.angus", "angus-mail", "angus.mail"));
        return options.toArray(new Option[0]);
    }

    /** A client bundle from the local repository, in the version itests/pom.xml passes on. */
    private static Option client(String groupId, String artifactId, String versionKey) {
        return mavenBundle(groupId, artifactId, System.getProperty("mailshelf.it." + versionKey + ".version"));
    }

    private ClassLoader savedContextLoader;

    @Before
    public void ready() throws Exception {
        // Jakarta Mail looks its providers up through the context class loader first; here that would be the
        // test runner's class path. Angus's own bundle class loader sees its providers and the bundles' API.
        savedContextLoader = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(IMAPStore.class.getClassLoader());
        UserAdmin users = service(UserAdmin.class);
        for (String name : new String[] {"ada", "bob", "cleo", "dan", "eve", "fred"}) {
            if (!users.exists(name)) {
                users.create(name, (name + "-pw").toCharArray());
            }
        }
        awaitListening("imap", "lmtp");
    }

    @After
    public void restoreContextLoader() {
        Thread.currentThread().setContextClassLoader(savedContextLoader);
    }

    private static Store connect(String user) throws MessagingException {
        Properties props = new Properties();
        props.setProperty("mail.store.protocol", "imap");
        props.setProperty("mail.imap.host", "127.0.0.1");
        props.setProperty("mail.imap.port", Integer.toString(port("imap")));
        props.setProperty("mail.imap.connectiontimeout", "10000");
        props.setProperty("mail.imap.timeout", "10000");
        props.setProperty("mail.imap.writetimeout", "10000");
        Store store = Session.getInstance(props).getStore("imap");
        store.connect(user, user + "-pw");
        return store;
    }

    @Test
    public void readsHeadersAndMultipartBodies() throws Exception {
        assertEquals("[]", deliver("ann@example.org", "ada", MULTIPART));
        try (Store store = connect("ada")) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            assertEquals(1, inbox.getMessageCount());
            Message m = inbox.getMessage(1);
            assertEquals("report", m.getSubject());
            assertEquals(new InternetAddress("ann@example.org", "Ann"), m.getFrom()[0]);
            assertArrayEquals(new String[] {"<ann@example.org>"}, m.getHeader("Return-Path"));
            assertTrue(m.getContentType(), m.isMimeType("multipart/mixed"));
            assertFalse(m.isSet(Flags.Flag.SEEN));

            Multipart mp = (Multipart) m.getContent();
            assertEquals(2, mp.getCount());
            Part text = mp.getBodyPart(0);
            assertTrue(text.getContentType(), text.isMimeType("text/plain"));
            assertEquals("Gr\u00fc\u00dfe, here is the report", ((String) text.getContent()).strip());
            Part attachment = mp.getBodyPart(1);
            assertEquals(Part.ATTACHMENT, attachment.getDisposition());
            assertEquals("data.bin", attachment.getFileName());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            attachment.getInputStream().transferTo(bytes);
            assertArrayEquals(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, bytes.toByteArray());
            // fetching a body part (not PEEK) sets \Seen
            assertTrue(reopenSeen(store));
            inbox.close(false);
        }
    }

    private static boolean reopenSeen(Store store) throws MessagingException {
        Folder again = store.getFolder("INBOX");
        again.open(Folder.READ_ONLY);
        try {
            return again.getMessage(1).isSet(Flags.Flag.SEEN);
        } finally {
            again.close(false);
        }
    }

    @Test
    public void flagsSetOnOneDeviceAreSeenOnTheOther() throws Exception {
        assertEquals("[]", deliver("a@example.org", "bob", "Subject: shared\r\n\r\nx\r\n"));
        try (Store phone = connect("bob"); Store laptop = connect("bob")) {
            IMAPFolder onPhone = (IMAPFolder) phone.getFolder("INBOX");
            onPhone.open(Folder.READ_WRITE);
            IMAPFolder onLaptop = (IMAPFolder) laptop.getFolder("INBOX");
            onLaptop.open(Folder.READ_WRITE);
            Message laptopView = onLaptop.getMessage(1);
            assertFalse(laptopView.isSet(Flags.Flag.FLAGGED));

            Flags flags = new Flags(Flags.Flag.FLAGGED);
            flags.add("$Important");
            onPhone.getMessage(1).setFlags(flags, true);
            noop(onLaptop); // the laptop hears of the change as an untagged FETCH
            assertTrue(laptopView.isSet(Flags.Flag.FLAGGED));
            assertTrue(Arrays.toString(laptopView.getFlags().getUserFlags()),
                    laptopView.getFlags().contains("$Important"));

            laptopView.setFlags(flags, false);
            noop(onPhone);
            Message phoneView = onPhone.getMessage(1);
            assertFalse(phoneView.isSet(Flags.Flag.FLAGGED));
            assertFalse(phoneView.getFlags().contains("$Important"));
            onPhone.close(false);
            onLaptop.close(false);
        }
        // and a third connection, opened afresh, sees the final state
        try (Store tablet = connect("bob")) {
            Folder inbox = tablet.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertFalse(inbox.getMessage(1).isSet(Flags.Flag.FLAGGED));
            inbox.close(false);
        }
    }

    @Test
    public void expungeAndDeliveryReachAnOpenSecondDevice() throws Exception {
        assertEquals("[]", deliver("a@example.org", "fred", "Subject: old\r\n\r\no\r\n"));
        assertEquals("[]", deliver("a@example.org", "fred", "Subject: kept\r\n\r\nk\r\n"));
        try (Store phone = connect("fred"); Store laptop = connect("fred")) {
            IMAPFolder onPhone = (IMAPFolder) phone.getFolder("INBOX");
            onPhone.open(Folder.READ_WRITE);
            IMAPFolder onLaptop = (IMAPFolder) laptop.getFolder("INBOX");
            onLaptop.open(Folder.READ_WRITE);
            Message old = onLaptop.getMessage(1);
            assertEquals("old", old.getSubject());
            List<String> events = new CopyOnWriteArrayList<>();
            CountDownLatch twoEvents = new CountDownLatch(2);
            onLaptop.addMessageCountListener(new MessageCountAdapter() {
                @Override
                public void messagesRemoved(MessageCountEvent e) {
                    events.add("removed " + e.getMessages().length);
                    twoEvents.countDown();
                }

                @Override
                public void messagesAdded(MessageCountEvent e) {
                    try {
                        events.add("added " + e.getMessages()[0].getSubject());
                    } catch (MessagingException ex) {
                        events.add(ex.toString());
                    }
                    twoEvents.countDown();
                }
            });

            onPhone.getMessage(1).setFlag(Flags.Flag.DELETED, true);
            assertEquals(1, onPhone.expunge().length);
            noop(onLaptop);
            assertTrue("the laptop's copy of the expunged message is marked so", old.isExpunged());
            // an open Jakarta Mail folder keeps its message numbers until its own expunge(): ask with STATUS
            assertEquals(1, laptop.getFolder("INBOX").getMessageCount());

            assertEquals("[]", deliver("a@example.org", "fred", "Subject: fresh\r\n\r\nf\r\n"));
            noop(onLaptop);
            assertTrue(events.toString(), twoEvents.await(5, TimeUnit.SECONDS));
            assertEquals(List.of("removed 1", "added fresh"), events);
            assertEquals(2, laptop.getFolder("INBOX").getMessageCount());
            onPhone.close(false);
            onLaptop.close(false);
        }
    }

    private static void noop(IMAPFolder folder) throws MessagingException {
        folder.doCommand(p -> {
            p.noop();
            return null;
        });
    }

    @Test
    public void copiesWithUidsAndExpunges() throws Exception {
        assertEquals("[]", deliver("a@example.org", "cleo", "Subject: keep\r\n\r\nk\r\n"));
        assertEquals("[]", deliver("a@example.org", "cleo", "Subject: file away\r\n\r\nf\r\n"));
        try (Store store = connect("cleo")) {
            Folder archive = store.getFolder("Filed");
            assertTrue(archive.create(Folder.HOLDS_MESSAGES));
            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Message toMove = inbox.getMessage(2);
            assertEquals("file away", toMove.getSubject());
            AppendUID[] uids = inbox.copyUIDMessages(new Message[] {toMove}, archive);
            assertEquals(1, uids.length);
            assertNotNull("COPYUID expected (UIDPLUS)", uids[0]);

            toMove.setFlag(Flags.Flag.DELETED, true);
            Message[] expunged = inbox.expunge();
            assertEquals(1, expunged.length);
            assertEquals(1, inbox.getMessageCount());
            assertEquals("keep", inbox.getMessage(1).getSubject());
            inbox.close(false);

            IMAPFolder archived = (IMAPFolder) store.getFolder("Filed");
            archived.open(Folder.READ_ONLY);
            assertEquals(1, archived.getMessageCount());
            assertEquals(uids[0].uidvalidity, archived.getUIDValidity());
            Message copy = archived.getMessageByUID(uids[0].uid);
            assertNotNull(copy);
            assertEquals("file away", copy.getSubject());
            assertFalse("the copy must not carry the \\Deleted set afterwards", copy.isSet(Flags.Flag.DELETED));
            archived.close(false);
        }
    }

    @Test
    public void idleHearsOfAnLmtpDelivery() throws Exception {
        try (Store store = connect("dan")) {
            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            assertEquals(0, inbox.getMessageCount());
            CountDownLatch added = new CountDownLatch(1);
            AtomicReference<String> subject = new AtomicReference<>();
            inbox.addMessageCountListener(new MessageCountAdapter() {
                @Override
                public void messagesAdded(MessageCountEvent e) {
                    try {
                        subject.set(e.getMessages()[0].getSubject());
                    } catch (MessagingException ex) {
                        subject.set(ex.toString());
                    }
                    added.countDown();
                }
            });
            AtomicReference<Throwable> idleFailure = new AtomicReference<>();
            Thread idler = new Thread(() -> {
                try {
                    inbox.idle(true);
                } catch (Throwable t) {
                    idleFailure.set(t);
                }
            }, "angus-idle");
            idler.setDaemon(true);
            idler.start();
            Thread.sleep(500); // let IDLE be under way before the delivery
            assertEquals("[]", deliver("a@example.org", "dan", "Subject: pushed\r\n\r\nnow\r\n"));
            idler.join(5000);
            assertFalse("IDLE still waiting 5 s after the delivery", idler.isAlive());
            assertEquals(null, idleFailure.get());
            assertTrue("no messagesAdded event within 5 s", added.await(5, TimeUnit.SECONDS));
            assertEquals("pushed", subject.get());
            assertEquals(1, inbox.getMessageCount());
            inbox.close(false);
        }
    }

    @Test
    public void condstoreReportsExactlyTheChangedMessage() throws Exception {
        for (String s : new String[] {"one", "two", "three"}) {
            assertEquals("[]", deliver("a@example.org", "eve", "Subject: " + s + "\r\n\r\n" + s + "\r\n"));
        }
        try (Store device1 = connect("eve"); Store device2 = connect("eve")) {
            IMAPFolder first = (IMAPFolder) device1.getFolder("INBOX");
            first.open(Folder.READ_WRITE, ResyncData.CONDSTORE);
            long before = first.getHighestModSeq();
            assertTrue("HIGHESTMODSEQ " + before, before > 0);
            IMAPMessage two = (IMAPMessage) first.getMessage(2);
            long twoUid = first.getUID(two);
            two.setFlag(Flags.Flag.ANSWERED, true);

            // a closed folder object asks with STATUS (HIGHESTMODSEQ)
            long after = ((IMAPFolder) device1.getFolder("INBOX")).getHighestModSeq();
            assertTrue(before + " -> " + after, after > before);
            assertEquals(after, two.getModSeq());

            IMAPFolder second = (IMAPFolder) device2.getFolder("INBOX");
            second.open(Folder.READ_ONLY, ResyncData.CONDSTORE);
            assertEquals(after, second.getHighestModSeq());
            Message[] changed = second.getMessagesByUIDChangedSince(1, UIDFolder.LASTUID, before);
            assertEquals(1, changed.length);
            assertEquals(twoUid, second.getUID(changed[0]));
            assertEquals("two", changed[0].getSubject());
            assertTrue(changed[0].isSet(Flags.Flag.ANSWERED));
            assertEquals(0, second.getMessagesByUIDChangedSince(1, UIDFolder.LASTUID, after).length);
            first.close(false);
            second.close(false);
        }
    }
}
