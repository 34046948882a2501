package io.nbaprops.ops.alert;

import io.nbaprops.config.AlertsConfig;
import io.nbaprops.config.Secrets;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;

/** Sends the alert as a plain-text e-mail over SMTP (Angus Mail). The password comes from the secrets provider. */
public final class EmailDestination implements AlertDestination {
    private final AlertsConfig.Email cfg;
    private final Session session;

    public EmailDestination(AlertsConfig.Email cfg, Secrets secrets) {
        if (cfg == null || cfg.host() == null || cfg.host().isBlank() || cfg.to() == null || cfg.to().isEmpty()) {
            throw new IllegalArgumentException("alerts.destinations includes email but alerts.email.host/to are not set");
        }
        this.cfg = cfg;
        Properties p = new Properties();
        p.put("mail.smtp.host", cfg.host());
        p.put("mail.smtp.port", String.valueOf(cfg.port()));
        String timeout = String.valueOf(Math.max(1000, cfg.timeoutMs()));
        // Without these, a server that accepts the connection and never answers blocks the outbox pass forever.
        p.put("mail.smtp.connectiontimeout", timeout);
        p.put("mail.smtp.timeout", timeout);
        p.put("mail.smtp.writetimeout", timeout);
        p.put("mail.smtp.starttls.enable", String.valueOf(cfg.starttls()));
        p.put("mail.smtp.starttls.required", String.valueOf(cfg.starttls()));
        boolean auth = cfg.username() != null && !cfg.username().isBlank();
        p.put("mail.smtp.auth", String.valueOf(auth));
        String password = auth ? secrets.get(cfg.passwordSecret()).orElseThrow(() -> new IllegalArgumentException(
                "alerts.email.username is set but the secret " + cfg.passwordSecret() + " (SMTP password) is not")) : null;
        this.session = Session.getInstance(p, auth ? new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(cfg.username(), password);
            }
        } : null);
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public void send(AlertRecord a) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(cfg.from()));
        for (String to : cfg.to()) {
            m.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
        }
        m.setSubject(AlertText.subject(a), "UTF-8");
        m.setText(AlertText.body(a), "UTF-8");
        try {
            Transport.send(m);
        } catch (MessagingException e) {
            throw new MessagingException("SMTP " + cfg.host() + ":" + cfg.port() + " did not accept the alert e-mail: "
                    + Secrets.mask(String.valueOf(e.getMessage())), e);
        }
    }
}
