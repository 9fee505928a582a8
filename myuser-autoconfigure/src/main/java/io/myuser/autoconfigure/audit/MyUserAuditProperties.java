package io.myuser.autoconfigure.audit;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Audit log properties.
 */
@ConfigurationProperties("myuser.audit")
@Validated
public class MyUserAuditProperties {

	/**
	 * Whether security-relevant actions are written to the audit log.
	 */
	private boolean enabled = true;

	/**
	 * How long audit rows are kept; older ones are deleted by a recurring job. Zero keeps them forever.
	 */
	private Duration retention = Duration.ofDays(365);

	/**
	 * Whether audit rows keep the client's IP address and user agent.
	 */
	private boolean clientInfo = true;

	/**
	 * Number of rows on a page of the audit-log API when the caller names no size.
	 */
	@Min(1)
	private int pageSize = 20;

	/**
	 * Largest page size a caller of the audit-log API may ask for.
	 */
	@Min(1)
	@Max(1000)
	private int maxPageSize = 100;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getRetention() {
		return this.retention;
	}

	public void setRetention(Duration retention) {
		this.retention = retention;
	}

	public boolean isClientInfo() {
		return this.clientInfo;
	}

	public void setClientInfo(boolean clientInfo) {
		this.clientInfo = clientInfo;
	}

	public int getPageSize() {
		return this.pageSize;
	}

	public void setPageSize(int pageSize) {
		this.pageSize = pageSize;
	}

	public int getMaxPageSize() {
		return this.maxPageSize;
	}

	public void setMaxPageSize(int maxPageSize) {
		this.maxPageSize = maxPageSize;
	}

	@AssertTrue(message = "retention cannot be negative")
	boolean isRetentionValid() {
		return this.retention != null && !this.retention.isNegative();
	}

	@AssertTrue(message = "page-size cannot be larger than max-page-size")
	boolean isPageSizeValid() {
		return this.pageSize <= this.maxPageSize;
	}

}
