package io.myuser.sample.errors;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import io.myuser.account.User;
import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded corpus of malformed requests, sent over real HTTP to {@code token/}, {@code profile/}, the other token,
 * session, registration and password routes ({@code token/refresh/}, {@code token/verify/}, {@code logout/},
 * {@code sessions/}, {@code sessions/{id}/}, {@code registration/}, {@code registration/verify-email/},
 * {@code registration/resend-email/}, {@code password/reset/}, {@code password/reset/confirm/},
 * {@code password/change/}; see {@link AccountRoutes}), the GDPR routes ({@code data-requests/},
 * {@code data-requests/{id}/}, {@code data-requests/{id}/cancel/}, {@code data-export/download/{token}/}; see
 * {@link GdprRoutes}), the social routes ({@link SocialRoutes}), the admin routes ({@code admin/users/…}; see
 * {@link AdminRoutes}) and unknown routes under the base path: broken and
 * non-object JSON, wrong types, missing, blank and overlong fields, odd Unicode, bodies over the size limit (with a
 * length and chunked), wrong content types and methods, unknown and strange paths, garbage bearer tokens, other
 * users' and unknown session and data request ids, unknown download tokens, and well-formed bodies with wrong values
 * (unknown keys, tokens and request types, mismatched or refused passwords, another user's refresh token, notes
 * that are too long or hold control characters). Every answer must be a 4xx RFC 9457 problem (never 5xx, never
 * 2xx) with no internals in it, with the exact status where the contract names one and, where it names one, the
 * field in {@code errors}; and the corpus must leave no rows behind, change no data request and enqueue no GDPR
 * job.
 * <p>
 * The seed is {@code -Dmyuser.corpus.seed} if set, else {@link System#nanoTime()}; it is printed at the start and
 * is part of every failure message, together with the request's index, so
 * {@code mvn -pl sample-app test -Dtest='*Corpus*' -Dmyuser.corpus.seed=<seed>} replays the very same requests.
 * {@code -Dmyuser.corpus.size} changes the number of requests per run (default {@value #DEFAULT_SIZE}).
 * <p>
 * Tolerated although the contract's wording is stricter (the exact status is asked only where the contract names
 * one): a JSON number or boolean given as {@code email} or {@code password} is coerced to text and refused as a
 * wrong login (401) rather than as a wrong type (400); a password of only non-ASCII spaces, and an email of only
 * non-breaking spaces, are not blank for the server and are refused as wrong logins (401). Nothing else is
 * tolerated: a path Tomcat refuses before any filter runs ({@code %2F}, {@code %00}, invalid UTF-8) must also
 * answer problem JSON, and every garbage bearer token is tried on every route.
 */
abstract class MalformedRequestCorpusTests extends IntegrationTestSupport {

	static final int DEFAULT_SIZE = 200;

	private static final String OWNER_PASSWORD = "the corpus owner's real passphrase";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Text that gives away the implementation when it appears in an answer. */
	private static final List<String> INTERNALS = List.of("Exception", "exception:", "at io.", "at org.", "at java.",
			"\tat ", "Caused by", "tools.jackson", "com.fasterxml", "org.springframework", "org.hibernate", "org.apache",
			"jakarta.", "java.lang", "java.util", "io.myuser.", "io.jsonwebtoken", "org.h2", "org.postgresql", "SQL",
			"Hibernate", "Jackson", "Tomcat");

	/** Tables no malformed request may write to. */
	private static final List<String> TABLES = List.of("myuser_user", "myuser_profile", "myuser_user_session",
			"myuser_refresh_token", "myuser_consent_record", "myuser_data_request", "myuser_data_export_file",
			"myuser_social_account", "myuser_one_time_token", "myuser_token_revocation");

	private static final java.util.regex.Pattern TOKEN_ROUTE = java.util.regex.Pattern.compile("^/api/auth/token/?$");

	private static final long SEED = seed();

	private static final int SIZE = Integer.getInteger("myuser.corpus.size", DEFAULT_SIZE);

	@Value("${myuser.token.signing.secret}")
	private String signingSecret;

	private static long seed() {
		String configured = System.getProperty("myuser.corpus.seed");
		return (configured != null && !configured.isBlank()) ? Long.parseLong(configured.strip()) : System.nanoTime();
	}

	@Test
	void every_malformed_request_gets_a_4xx_problem_answer() {
		List<Outcome> outcomes = fireCorpus();

		List<String> failures = new ArrayList<>();
		for (Outcome outcome : outcomes) {
			String failure = check(outcome);
			if (failure != null) {
				failures.add(failure);
			}
		}
		failures.forEach(System.out::println);
		System.out.printf("[%s] seed=%d: %d failures%n", getClass().getSimpleName(), SEED, failures.size());
		assertThat(outcomes).as("seed=%d: corpus size", SEED).hasSizeGreaterThanOrEqualTo(150);
		assertThat(failures).as("seed=%d (replay: -Dmyuser.corpus.seed=%d): %d of %d malformed requests got an answer "
				+ "the contract does not allow", SEED, SEED, failures.size(), outcomes.size()).isEmpty();
	}

	@Test
	void malformed_requests_leave_no_rows_behind() {
		Corpus corpus = prepareCorpus();
		Map<String, Long> rowsBefore = rowCounts();
		Map<String, Long> auditBefore = auditCounts();
		Map<String, Object> ownerBefore = owner(corpus.context().userId());
		Map<String, Object> revocationsBefore = revocationState();
		Map<String, Object> dataRequestsBefore = dataRequestState();
		Set<String> gdprJobsBefore = gdprJobs();

		List<Outcome> outcomes = fire(corpus);

		Map<String, Long> rowsAfter = rowCounts();
		Map<String, Long> auditAfter = auditCounts();
		assertThat(rowsAfter).as("seed=%d: row counts after %d malformed requests (before: %s)", SEED, outcomes.size(),
				rowsBefore).isEqualTo(rowsBefore);
		assertThat(owner(corpus.context().userId())).as("seed=%d: the corpus owner's account row", SEED)
			.isEqualTo(ownerBefore);
		assertThat(revocationState()).as("seed=%d: revocation and rotation of every session and refresh token", SEED)
			.isEqualTo(revocationsBefore);
		assertThat(dataRequestState()).as("seed=%d: status and notes of every data request", SEED)
			.isEqualTo(dataRequestsBefore);
		Set<String> newGdprJobs = new TreeSet<>(gdprJobs());
		newGdprJobs.removeAll(gdprJobsBefore);
		assertThat(newGdprJobs).as("seed=%d: GDPR jobs enqueued by malformed requests", SEED).isEmpty();
		long refusedLogins = outcomes.stream().filter(Outcome::isRefusedLogin).count();
		Map<String, Long> newAudit = new TreeMap<>();
		auditAfter.forEach((type, count) -> {
			long added = count - auditBefore.getOrDefault(type, 0L);
			if (added != 0) {
				newAudit.put(type, added);
			}
		});
		Map<String, Long> expectedAudit = (refusedLogins > 0) ? Map.of("LOGIN_FAILED", refusedLogins) : Map.of();
		assertThat(newAudit).as("seed=%d: new audit rows by type; only LOGIN_FAILED, one per well-formed login with "
				+ "wrong credentials (%d were refused with 401 by POST token/)", SEED, refusedLogins)
			.isEqualTo(expectedAudit);
		List<String> malformedLogins = outcomes.stream()
			.filter((outcome) -> outcome.isRefusedLogin() && !outcome.request().loginAttempt())
			.map((outcome) -> "seed=" + SEED + " " + outcome.request().describe())
			.toList();
		assertThat(malformedLogins).as("seed=%d: malformed requests that reached the password check (and were audited)",
				SEED).isEmpty();
	}

	// ---------------------------------------------------------------- corpus

	private List<Outcome> fireCorpus() {
		return fire(prepareCorpus());
	}

	/** A user of its own and a real token pair, then the generated requests. */
	private Corpus prepareCorpus() {
		System.out.printf("[%s] malformed request corpus: seed=%d size=%d (replay with -Dmyuser.corpus.seed=%d)%n",
				getClass().getSimpleName(), SEED, SIZE, SEED);
		String email = uniqueEmail();
		User owner = createUser(email, OWNER_PASSWORD);
		HttpResult login = login(email, OWNER_PASSWORD);
		assertThat(login.status()).as("setup login: %s", login.body()).isEqualTo(200);
		String access = login.json().get("access").asString();
		String refresh = login.json().get("refresh").asString();
		JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(access.split("\\.")[1]));
		UUID sessionId = UUID.fromString(claims.get("sid").asString());
		// A second user with a live session: its id and refresh token must be refused to the owner (404, 400).
		String otherEmail = uniqueEmail();
		createUser(otherEmail, OWNER_PASSWORD);
		HttpResult otherLogin = login(otherEmail, OWNER_PASSWORD);
		assertThat(otherLogin.status()).as("setup login of the other user: %s", otherLogin.body()).isEqualTo(200);
		String otherAccess = otherLogin.json().get("access").asString();
		UUID otherSessionId = UUID.fromString(
				JSON.readTree(Base64.getUrlDecoder().decode(otherAccess.split("\\.")[1])).get("sid").asString());
		// The other user's pending deletion: the owner can neither see nor withdraw it (404).
		HttpResult otherRequest = postJson(BASE + "/data-requests/",
				json(Map.of("request_type", "DELETE", "password", OWNER_PASSWORD)), "Authorization", "Bearer " + otherAccess);
		assertThat(otherRequest.status()).as("setup data request of the other user: %s", otherRequest.body())
			.isEqualTo(201);
		// Its "deletion scheduled" email would issue a withdrawal token (a new row) while the corpus runs: take the
		// mail job away unless it was picked already, and then let it finish, so the row counts stay still.
		String notice = "account-deletion-scheduled:" + otherRequest.json().get("id").asString();
		if (this.jdbc.update("delete from myuser_scheduled_tasks where task_name = 'myuser-mail' and task_instance = ? "
				+ "and picked = false", notice) == 0) {
			org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count(
					"select count(*) from myuser_scheduled_tasks where task_name = 'myuser-mail' and task_instance = ?",
					notice) == 0);
		}
		UUID otherDataRequestId = UUID.fromString(otherRequest.json().get("id").asString());
		// A staff account, whose token reaches the admin routes: the corpus sends it only requests to refuse.
		String adminEmail = uniqueEmail();
		createStaff(adminEmail, OWNER_PASSWORD);
		String adminAccess = accessToken(adminEmail, OWNER_PASSWORD);
		MalformedRequestGenerator.Context context = new MalformedRequestGenerator.Context(email, owner.getId(), sessionId,
				access, refresh, java.util.Base64.getDecoder().decode(this.signingSecret.substring("base64:".length())), otherSessionId,
				otherLogin.json().get("refresh").asString(), otherDataRequestId, adminAccess);
		MalformedRequestGenerator generator = new MalformedRequestGenerator(new Random(SEED), context);
		List<GeneratedRequest> requests = generator.corpus(Math.max(SIZE, generator.variantCount()));
		return new Corpus(context, requests, generator.variantCount());
	}

	private List<Outcome> fire(Corpus corpus) {
		long started = System.nanoTime();
		List<Outcome> outcomes = new ArrayList<>(corpus.requests().size());
		for (GeneratedRequest request : corpus.requests()) {
			outcomes.add(exchange(request));
		}
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		Map<String, Map<Integer, Integer>> byFamily = new TreeMap<>();
		for (Outcome outcome : outcomes) {
			byFamily.computeIfAbsent(outcome.request().family(), (family) -> new TreeMap<>())
				.merge(outcome.status(), 1, Integer::sum);
		}
		System.out.printf("[%s] seed=%d: %d requests (%d distinct recipes) in %d ms; statuses by family %s%n",
				getClass().getSimpleName(), SEED, outcomes.size(), corpus.variantCount(), took.toMillis(), byFamily);
		return outcomes;
	}

	private Outcome exchange(GeneratedRequest request) {
		HttpRequest.BodyPublisher publisher;
		byte[] body = request.body();
		if (body == null) {
			publisher = HttpRequest.BodyPublishers.noBody();
		}
		else if (request.chunked()) {
			// No length: the JDK client sends Transfer-Encoding: chunked.
			publisher = HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(body));
		}
		else {
			publisher = HttpRequest.BodyPublishers.ofByteArray(body);
		}
		try {
			HttpRequest.Builder builder = HttpRequest.newBuilder(uri(request.path()))
				.timeout(Duration.ofSeconds(20))
				.method(request.method(), publisher);
			List<String> headers = new ArrayList<>();
			for (int i = 0; i + 1 < request.headers().size(); i += 2) {
				if (request.headers().get(i).equalsIgnoreCase("Expect")) {
					// A restricted header for the JDK client: it has its own switch.
					builder.expectContinue(true);
				}
				else {
					headers.add(request.headers().get(i));
					headers.add(request.headers().get(i + 1));
				}
			}
			HttpResult result;
			try {
				result = send(builder, headers.toArray(new String[0]));
			}
			catch (IllegalStateException ex) {
				// The JDK client may pick a pooled connection that the server closed a moment before (after a 413
				// it closes the connection) and, for a POST, does not retry by itself: it reports that no bytes
				// came back. Send once more, on a new connection; any other failure stands.
				if (!String.valueOf(ex.getMessage()).contains("received no bytes")) {
					throw ex;
				}
				result = send(builder, headers.toArray(new String[0]));
			}
			return new Outcome(request, result, null);
		}
		catch (RuntimeException ex) {
			return new Outcome(request, null, ex.toString());
		}
	}

	// ---------------------------------------------------------------- checks

	/** What is wrong with an answer, or {@code null} if the contract allows it. */
	private static @Nullable String check(Outcome outcome) {
		GeneratedRequest request = outcome.request();
		HttpResult result = outcome.result();
		List<String> problems = new ArrayList<>();
		if (result == null) {
			problems.add("no HTTP answer: " + outcome.error());
		}
		else {
			int status = result.status();
			if (status < 400 || status > 499) {
				problems.add("status " + status + " is not 4xx");
			}
			else if (!request.expected().allows(status)) {
				problems.add("status " + status + " where the contract says " + request.expected().describe());
			}
			if (!result.isProblem()) {
				problems.add("Content-Type is " + result.contentType() + ", not application/problem+json");
			}
			checkBody(result, problems);
			if (status == 400 && request.expected().fieldErrors() && !hasFieldErrors(result)) {
				problems.add("400 for a wrong type without \"errors\" naming the field");
			}
			if (status == 400) {
				Set<String> named = errorFields(result);
				for (String field : request.expected().errorFields()) {
					if (!named.contains(field)) {
						problems.add("400 whose \"errors\" do not name " + field + " (they name " + named + ")");
					}
				}
				for (String field : request.expected().validFields()) {
					if (named.contains(field)) {
						problems.add("400 whose \"errors\" name " + field + ", whose value is valid");
					}
				}
			}
			if (status == 401 && request.expected().bearerChallenge()) {
				String challenge = result.header("WWW-Authenticate");
				if (challenge == null || !challenge.startsWith("Bearer")) {
					problems.add("401 without WWW-Authenticate: Bearer (got " + challenge + ")");
				}
			}
			if (status == 405 && result.header("Allow") == null) {
				problems.add("405 without an Allow header");
			}
			if (outcome.isRefusedLogin() && !request.loginAttempt()) {
				problems.add("a malformed request reached the password check (401 invalid-credentials)");
			}
		}
		if (problems.isEmpty()) {
			return null;
		}
		return "seed=" + SEED + " " + request.describe() + "\n    -> " + outcome.summary() + "\n    !! "
				+ problems;
	}

	private static void checkBody(HttpResult result, List<String> problems) {
		String body = result.body();
		// The request path an answer echoes in "instance" is the caller's own text (a random id may spell "SQL").
		String checked = body;
		try {
			JsonNode answer = JSON.readTree(body);
			if (answer != null && answer.isObject() && answer.has("instance") && answer.get("instance").isString()) {
				checked = body.replace(answer.get("instance").asString(), "");
			}
		}
		catch (RuntimeException ex) {
			// Not JSON: checked whole, and refused as such below.
		}
		for (String internal : INTERNALS) {
			if (checked.contains(internal)) {
				problems.add("body gives away internals (\"" + internal + "\")");
			}
		}
		JsonNode json;
		try {
			json = JSON.readTree(body);
		}
		catch (RuntimeException ex) {
			problems.add("body is not JSON");
			return;
		}
		if (json == null || !json.isObject()) {
			problems.add("body is not a JSON object");
			return;
		}
		for (String field : List.of("type", "title", "detail")) {
			JsonNode value = json.get(field);
			if (value == null || !value.isString() || value.asString().isBlank()) {
				problems.add("no non-blank string \"" + field + "\"");
			}
		}
		JsonNode status = json.get("status");
		if (status == null || !status.isIntegralNumber()) {
			problems.add("no integer \"status\"");
		}
		else if (status.asInt() != result.status()) {
			problems.add("\"status\" " + status.asInt() + " differs from the HTTP status " + result.status());
		}
		JsonNode errors = json.get("errors");
		if (errors != null && !errors.isObject()) {
			problems.add("\"errors\" is not an object of field to messages");
		}
	}

	private static Set<String> errorFields(HttpResult result) {
		try {
			JsonNode errors = JSON.readTree(result.body()).get("errors");
			return (errors != null && errors.isObject()) ? new TreeSet<>(errors.propertyNames()) : Set.of();
		}
		catch (RuntimeException ex) {
			return Set.of();
		}
	}

	private static boolean hasFieldErrors(HttpResult result) {
		try {
			JsonNode errors = JSON.readTree(result.body()).get("errors");
			return errors != null && errors.isObject() && !errors.isEmpty();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	// ---------------------------------------------------------------- database

	/** Whether each session and refresh token is revoked or rotated (activity times may move; these must not). */
	private Map<String, Object> revocationState() {
		Map<String, Object> state = new TreeMap<>();
		for (Map<String, Object> row : this.jdbc.queryForList("select id, revoked_at, revoke_reason from myuser_user_session")) {
			state.put("session " + value(row, "id"), value(row, "revoked_at") + " " + value(row, "revoke_reason"));
		}
		for (Map<String, Object> row : this.jdbc
			.queryForList("select id, revoked_at, rotated_at, replaced_by_id from myuser_refresh_token")) {
			state.put("refresh " + value(row, "id"), value(row, "revoked_at") + " " + value(row, "rotated_at") + " "
					+ value(row, "replaced_by_id"));
		}
		return state;
	}

	/** Status, notes and times of each data request (a withdrawal or an update changes them, not the row count). */
	private Map<String, Object> dataRequestState() {
		Map<String, Object> state = new TreeMap<>();
		for (Map<String, Object> row : this.jdbc
			.queryForList("select id, status, notes, scheduled_for, processed_at, updated_at from myuser_data_request")) {
			state.put("data request " + value(row, "id"), value(row, "status") + " " + value(row, "scheduled_for") + " "
					+ value(row, "processed_at") + " " + value(row, "updated_at") + " notes=" + value(row, "notes"));
		}
		return state;
	}

	/** The pending GDPR jobs (export and deletion), by name and instance (the request's id). */
	private Set<String> gdprJobs() {
		return new TreeSet<>(this.jdbc.queryForList(
				"select task_name || ' ' || task_instance from myuser_scheduled_tasks where task_name like 'myuser-gdpr-%'",
				String.class));
	}

	private Map<String, Long> rowCounts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : TABLES) {
			counts.put(table, count("select count(*) from " + table));
		}
		return counts;
	}

	private Map<String, Long> auditCounts() {
		Map<String, Long> counts = new TreeMap<>();
		for (Map<String, Object> row : this.jdbc
			.queryForList("select event_type as t, count(*) as n from myuser_audit_log group by event_type")) {
			counts.put(String.valueOf(value(row, "t")), ((Number) value(row, "n")).longValue());
		}
		return counts;
	}

	private static Object value(Map<String, Object> row, String column) {
		return row.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().equalsIgnoreCase(column))
			.findFirst()
			.orElseThrow()
			.getValue();
	}

	private Map<String, Object> owner(UUID userId) {
		return new TreeMap<>(this.jdbc.queryForMap("select email, email_canonical, password_hash, active, "
				+ "last_login, updated_at, deleted_at from myuser_user where id = ?", userId));
	}

	// ---------------------------------------------------------------- types

	private record Corpus(MalformedRequestGenerator.Context context, List<GeneratedRequest> requests, int variantCount) {
	}

	private record Outcome(GeneratedRequest request, @Nullable HttpResult result, @Nullable String error) {

		int status() {
			return (this.result != null) ? this.result.status() : -1;
		}

		/**
		 * A 401 from {@code POST token/}: only the password check answers it so (the corpus sends no bearer token
		 * there), and each one writes a LOGIN_FAILED audit row. The body is not consulted.
		 */
		boolean isRefusedLogin() {
			return this.result != null && this.result.status() == 401 && this.request.method().equals("POST")
					&& TOKEN_ROUTE.matcher(this.request.path()).matches();
		}

		String summary() {
			if (this.result == null) {
				return "no answer: " + this.error;
			}
			return this.result.status() + " Content-Type=" + this.result.contentType() + " WWW-Authenticate="
					+ this.result.header("WWW-Authenticate") + " body=" + GeneratedRequest
						.printable(this.result.body().isEmpty() ? "(empty)" : GeneratedRequest.abbreviate(this.result.body(), 400));
		}

	}

}
