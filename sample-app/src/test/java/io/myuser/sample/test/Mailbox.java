package io.myuser.sample.test;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real SMTP server (GreenMail) on a free port of this JVM for the duration of each test, and what a test reads
 * from it: the mail one address received, its plain-text part, and the key link it carries. Register it with
 * {@code @RegisterExtension} and point the application at it with {@code spring.mail.host=127.0.0.1} and
 * {@link #SMTP_PORT_PROPERTY}. The port is chosen once per JVM and published as the system property
 * {@code myuser.test.smtp-port}, so builds running side by side on one machine never share a server.
 */
public final class Mailbox implements BeforeEachCallback, AfterEachCallback {

	/** The port the server listens on: free when this class was loaded, the same for the whole JVM. */
	public static final int SMTP_PORT = publishFreePort();

	/** The property that points the application at the server, for {@code @TestPropertySource}. */
	public static final String SMTP_PORT_PROPERTY = "spring.mail.port=${myuser.test.smtp-port}";

	private static final Pattern KEY_LINK = Pattern.compile("https?://[^\\s\"<>]+?[?&](key|token)=([A-Za-z0-9_%-]+)");

	private GreenMail smtp;

	@Override
	public void beforeEach(ExtensionContext context) {
		start();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		stop();
	}

	private static int publishFreePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			int port = socket.getLocalPort();
			System.setProperty("myuser.test.smtp-port", Integer.toString(port));
			return port;
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** Start the server (again). */
	public void start() {
		this.smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.smtp.start();
	}

	/** Stop the server: connections are refused until it is started again. */
	public void stop() {
		this.smtp.stop();
	}

	/**
	 * Wait until an address has received at least a number of emails.
	 * @param email the address
	 * @param count how many
	 * @return every email the address received, in order of arrival
	 */
	public List<MimeMessage> awaitMail(String email, int count) {
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> mailTo(email).size() >= count);
		return mailTo(email);
	}

	/**
	 * The emails an address received so far, in order of arrival.
	 * @param email the address
	 * @return the emails
	 */
	public List<MimeMessage> mailTo(String email) {
		return Arrays.stream(this.smtp.getReceivedMessages()).filter((message) -> {
			try {
				return message.getRecipients(Message.RecipientType.TO)[0].toString().equalsIgnoreCase(email);
			}
			catch (MessagingException ex) {
				return false;
			}
		}).toList();
	}

	/**
	 * The decoded plain-text part of an email.
	 * @param message the email
	 * @return its text
	 */
	public static String text(MimeMessage message) {
		try {
			String text = findText(message);
			assertThat(text).as("a text/plain part").isNotNull();
			return text;
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The link with a {@code key} or {@code token} parameter in the text of an email.
	 * @param message the email
	 * @return the link, as written
	 */
	public static String link(MimeMessage message) {
		return keyLink(message).group(0);
	}

	/**
	 * The decoded {@code key} or {@code token} parameter of the link in the text of an email.
	 * @param message the email
	 * @return the key
	 */
	public static String key(MimeMessage message) {
		return URLDecoder.decode(keyLink(message).group(2), StandardCharsets.UTF_8);
	}

	/**
	 * The decoded key of the link in the one email, among several, whose text holds a path.
	 * @param messages the emails, such as an alert and a reset mail sent together
	 * @param path what the wanted email's text holds, such as {@code "/reset-password"}
	 * @return the key
	 */
	public static String keyOfMailWith(List<MimeMessage> messages, String path) {
		return key(messages.stream()
			.filter((message) -> text(message).contains(path))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no email with " + path)));
	}

	private static Matcher keyLink(MimeMessage message) {
		String text = text(message);
		Matcher matcher = KEY_LINK.matcher(text);
		assertThat(matcher.find()).as(text).isTrue();
		return matcher;
	}

	private static String findText(Part part) throws MessagingException, IOException {
		if (part.isMimeType("text/plain")) {
			return (String) part.getContent();
		}
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				String text = findText(child);
				if (text != null) {
					return text;
				}
			}
		}
		return null;
	}

}
