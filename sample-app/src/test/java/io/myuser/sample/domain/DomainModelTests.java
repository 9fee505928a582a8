package io.myuser.sample.domain;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import io.myuser.account.EmailAlreadyRegisteredException;
import io.myuser.account.EmailLinkToken;
import io.myuser.account.NewUser;
import io.myuser.account.User;
import io.myuser.account.UserRepository;
import io.myuser.profile.Profile;
import io.myuser.profile.ProfileRepository;
import io.myuser.sample.test.IntegrationTestSupport;
import io.myuser.session.SessionService;
import io.myuser.session.TokenRevocation;
import io.myuser.session.UserSession;
import io.myuser.session.UserSessionRepository;
import io.myuser.support.ClientInfo;
import io.myuser.support.persistence.BaseEntity;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.EntityType;
import org.hibernate.annotations.SQLRestriction;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The shared domain model on a real database: migrations, schema validation, application-assigned time-ordered
 * ids, clock-stamped times, soft deletion and case-insensitive unique email among live users.
 */
abstract class DomainModelTests extends IntegrationTestSupport {

	private static final List<String> TABLES = List.of("myuser_user", "myuser_profile", "myuser_consent_record",
			"myuser_user_session", "myuser_refresh_token", "myuser_audit_log", "myuser_data_request",
			"myuser_data_export_file", "myuser_social_account", "sample_note");

	@Autowired
	private UserRepository users;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private Environment environment;

	@Autowired
	private EntityManagerFactory entityManagerFactory;

	@Autowired
	private ProfileRepository profiles;

	@Autowired
	private UserSessionRepository sessions;

	@Autowired
	private SessionService sessionService;

	/**
	 * Return the name the JDBC driver gives the database these tests must run on.
	 * @return the expected database product name
	 */
	protected abstract String expectedDatabaseProduct();

	@Test
	void the_tests_run_on_the_database_they_are_named_for() throws Exception {
		try (Connection connection = this.dataSource.getConnection()) {
			assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo(expectedDatabaseProduct());
		}
	}

