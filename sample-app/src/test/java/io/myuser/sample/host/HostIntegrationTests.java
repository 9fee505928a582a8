package io.myuser.sample.host;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import io.myuser.audit.AuditLogWriter;
import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import io.myuser.support.web.Problems;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MyUser inside a host application: the host's own security chain and API accept MyUser tokens, MyUser's chain
 * stays on its base path, a host bean replaces MyUser's, and nothing creates HTTP sessions.
 */
abstract class HostIntegrationTests extends IntegrationTestSupport {

	private static final String PASSWORD = "host integration passphrase";

	@Autowired
	private ApplicationContext context;

	@Test
	void the_hosts_chain_and_myusers_chain_coexist() {
		assertThat(this.context.getBeansOfType(SecurityFilterChain.class)).containsKeys("myUserSecurityFilterChain",
				"sampleSecurityFilterChain").doesNotContainKey("myUserDefaultSecurityFilterChain");
	}

	@Test
	void the_hosts_api_accepts_a_myuser_access_token_and_refuses_anonymous_callers() {
		String email = uniqueEmail();
		String access = accessToken(createUser(email, PASSWORD).getEmail(), PASSWORD);

		HttpResult anonymous = get("/api/greeting");
		HttpResult authenticated = getWithToken("/api/greeting", access);
		HttpResult open = get("/public/greeting");

		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.isProblem()).isTrue();
		assertThat(authenticated.status()).isEqualTo(200);
		assertThat(authenticated.body()).contains(this.accounts.findByEmail(email).orElseThrow().getId().toString());
		assertThat(open.status()).isEqualTo(200);
	}

	@Test
	void the_hosts_own_tables_and_data_work_beside_myusers() {
		String email = uniqueEmail();
		String access = accessToken(createUser(email, PASSWORD).getEmail(), PASSWORD);

		HttpResult created = send(HttpRequest.newBuilder(uri("/api/notes"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json(Map.of("text", "remember the milk")))), "Authorization",
				"Bearer " + access);
		HttpResult listed = getWithToken("/api/notes", access);

		assertThat(created.status()).isEqualTo(201);
		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.json().get(0).get("text").asString()).isEqualTo("remember the milk");
	}

	@Test
	void a_host_bean_replaces_the_myuser_default_and_myuser_uses_it() {
		AuditLogWriter writer = this.context.getBean(AuditLogWriter.class);
		assertThat(writer.getClass().getName()).isEqualTo("io.myuser.sample.LoggingAuditLogWriter");

		String email = uniqueEmail();
		createUser(email, PASSWORD);
		login(email, PASSWORD);

		// The replacement delegates to the JPA writer, so rows still arrive.
		assertThat(count("select count(*) from myuser_audit_log a join myuser_user u on u.id = a.user_id "
				+ "where u.email_canonical = ? and a.event_type = 'LOGIN'", email)).isOne();
	}

	@Test
	void no_request_creates_an_http_session() {
		String email = uniqueEmail();
		createUser(email, PASSWORD);
		HttpResult login = login(email, PASSWORD);
		String access = login.json().get("access").asString();

		for (HttpResult result : new HttpResult[] { login, getWithToken(BASE + "/profile/", access),
				getWithToken("/api/greeting", access), get("/api/greeting"), get(BASE + "/profile/"),
				getWithToken(BASE + "/unknown", access) }) {
			assertThat(result.header("Set-Cookie")).as(result.body()).isNull();
		}
	}

	@Test
	void every_myuser_route_answers_with_and_without_a_trailing_slash() {
		String email = uniqueEmail();
		createUser(email, PASSWORD);

		assertThat(postJson(BASE + "/token", json(Map.of("email", email, "password", PASSWORD))).status())
			.isEqualTo(200);
		String access = postJson(BASE + "/token/", json(Map.of("email", email, "password", PASSWORD))).json()
			.get("access")
			.asString();
		assertThat(getWithToken(BASE + "/profile", access).status()).isEqualTo(200);
		assertThat(getWithToken(BASE + "/profile/", access).status()).isEqualTo(200);
	}

	@Test
	void unknown_routes_and_wrong_methods_under_the_base_path_answer_problem_json() {
		String access = accessToken(createUser(uniqueEmail(), PASSWORD).getEmail(), PASSWORD);
		HttpResult unknownAnonymous = get(BASE + "/no-such-thing/");
		HttpResult unknown = getWithToken(BASE + "/no-such-thing/", access);
		HttpResult wrongMethod = get(BASE + "/token/");
		HttpResult wrongMethodOnProtected = send(
				HttpRequest.newBuilder(uri(BASE + "/profile/")).DELETE());

		assertThat(unknownAnonymous.status()).as("default deny covers routes that do not exist").isEqualTo(401);
		assertThat(unknownAnonymous.isProblem()).isTrue();
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.isProblem()).isTrue();
		assertThat(unknown.json().get("detail").asString()).isNotBlank();
		assertThat(wrongMethod.status()).isEqualTo(405);
		assertThat(wrongMethod.isProblem()).isTrue();
		assertThat(wrongMethodOnProtected.status()).isEqualTo(405);
		assertThat(wrongMethodOnProtected.isProblem()).isTrue();
	}

	@Test
	void paths_tomcat_refuses_before_any_filter_answer_problem_json_under_the_base_path_only() {
		for (String refused : List.of("/a%2Fb", "/a%5Cb", "/a%00", "/a%FF", "/a%C0%AF")) {
			HttpResult myUser = get(BASE + refused);
			HttpResult host = get("/public" + refused);

			assertThat(myUser.status()).as(refused).isEqualTo(400);
			assertThat(myUser.isProblem()).as(refused).isTrue();
			assertThat(myUser.json().get("type").asString()).isEqualTo(Problems.TYPE_PREFIX + "bad-request");
			assertThat(myUser.json().get("status").asInt()).isEqualTo(400);
			assertThat(myUser.json().get("detail").asString()).isNotBlank();
			// The host's paths keep the container's own answer (Tomcat's error page, as Spring Boot set it up).
			assertThat(host.status()).as(refused).isEqualTo(400);
			assertThat(host.contentType()).as(refused).startsWith("text/html");
		}
	}

	@Test
	void malformed_json_to_the_hosts_own_endpoint_is_answered_by_the_host_not_by_myuser() {
		String email = uniqueEmail();
		String access = accessToken(createUser(email, PASSWORD).getEmail(), PASSWORD);
		String malformed = "{\"text\": \"unfinished";

		HttpResult host = postJson("/api/notes", malformed, "Authorization", "Bearer " + access);
		HttpResult myUser = postJson(BASE + "/token/", malformed);

		// Spring Boot's own error answer, as the host configured it (here: Boot's default error JSON).
		assertThat(host.status()).isEqualTo(400);
		assertThat(host.json().path("type").asString("")).doesNotStartWith(Problems.TYPE_PREFIX);
		assertThat(host.body()).doesNotContain(Problems.TYPE_PREFIX);
		assertThat(host.json().path("path").asString("")).isEqualTo("/api/notes");
		assertThat(myUser.status()).isEqualTo(400);
		assertThat(myUser.isProblem()).isTrue();
		assertThat(myUser.json().get("type").asString()).startsWith(Problems.TYPE_PREFIX);
		assertThat(count("select count(*) from sample_note n join myuser_user u on u.id = n.owner_id "
				+ "where u.email_canonical = ?", email)).isZero();
	}

}
