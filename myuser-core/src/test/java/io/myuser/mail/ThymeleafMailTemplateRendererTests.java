package io.myuser.mail;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Every MyUser email renders in HTML and plain text with its subject, and carries the values it is meant to show.
 */
class ThymeleafMailTemplateRendererTests {

	private static final Instant WHEN = Instant.parse("2026-12-01T09:30:00Z");

	private final ThymeleafMailTemplateRenderer renderer = renderer();

	private static ThymeleafMailTemplateRenderer renderer() {
		GenericApplicationContext context = new GenericApplicationContext();
		context.refresh();
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("myuser/mail/messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return new ThymeleafMailTemplateRenderer(context, "classpath:/templates/myuser/mail/", messages, "Acme Shop",
				ZoneId.of("UTC"));
	}

	private static Map<String, Object> sampleVariables(MailTemplate template) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("recipientName", "Ada");
		for (String name : template.variables()) {
			variables.put(name, switch (name) {
				case "link" -> "https://acme.example/confirm?key=abc123<&>";
				case "ipAddress" -> "203.0.113.7";
				case "provider" -> "GitHub";
				default -> WHEN;
			});
		}
		return variables;
	}

	@ParameterizedTest
	@EnumSource(MailTemplate.class)
	void renderWhenSampleDataThenSubjectHtmlAndTextCarryTheValues(MailTemplate template) {
		RenderedMail mail = this.renderer.render(template, "ada@example.com", Locale.ENGLISH, sampleVariables(template));

		assertThat(mail.to()).isEqualTo("ada@example.com");
		assertThat(mail.subject()).isNotBlank().doesNotContain("{").doesNotContain("??");
		assertThat(mail.html()).startsWith("<!DOCTYPE html>").contains("Hello Ada,").contains("The Acme Shop team")
			.doesNotContain("??mail").doesNotContain("th:text").doesNotContain("th:href");
		assertThat(mail.text()).contains("Hello Ada,").contains("The Acme Shop team").doesNotContain("[(")
			.doesNotContain("??mail").doesNotContain("<p");
		if (template.variables().contains("link")) {
			assertThat(mail.html()).contains("href=\"https://acme.example/confirm?key=abc123&lt;&amp;&gt;\"");
			assertThat(mail.text()).contains("https://acme.example/confirm?key=abc123<&>");
		}
		if (template.variables().contains("expiresAt")) {
			assertThat(mail.text()).contains("Dec 1, 2026").contains("9:30").contains("(UTC)");
		}
		for (String name : new String[] { "changedAt", "connectedAt", "deletedAt", "attemptedAt", "scheduledFor" }) {
			if (template.variables().contains(name)) {
				// Date and time of day, in the configured zone.
				assertThat(mail.text()).contains("Dec 1, 2026, 9:30").contains("(UTC)");
				assertThat(mail.html()).contains("Dec 1, 2026, 9:30").contains("(UTC)");
			}
		}
		if (template.variables().contains("ipAddress")) {
			assertThat(mail.text()).contains("203.0.113.7");
		}
		if (template.variables().contains("provider")) {
			assertThat(mail.subject()).contains("GitHub");
		}
	}

	@Test
	void renderWhenNameUnknownThenGreetsWithoutName() {
		Map<String, Object> variables = sampleVariables(MailTemplate.WELCOME);
		variables.remove("recipientName");

		RenderedMail mail = this.renderer.render(MailTemplate.WELCOME, "x@example.com", Locale.ENGLISH, variables);

		assertThat(mail.text()).startsWith("Hello,");
		assertThat(mail.subject()).isEqualTo("Welcome to Acme Shop");
	}

	@Test
	void renderWhenNameHoldsMarkupThenHtmlEscapesIt() {
		Map<String, Object> variables = sampleVariables(MailTemplate.WELCOME);
		variables.put("recipientName", "<script>alert(1)</script>");

		RenderedMail mail = this.renderer.render(MailTemplate.WELCOME, "x@example.com", Locale.ENGLISH, variables);

		assertThat(mail.html()).doesNotContain("<script>").contains("&lt;script&gt;");
	}

	@Test
	void renderWhenRequiredVariableMissingThenFailsFast() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.renderer.render(MailTemplate.PASSWORD_RESET,
				"x@example.com", Locale.ENGLISH, Map.of("link", "https://acme.example")))
			.withMessageContaining("expiresAt");
	}

	@Test
	void renderWhenLocaleHasNoBundleThenFallsBackToEnglish() {
		RenderedMail mail = this.renderer.render(MailTemplate.WELCOME, "x@example.com", Locale.JAPANESE,
				sampleVariables(MailTemplate.WELCOME));

		assertThat(mail.subject()).isEqualTo("Welcome to Acme Shop");
	}

}
