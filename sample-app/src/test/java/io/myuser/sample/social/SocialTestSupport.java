package io.myuser.sample.social;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.myuser.sample.social.fake.FakeGitHub;
import io.myuser.sample.social.fake.FakeProviders;
import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import io.myuser.sample.test.Mailbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of the social login tests: the sample app with Google, GitHub, Facebook and a generic OpenID Connect
 * provider ({@code acme}) registered the Spring way, all pointed at one set of fake providers on a random port
 * (real HTTP, each provider's protocol), a real SMTP server, and the redirect flow on. Every subclass shares one
 * context per database.
 */
@TestPropertySource(properties = { "spring.mail.host=127.0.0.1", Mailbox.SMTP_PORT_PROPERTY,
		"myuser.jobs.polling-interval=100ms", "myuser.social.connect-timeout=2s", "myuser.social.read-timeout=" + SocialTestSupport.READ_TIMEOUT_SECONDS + "s",
		"myuser.social.google.redirect-uris=" + SocialTestSupport.APP_CALLBACK,
		"myuser.social.github.redirect-uris=" + SocialTestSupport.APP_CALLBACK,
		"myuser.social.facebook.redirect-uris=" + SocialTestSupport.APP_CALLBACK,
		"myuser.social.acme.redirect-uris=" + SocialTestSupport.APP_CALLBACK,
		"myuser.social.callback-base-url=" + SocialTestSupport.API_URL,
		"myuser.social.allowed-redirects=" + SocialTestSupport.APP_DONE })
public abstract class SocialTestSupport extends IntegrationTestSupport {

	/** The read timeout of provider calls here: generous, as the first calls of a cold JVM on a busy machine are slow. */
	public static final int READ_TIMEOUT_SECONDS = 3;

	/** The read timeout of provider calls, for faults that must outlast it. */
	protected static final Duration READ_TIMEOUT = Duration.ofSeconds(READ_TIMEOUT_SECONDS);

	/** The redirect URI an app names with the codes it obtained itself. */
	public static final String APP_CALLBACK = "https://app.example/callback";

	/** Where the redirect flow sends the browser back. */
	public static final String APP_DONE = "https://app.example/done";

	/** The public URL of MyUser's host, as the providers see it. */
	public static final String API_URL = "https://api.example.test";

	/** The fake providers, started before any context, since the acme registration is read by discovery. */
	protected static final FakeProviders FAKES = FakeProviders.started();

	@RegisterExtension
	protected final Mailbox mailbox = new Mailbox();

	@DynamicPropertySource
	static void providers(DynamicPropertyRegistry registry) {
		FAKES.properties().forEach((name, value) -> registry.add(name, () -> value));
	}

	@AfterEach
	void resetProviders() {
		FAKES.reset();
	}

	/** {@code POST social/{provider}/} with a body. */
	protected HttpResult socialLogin(String provider, Map<String, ?> body) {
		return postJson(BASE + "/social/" + provider + "/", json(body));
	}

	/** {@code POST social/{provider}/connect/} with a body, as the holder of an access token. */
	protected HttpResult connect(String provider, String accessToken, Map<String, ?> body) {
		return postJson(BASE + "/social/" + provider + "/connect/", json(body), "Authorization",
				"Bearer " + accessToken);
	}

	/** A Google id_token for a subject, signed by Google's served key, valid for five minutes. */
	protected String googleIdToken(String subject, String email, boolean verified) {
		return FAKES.google()
			.idToken()
			.subject(subject)
			.email(email)
			.emailVerified(verified)
			.jwtId(UUID.randomUUID().toString())
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plus(Duration.ofMinutes(5)))
			.build();
	}

	/** Make GitHub know an access token of this app for a user whose primary address is given. */
	protected void gitHubUser(String accessToken, long id, String login, String email, boolean verified) {
		FAKES.github().token(accessToken, id, login);
		FAKES.github().user(accessToken, id, login, "Grace Hopper");
		FAKES.github().emails(accessToken, FakeGitHub.Email.primary(email, verified));
	}

	/** Make Facebook know a user token of this app. */
	protected void facebookUser(String userToken, String id, String email) {
		FAKES.facebook().debugToken(userToken, id);
		FAKES.facebook().me(userToken, id, email, "Ada", "Byron");
	}

	/** One body field. */
	protected static Map<String, String> body(String name, String value) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put(name, value);
		return body;
	}

	/** The id of the account that holds an address, read from the database. */
	protected UUID userIdOf(String email) {
		return this.jdbc.queryForObject("select id from myuser_user where email = ?", UUID.class, email);
	}

	/** A unique provider user id. */
	protected static String uid() {
		return Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L) + 1);
	}

}
