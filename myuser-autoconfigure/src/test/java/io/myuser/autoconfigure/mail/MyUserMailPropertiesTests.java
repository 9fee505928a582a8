package io.myuser.autoconfigure.mail;

import io.myuser.autoconfigure.BindingReports;
import io.myuser.autoconfigure.MyUserContextRunners;
import io.myuser.mail.MailLinks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MyUserMailProperties}: defaults, accepted values, and the binding report of a value that breaks
 * a rule.
 */
class MyUserMailPropertiesTests {

	private static final String URL_RULE = "must be an absolute http or https URL without query or fragment, "
			+ "such as https://example.com";

	private final WebApplicationContextRunner contextRunner = MyUserContextRunners.web()
		.withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class));

	@Test
	void defaultsStart() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.getBean(MyUserMailProperties.class)
			.usingRecursiveComparison()
			.ignoringFields("logDelivery")
			.isEqualTo(new MyUserMailProperties()));
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', textBlock = """
			myuser.mail.from              | ''                        | must not be blank
			myuser.mail.site-name         | ''                        | must not be blank when set
			myuser.mail.template-prefix   | ''                        | must not be blank
			myuser.mail.messages-basename | ''                        | must not be blank
			myuser.mail.link-base-url     | ''                        | must be an absolute http or https URL
			myuser.mail.link-base-url     | api.example.com           | must be an absolute http or https URL
			myuser.mail.link-base-url     | ftp://api.example.com     | must be an absolute http or https URL
			myuser.mail.link-base-url     | https://api.example.com?x | without query or fragment
			myuser.mail.link-base-url     | https://                  | must be an absolute http or https URL
			myuser.mail.frontend-url      | /app                      | must be an absolute http or https URL
			myuser.mail.frontend-url      | https://app.example.com#/ | without query or fragment
			myuser.mail.frontend-url      | ''                        | must be an absolute http or https URL
			""")
	void startupFailsWithTheBindingReportWhenAValueBreaksARule(String property, String value, String reason) {
		BindingReports.assertRefused(this.contextRunner, property, value, reason);
	}

	@Test
	void theUrlRuleSaysWhatIsAllowed() {
		BindingReports.assertRefused(this.contextRunner, "myuser.mail.link-base-url", "example.com", URL_RULE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://localhost:8080", "https://api.example.com/", "HTTPS://API.EXAMPLE.COM",
			"https://example.com/shop/api", "http://[::1]:8080", "https://xn--bcher-kva.example" })
	void absoluteHttpUrlsAreAcceptedAsLinkBaseAndFrontendUrls(String url) {
		this.contextRunner
			.withPropertyValues("myuser.mail.link-base-url=" + url, "myuser.mail.frontend-url=" + url)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
				assertThat(context.getBean(MailLinks.class).verifyEmailUrl()).isEqualTo(base + "/verify-email");
			});
	}

}
