package org.civicdispatch.notification.channel.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.civicdispatch.notification.delivery.DeliveryFailure;
import org.civicdispatch.notification.delivery.NoticeChannel;
import org.civicdispatch.notification.delivery.PermanentDeliveryFailure;
import org.civicdispatch.notification.directory.Contact;
import org.civicdispatch.notification.domain.Notice;
import org.civicdispatch.notification.domain.NoticeTemplates;
import org.civicdispatch.notification.domain.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * E-mail over SMTP, one message to every address of the recipient, in the notice's language, subject from the
 * {@code email.subject} template. SMTP has no idempotency key: the Message-ID derives from the notification id, so
 * a message resent after a crash is the same message to clients that thread or dedupe by it.
 */
public class SmtpEmailChannel implements NoticeChannel {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpEmailChannel.class);

    private final JavaMailSender mail;
    private final String from;
    private final NoticeTemplates templates;

    public SmtpEmailChannel(JavaMailSender mail, String from, NoticeTemplates templates) {
        this.mail = mail;
        this.from = from;
        this.templates = templates;
    }

    @Override
    public void deliver(Notice notice, Contact contact) {
        if (contact.emails().isEmpty()) {
            throw new PermanentDeliveryFailure("no e-mail address for " + notice.recipientRef());
        }
        try {
            MimeMessage message = new FixedIdMessage(mail.createMimeMessage(), messageIdOf(notice));
            message.setFrom(new InternetAddress(from));
            for (String address : contact.emails()) {
                message.addRecipient(MimeMessage.RecipientType.TO, new InternetAddress(address, true));
            }
            Locale locale = Locale.forLanguageTag(notice.locale());
            message.setSubject(templates.render("email.subject", locale, notice.caseId()), "UTF-8");
            message.setText(notice.body(), "UTF-8");
            message.setHeader("X-Notification-Id", notice.notificationId());
            mail.send(message);
        } catch (MessagingException | MailParseException e) {
            throw new PermanentDeliveryFailure("e-mail of notice " + notice.notificationId() + " is invalid: "
                    + e.getMessage());
        } catch (MailAuthenticationException e) {
            throw new PermanentDeliveryFailure("SMTP server refused our credentials: " + e.getMessage());
        } catch (MailException e) {
            throw new DeliveryFailure("SMTP server did not take notice " + notice.notificationId(), e);
        }
        LOG.info("e-mail of notice {} accepted for {}", notice.notificationId(),
                contact.emails().stream().map(PersonalData::maskEmail).toList());
    }

    static String messageIdOf(Notice notice) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(notice.notificationId().getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(hash, 0, 16) + "@notification.civic-dispatch>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keeps the Message-ID given, where Jakarta Mail would make up a new one on every save. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        FixedIdMessage(MimeMessage template, String messageId) {
            super((Session) template.getSession());
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
