package io.myuser.sample.social;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.Mailbox;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Connected accounts end to end against the fake providers: {@code social/{provider}/connect/} links a GitHub or
 * Facebook identity to the caller (the owner is mailed, the connection audited), answers 200 and changes nothing
 * when the identity is already the caller's, and 400 when it is someone else's or the caller has another identity
 * at that provider; {@code social/accounts/} and {@code social/accounts/status/} show the caller's identities and
 * every configured provider without provider payloads; {@code social/accounts/{provider}/disconnect/} (POST or
 * DELETE) removes one, audited, unless it is the last way to log in. Unauthenticated calls are 401 before any
 * provider is asked, unknown providers and identities not connected 404. Connected identities are in the GDPR
 * export and are erased with the account.
 */
abstract class ConnectedAccountsTests extends SocialTestSupport {

	private static final String PASSWORD = "a long and unusual passphrase";

	private static final String PROBLEM = "urn:myuser:problem:";

	private static final Pattern DOWNLOAD = Pattern.compile(BASE + "/data-export/download/[A-Za-z0-9_-]+/");

	private static final HttpClient BYTES = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@Test
	void connecting_a_github_identity_links_it_to_the_caller_mails_the_owner_and_audits_it() {
		String email = uniqueEmail();
		String access = passwordUser(email);
		UUID userId = userIdOf(email);
		GitHub github = gitHub("grace");

		HttpResult connected = connect("github", access, body("access_token", github.token()));

		assertThat(connected.status()).as(connected.body()).isEqualTo(200);
		assertThat(connected.json().get("detail").asString()).isEqualTo("GitHub account connected.");
		assertThat(count("select count(*) from myuser_social_account where provider = 'github' and uid = ? "
				+ "and user_id = ?", github.uid(), userId)).isOne();
		assertThat(audits(userId, "SOCIAL_ACCOUNT_CONNECTED", "github")).isOne();
		MimeMessage mail = this.mailbox.awaitMail(email, 1).get(0);
		assertThat(subject(mail)).isEqualTo("A GitHub account was connected to your myuser-sample account");
		assertThat(Mailbox.text(mail)).contains("A GitHub account can now be used to sign in")
			.contains("Connected at");
		HttpResult login = socialLogin("github", body("access_token", github.token()));
		assertThat(login.status()).as("the identity now logs in to the caller's account").isEqualTo(200);
		assertThat(login.json().get("user").get("id").asString()).isEqualTo(userId.toString());
	}

	@Test
	void connecting_again_an_identity_already_the_callers_answers_200_and_stores_mails_and_audits_nothing_more() {
		String email = uniqueEmail();
		String access = passwordUser(email);
		UUID userId = userIdOf(email);
		GitHub github = gitHub("again");
		assertThat(connect("github", access, body("access_token", github.token())).status()).isEqualTo(200);
		UUID rowId = socialAccountId(userId, "github");
		this.mailbox.awaitMail(email, 1);
		awaitNoPendingMail(userId);

		HttpResult again = connect("github", access, body("access_token", github.token()));

		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(again.json().get("detail").asString()).isEqualTo("GitHub account already connected.");
		assertThat(count("select count(*) from myuser_social_account where provider = 'github' and uid = ?",
				github.uid())).isOne();
		assertThat(socialAccountId(userId, "github")).as("the same row").isEqualTo(rowId);
		assertThat(audits(userId, "SOCIAL_ACCOUNT_CONNECTED", "github")).as("no second audit row").isOne();
		awaitNoPendingMail(userId);
		assertThat(this.mailbox.mailTo(email)).as("no second mail").hasSize(1);
	}

