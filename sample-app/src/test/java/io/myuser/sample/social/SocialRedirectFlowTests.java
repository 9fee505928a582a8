package io.myuser.sample.social;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.myuser.sample.social.fake.FakeRequest;
import io.myuser.sample.test.HttpResult;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The redirect flow end to end, the browser simulated by a client that does not follow redirects:
 * {@code GET social/{provider}/authorize} sends it to the provider with a state, PKCE (S256) and, for OpenID
 * Connect, a nonce; the fake provider's token endpoint takes the code with the verifier MyUser kept server-side;
 * {@code GET social/{provider}/callback} sends it back to the allowed app URL with a one-time code or an
 * {@code error}; {@code POST social/exchange/} trades the code for the login body. Also what must not happen: an
 * app URL not allowed, a wrong, used or other provider's state, a replayed or expired code, a wrong nonce, a
 * missing or wrong app verifier, a cookie, a cacheable answer, a plaintext secret in the database, a token in a
 * URL or in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class SocialRedirectFlowTests extends SocialTestSupport {

	/** The error code of a credential the provider or MyUser's checks refused. */
	private static final String REJECTED = "social-credential-rejected";

	@Autowired
	private LoggingSystem loggingSystem;

	@Test
	void google_authorize_callback_and_exchange_log_in_with_pkce_and_nonce_and_no_token_in_any_url() {
		String email = uniqueEmail();
		String subject = uid();

		Started started = authorize("google", APP_DONE, null);
		assertThat(started.location().getScheme()).isEqualTo("https");
		assertThat(started.location().getHost()).isEqualTo("accounts.google.com");
		assertThat(started.params()).containsEntry("response_type", "code")
			.containsEntry("client_id", FAKES.google().clientId())
			.containsEntry("redirect_uri", callbackUrl("google"))
			.containsEntry("code_challenge_method", "S256")
			.doesNotContainKeys("code_verifier", "client_secret");
		assertThat(bits(started.state())).isGreaterThanOrEqualTo(128);
		assertThat(bits(started.nonce())).isGreaterThanOrEqualTo(128);
		assertThat(started.challenge()).matches("[A-Za-z0-9_-]{43}");

		String code = "g-code-" + uid();
		String idToken = FAKES.google().idToken().subject(subject).email(email).nonce(started.nonce()).build();
		FAKES.google().tokenEndpoint(code, idToken);
		HttpResult back = callback("google", started.state(), code);
		String exchangeCode = exchangeCodeOf(back);

		FakeRequest tokenCall = single(FAKES.requestsTo("/google/token"));
		assertThat(tokenCall.form("code")).isEqualTo(code);
		assertThat(tokenCall.form("redirect_uri")).isEqualTo(callbackUrl("google"));
		assertThat(tokenCall.form("code_verifier")).as("the verifier MyUser kept hashes to the challenge it sent")
			.isNotBlank()
			.satisfies((verifier) -> assertThat(s256(verifier)).isEqualTo(started.challenge()));
		assertThat(back.header("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(bits(exchangeCode)).isGreaterThanOrEqualTo(128);

		HttpResult exchanged = exchange(exchangeCode, null);

		assertThat(exchanged.status()).as(exchanged.body()).isEqualTo(200);
		JsonNode answer = exchanged.json();
		String access = answer.get("access").asString();
		String refresh = answer.get("refresh").asString();
		assertThat(access).isNotBlank().isEqualTo(answer.get("access_token").asString());
		assertThat(refresh).isNotBlank().isEqualTo(answer.get("refresh_token").asString());
		assertThat(answer.get("user").get("email").asString()).isEqualTo(email);
		assertThat(answer.get("user").get("id").asString()).isEqualTo(userIdOf(email).toString());
		HttpResult status = getWithToken(BASE + "/social/accounts/status/", access);
		assertThat(status.status()).isEqualTo(200);
		assertThat(status.json().get("social_accounts").get("google").get("uid").asString()).isEqualTo(subject);
		assertThat(refresh(refresh).status()).as("the refresh token is a live one").isEqualTo(200);
		for (HttpResult result : List.of(started.answer(), back, exchanged)) {
			assertNoCookieNoStore(result);
		}
		for (String location : List.of(started.answer().header("Location"), back.header("Location"))) {
			assertThat(location).doesNotContain(access, refresh, idToken, FAKES.google().accessTokenFor(code),
					tokenCall.form("code_verifier"));
		}
	}

	@Test
	void an_openid_connect_provider_gets_a_nonce_and_the_flow_logs_in() {
		String email = uniqueEmail();
		String subject = uid();

		Started started = authorize("acme", APP_DONE, null);
		assertThat(started.location().toString()).startsWith(FAKES.acme().issuer() + "/authorize?");
		assertThat(started.params()).containsEntry("client_id", FAKES.acme().clientId())
			.containsEntry("redirect_uri", callbackUrl("acme"))
			.containsEntry("code_challenge_method", "S256");
		assertThat(bits(started.nonce())).isGreaterThanOrEqualTo(128);
		String code = "acme-code-" + uid();
		FAKES.acme()
			.tokenEndpoint(code, FAKES.acme().idToken().subject(subject).email(email).nonce(started.nonce()).build());

		String exchangeCode = exchangeCodeOf(callback("acme", started.state(), code));
		HttpResult exchanged = exchange(exchangeCode, null);

		assertThat(s256(single(FAKES.requestsTo("/acme/token")).form("code_verifier"))).isEqualTo(started.challenge());
		assertThat(exchanged.status()).as(exchanged.body()).isEqualTo(200);
		assertThat(exchanged.json().get("user").get("email").asString()).isEqualTo(email);
		assertThat(count("select count(*) from myuser_social_account where provider = 'acme' and uid = ?", subject))
			.isEqualTo(1);
	}

	@Test
	void github_gets_state_and_pkce_but_no_nonce_and_the_flow_logs_in() {
		String email = uniqueEmail();
		long id = Long.parseLong(uid());

		Started started = authorize("github", APP_DONE, null);
		assertThat(started.location().getHost()).isEqualTo("github.com");
		assertThat(started.params()).containsEntry("client_id", FAKES.github().clientId())
			.containsEntry("redirect_uri", callbackUrl("github"))
			.containsEntry("code_challenge_method", "S256")
			.containsKey("state")
			.doesNotContainKey("nonce");
		String code = "gh-code-" + uid();
		String providerToken = "gho_" + UUID.randomUUID().toString().replace("-", "");
		FAKES.github().codeExchange(code, providerToken);
		gitHubUser(providerToken, id, "grace" + id, email, true);

		HttpResult back = callback("github", started.state(), code);
		HttpResult exchanged = exchange(exchangeCodeOf(back), null);

		FakeRequest tokenCall = single(FAKES.requestsTo("/github/login/oauth/access_token"));
		assertThat(tokenCall.form("code")).isEqualTo(code);
		assertThat(s256(tokenCall.form("code_verifier"))).isEqualTo(started.challenge());
		assertThat(exchanged.status()).as(exchanged.body()).isEqualTo(200);
		assertThat(exchanged.json().get("user").get("email").asString()).isEqualTo(email);
		assertThat(back.header("Location")).doesNotContain(providerToken);
		assertThat(count("select count(*) from myuser_social_account where provider = 'github' and uid = ?",
				Long.toString(id))).isEqualTo(1);
	}

	@Test
	void a_redirect_to_that_is_not_exactly_an_allowed_one_is_400_and_nothing_is_stored() {
		List<String> refused = List.of("https://evil.example/done", "https://app.example/done/",
				"https://app.example/done?next=https://evil.example", "https://app.example/done/../evil",
				"https://app.example.evil.example/done", "http://app.example/done", "https://APP.example/done",
				"//evil.example", "");
		for (String redirectTo : refused) {
			HttpResult result = get(BASE + "/social/google/authorize?redirect_to=" + encode(redirectTo));
			assertThat(result.status()).as(redirectTo).isEqualTo(400);
			assertThat(result.isProblem()).isTrue();
			assertThat(result.json().get("errors").has("redirect_to")).as(result.body()).isTrue();
			assertThat(result.header("Location")).isNull();
			assertNoCookieNoStore(result);
		}
		HttpResult missing = get(BASE + "/social/google/authorize");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.header("Location")).isNull();
		assertThat(count("select count(*) from myuser_social_flow where redirect_to <> ?", APP_DONE)).isZero();
		assertThat(get(BASE + "/social/myspace/authorize?redirect_to=" + encode(APP_DONE)).status()).isEqualTo(404);
	}

	@Test
	void an_exchange_code_is_single_use() {
		String code = loggedInExchangeCode(null);

		HttpResult first = exchange(code, null);
		HttpResult replay = exchange(code, null);

		assertThat(first.status()).isEqualTo(200);
		assertThat(replay.status()).isEqualTo(400);
		assertThat(replay.isProblem()).isTrue();
		assertThat(replay.json().get("type").asString()).isEqualTo("urn:myuser:problem:social-exchange-invalid");
		assertThat(replay.body()).doesNotContain(first.json().get("access").asString());
		assertNoCookieNoStore(replay);
	}

	@Test
	void an_exchange_code_expires_after_sixty_seconds() {
		this.clock.pin(Instant.now());
		String early = loggedInExchangeCode(null);
		String late = loggedInExchangeCode(null);

		this.clock.advance(Duration.ofSeconds(59));
		HttpResult inTime = exchange(early, null);
		this.clock.advance(Duration.ofSeconds(2));
		HttpResult expired = exchange(late, null);

		assertThat(inTime.status()).as(inTime.body()).isEqualTo(200);
		assertThat(expired.status()).isEqualTo(400);
		assertThat(expired.isProblem()).isTrue();
		assertThat(expired.json().get("type").asString()).isEqualTo("urn:myuser:problem:social-exchange-invalid");
	}

	@Test
	void an_unknown_code_and_a_body_without_code_are_400() {
		HttpResult unknown = exchange(base64Url(new byte[32]), null);
		HttpResult none = postJson(BASE + "/social/exchange/", "{}");

		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.isProblem()).isTrue();
		assertThat(none.status()).isEqualTo(400);
		assertThat(none.isProblem()).isTrue();
	}

	@Test
	void a_wrong_or_missing_state_is_400_problem_json_and_the_provider_is_not_called() {
		Started started = authorize("google", APP_DONE, null);
		String wrong = started.state().substring(0, started.state().length() - 1)
				+ (started.state().endsWith("A") ? "B" : "A");

		HttpResult wrongState = callback("google", wrong, "some-code");
		HttpResult noState = get(BASE + "/social/google/callback?code=some-code");
		HttpResult longState = callback("google", "x".repeat(129), "some-code");

		for (HttpResult result : List.of(wrongState, noState, longState)) {
			assertThat(result.status()).as(result.body()).isEqualTo(400);
			assertThat(result.isProblem()).isTrue();
			assertThat(result.json().get("type").asString()).isEqualTo("urn:myuser:problem:social-state-invalid");
			assertThat(result.header("Location")).isNull();
			assertNoCookieNoStore(result);
		}
		assertThat(FAKES.requestsTo("/google/token")).isEmpty();
	}

	@Test
	void a_used_state_is_400_and_its_code_is_exchanged_once() {
		Started started = authorize("google", APP_DONE, null);
		String code = "g-code-" + uid();
		FAKES.google()
			.tokenEndpoint(code,
					FAKES.google().idToken().subject(uid()).email(uniqueEmail()).nonce(started.nonce()).build());

		HttpResult first = callback("google", started.state(), code);
		HttpResult again = callback("google", started.state(), code);

		assertThat(first.status()).isEqualTo(302);
		exchangeCodeOf(first);
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.isProblem()).isTrue();
		assertThat(again.json().get("type").asString()).isEqualTo("urn:myuser:problem:social-state-invalid");
		assertThat(FAKES.requestsTo("/google/token")).hasSize(1);
	}

	@Test
	void the_state_of_google_on_the_github_callback_is_400_and_is_used_up() {
		Started started = authorize("google", APP_DONE, null);

		HttpResult onGitHub = callback("github", started.state(), "some-code");
		// Refused on the wrong route, the state is not left for a second try on the right one.
		HttpResult onGoogle = callback("google", started.state(), "some-code");

		assertThat(onGitHub.status()).isEqualTo(400);
		assertThat(onGitHub.isProblem()).isTrue();
		assertThat(onGitHub.json().get("type").asString()).isEqualTo("urn:myuser:problem:social-state-invalid");
		assertThat(onGitHub.header("Location")).isNull();
		assertThat(onGoogle.status()).isEqualTo(400);
		assertThat(FAKES.requestsTo("/github/login/oauth/access_token")).isEmpty();
		assertThat(FAKES.requestsTo("/google/token")).isEmpty();
	}

	@Test
	void the_providers_access_denied_goes_back_to_the_app_with_the_error_and_uses_the_state_up() {
		Started started = authorize("google", APP_DONE, null);

		HttpResult denied = get(BASE + "/social/google/callback?state=" + encode(started.state())
				+ "&error=access_denied&error_description=" + encode("The user denied"));
		HttpResult later = callback("google", started.state(), "some-code");

		assertThat(denied.status()).isEqualTo(302);
		assertThat(denied.header("Location")).isEqualTo(APP_DONE + "?error=access_denied");
		assertNoCookieNoStore(denied);
		assertThat(later.status()).isEqualTo(400);
		Started other = authorize("google", APP_DONE, null);
		HttpResult failed = get(
				BASE + "/social/google/callback?state=" + encode(other.state()) + "&error=server_error");
		assertThat(failed.header("Location")).isEqualTo(APP_DONE + "?error=provider_error");
		assertThat(FAKES.requestsTo("/google/token")).isEmpty();
	}

	@Test
	void an_id_token_without_the_nonce_sent_goes_back_with_an_error_and_logs_no_one_in() {
		for (String nonce : new String[] { "another-nonce", null }) {
			String email = uniqueEmail();
			Started started = authorize("google", APP_DONE, null);
			String code = "g-code-" + uid();
			var idToken = FAKES.google().idToken().subject(uid()).email(email);
			if (nonce != null) {
				idToken.nonce(nonce);
			}
			FAKES.google().tokenEndpoint(code, idToken.build());
			Timestamp before = Timestamp.from(this.clock.instant().minusMillis(1));

			HttpResult back = callback("google", started.state(), code);

			assertThat(back.status()).as(back.body()).isEqualTo(302);
			assertThat(back.header("Location")).as("nonce " + nonce).isEqualTo(APP_DONE + "?error=" + REJECTED);
			assertThat(count("select count(*) from myuser_user where email = ?", email)).isZero();
			assertThat(count("select count(*) from myuser_social_flow where kind = 'EXCHANGE' and created_at >= ?",
					before)).as("no exchange code was made").isZero();
			assertThat(FAKES.requestsTo("/google/token")).hasSize(1);
			FAKES.reset();
		}
	}

	@Test
	void a_code_the_provider_refuses_goes_back_with_an_error() {
		Started started = authorize("google", APP_DONE, null);

		HttpResult back = callback("google", started.state(), "not-a-code-google-issued");

		assertThat(back.status()).isEqualTo(302);
		assertThat(back.header("Location")).isEqualTo(APP_DONE + "?error=" + REJECTED);
		assertThat(FAKES.requestsTo("/google/token")).hasSize(1);
	}

	@Test
	void the_apps_code_challenge_makes_the_exchange_need_its_verifier() {
		String verifier = base64Url(randomBytes()) + "~._-";
		String challenge = s256(verifier);

		Started bound = authorize("google", APP_DONE, challenge);
		assertThat(bound.challenge()).as("the provider gets MyUser's own challenge, not the app's")
			.isNotEqualTo(challenge);
		String missingCode = completeCallback(bound);
		String wrongCode = completeCallback(authorize("google", APP_DONE, challenge));
		String rightCode = completeCallback(authorize("google", APP_DONE, challenge));
		String burntCode = completeCallback(authorize("google", APP_DONE, challenge));

		HttpResult missing = exchange(missingCode, null);
		HttpResult wrong = exchange(wrongCode, base64Url(randomBytes()));
		HttpResult right = exchange(rightCode, verifier);
		HttpResult malformed = exchange(burntCode, "short");
		HttpResult afterWrong = exchange(burntCode, "x".repeat(43));
		HttpResult rightAfterWrong = exchange(burntCode, verifier);

		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.isProblem()).isTrue();
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.isProblem()).isTrue();
		assertThat(right.status()).as(right.body()).isEqualTo(200);
		assertThat(right.json().get("access").asString()).isNotBlank();
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.json().get("errors").has("code_verifier")).as(malformed.body()).isTrue();
		assertThat(afterWrong.status()).isEqualTo(400);
		assertThat(rightAfterWrong.status()).as("a wrong verifier used the code up").isEqualTo(400);
		assertThat(exchange(missingCode, verifier).status()).as("so did a missing one").isEqualTo(400);
		HttpResult badChallenge = get(BASE + "/social/google/authorize?redirect_to=" + encode(APP_DONE)
				+ "&code_challenge=" + encode("not-a-challenge"));
		assertThat(badChallenge.status()).isEqualTo(400);
		assertThat(badChallenge.json().get("errors").has("code_challenge")).as(badChallenge.body()).isTrue();
	}

	@Test
	void an_app_that_binds_its_flows_cannot_be_made_to_exchange_an_attackers_unbound_code() {
		String verifier = base64Url(randomBytes());
		// The attacker starts a flow without a challenge and gets the victim's browser to the callback URL.
		String attackersCode = completeCallback(authorize("google", APP_DONE, null));
		String unboundCode = completeCallback(authorize("google", APP_DONE, null));

		HttpResult victimsApp = exchange(attackersCode, verifier);
		HttpResult appThatNeverBinds = exchange(unboundCode, null);

		assertThat(victimsApp.status()).as(victimsApp.body()).isEqualTo(400);
		assertThat(victimsApp.json().get("type").asString()).endsWith("social-exchange-invalid");
		assertThat(appThatNeverBinds.status()).as(appThatNeverBinds.body()).isEqualTo(200);
	}

	@Test
	void the_flow_table_holds_only_hashes_and_sealed_data_never_a_secret_in_plaintext() {
		String email = uniqueEmail();
		Started started = authorize("google", APP_DONE, null);
		Map<String, Object> stateRow = this.jdbc.queryForMap("select * from myuser_social_flow where secret_hash = ?",
				sha256Hex(started.state()));
		assertThat(stateRow.get("kind")).isEqualTo("STATE");
		assertThat(stateRow.get("provider")).isEqualTo("google");
		assertThat(stateRow.get("redirect_to")).isEqualTo(APP_DONE);
		assertThat(stateRow.get("used_at")).isNull();
		String code = "g-code-" + uid();
		String idToken = FAKES.google().idToken().subject(uid()).email(email).nonce(started.nonce()).build();
		FAKES.google().tokenEndpoint(code, idToken);

		String exchangeCode = exchangeCodeOf(callback("google", started.state(), code));
		String verifier = single(FAKES.requestsTo("/google/token")).form("code_verifier");
		Map<String, Object> exchangeRow = this.jdbc
			.queryForMap("select * from myuser_social_flow where secret_hash = ?", sha256Hex(exchangeCode));
		JsonNode answer = exchange(exchangeCode, null).json();

		assertThat(exchangeRow.get("kind")).isEqualTo("EXCHANGE");
		assertThat(this.jdbc.queryForMap("select * from myuser_social_flow where secret_hash = ?",
				sha256Hex(started.state())).get("used_at")).isNotNull();
		List<String> secrets = List.of(started.state(), started.nonce(), verifier, exchangeCode, code, idToken,
				FAKES.google().accessTokenFor(code), answer.get("access").asString(),
				answer.get("refresh").asString());
		List<String> stored = new ArrayList<>();
		for (Map<String, Object> row : this.jdbc.queryForList("select * from myuser_social_flow")) {
			row.values().forEach((value) -> stored.add(String.valueOf(value)));
		}
		assertThat(stored).hasSizeGreaterThan(10);
		for (String secret : secrets) {
			assertThat(stored).as("no stored value holds %s", secret).noneMatch((value) -> value.contains(secret));
		}
		assertThat(String.valueOf(stateRow.get("sealed"))).doesNotContain(verifier, started.nonce());
		assertThat(String.valueOf(exchangeRow.get("sealed"))).doesNotContain(email,
				answer.get("user").get("id").asString());
	}

	@Test
	void no_token_or_flow_secret_reaches_the_log_with_myuser_at_trace(CapturedOutput output) {
		List<String> secrets = new ArrayList<>();
		withLogLevels(Map.of("io.myuser", LogLevel.TRACE), () -> secrets.addAll(loginAndDenial()));

		assertThat(output.getAll()).as("the capture sees MyUser's debug lines")
			.contains("Social provider 'google' returned no code to the callback");
		for (String secret : secrets) {
			assertThat(output.getAll()).doesNotContain(secret);
		}
	}

	@Test
	void no_token_reaches_the_log_with_spring_mvc_body_logging_at_trace(CapturedOutput output) {
		List<String> secrets = new ArrayList<>();
		withLogLevels(Map.of("org.springframework.web.servlet.mvc.method.annotation", LogLevel.TRACE),
				() -> secrets.addAll(loginAndDenial()));

		assertThat(output.getAll()).as("the capture sees Spring MVC's body lines").contains("Writing [");
		for (String secret : secrets.subList(0, 2)) {
			assertThat(output.getAll()).doesNotContain(secret);
		}
	}

	/**
	 * A whole Google flow, a replay of its code and a denied flow; returns the access and refresh token, then
	 * every other secret of the flow (id_token, the provider's access token, the PKCE verifier, state, nonce,
	 * exchange code).
	 */
	private List<String> loginAndDenial() {
		Started started = authorize("google", APP_DONE, null);
		String code = "g-code-" + uid();
		String idToken = FAKES.google().idToken().subject(uid()).email(uniqueEmail()).nonce(started.nonce()).build();
		FAKES.google().tokenEndpoint(code, idToken);
		String exchangeCode = exchangeCodeOf(callback("google", started.state(), code));
		HttpResult exchanged = exchange(exchangeCode, null);
		HttpResult replay = exchange(exchangeCode, null);
		Started denied = authorize("google", APP_DONE, null);
		HttpResult deniedBack = get(
				BASE + "/social/google/callback?state=" + encode(denied.state()) + "&error=access_denied");
		assertThat(exchanged.status()).isEqualTo(200);
		assertThat(replay.status()).isEqualTo(400);
		assertThat(deniedBack.status()).isEqualTo(302);
		JsonNode answer = exchanged.json();
		return List.of(answer.get("access").asString(), answer.get("refresh").asString(), idToken,
				FAKES.google().accessTokenFor(code), single(FAKES.requestsTo("/google/token")).form("code_verifier"),
				started.state(), started.nonce(), exchangeCode, denied.state());
	}

	/** Run with these loggers at these levels, then put back the levels they had. */
	private void withLogLevels(Map<String, LogLevel> raised, Runnable action) {
		Map<String, @Nullable LogLevel> before = new LinkedHashMap<>();
		raised.keySet().forEach((logger) -> {
			LoggerConfiguration configuration = this.loggingSystem.getLoggerConfiguration(logger);
			before.put(logger, (configuration != null) ? configuration.getConfiguredLevel() : null);
		});
		try {
			raised.forEach(this.loggingSystem::setLogLevel);
			action.run();
		}
		finally {
			before.forEach(this.loggingSystem::setLogLevel);
		}
	}

	// The browser's steps

	/** {@code GET social/{provider}/authorize}, which must answer 302 to the provider. */
	Started authorize(String provider, String redirectTo, @Nullable String codeChallenge) {
		String path = BASE + "/social/" + provider + "/authorize?redirect_to=" + encode(redirectTo);
		if (codeChallenge != null) {
			path += "&code_challenge=" + encode(codeChallenge);
		}
		HttpResult answer = get(path);
		assertThat(answer.status()).as(answer.body()).isEqualTo(302);
		URI location = URI.create(answer.header("Location"));
		return new Started(answer, location, query(location));
	}

	/** {@code GET social/{provider}/callback?state=…&code=…}, as the provider sends the browser back. */
	HttpResult callback(String provider, String state, String code) {
		return get(BASE + "/social/" + provider + "/callback?state=" + encode(state) + "&code=" + encode(code));
	}

	/** {@code POST social/exchange/}. */
	HttpResult exchange(String code, @Nullable String codeVerifier) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("code", code);
		if (codeVerifier != null) {
			body.put("code_verifier", codeVerifier);
		}
		return postJson(BASE + "/social/exchange/", json(body));
	}

	/** The one-time code of a callback that went back to the app with one, and nothing else. */
	static String exchangeCodeOf(HttpResult callback) {
		assertThat(callback.status()).as(callback.body()).isEqualTo(302);
		String location = callback.header("Location");
		assertThat(location).startsWith(APP_DONE + "?code=");
		Map<String, String> params = query(URI.create(location));
		assertThat(params).containsOnlyKeys("code");
		return params.get("code");
	}

	/** A Google login through the callback for a flow already authorized, returning its exchange code. */
	String completeCallback(Started started) {
		String code = "g-code-" + uid();
		FAKES.google()
			.tokenEndpoint(code,
					FAKES.google().idToken().subject(uid()).email(uniqueEmail()).nonce(started.nonce()).build());
		return exchangeCodeOf(callback("google", started.state(), code));
	}

	/** A whole Google flow up to the exchange code. */
	String loggedInExchangeCode(@Nullable String codeChallenge) {
		return completeCallback(authorize("google", APP_DONE, codeChallenge));
	}

	// Checks and tools

	static void assertNoCookieNoStore(HttpResult result) {
		assertThat(result.headers().allValues("Set-Cookie")).as("Set-Cookie").isEmpty();
		assertThat(result.headers().allValues("Cache-Control")).as("Cache-Control of a %d", result.status())
			.anySatisfy((value) -> assertThat(value).contains("no-store"));
	}

	/** The callback URL registered at the provider. */
	static String callbackUrl(String provider) {
		return API_URL + BASE + "/social/" + provider + "/callback";
	}

	static FakeRequest single(List<FakeRequest> requests) {
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

	/** The decoded query parameters of a URL; each must occur once. */
	static Map<String, String> query(URI uri) {
		Map<String, String> params = new LinkedHashMap<>();
		String raw = uri.getRawQuery();
		if (raw == null || raw.isEmpty()) {
			return params;
		}
		for (String pair : raw.split("&")) {
			int equals = pair.indexOf('=');
			String name = URLDecoder.decode((equals < 0) ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
			String value = (equals < 0) ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
			assertThat(params.put(name, value)).as("parameter %s once", name).isNull();
		}
		return params;
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** The randomness of a base64url secret, in bits of its decoded bytes. */
	static int bits(String base64Url) {
		assertThat(base64Url).matches("[A-Za-z0-9_-]+");
		return Base64.getUrlDecoder().decode(base64Url).length * 8;
	}

	static String s256(String verifier) {
		return base64Url(digest(verifier));
	}

	static String sha256Hex(String secret) {
		return HexFormat.of().formatHex(digest(secret));
	}

	static String base64Url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static byte[] randomBytes() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return bytes;
	}

	private static byte[] digest(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An authorize answer and the provider URL it sent the browser to.
	 *
	 * @param answer the 302
	 * @param location its {@code Location}
	 * @param params the decoded query of the location
	 */
	record Started(HttpResult answer, URI location, Map<String, String> params) {

		String state() {
			return this.params.get("state");
		}

		String nonce() {
			return this.params.get("nonce");
		}

		String challenge() {
			return this.params.get("code_challenge");
		}

	}

}
