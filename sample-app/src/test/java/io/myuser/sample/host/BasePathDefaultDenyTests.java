package io.myuser.sample.host;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Default deny covers the whole base path: whatever a host maps there outside MyUser's controllers (a router
 * function, a resource handler, Spring Boot's default static resources) needs a MyUser access token, with and
 * without a trailing slash, and so do routes that do not exist. Only MyUser's public routes are open, and a
 * request Spring MVC refuses without running any handler gets its honest 405 or 415.
 */
@Import(HostRoutesConfiguration.class)
abstract class BasePathDefaultDenyTests extends IntegrationTestSupport {

	private static final String PASSWORD = "default deny passphrase";

	private static final List<String> HOST_PATHS = List.of(HostRoutesConfiguration.ROUTER_PATH,
			HostRoutesConfiguration.ROUTER_PATH + "/", HostRoutesConfiguration.ASSET_PATH,
			HostRoutesConfiguration.ASSET_PATH + "/", BASE + "/boot-static.txt", BASE + "/boot-static.txt/");

	@Test
	void what_a_host_maps_under_the_base_path_answers_401_problem_json_without_a_token() {
		for (String path : HOST_PATHS) {
			HttpResult anonymous = get(path);

			assertThat(anonymous.status()).as(path).isEqualTo(401);
			assertThat(anonymous.isProblem()).as(path).isTrue();
			assertThat(anonymous.header("WWW-Authenticate")).as(path).startsWith("Bearer");
			assertThat(anonymous.body()).as(path)
				.doesNotContain(HostRoutesConfiguration.ROUTER_BODY)
				.doesNotContain("under the base path");
		}
	}

	@Test
	void what_a_host_maps_under_the_base_path_answers_200_with_a_valid_access_token() {
		String access = accessToken(createUser(uniqueEmail(), PASSWORD).getEmail(), PASSWORD);

		for (String path : HOST_PATHS) {
			assertThat(getWithToken(path, access).status()).as(path).isEqualTo(200);
		}
		assertThat(getWithToken(HostRoutesConfiguration.ROUTER_PATH, access).body())
			.isEqualTo(HostRoutesConfiguration.ROUTER_BODY);
		assertThat(getWithToken(HostRoutesConfiguration.ASSET_PATH, access).body())
			.isEqualTo("host asset under the base path\n");
		assertThat(getWithToken(BASE + "/boot-static.txt", access).body())
			.isEqualTo("static file under the base path\n");
	}

	@Test
	void a_broken_token_does_not_reach_what_a_host_maps_under_the_base_path() {
		for (String path : HOST_PATHS) {
			HttpResult result = getWithToken(path, "not-a-token");

			assertThat(result.status()).as(path).isEqualTo(401);
			assertThat(result.isProblem()).as(path).isTrue();
		}
	}

	@Test
	void routes_that_do_not_exist_answer_401_without_a_token_and_404_with_one() {
		String access = accessToken(createUser(uniqueEmail(), PASSWORD).getEmail(), PASSWORD);

		for (String path : List.of(BASE + "/no-such-route", BASE + "/no-such-route/", BASE + "/host/router/deeper")) {
			HttpResult anonymous = get(path);
			HttpResult authenticated = getWithToken(path, access);

			assertThat(anonymous.status()).as(path).isEqualTo(401);
			assertThat(anonymous.isProblem()).as(path).isTrue();
			assertThat(authenticated.status()).as(path).isEqualTo(404);
			assertThat(authenticated.isProblem()).as(path).isTrue();
		}
	}

	@Test
	void myusers_public_routes_stay_open_with_and_without_a_trailing_slash() {
		for (String path : List.of(BASE + "/password/reset", BASE + "/password/reset/")) {
			HttpResult reset = postJson(path, json(Map.of("email", uniqueEmail())));

			assertThat(reset.status()).as(path).isEqualTo(200);
		}
		String email = uniqueEmail();
		createUser(email, PASSWORD);
		for (String path : List.of(BASE + "/token", BASE + "/token/")) {
			assertThat(postJson(path, json(Map.of("email", email, "password", PASSWORD))).status()).as(path)
				.isEqualTo(200);
		}
	}

	@Test
	void requests_spring_mvc_refuses_without_running_a_handler_keep_their_honest_answer() {
		HttpResult wrongMethod = get(BASE + "/token/");
		HttpResult wrongMethodOnProtected = send(HttpRequest.newBuilder(uri(BASE + "/profile/")).DELETE());
		HttpResult wrongMediaType = send(HttpRequest.newBuilder(uri(BASE + "/token/"))
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("email=a&password=b")));

		assertThat(wrongMethod.status()).isEqualTo(405);
		assertThat(wrongMethod.isProblem()).isTrue();
		assertThat(wrongMethodOnProtected.status()).isEqualTo(405);
		assertThat(wrongMethodOnProtected.isProblem()).isTrue();
		assertThat(wrongMediaType.status()).isEqualTo(415);
		assertThat(wrongMediaType.isProblem()).isTrue();
	}

	@Test
	void routes_contributed_with_a_role_need_a_token_and_the_role_and_open_ones_need_nothing() {
		String access = accessToken(createUser(uniqueEmail(), PASSWORD).getEmail(), PASSWORD);

		HttpResult staffAnonymous = get(HostRoutesConfiguration.STAFF_PATH);
		HttpResult staffAsUser = getWithToken(HostRoutesConfiguration.STAFF_PATH, access);
		HttpResult membersAnonymous = get(HostRoutesConfiguration.MEMBERS_PATH);
		HttpResult membersAsUser = getWithToken(HostRoutesConfiguration.MEMBERS_PATH, access);
		HttpResult open = get(HostRoutesConfiguration.OPEN_PATH);

		assertThat(staffAnonymous.status()).isEqualTo(401);
		assertThat(staffAnonymous.isProblem()).isTrue();
		assertThat(staffAsUser.status()).as("a user without the role").isEqualTo(403);
		assertThat(staffAsUser.isProblem()).isTrue();
		assertThat(staffAsUser.body()).doesNotContain("staff only");
		assertThat(membersAnonymous.status()).isEqualTo(401);
		assertThat(membersAsUser.status()).isEqualTo(200);
		assertThat(membersAsUser.body()).isEqualTo("members only");
		assertThat(open.status()).isEqualTo(200);
		assertThat(open.body()).isEqualTo("open to all");
	}

	@Test
	void a_host_route_asked_with_another_method_needs_a_token_too() {
		HttpResult anonymous = send(HttpRequest.newBuilder(uri(HostRoutesConfiguration.ROUTER_PATH))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}")));

		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.isProblem()).isTrue();
	}

}
