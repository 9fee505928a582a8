package io.myuser.autoconfigure.audit;

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

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
