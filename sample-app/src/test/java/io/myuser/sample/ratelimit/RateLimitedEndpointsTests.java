package io.myuser.sample.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.myuser.account.User;
import io.myuser.sample.test.CountingPasswordEncoder;
import io.myuser.sample.test.CountingPasswordEncoderConfiguration;
import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import io.myuser.sample.test.Mailbox;
import io.myuser.sample.test.NoClientIpConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits over HTTP: a login flood ends in 429s that run no password hash and write no row, while the owner,
 * from an address they logged in from before, still logs in; wrong passwords make a client wait longer and longer,
 * never for good; unknown addresses are limited exactly like known ones; reset and resend stop sending mail past
 * their limits; data requests and profile writes are limited per account; every limit comes back after its window
 * (the test clock moves, nothing sleeps); a login whose client IP is unknown still spends the address's budget and
 * counts its failures; one client is one budget however its IP is written, and clients whose proxy writes their
 * port into {@code X-Forwarded-For} are told apart by their addresses. Each test's clients have addresses of
 * their own, sent through the trusted proxy this context configures (127.0.0.1), so the tests do not share
 * budgets.
 */
@TestPropertySource(properties = { "myuser.rate-limit.enabled=true", "myuser.rate-limit.expose-headers=true",
		"myuser.web.trusted-proxies=127.0.0.1/32", "spring.mail.host=127.0.0.1", Mailbox.SMTP_PORT_PROPERTY,
		"myuser.jobs.polling-interval=100ms" })
@Import({ CountingPasswordEncoderConfiguration.class, NoClientIpConfiguration.class })
abstract class RateLimitedEndpointsTests extends IntegrationTestSupport {

	private static final String PASSWORD = "a long and unusual passphrase";

	private static final AtomicInteger CLIENTS = new AtomicInteger();

	@RegisterExtension
	final Mailbox mailbox = new Mailbox();

	@Autowired
	private CountingPasswordEncoder encoder;

	/** A client address no other test uses: 198.18.0.0/15 is set aside for benchmarks. */
	private static String newClient() {
		int n = CLIENTS.incrementAndGet();
		return "198.18." + ((n >> 8) & 0xff) + "." + (n & 0xff);
	}

	private HttpResult loginFrom(String client, String email, String password) {
		return login(email, password, "X-Forwarded-For", client);
	}

	@Test
	void a_login_flood_ends_in_429s_without_a_hash_or_a_row_while_the_owner_logs_in_from_a_known_address() {
		String email = uniqueEmail();
		User owner = createUser(email, PASSWORD);
		String home = newClient();
		assertThat(loginFrom(home, email, PASSWORD).status()).isEqualTo(200);

		// Wrong passwords from ever new addresses: the address's budget (login.per-account, 10/min), of which the
		// owner's first login (from an address not known then) spent one, runs out.
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 9; i++) {
			statuses.add(loginFrom(newClient(), email, "wrong guess " + i).status());
		}
		assertThat(statuses).containsOnly(401);
		int hashes = this.encoder.hashes();
		long auditRows = count("select count(*) from myuser_audit_log where user_id = ?", owner.getId());
		for (int i = 0; i < 20; i++) {
			HttpResult refused = loginFrom(newClient(), email, "wrong guess again " + i);
			assertRateLimited(refused);
		}
		assertThat(this.encoder.hashes()).as("password hashes of refused attempts").isEqualTo(hashes);
		assertThat(count("select count(*) from myuser_audit_log where user_id = ?", owner.getId()))
			.as("rows written by refused attempts")
			.isEqualTo(auditRows);

