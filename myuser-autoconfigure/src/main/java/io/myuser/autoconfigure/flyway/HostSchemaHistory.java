package io.myuser.autoconfigure.flyway;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Where the host application's Flyway keeps its schema history, as MyUser's run needs to know it: to move
 * MyUser's rows out of it when a database made by the shared layout is upgraded, and to let the host's Flyway
 * create it on a brand-new database before MyUser's tables make the schema non-empty.
 *
 * @param table the name of the host's history table ({@code flyway_schema_history} by default)
 * @param schema the schema holding it, or {@code null} for the connection's current schema
 * @param hostMigrates whether the host runs a Flyway of its own on this database
 */
public record HostSchemaHistory(String table, @Nullable String schema, boolean hostMigrates) {

	/** The name Flyway gives its history table unless told otherwise. */
	public static final String DEFAULT_TABLE = "flyway_schema_history";

	public HostSchemaHistory {
		Assert.hasText(table, "table must not be empty");
	}

}