	@Test
	void an_identity_connected_to_another_user_is_refused_with_400_and_stays_theirs() {
		String ownerEmail = uniqueEmail();
		String owner = passwordUser(ownerEmail);
		UUID ownerId = userIdOf(ownerEmail);
		String otherEmail = uniqueEmail();
		String other = passwordUser(otherEmail);
		UUID otherId = userIdOf(otherEmail);
		GitHub github = gitHub("shared");
		String othersToken = "gh-token-" + uid();
		gitHubUser(othersToken, github.id(), github.login(), github.email(), true);
		assertThat(connect("github", owner, body("access_token", github.token())).status()).isEqualTo(200);

		HttpResult taken = connect("github", other, body("access_token", othersToken));

		assertProblem(taken, 400, "social-account-taken");
		assertThat(count("select count(*) from myuser_social_account where provider = 'github' and uid = ?",
				github.uid())).isOne();
		assertThat(socialAccountUser("github", github.uid())).isEqualTo(ownerId);
		assertThat(count("select count(*) from myuser_social_account where user_id = ?", otherId)).isZero();
		assertThat(audits(otherId, "SOCIAL_ACCOUNT_CONNECTED", "github")).isZero();
		this.mailbox.awaitMail(ownerEmail, 1);
		awaitNoPendingMail(ownerId);
		awaitNoPendingMail(otherId);
		assertThat(this.mailbox.mailTo(otherEmail)).isEmpty();
		assertThat(this.mailbox.mailTo(ownerEmail)).as("the owner is told once, of their own connect").hasSize(1);
	}

	@Test
	void a_facebook_identity_connected_to_another_user_is_refused_with_400() {
		String ownerEmail = uniqueEmail();
		String owner = passwordUser(ownerEmail);
		String other = passwordUser(uniqueEmail());
		String facebookId = uid();
		String token = "fb-token-" + uid();
		facebookUser(token, facebookId, uniqueEmail());
		assertThat(connect("facebook", owner, body("access_token", token)).status()).isEqualTo(200);

		HttpResult taken = connect("facebook", other, body("access_token", token));

		assertProblem(taken, 400, "social-account-taken");
		assertThat(socialAccountUser("facebook", facebookId)).isEqualTo(userIdOf(ownerEmail));
	}

	@Test
	void a_second_identity_at_a_provider_the_caller_has_one_at_is_refused_with_400_until_the_first_is_disconnected() {
		String email = uniqueEmail();
		String access = passwordUser(email);
		UUID userId = userIdOf(email);
		String firstId = uid();
		String firstToken = "fb-token-" + uid();
		facebookUser(firstToken, firstId, uniqueEmail());
		String secondId = uid();
		String secondToken = "fb-token-" + uid();
		facebookUser(secondToken, secondId, uniqueEmail());
		assertThat(connect("facebook", access, body("access_token", firstToken)).status()).isEqualTo(200);

		HttpResult second = connect("facebook", access, body("access_token", secondToken));

		assertProblem(second, 400, "social-provider-already-connected");
		assertThat(uids(userId, "facebook")).containsExactly(firstId);
		assertThat(count("select count(*) from myuser_social_account where provider = 'facebook' and uid = ?",
				secondId)).isZero();
		assertThat(audits(userId, "SOCIAL_ACCOUNT_CONNECTED", "facebook")).isOne();

		assertThat(disconnect("POST", "facebook", access).status()).isEqualTo(200);
		HttpResult afterDisconnect = connect("facebook", access, body("access_token", secondToken));
		assertThat(afterDisconnect.status()).as(afterDisconnect.body()).isEqualTo(200);
		assertThat(uids(userId, "facebook")).containsExactly(secondId);
	}

