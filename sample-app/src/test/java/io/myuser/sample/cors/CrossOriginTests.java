package io.myuser.sample.cors;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A single-page app on another origin calls MyUser from a browser: {@code myuser.web.cors.*} allows its origin
 * (exactly, or through a pattern), so the browser's preflight is answered without a token and the real calls carry
 * {@code Access-Control-Allow-Origin}. Other origins get no CORS headers and a 403; requests without an
 * {@code Origin} header (servers, mobile apps, curl) and the host's own chain are untouched.
 */
@TestPropertySource(properties = { "myuser.web.cors.allowed-origins=" + CrossOriginTests.APP,
		"myuser.web.cors.allowed-origin-patterns=https://*.preview.example.net",
		"myuser.web.cors.allow-credentials=true" })
abstract class CrossOriginTests extends IntegrationTestSupport {

	static final String APP = "https://app.example.com";

	private static final String OTHER = "https://evil.example.org";

	private static final String PASSWORD = "cross origin passphrase";

	@Test
	void a_preflight_from_an_allowed_origin_gets_200_with_the_cors_headers_and_needs_no_token() {
		for (String path : List.of(BASE + "/profile/", BASE + "/profile", BASE + "/token/")) {
			HttpResult preflight = preflight(path, APP, "PATCH", "authorization,content-type");

			assertThat(preflight.status()).as(path).isEqualTo(200);
			assertThat(preflight.header("Access-Control-Allow-Origin")).as(path).isEqualTo(APP);
			assertThat(preflight.header("Access-Control-Allow-Methods")).as(path).contains("PATCH");
			assertThat(preflight.header("Access-Control-Allow-Headers")).as(path)
				.containsIgnoringCase("authorization")
				.containsIgnoringCase("content-type");
			assertThat(preflight.header("Access-Control-Allow-Credentials")).as(path).isEqualTo("true");
			assertThat(preflight.header("Access-Control-Max-Age")).as(path).isEqualTo("1800");
			assertThat(preflight.headers().allValues("Vary")).as(path).anyMatch((vary) -> vary.contains("Origin"));
		}
	}

	@Test
	void calls_from_an_allowed_origin_carry_the_allow_origin_header_for_the_page_to_read_them() {
		String email = uniqueEmail();
		createUser(email, PASSWORD);

		HttpResult login = login(email, PASSWORD, "Origin", APP);
		HttpResult wrongPassword = login(email, "not the passphrase", "Origin", APP);

		assertThat(login.status()).isEqualTo(200);
		assertThat(login.header("Access-Control-Allow-Origin")).isEqualTo(APP);
		assertThat(login.header("Access-Control-Allow-Credentials")).isEqualTo("true");
		assertThat(login.header("Access-Control-Expose-Headers")).contains("Location").contains("WWW-Authenticate");
		assertThat(wrongPassword.status()).isEqualTo(401);
		assertThat(wrongPassword.isProblem()).isTrue();
		assertThat(wrongPassword.header("Access-Control-Allow-Origin")).isEqualTo(APP);

		String access = login.json().get("access").asString();
		HttpResult profile = get(BASE + "/profile/", "Origin", APP, "Authorization", "Bearer " + access);
		HttpResult anonymous = get(BASE + "/profile/", "Origin", APP);

		assertThat(profile.status()).isEqualTo(200);
		assertThat(profile.header("Access-Control-Allow-Origin")).isEqualTo(APP);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.header("Access-Control-Allow-Origin")).isEqualTo(APP);
	}

	@Test
	void an_origin_matching_an_allowed_pattern_is_allowed() {
		String preview = "https://pr-42.preview.example.net";
		String email = uniqueEmail();
		createUser(email, PASSWORD);

		HttpResult preflight = preflight(BASE + "/token/", preview, "POST", "content-type");
		HttpResult login = login(email, PASSWORD, "Origin", preview);

		assertThat(preflight.status()).isEqualTo(200);
		assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(preview);
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.header("Access-Control-Allow-Origin")).isEqualTo(preview);
		for (String lookalike : List.of("https://preview.example.net", "https://preview.example.net.evil.org",
				"http://pr-42.preview.example.net")) {
			assertThat(preflight(BASE + "/token/", lookalike, "POST", "content-type").status()).as(lookalike)
				.isEqualTo(403);
		}
	}

	@Test
	void a_disallowed_origin_gets_no_cors_headers_and_a_403() {
		String email = uniqueEmail();
		createUser(email, PASSWORD);

		HttpResult preflight = preflight(BASE + "/token/", OTHER, "POST", "content-type");
		HttpResult login = login(email, PASSWORD, "Origin", OTHER);

		for (HttpResult refused : List.of(preflight, login)) {
			assertThat(refused.status()).isEqualTo(403);
			assertThat(refused.isProblem()).isTrue();
			assertThat(refused.json().get("type").asString()).isEqualTo("urn:myuser:problem:cors-rejected");
			assertThat(refused.headers().map().keySet()).noneMatch(CrossOriginTests::isCorsHeader);
			assertThat(refused.body()).doesNotContain("access");
		}
	}

	@Test
	void a_preflight_asking_for_a_method_or_header_not_allowed_is_refused() {
		HttpResult method = preflight(BASE + "/profile/", APP, "PROPFIND", "authorization");
		HttpResult header = preflight(BASE + "/profile/", APP, "GET", "x-debug-mode");

		for (HttpResult refused : List.of(method, header)) {
			assertThat(refused.status()).isEqualTo(403);
			assertThat(refused.isProblem()).isTrue();
			assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
		}
	}

	@Test
	void requests_without_an_origin_are_answered_as_before() {
		String email = uniqueEmail();
		createUser(email, PASSWORD);

		HttpResult login = login(email, PASSWORD);

		assertThat(login.status()).isEqualTo(200);
		assertThat(login.headers().map().keySet()).noneMatch(CrossOriginTests::isCorsHeader);
	}

	@Test
	void the_hosts_own_chain_is_not_opened_by_myusers_cors_settings() {
		HttpResult preflight = preflight("/api/greeting", APP, "GET", "authorization");

		assertThat(preflight.status()).isEqualTo(401);
		assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
	}

	static boolean isCorsHeader(String name) {
		return name.toLowerCase(Locale.ROOT).startsWith("access-control-");
	}

	HttpResult preflight(String path, String origin, String method, String headers) {
		return send(HttpRequest.newBuilder(uri(path))
			.timeout(Duration.ofSeconds(30))
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", origin)
			.header("Access-Control-Request-Method", method)
			.header("Access-Control-Request-Headers", headers));
	}

}
