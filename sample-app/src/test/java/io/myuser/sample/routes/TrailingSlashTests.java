package io.myuser.sample.routes;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.myuser.account.EmailLinkTokenPurpose;
import io.myuser.account.EmailLinkTokenService;
import io.myuser.account.User;
import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import io.myuser.support.SecretTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of the contract ({@code CONTRACT.md}: "Every route answers with and without a trailing slash") that
 * MyUser serves today, called once with and once without the trailing slash, each time with state of its own (a
 * new user, a fresh key): both answer the route's own status, with the same problem type where the answer is a
 * problem. The social routes of the contract are not served yet and are not listed.
 */
abstract class TrailingSlashTests extends IntegrationTestSupport {

	private static final String PASSWORD = "trailing slash passphrase";

	private static final String NEW_PASSWORD = "another trailing slash passphrase";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	private EmailLinkTokenService emailLinkTokens;

	/** Mail jobs would issue keys of their own and retire the ones these tests issue; keep them waiting. */
	@BeforeEach
	void holdJobs() {
		pauseJobs();
	}

	@Test
	void every_contract_route_answers_alike_with_and_without_the_trailing_slash() {
		List<String> failures = new ArrayList<>();
		for (Route route : routes()) {
			HttpResult with = route.call().apply(route.path() + "/");
			HttpResult without = route.call().apply(route.path());
			for (HttpResult result : List.of(with, without)) {
				if (result.status() != route.status()) {
					failures.add(route.name() + (result == with ? " with" : " without") + " the slash: "
							+ result.status() + " " + result.body() + ", expected " + route.status());
				}
			}
			if (with.isProblem() != without.isProblem()
					|| (with.isProblem() && !type(with).equals(type(without)))) {
				failures.add(route.name() + ": " + with.body() + " with the slash, " + without.body() + " without");
			}
		}
		assertThat(failures).isEmpty();
	}

