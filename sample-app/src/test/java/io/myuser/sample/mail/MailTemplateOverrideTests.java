package io.myuser.sample.mail;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import io.myuser.mail.MailTemplate;
import io.myuser.mail.MailTemplateRenderer;
import io.myuser.mail.RenderedMail;
import io.myuser.sample.test.IntegrationTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host customises MyUser's emails without touching MyUser: its own file at the same template path replaces
 * MyUser's template, and a message bundle for another locale translates the texts. The sample app ships both.
 */
class MailTemplateOverrideTests extends IntegrationTestSupport {

	@Autowired
	private MailTemplateRenderer renderer;

	@Test
	void the_hosts_template_at_the_same_path_replaces_myusers() {
		RenderedMail welcome = this.renderer.render(MailTemplate.WELCOME, "ada@example.com", Locale.ENGLISH,
				Map.of("recipientName", "Ada"));
		RenderedMail confirmed = this.renderer.render(MailTemplate.EMAIL_CONFIRMED, "ada@example.com",
				Locale.ENGLISH, Map.of("recipientName", "Ada"));

		assertThat(welcome.html()).contains("data-sample=\"branded\"").contains("Hello Ada,");
		assertThat(welcome.subject()).isEqualTo("Welcome to myuser-sample");
		assertThat(confirmed.html()).as("templates the host did not override stay MyUser's")
			.doesNotContain("data-sample");
	}

	@Test
	void a_host_bundle_renders_a_second_locale_and_falls_back_to_english_for_missing_texts() {
		RenderedMail german = this.renderer.render(MailTemplate.EMAIL_CONFIRMATION, "ada@example.com", Locale.GERMAN,
				Map.of("recipientName", "Ada", "link", "https://example.com/confirm?key=k",
						"expiresAt", Instant.parse("2026-12-01T09:30:00Z")));
		RenderedMail english = this.renderer.render(MailTemplate.EMAIL_CONFIRMATION, "ada@example.com",
				Locale.ENGLISH, Map.of("recipientName", "Ada", "link", "https://example.com/confirm?key=k",
						"expiresAt", Instant.parse("2026-12-01T09:30:00Z")));

		assertThat(german.subject()).isEqualTo("Bestätigen Sie Ihre E-Mail-Adresse für myuser-sample");
		assertThat(german.text()).contains("Hallo Ada,").contains("E-Mail-Adresse bestätigen")
			.contains("gültig bis 01.12.2026");
		assertThat(english.subject()).isEqualTo("Confirm your email address for myuser-sample");
		RenderedMail germanReset = this.renderer.render(MailTemplate.PASSWORD_RESET, "ada@example.com", Locale.GERMAN,
				Map.of("link", "https://example.com/reset", "expiresAt", Instant.parse("2026-12-01T09:30:00Z")));
		assertThat(germanReset.subject()).as("not translated by the host: MyUser's English")
			.isEqualTo("Reset your myuser-sample password");
		assertThat(germanReset.text()).startsWith("Hallo,");
	}

}
