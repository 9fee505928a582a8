package io.myuser.sample.login;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.myuser.account.User;
import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import io.myuser.token.LoginRefusedException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST token/} end to end: tokens that work, one identical 401 for every failure, sessions with the
 * client's IP and user agent, and exactly one audit row per attempt.
 */
abstract class PasswordLoginTests extends IntegrationTestSupport {

	private static final String PASSWORD = "a perfectly fine passphrase";

	@Test
	void login_with_email_returns_tokens_that_open_the_profile() {
		String email = uniqueEmail();
		User user = createUser(email, PASSWORD);

		HttpResult result = login(email, PASSWORD);

		assertThat(result.status()).isEqualTo(200);
		JsonNode body = result.json();
		assertThat(body.get("access").asString()).isNotBlank();
		assertThat(body.get("refresh").asString()).isNotBlank();
		HttpResult profile = getWithToken(BASE + "/profile/", body.get("access").asString());
		assertThat(profile.status()).isEqualTo(200);
		assertThat(profile.json().get("id").asString()).isEqualTo(user.getId().toString());
		assertThat(profile.json().get("email").asString()).isEqualTo(email);
		assertThat(profile.json().get("marketing_consent").asBoolean()).isFalse();
		assertThat(profile.json().get("marketing_consent_updated_at").isNull()).isTrue();
	}

	@Test
	void login_accepts_username_and_any_letter_case_of_the_email() {
		String email = uniqueEmail();
		createUser(email, PASSWORD);

		HttpResult result = postJson(BASE + "/token",
				json(Map.of("username", email.toUpperCase(java.util.Locale.ROOT), "password", PASSWORD)));

		assertThat(result.status()).isEqualTo(200);
	}

	@Test
	void wrong_password_unknown_user_and_inactive_user_get_one_identical_answer() {
		String email = uniqueEmail();
		createUser(email, PASSWORD);
		String inactive = uniqueEmail();
		User inactiveUser = createUser(inactive, PASSWORD);
		this.accounts.setActive(inactiveUser.getId(), false);

		HttpResult wrongPassword = login(email, PASSWORD + "!");
		HttpResult unknownUser = login(uniqueEmail(), PASSWORD);
		HttpResult inactiveAccount = login(inactive, PASSWORD);

		for (HttpResult result : List.of(wrongPassword, unknownUser, inactiveAccount)) {
			assertThat(result.status()).isEqualTo(401);
			assertThat(result.isProblem()).isTrue();
			assertThat(result.header("WWW-Authenticate")).startsWith("Bearer");
			assertThat(result.json().get("detail").asString()).isEqualTo(LoginRefusedException.DETAIL);
		}
		assertThat(withoutInstance(wrongPassword)).isEqualTo(withoutInstance(unknownUser))
			.isEqualTo(withoutInstance(inactiveAccount));
	}

	@Test
	void unverified_email_with_the_right_password_gets_the_answer_of_a_wrong_password() {
		String email = uniqueEmail();
		this.accounts.createUser(io.myuser.account.NewUser.withPassword(email, PASSWORD, false),
				io.myuser.support.ClientInfo.NONE);
		String verified = uniqueEmail();
		createUser(verified, PASSWORD);

		HttpResult rightPassword = login(email, PASSWORD);
		HttpResult wrongPassword = login(verified, PASSWORD + "!");

		assertThat(rightPassword.status()).isEqualTo(401);
		assertThat(withoutInstance(rightPassword)).isEqualTo(withoutInstance(wrongPassword));
		assertThat(rightPassword.header("WWW-Authenticate")).isEqualTo(wrongPassword.header("WWW-Authenticate"));
		assertThat(count("select count(*) from myuser_user_session where user_id = (select id from myuser_user "
				+ "where email_canonical = ?)", email)).isZero();
	}

	@Test
	void each_login_creates_a_session_with_the_connection_ip_and_user_agent() {
		String email = uniqueEmail();
		User user = createUser(email, PASSWORD);

		login(email, PASSWORD, "User-Agent", "TestBrowser/1.0", "X-Forwarded-For", "203.0.113.7");
		login(email, PASSWORD, "User-Agent", "x".repeat(2000));

		List<Map<String, Object>> sessions = this.jdbc.queryForList(
				"select ip_address, user_agent from myuser_user_session where user_id = ? order by created_at",
				user.getId());
		assertThat(sessions).hasSize(2);
		// The test client connects from 127.0.0.1, which is not a trusted proxy: X-Forwarded-For is ignored.
		assertThat(sessions.get(0)).containsEntry("ip_address", "127.0.0.1")
			.containsEntry("user_agent", "TestBrowser/1.0");
		assertThat((String) sessions.get(1).get("user_agent")).hasSize(512);
	}

	@Test
	void a_long_user_agent_is_kept_as_its_first_512_characters_in_the_session_and_the_audit_rows() {
		String email = uniqueEmail();
		User user = createUser(email, PASSWORD);
		StringBuilder agent = new StringBuilder();
		for (int i = 0; agent.length() < 2000; i++) {
			agent.append("Agent-").append(i).append(';');
		}
		agent.setLength(2000);
		String expected = agent.substring(0, 512);

		assertThat(login(email, PASSWORD, "User-Agent", agent.toString()).status()).isEqualTo(200);
		assertThat(login(email, "not the password", "User-Agent", agent.toString()).status()).isEqualTo(401);

		assertThat(this.jdbc.queryForList("select user_agent from myuser_user_session where user_id = ?",
				String.class, user.getId()))
			.containsExactly(expected);
		assertThat(this.jdbc.queryForList("select user_agent from myuser_audit_log where user_id = ? "
				+ "and event_type in ('LOGIN', 'LOGIN_FAILED')", String.class, user.getId()))
			.containsExactly(expected, expected);
	}

