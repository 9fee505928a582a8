package io.myuser.autoconfigure.flyway;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Properties of MyUser's own Flyway run, which migrates MyUser's tables with a schema history of their own before
 * the host's Flyway and JPA start. They are checked when they are bound.
 */
@ConfigurationProperties("myuser.flyway")
@Validated
@DistinctHistoryTables
public class MyUserFlywayProperties {

	/**
	 * Whether MyUser migrates its own tables at startup. When false, MyUser's scripts are not run and its schema
	 * history is not touched: the host applies them itself, with the same location and history table.
	 */
	private boolean enabled = true;

	/**
	 * Name of MyUser's schema history table.
	 */
	@NotBlank
	private String table = "myuser_schema_history";

	/**
	 * Schema history table of the host's Flyway, where MyUser's migrations were recorded (as versions 0.1 to 0.6)
	 * before MyUser kept a history of its own. On the first start, MyUser moves its rows out of it. Unset means
	 * spring.flyway.table, else flyway_schema_history.
	 */
	@Pattern(regexp = "(?s).*\\S.*", message = "must not be blank when set")
	private @Nullable String hostTable;

	/**
	 * Version of MyUser's migrations to record as applied when MyUser's history table is created on a database
	 * whose MyUser tables were made without MyUser's run and are not recorded in the host's history (by hand, or by
	 * a Flyway run of the host's own). Scripts up to it are skipped. Leave unset otherwise.
	 */
	@Pattern(regexp = "[1-9][0-9]*", message = "must be the version of one of MyUser's migrations, such as 6")
	private @Nullable String baselineVersion;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getTable() {
		return this.table;
	}

	public void setTable(String table) {
		this.table = table;
	}

	public @Nullable String getHostTable() {
		return this.hostTable;
	}

	public void setHostTable(@Nullable String hostTable) {
		this.hostTable = hostTable;
	}

	public @Nullable String getBaselineVersion() {
		return this.baselineVersion;
	}

	public void setBaselineVersion(@Nullable String baselineVersion) {
		this.baselineVersion = baselineVersion;
	}

}
