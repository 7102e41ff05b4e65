package org.civicdispatch.devinfra;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server (GreenMail) that keeps every message it receives, with IMAP to read them, on loopback. Any
 * address is accepted; an IMAP login as the recipient address (password = the address) shows that mailbox.
 */
public final class DevMailServer implements AutoCloseable {

    private final GreenMail mail;

    private DevMailServer(GreenMail mail) {
        this.mail = mail;
    }

    /** Port 0 picks free ports. */
    public static DevMailServer start(int smtpPort, int imapPort) {
        GreenMail mail = new GreenMail(new ServerSetup[] {setup(smtpPort, ServerSetup.PROTOCOL_SMTP),
                setup(imapPort, ServerSetup.PROTOCOL_IMAP)});
        mail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        return new DevMailServer(mail);
    }

    private static ServerSetup setup(int port, String protocol) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", protocol);
        return port == 0 ? setup.dynamicPort() : setup;
    }

    public int smtpPort() {
        return mail.getSmtp().getPort();
    }

    public int imapPort() {
        return mail.getImap().getPort();
    }

    public int received() {
        return mail.getReceivedMessages().length;
    }

    @Override
    public void close() {
        mail.stop();
    }
}
