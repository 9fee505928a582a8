package io.myuser.sample.gdpr;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a person's data is still stored: a scan of every text and binary column of MyUser's tables and the
 * sample host's.
 */
final class PersonalData {

	private PersonalData() {
	}

	/**
	 * Every value in every text or binary column of MyUser's tables and the host's that holds the person's
	 * address, names, client address or user agent, as "table.column: value".
	 */
	static List<String> found(DataSource dataSource, JdbcTemplate jdbc, AccountDeletionTests.Person person)
			throws Exception {
		List<String> needles = List.of(person.email().toLowerCase(Locale.ROOT), person.firstName().toLowerCase(Locale.ROOT),
				person.lastName().toLowerCase(Locale.ROOT), person.ip(), person.userAgent().toLowerCase(Locale.ROOT));
		List<String> found = new ArrayList<>();
		List<String[]> columns = new ArrayList<>();
		try (Connection connection = dataSource.getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			try (ResultSet rs = metaData.getColumns(null, null, "%", "%")) {
				while (rs.next()) {
					String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
					String schema = rs.getString("TABLE_SCHEM");
					// Flyway's history of MyUser's scripts holds no account data (and its column names are quoted).
					if ((table.startsWith("myuser_") || table.startsWith("sample_"))
							&& !table.equals("myuser_schema_history") && !"information_schema".equalsIgnoreCase(schema)) {
						columns.add(new String[] { table, rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
								String.valueOf(rs.getInt("DATA_TYPE")) });
					}
				}
			}
		}
		assertThat(columns).as("columns scanned").extracting((column) -> column[0])
			.contains("myuser_user", "myuser_audit_log", "myuser_user_session", "myuser_consent_record",
					"myuser_data_request", "myuser_scheduled_tasks", "myuser_one_time_token", "sample_note");
		for (String[] column : columns) {
			int type = Integer.parseInt(column[2]);
			boolean binary = type == Types.BLOB || type == Types.BINARY || type == Types.VARBINARY
					|| type == Types.LONGVARBINARY;
			boolean text = type == Types.VARCHAR || type == Types.CHAR || type == Types.LONGVARCHAR
					|| type == Types.CLOB || type == Types.NVARCHAR || type == Types.NCHAR || type == Types.OTHER;
			if (!binary && !text) {
				continue;
			}
			for (Object value : jdbc.queryForList("select " + column[1] + " from " + column[0], Object.class)) {
				String content = (value instanceof byte[] bytes) ? new String(bytes, StandardCharsets.UTF_8)
						: String.valueOf(value);
				String lower = content.toLowerCase(Locale.ROOT);
				for (String needle : needles) {
					if (lower.contains(needle)) {
						found.add(column[0] + "." + column[1] + ": " + content);
					}
				}
			}
		}
		return found;
	}

}