		// The owner's address has a budget of its own and waits only for its own failures.
		assertThat(loginFrom(home, email, PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void one_client_is_limited_per_ip_whatever_address_it_tries() {
		String client = newClient();
		String email = uniqueEmail();
		createUser(email, PASSWORD);
		for (int i = 0; i < 9; i++) {
			assertThat(loginFrom(client, uniqueEmail(), PASSWORD).status()).isEqualTo(401);
		}
		// A successful login spends the per-IP budget too, and gives none of it back.
		assertThat(loginFrom(client, email, PASSWORD).status()).isEqualTo(200);
		assertRateLimited(loginFrom(client, email, PASSWORD));
		HttpResult refused = loginFrom(client, uniqueEmail(), PASSWORD);
		assertRateLimited(refused);
		assertThat(refused.headers().allValues("RateLimit-Policy")).contains("\"login.per-ip\";q=10;w=60");

		this.clock.advance(Duration.ofSeconds(61));
		assertThat(loginFrom(client, uniqueEmail(), PASSWORD).status()).isEqualTo(401);
	}

	@Test
	void a_login_without_a_client_ip_spends_the_address_budget_and_counts_its_failures() {
		String email = uniqueEmail();
		createUser(email, PASSWORD);
		String home = newClient();
		assertThat(loginFrom(home, email, PASSWORD).status()).isEqualTo(200);

		// The owner's login spent one of the address's ten a minute; wrong passwords with no client IP spend the rest.
		for (int i = 0; i < 9; i++) {
			assertThat(loginWithoutIp(email, "wrong guess " + i).status()).isEqualTo(401);
		}
		assertRateLimited(loginWithoutIp(email, "wrong guess again"));

		// Each of them counted for the address: its 20 free failures used, the 21st makes every stranger wait.
		this.clock.advance(Duration.ofSeconds(61));
		for (int i = 0; i < 10; i++) {
			assertThat(loginWithoutIp(email, "next wrong guess " + i).status()).isEqualTo(401);
		}
		this.clock.advance(Duration.ofSeconds(61));
		for (int i = 0; i < 2; i++) {
			assertThat(loginWithoutIp(email, "last wrong guess " + i).status()).isEqualTo(401);
		}
		HttpResult waiting = loginWithoutIp(email, PASSWORD);
		assertRateLimited(waiting);
		assertThat(Long.parseLong(waiting.header("Retry-After"))).isBetween(55L, 60L);
		assertRateLimited(loginFrom(newClient(), email, PASSWORD));
		// The owner, from the client they logged in from, does not wait for the strangers' failures.
		assertThat(loginFrom(home, email, PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void a_right_password_without_a_client_ip_logs_in() {
		String email = uniqueEmail();
		createUser(email, PASSWORD);
		assertThat(loginWithoutIp(email, "one typo").status()).isEqualTo(401);
		HttpResult result = loginWithoutIp(email, PASSWORD);
		assertThat(result.status()).as(result.body()).isEqualTo(200);
		assertThat(result.headers().allValues("RateLimit")).containsExactly("\"login.per-account\";r=8;t=60");
	}

	@Test
	void an_ipv4_mapped_ipv6_address_is_the_same_client_as_its_ipv4_address() {
		String client = newClient();
		String[] octets = client.split("\\.");
		String hex = String.format("%02x%02x:%02x%02x", Integer.parseInt(octets[0]), Integer.parseInt(octets[1]),
				Integer.parseInt(octets[2]), Integer.parseInt(octets[3]));
		List<String> spellings = List.of(client, "::ffff:" + client, "::FFFF:" + client, "::ffff:" + hex,
				"0:0:0:0:0:ffff:" + hex, "0000:0000:0000:0000:0000:ffff:" + client);
		for (int i = 0; i < 10; i++) {
			assertThat(loginFrom(spellings.get(i % spellings.size()), uniqueEmail(), PASSWORD).status())
				.isEqualTo(401);
		}
		for (String spelling : spellings) {
			assertRateLimited(loginFrom(spelling, uniqueEmail(), PASSWORD));
		}
	}

	@Test
	void an_ipv6_client_is_limited_per_slash_64_however_its_address_is_written() {
		int n = CLIENTS.incrementAndGet();
		String network = "2001:db8:" + Integer.toHexString(n) + ":64";
		List<String> spellings = List.of(network + "::1", String.format("2001:0DB8:%04X:0064:0000:0000:0000:0001", n),
				network + ":0:0:0:1", network + ":FFFF:1:2:3", network + ":a::b");
		for (int i = 0; i < 10; i++) {
			assertThat(loginFrom(spellings.get(i % spellings.size()), uniqueEmail(), PASSWORD).status())
				.isEqualTo(401);
		}
		for (String spelling : spellings) {
			assertRateLimited(loginFrom(spelling, uniqueEmail(), PASSWORD));
		}
		assertThat(loginFrom("2001:db8:" + Integer.toHexString(n) + ":65::1", uniqueEmail(), PASSWORD).status())
			.as("the next /64").isEqualTo(401);
	}

	@Test
	void clients_whose_forwarded_entries_carry_ports_have_budgets_of_their_own() {
		// Proxies such as Azure Application Gateway write the client's port too: 198.18.x.y:4711, [2001:db8::1]:4711.
		String first = newClient();
		String second = newClient();
		for (int i = 0; i < 10; i++) {
			assertThat(loginFrom(first + ":" + (40000 + i), uniqueEmail(), PASSWORD).status()).isEqualTo(401);
		}
		assertRateLimited(loginFrom(first + ":4711", uniqueEmail(), PASSWORD));
		assertRateLimited(loginFrom(first, uniqueEmail(), PASSWORD));
		assertThat(loginFrom(second + ":4711", uniqueEmail(), PASSWORD).status()).as("another client, same port")
			.isEqualTo(401);

		int n = CLIENTS.incrementAndGet();
		String network = "2001:db8:" + Integer.toHexString(n) + ":64";
		List<String> spellings = List.of("[" + network + "::1]:4711", "[" + network + "::1]", "[" + network + "::2]:80");
		for (int i = 0; i < 10; i++) {
			assertThat(loginFrom(spellings.get(i % spellings.size()), uniqueEmail(), PASSWORD).status())
				.isEqualTo(401);
		}
		assertRateLimited(loginFrom("[" + network + "::1]:4711", uniqueEmail(), PASSWORD));
		assertThat(loginFrom("[2001:db8:" + Integer.toHexString(n) + ":65::1]:4711", uniqueEmail(), PASSWORD).status())
			.as("the next /64")
			.isEqualTo(401);

		// The session and the audit trail record the address, never the port.
		String email = uniqueEmail();
		User user = createUser(email, PASSWORD);
		String third = newClient();
		assertThat(loginFrom(third + ":4711", email, PASSWORD).status()).isEqualTo(200);
		assertThat(this.jdbc.queryForList("select ip_address from myuser_user_session where user_id = ?", String.class,
				user.getId()))
			.containsExactly(third);
		assertThat(this.jdbc.queryForList(
				"select distinct ip_address from myuser_audit_log where user_id = ? and ip_address is not null",
				String.class, user.getId()))
			.containsExactly(third);
	}

	/** A login whose connection has no IP address, so that MyUser knows no client IP for it. */
	private HttpResult loginWithoutIp(String email, String password) {
		return login(email, password, NoClientIpConfiguration.HEADER, "unknown");
	}

	@Test
	void allowed_answers_carry_the_rate_limit_headers() {
		String email = uniqueEmail();
		createUser(email, PASSWORD);
		HttpResult result = loginFrom(newClient(), email, PASSWORD);

		assertThat(result.status()).isEqualTo(200);
		assertThat(result.headers().allValues("RateLimit-Policy")).containsExactly("\"login.per-ip\";q=10;w=60",
				"\"login.per-account\";q=10;w=60");
		assertThat(result.headers().allValues("RateLimit")).containsExactly("\"login.per-ip\";r=9;t=60",
				"\"login.per-account\";r=9;t=60");
	}

	@Test
	void wrong_passwords_make_one_client_wait_longer_and_longer_but_never_for_good() {
		String email = uniqueEmail();
		createUser(email, PASSWORD);
		String client = newClient();
		for (int i = 0; i < 6; i++) {
			assertThat(loginFrom(client, email, "wrong " + i).status()).isEqualTo(401);
		}
		// Five free failures; the sixth makes the next attempt wait a minute, even with the right password.
		HttpResult waiting = loginFrom(client, email, PASSWORD);
		assertRateLimited(waiting);
		assertThat(Long.parseLong(waiting.header("Retry-After"))).isBetween(55L, 60L);

		this.clock.advance(Duration.ofSeconds(61));
		assertThat(loginFrom(client, email, "wrong again").status()).isEqualTo(401);
		HttpResult longer = loginFrom(client, email, PASSWORD);
		assertRateLimited(longer);
		assertThat(Long.parseLong(longer.header("Retry-After"))).isBetween(115L, 120L);

		this.clock.advance(Duration.ofSeconds(121));
		assertThat(loginFrom(client, email, PASSWORD).status()).isEqualTo(200);
		// A right password forgets the client's failures: the next wrong one is free again.
		assertThat(loginFrom(client, email, "one typo").status()).isEqualTo(401);
		assertThat(loginFrom(client, email, PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void the_first_slow_down_of_an_account_is_audited_and_its_owner_alerted_once() {
		String email = uniqueEmail();
		User user = createUser(email, PASSWORD);
		String client = newClient();
		for (int i = 0; i < 6; i++) {
			loginFrom(client, email, "wrong " + i);
		}
		this.clock.advance(Duration.ofSeconds(61));
		loginFrom(client, email, "wrong again");

		// Another client crossing its threshold the same day neither writes a second row nor mails again.
		String other = newClient();
		for (int i = 0; i < 7; i++) {
			loginFrom(other, email, "other wrong " + i);
		}
		assertThat(count("select count(*) from myuser_audit_log where user_id = ? and event_type = "
				+ "'SUSPICIOUS_ACTIVITY' and details like '%login_throttled%'", user.getId())).isEqualTo(1);
		assertThat(Mailbox.text(this.mailbox.awaitMail(email, 1).get(0))).contains("wrong passwords")
			.contains(client);
	}

	@Test
	void an_unknown_address_is_limited_exactly_like_a_known_one() {
		String known = uniqueEmail();
		createUser(known, PASSWORD);
		String unknown = uniqueEmail();
		List<Map<String, JsonNode>> knownAnswers = flood(known);
		List<Map<String, JsonNode>> unknownAnswers = flood(unknown);
		assertThat(unknownAnswers).isEqualTo(knownAnswers);
		assertThat(knownAnswers.get(knownAnswers.size() - 1).get("type").asString()).endsWith("rate-limited");
	}

	/** Six wrong passwords and two more attempts from one client, as status and body without the instance. */
	private List<Map<String, JsonNode>> flood(String email) {
		String client = newClient();
		List<Map<String, JsonNode>> answers = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			HttpResult result = loginFrom(client, email, "wrong " + i);
			Map<String, JsonNode> fields = new TreeMap<>();
			result.json().properties().forEach((entry) -> fields.put(entry.getKey(), entry.getValue()));
			fields.remove("instance");
			fields.put("_status", tools.jackson.databind.node.IntNode.valueOf(result.status()));
			answers.add(fields);
		}
		return answers;
	}

	@Test
	void a_completed_password_reset_forgets_the_address_failures() {
		String email = uniqueEmail();
		createUser(email, PASSWORD);
		String client = newClient();
		for (int i = 0; i < 6; i++) {
			loginFrom(client, email, "wrong " + i);
		}
		assertRateLimited(loginFrom(client, email, PASSWORD));

		assertThat(postJson(BASE + "/password/reset/", json(Map.of("email", email)), "X-Forwarded-For", client)
			.status()).isEqualTo(200);
		// The sixth failure also alerted the owner: two mails, one with the reset link.
		String key = Mailbox.keyOfMailWith(this.mailbox.awaitMail(email, 2), "/reset-password");
		assertThat(postJson(BASE + "/password/reset/confirm/",
				json(Map.of("token", key, "new_password1", PASSWORD + " anew", "new_password2", PASSWORD + " anew")),
				"X-Forwarded-For", client)
			.status()).isEqualTo(200);

		assertThat(loginFrom(client, email, PASSWORD + " anew").status()).isEqualTo(200);
	}

	@Test
	void password_reset_and_resend_stop_sending_mail_past_their_limits() {
		String email = uniqueEmail();
		createUser(email, PASSWORD);
		for (int i = 0; i < 3; i++) {
			assertThat(postJson(BASE + "/password/reset/", json(Map.of("email", email)), "X-Forwarded-For",
					newClient())
				.status()).isEqualTo(200);
		}
		assertRateLimited(postJson(BASE + "/password/reset/", json(Map.of("email", email)), "X-Forwarded-For",
				newClient()));
		String unverified = uniqueEmail();
		this.accounts.createUser(io.myuser.account.NewUser.withPassword(unverified, PASSWORD, false),
				io.myuser.support.ClientInfo.NONE);
		for (int i = 0; i < 3; i++) {
			this.clock.advance(Duration.ofMinutes(2));
			assertThat(postJson(BASE + "/registration/resend-email/", json(Map.of("email", unverified)),
					"X-Forwarded-For", newClient())
				.status()).isEqualTo(200);
		}
		assertRateLimited(postJson(BASE + "/registration/resend-email/", json(Map.of("email", unverified)),
				"X-Forwarded-For", newClient()));

		assertThat(this.mailbox.awaitMail(email, 3)).hasSize(3);
		waitForJobs();
		assertThat(this.mailbox.mailTo(email)).as("reset mails").hasSize(3);
		assertThat(this.mailbox.mailTo(unverified).size()).as("verification mails").isLessThanOrEqualTo(3);
	}

	@Test
	void a_third_data_request_in_a_day_is_refused_even_when_the_first_two_were_withdrawn() {
		String email = uniqueEmail();
		createUser(email, PASSWORD);
		String token = accessTokenFrom(newClient(), email);
		for (int i = 0; i < 2; i++) {
			// Deletions are the requests that can be withdrawn.
			HttpResult created = postJsonWithToken(BASE + "/data-requests/",
					json(Map.of("request_type", "DELETE", "password", PASSWORD)), token);
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			String id = created.json().get("id").asString();
			assertThat(postJsonWithToken(BASE + "/data-requests/" + id + "/cancel/", "{}", token).status())
				.isEqualTo(200);
		}
		assertRateLimited(postJsonWithToken(BASE + "/data-requests/", json(Map.of("request_type", "EXPORT")), token));
		assertThat(getWithToken(BASE + "/data-requests/", token).status()).as("reading spends nothing")
			.isEqualTo(200);

		this.clock.advance(Duration.ofDays(1).plusSeconds(1));
		token = accessTokenFrom(newClient(), email);
		assertThat(postJsonWithToken(BASE + "/data-requests/", json(Map.of("request_type", "EXPORT")), token)
			.status()).isEqualTo(201);
	}

	@Test
	void profile_writes_are_limited_per_account_and_reads_are_not() {
		String email = uniqueEmail();
		createUser(email, PASSWORD);
		String token = accessTokenFrom(newClient(), email);
		for (int i = 0; i < 30; i++) {
			assertThat(send(java.net.http.HttpRequest.newBuilder(uri(BASE + "/profile/"))
				.method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(json(Map.of("first_name", "N" + i))))
				.header("Content-Type", "application/json")
				.header("Authorization", "Bearer " + token)).status()).isEqualTo(200);
		}
		assertRateLimited(send(java.net.http.HttpRequest.newBuilder(uri(BASE + "/profile/"))
			.method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(json(Map.of("first_name", "Over"))))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)));
		assertThat(getWithToken(BASE + "/profile/", token).json().get("first_name").asString()).isEqualTo("N29");
	}

	@Test
	void password_changes_are_limited_per_account_before_the_current_password_is_checked() {
		String email = uniqueEmail();
		createUser(email, PASSWORD);
		String token = accessTokenFrom(newClient(), email);
		String other = uniqueEmail();
		createUser(other, PASSWORD);
		String otherToken = accessTokenFrom(newClient(), other);
		String wrong = json(Map.of("old_password", "a guess at the password", "new_password1",
				"a new long passphrase", "new_password2", "a new long passphrase"));
		for (int i = 0; i < 5; i++) {
			assertThat(postJsonWithToken(BASE + "/password/change/", wrong, token).status()).isEqualTo(400);
		}
		int hashes = this.encoder.hashes();

		assertRateLimited(postJsonWithToken(BASE + "/password/change/", wrong, token));
		String right = json(Map.of("old_password", PASSWORD, "new_password1", "a new long passphrase",
				"new_password2", "a new long passphrase"));
		assertRateLimited(postJsonWithToken(BASE + "/password/change/", right, token));

		assertThat(this.encoder.hashes()).as("no password hashed for a refused change").isEqualTo(hashes);
		assertThat(postJsonWithToken(BASE + "/password/change/", right, otherToken).status())
			.as("another account's budget").isEqualTo(200);
		this.clock.advance(Duration.ofHours(1).plusSeconds(1));
		// The access token expired meanwhile: a new login, and the budget is back.
		assertThat(postJsonWithToken(BASE + "/password/change/", right, accessTokenFrom(newClient(), email)).status())
			.isEqualTo(200);
	}

	private String accessTokenFrom(String client, String email) {
		HttpResult result = loginFrom(client, email, PASSWORD);
		assertThat(result.status()).as(result.body()).isEqualTo(200);
		return result.json().get("access").asString();
	}

	private HttpResult postJsonWithToken(String path, String json, String token) {
		return postJson(path, json, "Authorization", "Bearer " + token);
	}

	private void waitForJobs() {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (enqueuedJobs() > 0 && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
	}

	static void assertRateLimited(HttpResult result) {
		assertThat(result.status()).as(result.body()).isEqualTo(429);
		assertThat(result.isProblem()).isTrue();
		assertThat(result.json().get("type").asString()).endsWith("rate-limited");
		assertThat(Long.parseLong(result.header("Retry-After"))).isPositive();
	}

}