	@Test
	void accounts_lists_the_callers_identities_newest_first_with_the_contract_fields() {
		String email = uniqueEmail();
		String access = passwordUser(email);
		UUID userId = userIdOf(email);
		GitHub gitHub = gitHub("lister");
		assertThat(connect("github", access, body("access_token", gitHub.token())).status()).isEqualTo(200);
		this.clock.advance(Duration.ofSeconds(1));
		String facebookId = uid();
		String facebookToken = "fb-token-" + uid();
		facebookUser(facebookToken, facebookId, uniqueEmail());
		assertThat(connect("facebook", access, body("access_token", facebookToken)).status()).isEqualTo(200);
		String stranger = passwordUser(uniqueEmail());

		HttpResult listed = getWithToken(BASE + "/social/accounts/", access);
		HttpResult withoutSlash = getWithToken(BASE + "/social/accounts", access);

		assertThat(listed.status()).as(listed.body()).isEqualTo(200);
		JsonNode items = listed.json();
		assertThat(items.isArray()).isTrue();
		assertThat(items).hasSize(2);
		JsonNode facebook = items.get(0);
		JsonNode github = items.get(1);
		assertThat(fieldNames(github)).containsExactlyInAnyOrder("id", "provider", "provider_display", "uid",
				"avatar_url", "profile_url", "date_joined", "last_login");
		assertThat(github.get("id").asString()).isEqualTo(socialAccountId(userId, "github").toString());
		assertThat(github.get("provider").asString()).isEqualTo("github");
		assertThat(github.get("provider_display").asString()).isEqualTo("GitHub");
		assertThat(github.get("uid").asString()).isEqualTo(gitHub.uid());
		assertThat(github.get("avatar_url").asString())
			.isEqualTo("https://avatars.githubusercontent.com/u/" + gitHub.id() + "?v=4");
		assertThat(github.get("profile_url").asString()).isEqualTo("https://github.com/" + gitHub.login());
		assertThat(github.get("date_joined").asString()).endsWith("Z");
		assertThat(github.get("last_login").isNull()).as("connected, never used to log in").isTrue();
		assertThat(facebook.get("provider").asString()).isEqualTo("facebook");
		assertThat(facebook.get("provider_display").asString()).isEqualTo("Facebook");
		assertThat(facebook.get("uid").asString()).isEqualTo(facebookId);
		assertThat(facebook.get("avatar_url").asString()).startsWith("https://platform-lookaside.fbsbx.com/");
		assertThat(withoutSlash.status()).isEqualTo(200);
		assertThat(withoutSlash.json()).isEqualTo(items);
		HttpResult strangers = getWithToken(BASE + "/social/accounts/", stranger);
		assertThat(strangers.status()).isEqualTo(200);
		assertThat(strangers.json()).as("another user sees none of them").isEmpty();
	}

	@Test
	void status_names_every_configured_provider_and_never_the_provider_payload() {
		String email = uniqueEmail();
		String access = passwordUser(email);
		UUID userId = userIdOf(email);
		GitHub gitHub = gitHub("status");
		assertThat(connect("github", access, body("access_token", gitHub.token())).status()).isEqualTo(200);

		HttpResult status = getWithToken(BASE + "/social/accounts/status/", access);

		assertThat(status.status()).as(status.body()).isEqualTo(200);
		JsonNode answer = status.json();
		assertThat(fieldNames(answer)).containsExactlyInAnyOrder("user_id", "has_password", "social_accounts");
		assertThat(answer.get("user_id").asString()).isEqualTo(userId.toString());
		assertThat(answer.get("has_password").asBoolean()).isTrue();
		JsonNode providers = answer.get("social_accounts");
		assertThat(fieldNames(providers)).as("every configured provider")
			.containsExactlyInAnyOrder("google", "github", "facebook", "acme");
		assertThat(fieldNames(providers.get("github"))).containsExactlyInAnyOrder("connected", "uid");
		assertThat(providers.get("github").get("connected").asBoolean()).isTrue();
		assertThat(providers.get("github").get("uid").asString()).isEqualTo(gitHub.uid());
		for (String other : List.of("google", "facebook", "acme")) {
			assertThat(fieldNames(providers.get(other))).as(other).containsExactly("connected");
			assertThat(providers.get(other).get("connected").asBoolean()).as(other).isFalse();
		}
		assertThat(status.body()).as("no provider payload")
			.doesNotContain(gitHub.login(), gitHub.email(), "Grace Hopper", "avatars.githubusercontent.com");
		assertThat(getWithToken(BASE + "/social/accounts/status", access).json()).isEqualTo(answer);
	}

