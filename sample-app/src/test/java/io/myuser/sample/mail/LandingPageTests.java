package io.myuser.sample.mail;

import io.myuser.mail.MailLinks;
import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without a frontend URL, email links open MyUser's own small pages, which call the JSON API from the browser.
 */
class LandingPageTests extends IntegrationTestSupport {

	@Autowired
	private MailLinks links;

	@Test
	void email_links_point_to_the_built_in_pages() {
		assertThat(this.links.verifyEmailUrl()).isEqualTo("http://localhost:8080/api/auth/pages/verify-email");
		assertThat(this.links.resetPasswordUrl()).isEqualTo("http://localhost:8080/api/auth/pages/reset-password");
		assertThat(this.links.cancelDeletionUrl()).isEqualTo("http://localhost:8080/api/auth/pages/cancel-deletion");
	}

	@Test
	void the_pages_are_public_html_that_call_the_api_and_never_echo_the_key() {
		for (String page : new String[] { "/pages/verify-email?key=SECRET-KEY-123", "/pages/reset-password/?token=SECRET-KEY-123",
				"/pages/cancel-deletion?token=SECRET-KEY-123" }) {
			HttpResult result = get(BASE + page, "Accept", "text/html");

			assertThat(result.status()).as(page).isEqualTo(200);
			assertThat(result.contentType()).startsWith("text/html");
			// The base path is inlined into the script as a JavaScript string ("/" escaped).
			assertThat(result.body()).doesNotContain("SECRET-KEY-123").contains("\"\\/api\\/auth\"");
			String csp = result.header("Content-Security-Policy");
			assertThat(csp).contains("default-src 'none'").contains("script-src 'nonce-");
			String nonce = csp.replaceAll(".*'nonce-([^']+)'.*", "$1");
			assertThat(result.body()).contains("nonce=\"" + nonce + "\"");
			assertThat(result.header("Referrer-Policy")).isEqualTo("no-referrer");
			assertThat(result.header("Cache-Control")).contains("no-store");
		}
		assertThat(get(BASE + "/pages/verify-email").body()).contains("/registration/verify-email/");
		assertThat(get(BASE + "/pages/reset-password").body()).contains("/password/reset/confirm/");
		assertThat(get(BASE + "/pages/cancel-deletion").body()).contains("/data-requests/cancel/")
			.contains("<button type=\"submit\">");
	}

	@Test
	void each_answer_gets_its_own_nonce() {
		String first = get(BASE + "/pages/verify-email").header("Content-Security-Policy");
		String second = get(BASE + "/pages/verify-email").header("Content-Security-Policy");

		assertThat(first).isNotEqualTo(second);
	}

}