	@Test
	void myuser_and_host_migrations_both_ran_and_hibernate_validated_the_schema() throws Exception {
		assertThat(this.environment.getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("validate");
		// MyUser's scripts ran in MyUser's own history, the host's in the host's (see the schema tests).
		assertThat(this.jdbc.queryForList("select \"version\" from \"myuser_schema_history\" where \"success\" = true "
				+ "order by \"installed_rank\"", String.class)).containsSubsequence("1", "6", "7");
		assertThat(this.jdbc.queryForList("select \"version\" from \"flyway_schema_history\" where \"success\" = true "
				+ "and \"version\" is not null order by \"installed_rank\"", String.class)).containsExactly("1", "2");
		try (Connection connection = this.dataSource.getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			for (String table : TABLES) {
				assertThat(tableExists(metaData, table)).as(table).isTrue();
			}
		}
	}

	@Test
	void every_lookup_the_contract_implies_has_an_index_led_by_its_column() throws Exception {
		Map<String, List<String>> lookups = new TreeMap<>();
		lookups.put("myuser_user", List.of("email_canonical"));
		lookups.put("myuser_profile", List.of("user_id"));
		lookups.put("myuser_consent_record", List.of("user_id"));
		lookups.put("myuser_user_session", List.of("user_id", "expires_at"));
		lookups.put("myuser_refresh_token", List.of("token_hash", "session_id", "user_id", "expires_at"));
		lookups.put("myuser_audit_log", List.of("user_id", "event_type", "created_at"));
		lookups.put("myuser_data_request", List.of("user_id", "status"));
		lookups.put("myuser_data_export_file", List.of("token_hash", "user_id", "data_request_id", "expires_at"));
		lookups.put("myuser_social_account", List.of("provider", "user_id"));
		// A lookup by several columns needs an index that starts with all of them, in that order.
		lookups.put("myuser_one_time_token", List.of("token_hash", "user_id,purpose", "expires_at"));
		lookups.put("myuser_token_revocation", List.of("revoked_at", "expires_at"));
		try (Connection connection = this.dataSource.getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			for (Map.Entry<String, List<String>> lookup : lookups.entrySet()) {
				List<String> indexes = indexColumns(metaData, lookup.getKey());
				for (String columns : lookup.getValue()) {
					assertThat(indexes).as("indexes of " + lookup.getKey())
						.anyMatch((index) -> index.equals(columns) || index.startsWith(columns + ","));
				}
			}
		}
	}

	@Test
	void every_myuser_entity_hides_soft_deleted_rows_from_default_queries() {
		List<Class<?>> entities = this.entityManagerFactory.getMetamodel()
			.getEntities()
			.stream()
			.<Class<?>>map(EntityType::getJavaType)
			.filter(BaseEntity.class::isAssignableFrom)
			.toList();

		assertThat(entities).contains(User.class, Profile.class, UserSession.class, EmailLinkToken.class,
				TokenRevocation.class);
		assertThat(entities).allSatisfy((entity) -> assertThat(entity.getAnnotation(SQLRestriction.class))
			.as(entity.getName())
			.isNotNull()
			.extracting(SQLRestriction::value)
			.isEqualTo("deleted_at is null"));
	}

	@Test
	void soft_deleted_profiles_and_sessions_are_hidden_from_default_queries() {
		String email = uniqueEmail();
		User user = createUser(email, "profile and session");
		assertThat(login(email, "profile and session").status()).isEqualTo(200);
		UserSession session = this.sessions.findByUserIdOrderByCreatedAtDesc(user.getId()).get(0);
		Profile profile = this.profiles.findByUserId(user.getId()).orElseThrow();
		assertThat(this.sessions.findByUserIdOrderByCreatedAtDesc(user.getId())).extracting(UserSession::getId)
			.containsExactly(session.getId());
		assertThat(this.sessionService.liveSessions(user.getId())).hasSize(1);

		profile.softDelete(this.clock.instant());
		this.profiles.save(profile);
		UserSession loaded = this.sessions.findById(session.getId()).orElseThrow();
		loaded.softDelete(this.clock.instant());
		this.sessions.save(loaded);

		assertThat(this.profiles.findByUserId(user.getId())).isEmpty();
		assertThat(this.profiles.findById(profile.getId())).isEmpty();
		assertThat(this.profiles.findAll()).extracting(Profile::getId).doesNotContain(profile.getId());
		assertThat(this.sessions.findById(session.getId())).isEmpty();
		assertThat(this.sessions.findByUserIdOrderByCreatedAtDesc(user.getId())).isEmpty();
		assertThat(this.sessionService.liveSessions(user.getId())).isEmpty();
		assertThat(count("select count(*) from myuser_profile where user_id = ? and deleted_at is not null",
				user.getId())).isOne();
		assertThat(count("select count(*) from myuser_user_session where id = ? and deleted_at is not null",
				session.getId())).isOne();
	}

	@Test
	void ids_are_time_ordered_uuids_assigned_by_the_application() {
		User first = createUser(uniqueEmail(), "first passphrase");
		User second = createUser(uniqueEmail(), "second passphrase");

		assertThat(first.getId().version()).isEqualTo(7);
		assertThat(second.getId().version()).isEqualTo(7);
		assertThat(second.getId().toString()).isGreaterThan(first.getId().toString());
		assertThat(count("select count(*) from myuser_user where id = ?", first.getId())).isOne();
	}

	@Test
	void created_and_updated_times_come_from_the_application_clock() {
		Instant pinned = Instant.parse("2031-02-03T04:05:06.123456Z");
		this.clock.pin(pinned);

		User user = createUser(uniqueEmail(), "clockwork passphrase");

		Map<String, Object> row = this.jdbc.queryForMap(
				"select created_at, updated_at, date_joined from myuser_user where id = ?", user.getId());
		assertThat(instant(row.get("created_at"))).isEqualTo(pinned);
		assertThat(instant(row.get("updated_at"))).isEqualTo(pinned);
		assertThat(instant(row.get("date_joined"))).isEqualTo(pinned);

		this.clock.advance(java.time.Duration.ofHours(5));
		this.accounts.setActive(user.getId(), false);

		Map<String, Object> updated = this.jdbc.queryForMap("select created_at, updated_at from myuser_user where id = ?",
				user.getId());
		assertThat(instant(updated.get("created_at"))).isEqualTo(pinned);
		assertThat(instant(updated.get("updated_at"))).isEqualTo(pinned.plus(java.time.Duration.ofHours(5)));
	}

	@Test
	void email_is_unique_case_insensitively_among_live_users() {
		String email = uniqueEmail();
		createUser(email, "one passphrase here");

		assertThatExceptionOfType(EmailAlreadyRegisteredException.class)
			.isThrownBy(() -> createUser(email.toUpperCase(Locale.ROOT), "other passphrase"));
		assertThatExceptionOfType(EmailAlreadyRegisteredException.class)
			.isThrownBy(() -> createUser("  " + email + " ", "other passphrase"));
		assertThat(count("select count(*) from myuser_user where lower(email) = ?", email)).isOne();
	}

	@Test
	void the_database_itself_refuses_a_second_live_row_with_the_same_canonical_email() {
		String email = uniqueEmail();
		createUser(email, "one passphrase here");

		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> this.jdbc.update(
				"insert into myuser_user (id, email, email_canonical, first_name, last_name, active, email_verified,"
						+ " staff, date_joined, created_at, updated_at) values (?, ?, ?, '', '', true, true, false,"
						+ " current_timestamp, current_timestamp, current_timestamp)",
				java.util.UUID.randomUUID(), email.toUpperCase(Locale.ROOT), email));
	}