	@Test
	void status_of_an_account_made_by_a_google_login_has_no_password_and_google_connected() {
		String email = uniqueEmail();
		String subject = uid();
		String access = googleLogin(subject, email);

		HttpResult status = getWithToken(BASE + "/social/accounts/status/", access);

		assertThat(status.status()).isEqualTo(200);
		assertThat(status.json().get("has_password").asBoolean()).isFalse();
		JsonNode google = status.json().get("social_accounts").get("google");
		assertThat(google.get("connected").asBoolean()).isTrue();
		assertThat(google.get("uid").asString()).isEqualTo(subject);
		assertThat(status.json().get("social_accounts").get("github").get("connected").asBoolean()).isFalse();
	}

	@Test
	void disconnect_by_post_or_delete_removes_the_identity_audits_it_and_frees_it() {
		String email = uniqueEmail();
		String access = passwordUser(email);
		UUID userId = userIdOf(email);
		GitHub github = gitHub("leaver");
		String facebookId = uid();
		String facebookToken = "fb-token-" + uid();
		facebookUser(facebookToken, facebookId, uniqueEmail());
		assertThat(connect("github", access, body("access_token", github.token())).status()).isEqualTo(200);
		assertThat(connect("facebook", access, body("access_token", facebookToken)).status()).isEqualTo(200);

		HttpResult byPost = disconnect("POST", "github", access);
		HttpResult byDelete = disconnect("DELETE", "facebook", access);

		assertThat(byPost.status()).as(byPost.body()).isEqualTo(200);
		assertThat(byPost.json().get("detail").asString()).isNotBlank();
		assertThat(byDelete.status()).as(byDelete.body()).isEqualTo(200);
		assertThat(byDelete.json().get("detail").asString()).isNotBlank();
		assertThat(count("select count(*) from myuser_social_account where user_id = ?", userId)).isZero();
		assertThat(audits(userId, "SOCIAL_ACCOUNT_DISCONNECTED", "github")).isOne();
		assertThat(audits(userId, "SOCIAL_ACCOUNT_DISCONNECTED", "facebook")).isOne();
		JsonNode providers = getWithToken(BASE + "/social/accounts/status/", access).json().get("social_accounts");
		assertThat(providers.get("github").get("connected").asBoolean()).isFalse();
		assertThat(providers.get("facebook").get("connected").asBoolean()).isFalse();
		assertThat(getWithToken(BASE + "/social/accounts/", access).json()).isEmpty();
		assertProblem(disconnect("POST", "github", access), 404, "social-account-not-connected");
		assertProblem(disconnect("DELETE", "github", access), 404, "social-account-not-connected");
		assertThat(audits(userId, "SOCIAL_ACCOUNT_DISCONNECTED", "github")).as("nothing more audited").isOne();

		String next = passwordUser(uniqueEmail());
		HttpResult reconnected = connect("github", next, body("access_token", github.token()));
		assertThat(reconnected.status()).as("a disconnected identity is free: " + reconnected.body()).isEqualTo(200);
		assertThat(count("select count(*) from myuser_social_account where provider = 'github' and uid = ?",
				github.uid())).isOne();
	}

	@Test
	void disconnecting_the_last_way_to_log_in_is_400_and_keeps_the_identity() {
		String email = uniqueEmail();
		String subject = uid();
		String access = googleLogin(subject, email);
		UUID userId = userIdOf(email);

		HttpResult onlyGoogle = disconnect("POST", "google", access);

		assertProblem(onlyGoogle, 400, "last-login-method");
		assertProblem(disconnect("DELETE", "google", access), 400, "last-login-method");
		assertThat(uids(userId, "google")).containsExactly(subject);
		assertThat(audits(userId, "SOCIAL_ACCOUNT_DISCONNECTED", "google")).isZero();

		GitHub github = gitHub("second-way");
		assertThat(connect("github", access, body("access_token", github.token())).status()).isEqualTo(200);
		HttpResult googleNowOptional = disconnect("DELETE", "google", access);
		assertThat(googleNowOptional.status()).as(googleNowOptional.body()).isEqualTo(200);
		assertThat(uids(userId, "google")).isEmpty();

		assertProblem(disconnect("POST", "github", access), 400, "last-login-method");
		assertThat(uids(userId, "github")).containsExactly(github.uid());
		HttpResult login = socialLogin("github", body("access_token", github.token()));
		assertThat(login.status()).as("the account can still log in").isEqualTo(200);
		assertThat(login.json().get("user").get("id").asString()).isEqualTo(userId.toString());
	}