	private List<Route> routes() {
		List<Route> routes = new ArrayList<>();
		routes.add(new Route("POST token/", "/token", 200, (path) -> {
			String email = user();
			return postJson(BASE + path, json(Map.of("email", email, "password", PASSWORD)));
		}));
		routes.add(new Route("POST token/refresh/", "/token/refresh", 200,
				(path) -> postJson(BASE + path, json(Map.of("refresh", pair().refresh())))));
		routes.add(new Route("POST token/verify/", "/token/verify", 200,
				(path) -> postJson(BASE + path, json(Map.of("token", pair().access())))));
		routes.add(new Route("POST logout/", "/logout", 205,
				(path) -> postJson(BASE + path, "{}", bearer(pair().access()))));
		routes.add(new Route("GET sessions/", "/sessions", 200, (path) -> get(BASE + path, bearer(pair().access()))));
		routes.add(new Route("DELETE sessions/{id}/", "/sessions/{id}", 204, (path) -> {
			Pair pair = pair();
			return send(HttpRequest.newBuilder(uri(BASE + path.replace("{id}", pair.sessionId()))).DELETE(),
					bearer(pair.access()));
		}));
		routes.add(new Route("POST registration/", "/registration", 201,
				(path) -> postJson(BASE + path, json(Map.of("email", uniqueEmail(), "password1", PASSWORD,
						"password2", PASSWORD)))));
		routes.add(new Route("POST registration/verify-email/", "/registration/verify-email", 200,
				(path) -> postJson(BASE + path, json(Map.of("key", key(EmailLinkTokenPurpose.EMAIL_VERIFICATION))))));
		routes.add(new Route("POST registration/resend-email/", "/registration/resend-email", 200,
				(path) -> postJson(BASE + path, json(Map.of("email", uniqueEmail())))));
		routes.add(new Route("POST password/reset/", "/password/reset", 200,
				(path) -> postJson(BASE + path, json(Map.of("email", user())))));
		routes.add(new Route("POST password/reset/confirm/", "/password/reset/confirm", 200,
				(path) -> postJson(BASE + path, json(Map.of("token", key(EmailLinkTokenPurpose.PASSWORD_RESET),
						"new_password1", NEW_PASSWORD, "new_password2", NEW_PASSWORD)))));
		routes.add(new Route("POST password/change/", "/password/change", 200,
				(path) -> postJson(BASE + path, json(Map.of("old_password", PASSWORD, "new_password1", NEW_PASSWORD,
						"new_password2", NEW_PASSWORD)), bearer(pair().access()))));
		routes.add(new Route("GET profile/", "/profile", 200, (path) -> get(BASE + path, bearer(pair().access()))));
		for (String method : List.of("PUT", "PATCH")) {
			routes.add(new Route(method + " profile/", "/profile", 200,
					(path) -> send(HttpRequest.newBuilder(uri(BASE + path))
						.header("Content-Type", "application/json")
						.method(method, HttpRequest.BodyPublishers.ofString("{\"first_name\":\"Grace\"}")),
							bearer(pair().access()))));
		}
		routes.add(new Route("GET data-requests/", "/data-requests", 200,
				(path) -> get(BASE + path, bearer(pair().access()))));
		routes.add(new Route("POST data-requests/", "/data-requests", 201,
				(path) -> postJson(BASE + path, "{\"request_type\":\"EXPORT\"}", bearer(pair().access()))));
		routes.add(new Route("GET data-requests/{id}/", "/data-requests/{id}", 200, (path) -> {
			Pair pair = pair();
			return get(BASE + path.replace("{id}", dataRequest(pair, "EXPORT")), bearer(pair.access()));
		}));
		routes.add(new Route("POST data-requests/{id}/cancel/", "/data-requests/{id}/cancel", 200, (path) -> {
			Pair pair = pair();
			return postJson(BASE + path.replace("{id}", dataRequest(pair, "DELETE")), "{}", bearer(pair.access()));
		}));
		// No archive can be built with the jobs held: an unknown token is the route's own 404, not "no route".
		routes.add(new Route("GET data-export/download/{token}/", "/data-export/download/{token}", 404,
				(path) -> get(BASE + path.replace("{token}", SecretTokens.generate()))));
		return routes;
	}

	/** A new verified user with the test password; returns the address. */
	private String user() {
		String email = uniqueEmail();
		createUser(email, PASSWORD);
		return email;
	}

	private Pair pair() {
		HttpResult login = login(user(), PASSWORD);
		assertThat(login.status()).as(login.body()).isEqualTo(200);
		String access = login.json().get("access").asString();
		String sid = JSON.readTree(Base64.getUrlDecoder().decode(access.split("\\.")[1])).get("sid").asString();
		return new Pair(access, login.json().get("refresh").asString(), sid);
	}

	private String key(EmailLinkTokenPurpose purpose) {
		String email = uniqueEmail();
		User user = this.accounts.createUser(new io.myuser.account.NewUser(email, PASSWORD, "Ada", "Lovelace",
				purpose == EmailLinkTokenPurpose.PASSWORD_RESET, false), io.myuser.support.ClientInfo.NONE);
		return this.emailLinkTokens.issue(user.getId(), email, purpose, Duration.ofHours(1)).orElseThrow().token();
	}

	private String dataRequest(Pair pair, String type) {
		// A deletion needs proof of presence: the current password.
		Map<String, String> body = "DELETE".equals(type) ? Map.of("request_type", type, "password", PASSWORD)
				: Map.of("request_type", type);
		HttpResult created = postJson(BASE + "/data-requests/", json(body), bearer(pair.access()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private static String[] bearer(String access) {
		return new String[] { "Authorization", "Bearer " + access };
	}

	private static String type(HttpResult result) {
		return String.valueOf(result.json().get("type"));
	}

	private record Route(String name, String path, int status, Function<String, HttpResult> call) {
	}

	private record Pair(String access, String refresh, String sessionId) {
	}

}