	@Test
	void a_successful_login_records_the_time_of_the_application_clock_as_last_login() {
		String email = uniqueEmail();
		User user = createUser(email, PASSWORD);
		assertThat(lastLogin(user)).isNull();
		Instant pinned = Instant.parse("2031-05-06T07:08:09.123456Z");
		this.clock.pin(pinned);

		assertThat(login(email, PASSWORD).status()).isEqualTo(200);

		assertThat(lastLogin(user)).isEqualTo(pinned);
		this.clock.advance(Duration.ofHours(1));
		assertThat(login(email, "not the password").status()).isEqualTo(401);
		assertThat(lastLogin(user)).as("a failed login leaves last_login alone").isEqualTo(pinned);
	}

	@Test
	void x_forwarded_for_is_believed_only_from_a_trusted_proxy() throws Exception {
		String email = uniqueEmail();
		User user = createUser(email, PASSWORD);

		// 127.0.0.2 is configured as a trusted proxy; connect from it with a raw socket.
		int status = loginFromAddress("127.0.0.2", email, "198.51.100.9, 127.0.0.2");

		assertThat(status).isEqualTo(200);
		assertThat(this.jdbc.queryForObject("select ip_address from myuser_user_session where user_id = ?",
				String.class, user.getId())).isEqualTo("198.51.100.9");
	}

	@Test
	void a_successful_login_writes_one_login_audit_row_and_a_failed_one_exactly_one_login_failed_row() {
		String email = uniqueEmail();
		User user = createUser(email, PASSWORD);

		login(email, PASSWORD, "User-Agent", "AuditAgent/2.0");
		login(email, "wrong password", "User-Agent", "AuditAgent/2.0");
		String stranger = uniqueEmail();
		login(stranger, "whatever it is");

		assertThat(count("select count(*) from myuser_audit_log where user_id = ? and event_type = 'LOGIN'",
				user.getId())).isEqualTo(1);
		assertThat(count("select count(*) from myuser_audit_log where user_id = ? and event_type = 'LOGIN_FAILED'",
				user.getId())).isEqualTo(1);
		assertThat(count("select count(*) from myuser_audit_log where user_id is null and event_type = 'LOGIN_FAILED'"
				+ " and details like ?", "%" + stranger + "%")).isEqualTo(1);
		Map<String, Object> row = this.jdbc.queryForMap(
				"select ip_address, user_agent, details from myuser_audit_log where user_id = ? and event_type = 'LOGIN'",
				user.getId());
		assertThat(row).containsEntry("ip_address", "127.0.0.1").containsEntry("user_agent", "AuditAgent/2.0");
		assertThat((String) row.get("details")).contains("\"method\":\"password\"").contains("session_id");
	}

	@Test
	void the_access_token_is_refused_once_its_account_is_deleted() {
		String email = uniqueEmail();
		User user = createUser(email, PASSWORD);
		String access = accessToken(email, PASSWORD);

		this.accounts.softDelete(user.getId());

		HttpResult result = getWithToken(BASE + "/profile/", access);
		assertThat(result.status()).isEqualTo(401);
		assertThat(result.isProblem()).isTrue();
	}

	@Test
	void the_refresh_token_is_stored_as_a_hash_only() {
		String email = uniqueEmail();
		User user = createUser(email, PASSWORD);

		String refresh = login(email, PASSWORD).json().get("refresh").asString();

		List<String> hashes = this.jdbc.queryForList("select token_hash from myuser_refresh_token where user_id = ?",
				String.class, user.getId());
		assertThat(hashes).containsExactly(io.myuser.support.SecretTokens.hash(refresh));
		assertThat(count("select count(*) from myuser_refresh_token where token_hash like ?",
				"%" + refresh.substring(refresh.length() - 20) + "%")).isZero();
	}

	private Instant lastLogin(User user) {
		OffsetDateTime value = this.jdbc.queryForObject("select last_login from myuser_user where id = ?",
				OffsetDateTime.class, user.getId());
		return (value != null) ? value.toInstant() : null;
	}

	static Map<String, JsonNode> withoutInstance(HttpResult result) {
		Map<String, JsonNode> fields = new java.util.TreeMap<>();
		result.json().properties().forEach((entry) -> fields.put(entry.getKey(), entry.getValue()));
		fields.remove("instance");
		return fields;
	}

	private int loginFromAddress(String localAddress, String email, String forwardedFor) throws Exception {
		String body = json(Map.of("email", email, "password", PASSWORD));
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5000);
			socket.setSoTimeout(10000);
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			String request = "POST " + BASE + "/token/ HTTP/1.1\r\nHost: localhost\r\n"
					+ "Content-Type: application/json\r\nConnection: close\r\nX-Forwarded-For: " + forwardedFor
					+ "\r\nContent-Length: " + bytes.length + "\r\n\r\n";
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.US_ASCII));
			out.write(bytes);
			out.flush();
			BufferedReader reader = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			String statusLine = reader.readLine();
			return Integer.parseInt(statusLine.split(" ")[1]);
		}
	}

}