	@Test
	void soft_deleted_users_are_hidden_from_default_queries_but_reachable_on_purpose() {
		String email = uniqueEmail();
		User user = createUser(email, "soon to be deleted");

		this.accounts.softDelete(user.getId());

		assertThat(this.users.findById(user.getId())).isEmpty();
		assertThat(this.accounts.findByEmail(email)).isEmpty();
		assertThat(this.users.findAll()).extracting(User::getId).doesNotContain(user.getId());
		User deleted = this.users.findByIdIncludingDeleted(user.getId()).orElseThrow();
		assertThat(deleted.isDeleted()).isTrue();
		assertThat(deleted.getDeletedAt()).isNotNull();
		assertThat(this.users.countByEmailIncludingDeleted(email)).isOne();
	}

	@Test
	void a_soft_deleted_users_email_can_register_again() {
		String email = uniqueEmail();
		User old = createUser(email, "the first account");
		this.accounts.softDelete(old.getId());

		User again = createUser(email, "the second account");

		assertThat(again.getId()).isNotEqualTo(old.getId());
		assertThat(this.accounts.findByEmail(email)).get().extracting(User::getId).isEqualTo(again.getId());
		assertThat(count("select count(*) from myuser_user where lower(email) = ?", email)).isEqualTo(2);
	}

	@Test
	void a_new_account_gets_its_profile_and_audit_row_in_the_same_transaction() {
		User user = createUser(uniqueEmail(), "profiled passphrase");

		assertThat(count("select count(*) from myuser_profile where user_id = ?", user.getId())).isOne();
		assertThat(count("select count(*) from myuser_audit_log where user_id = ? and event_type = 'ACCOUNT_CREATED'",
				user.getId())).isOne();
	}

	@Test
	void concurrent_registrations_of_one_email_leave_exactly_one_account() throws Exception {
		String email = uniqueEmail();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				String variant = (i % 2 == 0) ? email : email.toUpperCase(Locale.ROOT);
				Callable<Boolean> attempt = () -> {
					try {
						this.accounts.createUser(NewUser.withPassword(variant, "racing passphrase", true),
								ClientInfo.NONE);
						return true;
					}
					catch (EmailAlreadyRegisteredException ex) {
						return false;
					}
				};
				results.add(pool.submit(attempt));
			}
			int created = 0;
			for (Future<Boolean> result : results) {
				created += result.get() ? 1 : 0;
			}
			assertThat(created).isOne();
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(count("select count(*) from myuser_user where lower(email) = ?", email)).isOne();
		assertThat(count("select count(*) from myuser_profile p join myuser_user u on u.id = p.user_id "
				+ "where lower(u.email) = ?", email)).isOne();
	}

	private static Instant instant(Object value) {
		if (value instanceof java.time.OffsetDateTime offset) {
			return offset.toInstant();
		}
		if (value instanceof java.sql.Timestamp timestamp) {
			return timestamp.toInstant();
		}
		if (value instanceof Instant instant) {
			return instant;
		}
		throw new AssertionError("unexpected time type " + value.getClass());
	}

	private static boolean tableExists(DatabaseMetaData metaData, String table) throws Exception {
		for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
			try (ResultSet tables = metaData.getTables(null, null, name, null)) {
				if (tables.next()) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * The indexes of a table, each as its columns in order, joined with commas ({@code user_id,purpose}).
	 */
	private static List<String> indexColumns(DatabaseMetaData metaData, String table) throws Exception {
		Map<String, Map<Short, String>> indexes = new TreeMap<>();
		for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
			try (ResultSet rows = metaData.getIndexInfo(null, null, name, false, false)) {
				while (rows.next()) {
					String column = rows.getString("COLUMN_NAME");
					if (column != null) {
						indexes.computeIfAbsent(name + "." + rows.getString("INDEX_NAME"), (key) -> new TreeMap<>())
							.put(rows.getShort("ORDINAL_POSITION"), column.toLowerCase(Locale.ROOT));
					}
				}
			}
		}
		return indexes.values().stream().map((columns) -> String.join(",", columns.values())).toList();
	}

}
