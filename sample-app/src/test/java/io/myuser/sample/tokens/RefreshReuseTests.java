package io.myuser.sample.tokens;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import io.myuser.sample.test.Mailbox;
import io.myuser.sample.tokens.TokenLifecycleTests.Tokens;
import io.myuser.session.SessionService;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refresh-token reuse detection cannot be sidestepped. A thief holding a copy of an old refresh token can neither
 * probe {@code token/verify/} to learn that the owner rotated it (that is reuse: the family is revoked) nor replay
 * it within the grace window from another client to get the owner's new pair (only the client that rotated it
 * gets the successor again). Each detection is audited as {@code SUSPICIOUS_ACTIVITY} and the owner is emailed.
 */
@TestPropertySource(properties = { "spring.mail.host=127.0.0.1", Mailbox.SMTP_PORT_PROPERTY,
		"myuser.jobs.polling-interval=100ms" })
abstract class RefreshReuseTests extends IntegrationTestSupport {

	private static final String PASSWORD = "reuse detection passphrase";

	private static final String OWNER = "OwnerBrowser/1.0";

	private static final String THIEF = "ThiefScript/0.1";

	@RegisterExtension
	final Mailbox mailbox = new Mailbox();

	@Test
	void a_thief_probing_verify_with_a_rotated_token_revokes_the_family() throws Exception {
		String email = uniqueEmail();
		Tokens stolen = loginAs(email);
		assertThat(verify(stolen.refresh(), THIEF).status()).as("before the owner rotates").isEqualTo(200);
		HttpResult rotated = refresh(stolen.refresh(), OWNER);
		assertThat(rotated.status()).isEqualTo(200);
		Tokens owners = Tokens.of(rotated.json());

		HttpResult probe = verify(stolen.refresh(), THIEF);

		assertThat(probe.status()).isEqualTo(401);
		assertThat(probe.isProblem()).isTrue();
		assertFamilyRevoked(email, stolen, owners);
		assertThat(refresh(stolen.refresh(), THIEF).status()).as("the grace replay after the probe").isEqualTo(401);
		assertAlerted(email);
	}

	@Test
	void a_grace_replay_from_another_user_agent_is_reuse_and_gets_no_pair() throws Exception {
		String email = uniqueEmail();
		Tokens stolen = loginAs(email);
		HttpResult rotated = refresh(stolen.refresh(), OWNER);
		Tokens owners = Tokens.of(rotated.json());
		this.clock.advance(Duration.ofSeconds(2));

		HttpResult replay = refresh(stolen.refresh(), THIEF);

		assertThat(replay.status()).isEqualTo(401);
		assertThat(replay.body()).doesNotContain(owners.access()).doesNotContain(owners.refresh());
		assertFamilyRevoked(email, stolen, owners);
		assertThat(refresh(stolen.refresh(), OWNER).status()).as("the owner's own replay, after the revocation")
			.isEqualTo(401);
		assertAlerted(email);
	}

	@Test
	void following_every_rotation_is_impossible_the_first_replay_ends_the_session() {
		String email = uniqueEmail();
		Tokens current = loginAs(email);
		for (int rotation = 0; rotation < 3; rotation++) {
			HttpResult next = refresh(current.refresh(), OWNER);
			assertThat(next.status()).isEqualTo(200);
			// The owner's own repeat inside the grace window still gets the same pair.
			assertThat(refresh(current.refresh(), OWNER).json()).isEqualTo(next.json());
			current = Tokens.of(next.json());
		}
		Tokens ownersLatest = current;
		HttpResult latest = refresh(ownersLatest.refresh(), OWNER);
		assertThat(latest.status()).isEqualTo(200);

		assertThat(refresh(ownersLatest.refresh(), THIEF).status()).isEqualTo(401);
		assertThat(refresh(Tokens.of(latest.json()).refresh(), OWNER).status()).isEqualTo(401);
		assertThat(count("select count(*) from myuser_audit_log where user_id = ? and event_type = "
				+ "'SUSPICIOUS_ACTIVITY'", userId(email))).isOne();
	}

	private void assertFamilyRevoked(String email, Tokens stolen, Tokens owners) {
		assertThat(refresh(owners.refresh(), OWNER).status()).as("the owner's new refresh token").isEqualTo(401);
		assertThat(getWithToken(BASE + "/profile/", owners.access()).status()).as("the owner's new access token")
			.isEqualTo(401);
		assertThat(getWithToken(BASE + "/profile/", stolen.access()).status()).isEqualTo(401);
		assertThat(this.jdbc.queryForObject("select revoke_reason from myuser_user_session where id = ?",
				String.class, stolen.sessionId())).isEqualTo(SessionService.REASON_TOKEN_REUSE);
		assertThat(count("select count(*) from myuser_audit_log where user_id = ? and event_type = "
				+ "'SUSPICIOUS_ACTIVITY'", userId(email))).isOne();
	}

	private void assertAlerted(String email) throws Exception {
		List<MimeMessage> mail = this.mailbox.awaitMail(email, 1);
		assertThat(mail).hasSize(1);
		assertThat(mail.get(0).getSubject()).contains("ended for your safety");
		assertThat(Mailbox.text(mail.get(0))).contains("127.0.0.1");
	}

	private Tokens loginAs(String email) {
		createUser(email, PASSWORD);
		HttpResult login = login(email, PASSWORD, "User-Agent", OWNER);
		assertThat(login.status()).as(login.body()).isEqualTo(200);
		return Tokens.of(login.json());
	}

	private HttpResult refresh(String token, String userAgent) {
		return postJson(BASE + "/token/refresh/", json(Map.of("refresh", token)), "User-Agent", userAgent);
	}

	private HttpResult verify(String token, String userAgent) {
		return postJson(BASE + "/token/verify/", json(Map.of("token", token)), "User-Agent", userAgent);
	}

	private UUID userId(String email) {
		return this.accounts.findByEmail(email).orElseThrow().getId();
	}

}
