package io.myuser.sample.tokens;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import io.myuser.sample.tokens.TokenLifecycleTests.Tokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The idle timeout ({@code myuser.session.idle-timeout}, ten minutes here, well inside the seven-day refresh
 * lifetime): every refresh and every request is activity that moves it on, and a session that saw none for that
 * long ends: its refresh tokens are refused and it is no longer listed.
 * <p>
 * What idle expiry does to access tokens: nothing directly. Access tokens are checked without a database query
 * (signature, claims, the revocation cache), so they are not compared with the session's last activity; they end
 * at their own expiry. With an idle timeout longer than the access-token lifetime (the default 15 minutes against
 * 30 days) that expiry always comes first. With a shorter one, as here, an access token issued before the session
 * went idle still works until it expires, but using it does not bring the session back.
 */
@TestPropertySource(properties = "myuser.session.idle-timeout=10m")
abstract class IdleTimeoutTests extends IntegrationTestSupport {

	private static final String PASSWORD = "idle timeout passphrase";

	@Test
	void a_session_refreshed_within_the_idle_timeout_keeps_working_because_each_refresh_is_activity() {
		Tokens tokens = loginAs(uniqueEmail());

		this.clock.advance(Duration.ofMinutes(7));
		HttpResult first = refresh(tokens.refresh());
		this.clock.advance(Duration.ofMinutes(7));
		HttpResult second = refresh(Tokens.of(first.json()).refresh());

		assertThat(first.status()).as("7 min after login").isEqualTo(200);
		assertThat(second.status()).as("14 min after login, 7 min after the last refresh").isEqualTo(200);
		assertThat(getWithToken(BASE + "/profile/", Tokens.of(second.json()).access()).status()).isEqualTo(200);
	}

	@Test
	void a_plain_request_is_activity_too() {
		Tokens tokens = loginAs(uniqueEmail());

		this.clock.advance(Duration.ofMinutes(5));
		assertThat(getWithToken(BASE + "/profile/", tokens.access()).status()).isEqualTo(200);
		this.clock.advance(Duration.ofMinutes(8));

		assertThat(refresh(tokens.refresh()).status()).as("13 min after login, 8 min after the request")
			.isEqualTo(200);
	}

	@Test
	void a_session_left_idle_past_the_timeout_is_refused_and_no_longer_listed() {
		String email = uniqueEmail();
		Tokens idle = loginAs(email);
		this.clock.advance(Duration.ofMinutes(8));
		Tokens fresh = login(email);
		this.clock.advance(Duration.ofMinutes(3));

		HttpResult refreshed = refresh(idle.refresh());

		assertThat(refreshed.status()).as("11 min without activity").isEqualTo(401);
		assertThat(refreshed.isProblem()).isTrue();
		assertThat(postJson(BASE + "/token/verify/", json(Map.of("token", idle.refresh()))).status()).isEqualTo(401);
		JsonNode sessions = getWithToken(BASE + "/sessions/", fresh.access()).json();
		assertThat(sessions.size()).isOne();
		assertThat(sessions.get(0).get("id").asString()).isEqualTo(fresh.sessionId().toString());
		assertThat(refresh(fresh.refresh()).status()).as("the other session, 3 min idle").isEqualTo(200);
	}

	@Test
	void an_access_token_outlives_its_idle_session_only_until_it_expires_and_does_not_revive_it() {
		Tokens tokens = loginAs(uniqueEmail());
		this.clock.advance(Duration.ofMinutes(11));

		assertThat(getWithToken(BASE + "/profile/", tokens.access()).status()).as("not yet expired").isEqualTo(200);
		assertThat(refresh(tokens.refresh()).status()).as("the request did not revive the session").isEqualTo(401);
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(getWithToken(BASE + "/profile/", tokens.access()).status()).as("expired").isEqualTo(401);
	}

	@Test
	void logout_of_an_idle_session_ends_the_access_tokens_it_issued() {
		Tokens tokens = loginAs(uniqueEmail());
		this.clock.advance(Duration.ofMinutes(11));
		assertThat(getWithToken(BASE + "/profile/", tokens.access()).status()).as("idle, not expired").isEqualTo(200);

		HttpResult logout = postJson(BASE + "/logout/", json(Map.of("refresh", tokens.refresh())), "Authorization",
				"Bearer " + tokens.access());

		assertThat(logout.status()).isEqualTo(205);
		assertThat(getWithToken(BASE + "/profile/", tokens.access()).status()).isEqualTo(401);
	}

	@Test
	void deleting_an_idle_session_ends_the_access_tokens_it_issued() {
		String email = uniqueEmail();
		Tokens idle = loginAs(email);
		this.clock.advance(Duration.ofMinutes(11));
		Tokens fresh = login(email);

		HttpResult deleted = send(HttpRequest.newBuilder(uri(BASE + "/sessions/" + idle.sessionId() + "/")).DELETE(),
				"Authorization", "Bearer " + fresh.access());

		assertThat(deleted.status()).isEqualTo(204);
		assertThat(getWithToken(BASE + "/profile/", idle.access()).status()).isEqualTo(401);
		assertThat(getWithToken(BASE + "/profile/", fresh.access()).status()).isEqualTo(200);
	}

	@Test
	void logout_all_ends_idle_sessions_and_their_access_tokens_too() {
		String email = uniqueEmail();
		Tokens idle = loginAs(email);
		this.clock.advance(Duration.ofMinutes(11));
		Tokens fresh = login(email);

		HttpResult logout = postJson(BASE + "/logout/", json(Map.of("all", true)), "Authorization",
				"Bearer " + fresh.access());

		assertThat(logout.status()).isEqualTo(205);
		assertThat(getWithToken(BASE + "/profile/", idle.access()).status()).isEqualTo(401);
		assertThat(getWithToken(BASE + "/profile/", fresh.access()).status()).isEqualTo(401);
	}

	@Test
	void a_password_change_ends_idle_sessions_and_their_access_tokens_but_the_changers_own() {
		String email = uniqueEmail();
		Tokens idle = loginAs(email);
		this.clock.advance(Duration.ofMinutes(11));
		Tokens changer = login(email);

		HttpResult changed = postJson(BASE + "/password/change/",
				json(Map.of("old_password", PASSWORD, "new_password1", "another long passphrase", "new_password2",
						"another long passphrase")),
				"Authorization", "Bearer " + changer.access());

		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(getWithToken(BASE + "/profile/", idle.access()).status()).isEqualTo(401);
		assertThat(getWithToken(BASE + "/profile/", changer.access()).status()).isEqualTo(200);
	}

	@Test
	void deactivating_the_account_ends_idle_sessions_and_their_access_tokens() {
		String email = uniqueEmail();
		Tokens idle = loginAs(email);
		this.clock.advance(Duration.ofMinutes(11));

		this.accounts.setActive(this.accounts.findByEmail(email).orElseThrow().getId(), false);

		assertThat(getWithToken(BASE + "/profile/", idle.access()).status()).isEqualTo(401);
	}

	private Tokens loginAs(String email) {
		createUser(email, PASSWORD);
		return login(email);
	}

	private Tokens login(String email) {
		HttpResult result = login(email, PASSWORD);
		assertThat(result.status()).as(result.body()).isEqualTo(200);
		return Tokens.of(result.json());
	}

}