	@Test
	void a_password_user_may_disconnect_their_only_identity() {
		String email = uniqueEmail();
		String access = passwordUser(email);
		GitHub github = gitHub("pw");
		assertThat(connect("github", access, body("access_token", github.token())).status()).isEqualTo(200);

		HttpResult disconnected = disconnect("DELETE", "github", access);

		assertThat(disconnected.status()).as(disconnected.body()).isEqualTo(200);
		assertThat(count("select count(*) from myuser_social_account where user_id = ?", userIdOf(email))).isZero();
	}

	@Test
	void every_route_is_401_without_a_valid_access_token_and_asks_no_provider() {
		GitHub github = gitHub("nobody");
		String json = json(body("access_token", github.token()));
		List<HttpResult> anonymous = new ArrayList<>();
		for (String[] auth : List.of(new String[0], new String[] { "Authorization", "Bearer not-a-jwt" })) {
			anonymous.add(postJson(BASE + "/social/github/connect/", json, auth));
			anonymous.add(get(BASE + "/social/accounts/", auth));
			anonymous.add(get(BASE + "/social/accounts/status/", auth));
			anonymous.add(send(HttpRequest.newBuilder(uri(BASE + "/social/accounts/github/disconnect/"))
				.POST(HttpRequest.BodyPublishers.noBody()), auth));
			anonymous.add(send(HttpRequest.newBuilder(uri(BASE + "/social/accounts/github/disconnect/")).DELETE(),
					auth));
		}

		for (HttpResult result : anonymous) {
			assertThat(result.status()).as(result.body()).isEqualTo(401);
			assertThat(result.header("WWW-Authenticate")).startsWith("Bearer");
		}
		assertThat(FAKES.requestsTo("/github-api")).as("no provider was asked").isEmpty();
		assertThat(count("select count(*) from myuser_social_account where provider = 'github' and uid = ?",
				github.uid())).isZero();
	}

	@Test
	void an_unknown_provider_is_404_on_connect_and_disconnect() {
		String access = passwordUser(uniqueEmail());

		HttpResult connect = connect("myspace", access, body("access_token", "anything"));
		HttpResult disconnect = disconnect("POST", "myspace", access);

		assertProblem(connect, 404, "social-provider-not-found");
		assertThat(disconnect.status()).as(disconnect.body()).isEqualTo(404);
		assertThat(disconnect.isProblem()).isTrue();
	}

	@Test
	void disconnecting_a_provider_not_connected_is_404() {
		String email = uniqueEmail();
		String access = passwordUser(email);
		GitHub github = gitHub("only-github");
		assertThat(connect("github", access, body("access_token", github.token())).status()).isEqualTo(200);

		assertProblem(disconnect("POST", "facebook", access), 404, "social-account-not-connected");
		assertProblem(disconnect("DELETE", "google", access), 404, "social-account-not-connected");
		assertThat(uids(userIdOf(email), "github")).containsExactly(github.uid());
	}

