package io.myuser.sample.tokens;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.myuser.account.EmailLinkTokenPurpose;
import io.myuser.account.EmailLinkTokenService;
import io.myuser.account.NewUser;
import io.myuser.account.User;
import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import io.myuser.support.ClientInfo;
import io.myuser.token.PasswordLoginService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static io.myuser.sample.tokens.StaffTestConfiguration.LISTED_AT_START;
import static io.myuser.sample.tokens.StaffTestConfiguration.LISTED_LATER;
import static io.myuser.sample.tokens.StaffTestConfiguration.PASSWORD;
import static io.myuser.sample.tokens.StaffTestConfiguration.STAFF_PATH;
import static io.myuser.sample.tokens.StaffTestConfiguration.WHOAMI_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The staff flag as an authority on access tokens, the host's customizers, and the staff addresses, over HTTP: a
 * staff account's requests have {@code ROLE_MYUSER_ADMIN} and a host route needing it answers them, others get
 * 403; a customizer's authority and claims are in every token; a demotion shows at the next refresh; a token
 * without the claim (issued before MyUser wrote it) still authenticates; a customizer cannot overwrite MyUser's
 * claims; and listed addresses become staff at startup and when verified.
 */
@TestPropertySource(properties = "myuser.admin.staff-emails=First.Admin@staff.example, " + LISTED_LATER)
@Import(StaffTestConfiguration.class)
abstract class StaffAuthorityTests extends IntegrationTestSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	private StaffTestConfiguration.ForbiddenClaim forbiddenClaim;

	@Autowired
	private PasswordLoginService passwordLogin;

	@Autowired
	private EmailLinkTokenService emailLinkTokens;

	@AfterEach
	void allowEveryClaimAgain() {
		this.forbiddenClaim.name.set(null);
	}

	@Test
	void a_staff_accounts_requests_have_the_admin_authority_and_a_non_staff_accounts_do_not() {
		String staffEmail = uniqueEmail();
		createStaff(staffEmail);
		String userEmail = uniqueEmail();
		createUser(userEmail, PASSWORD);

		String staffToken = accessToken(staffEmail, PASSWORD);
		String userToken = accessToken(userEmail, PASSWORD);

		assertThat(authorities(staffToken)).containsExactly("ROLE_USER", "ROLE_MYUSER_ADMIN", "reports:read");
		assertThat(authorities(userToken)).containsExactly("ROLE_USER", "reports:read");
		assertThat(getWithToken(STAFF_PATH, staffToken).status()).isEqualTo(200);
		HttpResult refused = getWithToken(STAFF_PATH, userToken);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.isProblem()).isTrue();
		// The claim another service reads, beside MyUser's own.
		assertThat(payload(staffToken).get("authorities").toString())
			.isEqualTo("[\"ROLE_MYUSER_ADMIN\",\"reports:read\"]");
		assertThat(payload(userToken).get("authorities").toString()).isEqualTo("[\"reports:read\"]");
	}

	@Test
	void the_customizers_claims_are_in_the_token_beside_myusers_own() {
		String email = uniqueEmail();
		User user = createStaff(email);
		JsonNode claims = payload(accessToken(email, PASSWORD));
		assertThat(claims.get("tenant").asString()).isEqualTo("acme");
		assertThat(claims.get("login_method").asString()).isEqualTo("password");
		assertThat(claims.get("account_staff").asBoolean()).isTrue();
		assertThat(claims.get("sub").asString()).isEqualTo(user.getId().toString());
		assertThat(claims.get("token_type").asString()).isEqualTo("access");
	}

	@Test
	void a_demotion_shows_at_the_next_refresh_and_a_promotion_too() {
		String email = uniqueEmail();
		User user = createStaff(email);
		HttpResult login = login(email, PASSWORD);
		String access = login.json().get("access").asString();
		String refresh = login.json().get("refresh").asString();
		assertThat(getWithToken(STAFF_PATH, access).status()).isEqualTo(200);

		assertThat(this.accounts.setStaff(user.getId(), false)).isTrue();
		// The access token keeps what it was issued with until it expires...
		assertThat(getWithToken(STAFF_PATH, access).status()).isEqualTo(200);
		// ...the refresh re-reads the flag.
		HttpResult refreshed = refresh(refresh);
		assertThat(refreshed.status()).isEqualTo(200);
		String demoted = refreshed.json().get("access").asString();
		assertThat(authorities(demoted)).containsExactly("ROLE_USER", "reports:read");
		assertThat(getWithToken(STAFF_PATH, demoted).status()).isEqualTo(403);
		assertThat(payload(demoted).get("account_staff").asBoolean()).isFalse();

		assertThat(this.accounts.setStaff(user.getId(), true)).isTrue();
		HttpResult promoted = refresh(refreshed.json().get("refresh").asString());
		assertThat(promoted.status()).isEqualTo(200);
		assertThat(getWithToken(STAFF_PATH, promoted.json().get("access").asString()).status()).isEqualTo(200);
	}

	@Test
	void a_token_from_before_the_authorities_claim_still_authenticates_with_role_user_only() {
		String email = uniqueEmail();
		createStaff(email);
		String issued = accessToken(email, PASSWORD);
		String old = withoutClaims(issued, "authorities", "tenant", "login_method", "account_staff");
		assertThat(payload(old).has("authorities")).isFalse();

		HttpResult whoami = getWithToken(WHOAMI_PATH, old);
		assertThat(whoami.status()).as(whoami.body()).isEqualTo(200);
		assertThat(list(whoami.json().get("authorities"))).containsExactly("ROLE_USER");
		assertThat(getWithToken(STAFF_PATH, old).status()).isEqualTo(403);
	}

	@Test
	void a_token_whose_authorities_were_changed_is_refused() {
		String email = uniqueEmail();
		createUser(email, PASSWORD);
		String issued = accessToken(email, PASSWORD);
		String[] parts = issued.split("\\.");
		Map<String, Object> claims = JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), Map.class);
		claims.put("authorities", List.of("ROLE_MYUSER_ADMIN"));
		String tampered = parts[0] + "." + b64(JSON.writeValueAsBytes(claims)) + "." + parts[2];
		assertThat(getWithToken(STAFF_PATH, tampered).status()).isEqualTo(401);
	}

	@Test
	void a_customizer_setting_one_of_myusers_claims_is_refused_and_the_login_leaves_no_session() {
		String email = uniqueEmail();
		User user = createUser(email, PASSWORD);
		for (String name : List.of("sub", "user_id", "sid", "jti", "iat", "exp", "iss", "aud", "token_type",
				"authorities")) {
			this.forbiddenClaim.name.set(name);
			assertThatIllegalArgumentException()
				.isThrownBy(() -> this.passwordLogin.login(email, PASSWORD, Locale.ENGLISH, ClientInfo.NONE))
				.withMessageStartingWith("Claim '" + name + "' is MyUser's own");
		}
		// Over HTTP, the host's bug is a 500 problem that does not echo the message.
		HttpResult refused = login(email, PASSWORD);
		assertThat(refused.status()).isEqualTo(500);
		assertThat(refused.isProblem()).isTrue();
		assertThat(refused.body()).doesNotContain("MyUser's own");
		assertThat(count("select count(*) from myuser_user_session where user_id = ?", user.getId())).isZero();
		this.forbiddenClaim.name.set(null);
		assertThat(login(email, PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void a_listed_account_verified_before_startup_is_staff_once_the_application_has_started() {
		User user = this.accounts.findByEmail(LISTED_AT_START).orElseThrow();
		assertThat(user.isStaff()).isTrue();
		assertThat(authorities(accessToken(LISTED_AT_START, PASSWORD))).contains("ROLE_MYUSER_ADMIN");
	}

	@Test
	void a_listed_account_becomes_staff_when_its_address_is_verified() {
		User user = this.accounts.findByEmail(LISTED_LATER)
			.orElseGet(() -> this.accounts.createUser(
					new NewUser(LISTED_LATER.toUpperCase(Locale.ROOT), PASSWORD, "Later", "Admin", false, false),
					ClientInfo.NONE));
		if (!user.isEmailVerified()) {
			assertThat(user.isStaff()).as("not staff while unverified").isFalse();
			String key = this.emailLinkTokens
				.issue(user.getId(), user.getEmail(), EmailLinkTokenPurpose.EMAIL_VERIFICATION,
						java.time.Duration.ofDays(1))
				.orElseThrow()
				.token();
			assertThat(postJson(BASE + "/registration/verify-email/", json(Map.of("key", key))).status())
				.isEqualTo(200);
		}
		assertThat(this.accounts.findById(user.getId()).orElseThrow().isStaff()).isTrue();
		assertThat(getWithToken(STAFF_PATH, accessToken(LISTED_LATER, PASSWORD)).status()).isEqualTo(200);
	}

	@Test
	void an_unlisted_account_does_not_become_staff_when_verified() {
		User user = this.accounts.createUser(new NewUser(uniqueEmail(), PASSWORD, "", "", false, false),
				ClientInfo.NONE);
		String key = this.emailLinkTokens
			.issue(user.getId(), user.getEmail(), EmailLinkTokenPurpose.EMAIL_VERIFICATION,
					java.time.Duration.ofDays(1))
			.orElseThrow()
			.token();
		assertThat(postJson(BASE + "/registration/verify-email/", json(Map.of("key", key))).status())
			.isEqualTo(200);
		assertThat(this.accounts.findById(user.getId()).orElseThrow().isStaff()).isFalse();
	}

	private User createStaff(String email) {
		return this.accounts.createUser(new NewUser(email, PASSWORD, "Grace", "Hopper", true, true),
				ClientInfo.NONE);
	}

	private List<String> authorities(String accessToken) {
		HttpResult whoami = getWithToken(WHOAMI_PATH, accessToken);
		assertThat(whoami.status()).as(whoami.body()).isEqualTo(200);
		return list(whoami.json().get("authorities"));
	}

	private static List<String> list(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((value) -> values.add(value.asString()));
		return values;
	}

	private static JsonNode payload(String token) {
		return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
	}

	/** The same token without some claims, signed again with the real key, as MyUser signed it before. */
	@SuppressWarnings("unchecked")
	private static String withoutClaims(String token, String... names) {
		String[] parts = token.split("\\.");
		Map<String, Object> claims = JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), Map.class);
		for (String name : names) {
			claims.remove(name);
		}
		String input = parts[0] + "." + b64(JSON.writeValueAsBytes(claims));
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(signingKey(), "HmacSHA256"));
			return input + "." + b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String b64(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
