package io.myuser.sample.devmail;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.myuser.mail.MailDelivery;
import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dev mailbox of the sample's default configuration: the emails MyUser sends show up at
 * {@code /dev/mailbox} (a page) and {@code /dev/mailbox/messages} (JSON) with working links, for anyone, read
 * only, with nothing of an email's text able to run in the page.
 */
class DevMailboxTests extends IntegrationTestSupport {

	private static final String PASSWORD = "a mailbox passphrase nobody guesses";

	@Autowired
	private ApplicationContext context;

	@Test
	void mails_myuser_sends_are_kept_and_their_links_work() {
		String email = uniqueEmail();
		assertThat(postJson(BASE + "/registration/",
				json(Map.of("email", email, "password1", PASSWORD, "password2", PASSWORD))).status())
			.isEqualTo(201);

		JsonNode mail = awaitMail(email);

		assertThat(mail.get("to").asString()).isEqualTo(email);
		assertThat(mail.get("subject").asString()).isNotBlank();
		assertThat(mail.get("delivered_at").asString()).isNotBlank();
		String link = mail.get("links").get(0).asString();
		assertThat(link).contains(BASE + "/pages/verify-email?key=");
		String key = URLDecoder.decode(URI.create(link).getRawQuery().substring("key=".length()),
				StandardCharsets.UTF_8);
		assertThat(postJson(BASE + "/registration/verify-email/", json(Map.of("key", key))).status()).isEqualTo(200);
		assertThat(this.accounts.findByEmail(email)).hasValueSatisfying((user) -> assertThat(user.isEmailVerified())
			.isTrue());

		HttpResult page = get("/dev/mailbox?to=" + email);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.contentType()).startsWith("text/html");
		assertThat(page.body()).contains("<span class=\"to\">" + email + "</span>")
			.contains("<a rel=\"noreferrer\" href=\"" + link.replace("&", "&amp;") + "\">")
			.contains("Development only");
	}

	@Test
	void the_mailbox_is_open_to_reading_only() {
		assertThat(get("/dev/mailbox").status()).isEqualTo(200);
		assertThat(get("/dev/mailbox/messages").status()).isEqualTo(200);
		assertThat(postJson("/dev/mailbox", "{}").status()).isEqualTo(403);
		assertThat(postJson("/dev/mailbox/messages", "{}").status()).isEqualTo(403);
		assertThat(get("/dev/mailbox/other").status()).isEqualTo(403);
	}

	@Test
	void the_page_is_not_cached_sends_no_referrer_and_runs_no_script() {
		HttpResult page = get("/dev/mailbox");

		assertThat(page.header("Cache-Control")).contains("no-store");
		assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(page.header("Content-Security-Policy")).startsWith("default-src 'none';")
			.doesNotContain("script-src");
		assertThat(get("/dev/mailbox/messages").header("Cache-Control")).contains("no-store");
	}

	@Test
	void what_an_email_says_is_shown_as_text_never_as_markup() {
		String email = uniqueEmail();
		String name = "<img src=x onerror=alert(1)>";
		assertThat(postJson(BASE + "/registration/", json(Map.of("email", email, "password1", PASSWORD, "password2",
				PASSWORD, "first_name", name))).status()).isEqualTo(201);
		awaitMail(email);

		String body = get("/dev/mailbox?to=" + email + "&x=%22%3E%3Cscript%3E").body();

		assertThat(body).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain(name);
		String form = get("/dev/mailbox?to=%22%3E%3Cscript%3Ealert(1)%3C/script%3E").body();
		assertThat(form).contains("value=\"&quot;&gt;&lt;script&gt;").doesNotContain("<script>");
	}

	@Test
	void it_decorates_myusers_own_delivery() {
		assertThat(this.context.getBean(DevMailboxConfiguration.MYUSER_MAIL_DELIVERY))
			.isInstanceOf(RecordingMailDelivery.class);
		assertThat(this.context.getBean(MailDelivery.class)).isInstanceOf(RecordingMailDelivery.class);
	}

	private JsonNode awaitMail(String email) {
		return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
			HttpResult messages = get("/dev/mailbox/messages?to=" + email);
			assertThat(messages.status()).isEqualTo(200);
			JsonNode mails = messages.json();
			return (mails.size() == 0) ? null : mails.get(0);
		}, (mail) -> mail != null);
	}

}