	@Test
	void a_provider_refusing_the_token_on_connect_is_400_and_stores_nothing() {
		String email = uniqueEmail();
		String access = passwordUser(email);

		HttpResult refused = connect("github", access, body("access_token", "gh-token-nobody-knows"));

		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.isProblem()).isTrue();
		assertThat(count("select count(*) from myuser_social_account where user_id = ?", userIdOf(email))).isZero();
		assertThat(audits(userIdOf(email), "SOCIAL_ACCOUNT_CONNECTED", "github")).isZero();
	}

	@Test
	void connected_identities_are_listed_in_the_export_as_social_accounts_json() {
		String email = uniqueEmail();
		String access = passwordUser(email);
		GitHub gitHub = gitHub("exported");
		assertThat(connect("github", access, body("access_token", gitHub.token())).status()).isEqualTo(200);
		this.mailbox.awaitMail(email, 1);

		HttpResult requested = postJson(BASE + "/data-requests/", json(Map.of("request_type", "EXPORT")),
				"Authorization", "Bearer " + access);
		assertThat(requested.status()).as(requested.body()).isEqualTo(201);
		UUID requestId = UUID.fromString(requested.json().get("id").asString());
		awaitRequestStatus(requestId, "COMPLETED");
		MimeMessage ready = this.mailbox.awaitMail(email, 2)
			.stream()
			.filter((mail) -> subject(mail).contains("data export is ready"))
			.findFirst()
			.orElseThrow();

		Map<String, byte[]> archive = unzip(download(downloadPath(ready)));

		assertThat(archive).containsKey("social_accounts.json");
		JsonNode accounts = JsonMapper.builder()
			.build()
			.readTree(new String(archive.get("social_accounts.json"), StandardCharsets.UTF_8));
		assertThat(accounts.isArray()).isTrue();
		assertThat(accounts).hasSize(1);
		JsonNode github = accounts.get(0);
		assertThat(github.get("id").asString()).isEqualTo(socialAccountId(userIdOf(email), "github").toString());
		assertThat(github.get("provider").asString()).isEqualTo("github");
		assertThat(github.get("uid").asString()).isEqualTo(gitHub.uid());
		assertThat(github.get("email").asString()).isEqualTo(gitHub.email());
		assertThat(github.get("profile_url").asString()).isEqualTo("https://github.com/" + gitHub.login());
		assertThat(github.has("date_joined")).isTrue();
		assertThat(new String(archive.get("audit_logs.jsonl"), StandardCharsets.UTF_8))
			.contains("SOCIAL_ACCOUNT_CONNECTED");
	}

	@Test
	void an_account_erased_after_its_deletion_request_keeps_no_identity_and_they_become_free() {
		String email = uniqueEmail();
		String access = passwordUser(email);
		UUID userId = userIdOf(email);
		GitHub github = gitHub("erased");
		String facebookId = uid();
		String facebookToken = "fb-token-" + uid();
		facebookUser(facebookToken, facebookId, uniqueEmail());
		assertThat(connect("github", access, body("access_token", github.token())).status()).isEqualTo(200);
		assertThat(connect("facebook", access, body("access_token", facebookToken)).status()).isEqualTo(200);
		assertThat(count("select count(*) from myuser_social_account where user_id = ?", userId)).isEqualTo(2);

		HttpResult requested = postJson(BASE + "/data-requests/",
				json(Map.of("request_type", "DELETE", "password", PASSWORD)), "Authorization", "Bearer " + access);
		assertThat(requested.status()).as(requested.body()).isEqualTo(201);
		UUID requestId = UUID.fromString(requested.json().get("id").asString());
		this.clock.advance(Duration.ofDays(7).plusMinutes(1));
		awaitRequestStatus(requestId, "COMPLETED");

		assertThat(count("select count(*) from myuser_social_account where user_id = ?", userId)).isZero();
		assertThat(count("select count(*) from myuser_social_account where provider = 'github' and uid = ?",
				github.uid())).isZero();
		assertThat(count("select count(*) from myuser_social_account where provider = 'facebook' and uid = ?",
				facebookId)).isZero();
		String next = passwordUser(uniqueEmail());
		HttpResult reconnected = connect("github", next, body("access_token", github.token()));
		assertThat(reconnected.status()).as("the erased account's identity is free: " + reconnected.body())
			.isEqualTo(200);
	}

	/** Make GitHub know a fresh access token of a new user (login {@code prefix-…}, its own address). */
	private GitHub gitHub(String prefix) {
		GitHub identity = new GitHub("gh-token-" + uid(), Long.parseLong(uid()), prefix + "-" + uid(), uniqueEmail());
		gitHubUser(identity.token(), identity.id(), identity.login(), identity.email(), true);
		return identity;
	}

	private String passwordUser(String email) {
		createUser(email, PASSWORD);
		return accessToken(email, PASSWORD);
	}

	/** Log in with a fresh Google id_token (creating the account at the first time); returns the access token. */
	private String googleLogin(String subject, String email) {
		HttpResult login = socialLogin("google", body("id_token", googleIdToken(subject, email, true)));
		assertThat(login.status()).as(login.body()).isEqualTo(200);
		return login.json().get("access").asString();
	}

	private HttpResult disconnect(String method, String provider, String access) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(BASE + "/social/accounts/" + provider + "/disconnect/"))
			.timeout(Duration.ofSeconds(30))
			.method(method, HttpRequest.BodyPublishers.noBody());
		return send(request, "Authorization", "Bearer " + access);
	}

	private long audits(UUID userId, String eventType, String provider) {
		return count("select count(*) from myuser_audit_log where user_id = ? and event_type = ? and details like ?",
				userId, eventType, "%\"" + provider + "\"%");
	}

	private List<String> uids(UUID userId, String provider) {
		return this.jdbc.queryForList("select uid from myuser_social_account where user_id = ? and provider = ?",
				String.class, userId, provider);
	}

	private UUID socialAccountId(UUID userId, String provider) {
		return this.jdbc.queryForObject("select id from myuser_social_account where user_id = ? and provider = ?",
				UUID.class, userId, provider);
	}

	private UUID socialAccountUser(String provider, String uid) {
		return this.jdbc.queryForObject("select user_id from myuser_social_account where provider = ? and uid = ?",
				UUID.class, provider, uid);
	}

	/** Wait until no mail job for this account is pending: every mail it caused so far was delivered. */
	private void awaitNoPendingMail(UUID userId) {
		await().atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> count("select count(*) from myuser_scheduled_tasks where task_instance like ?",
					"%" + userId + "%") == 0);
	}

	private void awaitRequestStatus(UUID requestId, String status) {
		await().atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> status.equals(this.jdbc.queryForObject("select status from myuser_data_request where id = ?",
					String.class, requestId)));
	}

	private static void assertProblem(HttpResult result, int status, String code) {
		assertThat(result.status()).as(result.body()).isEqualTo(status);
		assertThat(result.isProblem()).as(result.contentType()).isTrue();
		assertThat(result.json().get("type").asString()).isEqualTo(PROBLEM + code);
		assertThat(result.json().get("detail").asString()).isNotBlank();
	}

	private static List<String> fieldNames(JsonNode node) {
		assertThat(node).isNotNull();
		assertThat(node.isObject()).as(node.toString()).isTrue();
		return new ArrayList<>(node.propertyNames());
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The download path in an "export ready" email, on this server. */
	private static String downloadPath(MimeMessage message) {
		Matcher matcher = DOWNLOAD.matcher(Mailbox.text(message));
		assertThat(matcher.find()).as(Mailbox.text(message)).isTrue();
		return matcher.group();
	}

	private byte[] download(String path) {
		try {
			HttpResponse<byte[]> response = BYTES.send(HttpRequest.newBuilder(uri(path))
				.timeout(Duration.ofSeconds(30))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofByteArray());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, byte[]> unzip(byte[] zip) {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		assertThat(entries).as("a ZIP with entries").isNotEmpty();
		return entries;
	}

	/**
	 * A GitHub user the fake GitHub knows, with one access token of this app.
	 *
	 * @param token the access token
	 * @param id the numeric user id, MyUser's uid
	 * @param login the login
	 * @param email the primary address, verified
	 */
	record GitHub(String token, long id, String login, String email) {

		String uid() {
			return Long.toString(this.id);
		}

	}

}
