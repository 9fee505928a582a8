package io.myuser.personaldata;

import java.time.Instant;
import java.util.UUID;

import org.springframework.util.Assert;

/**
 * What an export is for.
 *
 * @param requestId the data request being answered
 * @param userId whose data is exported
 * @param requestedAt when the user asked
 * @param exportedAt when this export started
 * @param pageSize how many rows to read from the database at a time
 */
public record ExportContext(UUID requestId, UUID userId, Instant requestedAt, Instant exportedAt, int pageSize) {

	public ExportContext {
		Assert.notNull(requestId, "requestId cannot be null");
		Assert.notNull(userId, "userId cannot be null");
		Assert.notNull(requestedAt, "requestedAt cannot be null");
		Assert.notNull(exportedAt, "exportedAt cannot be null");
		Assert.isTrue(pageSize > 0, "pageSize must be positive");
	}

}
