package io.myuser.autoconfigure.health;

import java.io.IOException;

import io.myuser.gdpr.export.ExportStorage;

import org.springframework.boot.health.contributor.Health;

/**
 * The export storage's part: DOWN when {@link ExportStorage#check()} says archives cannot be written or read now
 * (for the file-system storage: the directory is missing and cannot be created, or is not readable and writable).
 */
final class ExportStorageHealthIndicator extends TimeLimitedHealthIndicator {

	private final ExportStorage storage;

	ExportStorageHealthIndicator(ExportStorage storage, MyUserHealthProperties properties) {
		super("exports", properties.getTimeout());
		this.storage = storage;
	}

	@Override
	protected Health check() {
		String type = this.storage.getClass().getSimpleName();
		try {
			this.storage.check();
			return Health.up().withDetail("storage", type).build();
		}
		catch (IOException ex) {
			return Health.down()
				.withDetail("storage", type)
				.withDetail("reason", String.valueOf(ex.getMessage()))
				.build();
		}
	}

}
