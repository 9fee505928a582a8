package io.myuser.autoconfigure.flyway;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;

/**
 * The rows of MyUser's migrations in the host's schema history, where the shared layout recorded them: before MyUser
 * kept a history of its own, its scripts were named {@code V0_1__...} to {@code V0_6__...} and ran in the host's
 * Flyway. Version {@code 0.n} there is version {@code n} in {@code myuser_schema_history}, with the same content.
 * Read and written with plain JDBC, in the column names Flyway gives its history table.
 */
final class SharedLayoutHistory {

	/** The descriptions of MyUser's scripts in the shared layout, in version order (0.1 first). */
	static final List<String> DESCRIPTIONS = List.of("myuser_core_tables", "myuser_token_lifecycle",
			"myuser_scheduled_tasks", "myuser_one_time_tokens", "myuser_gdpr_processing", "myuser_concurrency");

	/** The script names of the shared layout, {@code V0_1__myuser_core_tables.sql} and so on. */
	static final List<String> SCRIPTS = IntStream.range(0, DESCRIPTIONS.size())
		.mapToObj((i) -> "V0_" + (i + 1) + "__" + DESCRIPTIONS.get(i) + ".sql")
		.toList();

	private SharedLayoutHistory() {
	}

	/**
	 * Read the rows of MyUser's shared-layout scripts from a history table.
	 * @param connection the connection
	 * @param table the history table, quoted and qualified as needed
	 * @return the rows, in version order
	 * @throws SQLException if the table cannot be read
	 */
	static List<Row> read(Connection connection, String table) throws SQLException {
		String placeholders = SCRIPTS.stream().map((script) -> "?").collect(Collectors.joining(", "));
		String sql = "select \"installed_rank\", \"version\", \"script\", \"checksum\", \"type\", \"success\" from "
				+ table + " where \"script\" in (" + placeholders + ") order by \"installed_rank\"";
		List<Row> rows = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < SCRIPTS.size(); i++) {
				statement.setString(i + 1, SCRIPTS.get(i));
			}
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					int checksum = result.getInt(4);
					rows.add(new Row(result.getInt(1), result.getString(2), result.getString(3),
							result.wasNull() ? null : checksum, result.getString(5), result.getBoolean(6)));
				}
			}
		}
		rows.sort((a, b) -> Integer.compare(a.newVersion(), b.newVersion()));
		return rows;
	}

	/**
	 * Delete the given rows from a history table, in one transaction.
	 * @param connection the connection
	 * @param table the history table, quoted and qualified as needed
	 * @param rows the rows
	 * @throws SQLException if they cannot be deleted
	 */
	static void delete(Connection connection, String table, List<Row> rows) throws SQLException {
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		try (PreparedStatement statement = connection
			.prepareStatement("delete from " + table + " where \"installed_rank\" = ? and \"script\" = ?")) {
			for (Row row : rows) {
				statement.setInt(1, row.installedRank());
				statement.setString(2, row.script());
				statement.executeUpdate();
			}
			connection.commit();
		}
		catch (SQLException | RuntimeException ex) {
			connection.rollback();
			throw ex;
		}
		finally {
			connection.setAutoCommit(autoCommit);
		}
	}

	/**
	 * The names of the tables and views in a schema, lower-cased.
	 * @param connection the connection
	 * @param schema the schema, or {@code null} for the connection's current one
	 * @return the names
	 * @throws SQLException if the metadata cannot be read
	 */
	static Set<String> tables(Connection connection, @Nullable String schema) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		String schemaName = (schema != null) ? schema : connection.getSchema();
		Set<String> names = new HashSet<>();
		try (ResultSet tables = metaData.getTables(connection.getCatalog(), schemaName, "%", null)) {
			while (tables.next()) {
				String type = tables.getString("TABLE_TYPE");
				if (type != null && (type.contains("TABLE") || type.contains("VIEW"))
						&& !type.contains("SYSTEM")) {
					names.add(tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
				}
			}
		}
		return names;
	}

	/**
	 * A table name quoted, and qualified with its schema when one is given, as Flyway creates history tables.
	 * @param connection the connection
	 * @param schema the schema, or {@code null}
	 * @param table the table
	 * @return the quoted name
	 * @throws SQLException if the metadata cannot be read
	 */
	static String quoted(Connection connection, @Nullable String schema, String table) throws SQLException {
		String quote = connection.getMetaData().getIdentifierQuoteString().trim();
		String name = quote + table.replace(quote, quote + quote) + quote;
		return (schema != null) ? quote + schema.replace(quote, quote + quote) + quote + "." + name : name;
	}

	/**
	 * One row of a shared-layout MyUser script in the host's history.
	 *
	 * @param installedRank the row's rank, its key
	 * @param version the version there, {@code 0.n}
	 * @param script the script name, {@code V0_n__...sql}
	 * @param checksum the checksum Flyway recorded
	 * @param type the migration type Flyway recorded
	 * @param success whether the migration succeeded
	 */
	record Row(int installedRank, String version, String script, @Nullable Integer checksum, String type,
			boolean success) {

		/** The version of the same script in MyUser's own history. */
		int newVersion() {
			return SCRIPTS.indexOf(this.script) + 1;
		}

	}

}
