package io.myuser.autoconfigure.flyway;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Properties of MyUser's own Flyway run, which migrates MyUser's tables with a schema history of their own before
 * the host's Flyway and JPA start.
 */
@ConfigurationProperties("myuser.flyway")
public class MyUserFlywayProperties implements InitializingBean {

	/**
	 * Whether MyUser migrates its own tables at startup. When false, MyUser's scripts are not run and its schema
	 * history is not touched: the host applies them itself, with the same location and history table.
	 */
	private boolean enabled = true;

	/**
	 * Name of MyUser's schema history table.
	 */
	private String table = "myuser_schema_history";

	/**
	 * Schema history table of the host's Flyway, where MyUser's migrations were recorded (as versions 0.1 to 0.6)
	 * before MyUser kept a history of its own. On the first start, MyUser moves its rows out of it. Unset means
	 * spring.flyway.table, else flyway_schema_history.
	 */
	private @Nullable String hostTable;

	/**
	 * Version of MyUser's migrations to record as applied when MyUser's history table is created on a database
	 * whose MyUser tables were made without MyUser's run and are not recorded in the host's history (by hand, or by
	 * a Flyway run of the host's own). Scripts up to it are skipped. Leave unset otherwise.
	 */
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

	@Override
	public void afterPropertiesSet() {
		Assert.isTrue(StringUtils.hasText(this.table), "myuser.flyway.table must not be empty");
		Assert.isTrue(this.hostTable == null || StringUtils.hasText(this.hostTable),
				"myuser.flyway.host-table must not be empty when it is set");
		Assert.isTrue(!this.table.equals(this.hostTable),
				"myuser.flyway.table and myuser.flyway.host-table must name different tables");
		if (this.baselineVersion != null) {
			Assert.isTrue(this.baselineVersion.matches("[1-9][0-9]*"),
					"myuser.flyway.baseline-version must be the version of one of MyUser's migrations, such as 6");
		}
	}

}
