package io.myuser.autoconfigure.flyway;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.Ordered;
import org.springframework.util.Assert;

/**
 * Runs MyUser's own Flyway: MyUser's scripts, with their own schema history ({@code myuser_schema_history}),
 * when the bean is initialised. Spring Boot's database initialisation ordering makes the entity manager factory,
 * JDBC templates, beans marked {@code @DependsOnDatabaseInitialization} and the host's {@code Flyway} depend on this
 * bean, so MyUser's tables exist before any of them starts: the host's migrations may refer to them, and Hibernate
 * can validate them.
 * <p>
 * Before migrating it takes care of two situations that a Flyway run of its own brings:
 * <ul>
 * <li>A database made by the shared layout, where MyUser's scripts were versions {@code 0.1} to {@code 0.6} in the
 * host's history: MyUser's history is created with a baseline at the highest of them, and their rows are deleted
 * from the host's history (which then holds the host's migrations only and passes the host's validation). The rows
 * must be a successful run of {@code 0.1} up to some {@code 0.n} of the scripts MyUser ships, checksums included;
 * anything else stops startup with an explanation.</li>
 * <li>A brand-new database (no table in the schema) on which the host runs a Flyway of its own: the host's empty
 * history table is created first, as the host's Flyway would create it, because Flyway refuses to migrate a
 * non-empty schema without a history table and MyUser's tables come first.</li>
 * <li>A database on which none of MyUser's scripts ran: MyUser's history is started with a baseline at version 0,
 * for the same reason (the schema holds the host's tables or history table), and then every script runs.</li>
 * <li>A database whose MyUser tables exist with no history saying which scripts ran: startup stops with an
 * explanation, unless a baseline version is given.</li>
 * </ul>
 */
public class MyUserFlywayMigrationInitializer implements InitializingBean, Ordered {

	private static final Log logger = LogFactory.getLog(MyUserFlywayMigrationInitializer.class);

	/** A table only MyUser creates; when it exists, MyUser's first script ran on this database. */
	private static final String MARKER_TABLE = "myuser_user";

	/** The description of the baseline row at version 0 that starts a history on which none of MyUser's ran. */
	static final String EMPTY_BASELINE_DESCRIPTION = "<< MyUser schema history >>";

	private final Flyway flyway;

	private final HostSchemaHistory hostHistory;

	private final @Nullable String baselineVersion;

	private int order;

	/**
	 * Create an initializer.
	 * @param flyway MyUser's Flyway, configured with MyUser's locations and history table
	 * @param hostHistory where the host's Flyway keeps its history
	 * @param baselineVersion the version to baseline MyUser's history at when MyUser's tables exist without any
	 * history, or {@code null}
	 */
	public MyUserFlywayMigrationInitializer(Flyway flyway, HostSchemaHistory hostHistory,
			@Nullable String baselineVersion) {
		Assert.notNull(flyway, "flyway must not be null");
		Assert.notNull(hostHistory, "hostHistory must not be null");
		Assert.isTrue(!flyway.getConfiguration().getTable().equals(hostHistory.table()),
				"MyUser's history table and the host's must differ");
		this.flyway = flyway;
		this.hostHistory = hostHistory;
		this.baselineVersion = baselineVersion;
	}

	/**
	 * MyUser's Flyway.
	 * @return the Flyway instance this initializer migrates with
	 */
	public Flyway getFlyway() {
		return this.flyway;
	}

	@Override
	public void afterPropertiesSet() throws SQLException {
		Configuration configuration = this.flyway.getConfiguration();
		DataSource dataSource = configuration.getDataSource();
		String schema = configuration.getDefaultSchema();
		List<SharedLayoutHistory.Row> sharedRows = List.of();
		String hostTable;
		boolean bootstrapHostHistory;
		boolean myUserTablesExist;
		try (Connection connection = dataSource.getConnection()) {
			String hostSchema = this.hostHistory.schema();
			Set<String> hostTables = SharedLayoutHistory.tables(connection, hostSchema);
			Set<String> tables = Objects.equals(schema, hostSchema) ? hostTables
					: SharedLayoutHistory.tables(connection, schema);
			hostTable = SharedLayoutHistory.quoted(connection, hostSchema, this.hostHistory.table());
			if (hostTables.contains(this.hostHistory.table().toLowerCase(Locale.ROOT))) {
				sharedRows = SharedLayoutHistory.read(connection, hostTable);
			}
			bootstrapHostHistory = this.hostHistory.hostMigrates() && hostTables.isEmpty() && tables.isEmpty();
			myUserTablesExist = tables.contains(MARKER_TABLE);
		}
		if (bootstrapHostHistory) {
			createHostHistory(configuration);
		}
		if (!hasHistory()) {
			if (!sharedRows.isEmpty()) {
				baselineFromSharedLayout(sharedRows);
			}
			else if (this.baselineVersion != null) {
				String version = this.baselineVersion;
				if (Arrays.stream(this.flyway.info().pending())
					.noneMatch((pending) -> pending.getVersion() != null
							&& pending.getVersion().getVersion().equals(version))) {
					throw new IllegalStateException("myuser.flyway.baseline-version is " + version
							+ ", which is not the version of one of MyUser's scripts");
				}
				baseline(version, "<< myuser.flyway.baseline-version >>");
			}
			else if (myUserTablesExist) {
				throw new IllegalStateException("MyUser's tables exist, but neither MyUser's history table "
						+ configuration.getTable() + " nor MyUser's migrations 0.1 to 0.6 in the host's history table "
						+ this.hostHistory.table() + " say which of MyUser's migrations ran. If the host's history "
						+ "table has another name, set myuser.flyway.host-table; if MyUser's scripts were applied "
						+ "some other way, set myuser.flyway.baseline-version to the last one applied "
						+ "(see docs/database.md, \"Upgrading from the shared history\")");
			}
			else {
				// Flyway creates a history table in a schema that holds other tables only by baselining it.
				baseline("0", EMPTY_BASELINE_DESCRIPTION);
			}
		}
		if (!sharedRows.isEmpty()) {
			removeSharedRows(dataSource, hostTable, sharedRows);
		}
		this.flyway.migrate();
	}

	private boolean hasHistory() {
		return Arrays.stream(this.flyway.info().applied())
			.anyMatch((applied) -> !applied.getType().isSynthetic() || applied.getType().isBaseline());
	}

	/**
	 * Let Flyway create the host's history table, empty, as the host's Flyway does on an empty schema.
	 */
	private void createHostHistory(Configuration configuration) {
		logger.info("Creating the host's schema history table " + this.hostHistory.table()
				+ " before MyUser's tables, so that the host's Flyway finds it on this new database");
		var host = Flyway.configure(configuration.getClassLoader())
			.dataSource(configuration.getDataSource())
			.table(this.hostHistory.table())
			.locations(new String[0])
			.skipDefaultResolvers(true)
			.skipDefaultCallbacks(true)
			.validateOnMigrate(false);
		if (this.hostHistory.schema() != null) {
			host.defaultSchema(this.hostHistory.schema()).schemas(this.hostHistory.schema());
		}
		host.load().migrate();
	}

	private void baselineFromSharedLayout(List<SharedLayoutHistory.Row> rows) {
		Map<String, MigrationInfo> scripts = new HashMap<>();
		for (MigrationInfo pending : this.flyway.info().pending()) {
			if (pending.getVersion() != null) {
				scripts.put(pending.getVersion().getVersion(), pending);
			}
		}
		for (int i = 0; i < rows.size(); i++) {
			SharedLayoutHistory.Row row = rows.get(i);
			String problem = null;
			if (row.newVersion() != i + 1) {
				problem = "MyUser's migrations in it do not run from 0.1 without a gap (found " + row.version()
						+ " after " + ((i > 0) ? rows.get(i - 1).version() : "none") + ")";
			}
			else if (!row.success()) {
				problem = "MyUser's migration " + row.version() + " failed there";
			}
			else if (!"SQL".equals(row.type())) {
				problem = "MyUser's migration " + row.version() + " is recorded as " + row.type() + ", not SQL";
			}
			else if (scripts.get(String.valueOf(row.newVersion())) == null || !Objects
				.equals(scripts.get(String.valueOf(row.newVersion())).getChecksum(), row.checksum())) {
				problem = "MyUser's migration " + row.version() + " ran with another content (checksum "
						+ row.checksum() + ") than MyUser's script " + row.newVersion() + " has today";
			}
			if (problem != null) {
				throw new IllegalStateException("Cannot move MyUser's migrations out of the host's history table "
						+ this.hostHistory.table() + ": " + problem + ". Repair that history (flyway repair), or "
						+ "move the rows by hand as docs/database.md describes (\"Upgrading from the shared history\")");
			}
		}
		SharedLayoutHistory.Row last = rows.get(rows.size() - 1);
		baseline(String.valueOf(last.newVersion()),
				"MyUser 0.1 to " + last.version() + " moved from " + this.hostHistory.table());
	}

	private void baseline(String version, String description) {
		if (!"0".equals(version)) {
			logger.info("Recording MyUser's migrations up to " + version + " as applied in "
					+ this.flyway.getConfiguration().getTable() + " (" + description + ")");
		}
		Flyway.configure(this.flyway.getConfiguration().getClassLoader())
			.configuration(this.flyway.getConfiguration())
			.baselineVersion(version)
			.baselineDescription(description)
			.load()
			.baseline();
	}

	private void removeSharedRows(DataSource dataSource, String hostTable, List<SharedLayoutHistory.Row> rows)
			throws SQLException {
		MigrationInfo current = this.flyway.info().current();
		MigrationVersion highest = MigrationVersion
			.fromVersion(String.valueOf(rows.get(rows.size() - 1).newVersion()));
		if (current == null || current.getVersion() == null || current.getVersion().compareTo(highest) < 0) {
			throw new IllegalStateException("The host's history table " + this.hostHistory.table()
					+ " records MyUser's migrations up to 0." + highest + ", but MyUser's history table "
					+ this.flyway.getConfiguration().getTable() + " only up to "
					+ ((current != null) ? current.getVersion() : "nothing")
					+ "; see docs/database.md (\"Upgrading from the shared history\")");
		}
		try (Connection connection = dataSource.getConnection()) {
			SharedLayoutHistory.delete(connection, hostTable, rows);
		}
		logger.info("Removed MyUser's migrations 0.1 to " + rows.get(rows.size() - 1).version()
				+ " from the host's history table " + this.hostHistory.table() + "; they are recorded in "
				+ this.flyway.getConfiguration().getTable());
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	public void setOrder(int order) {
		this.order = order;
	}

}
