package io.myuser.personaldata;

import java.time.Instant;
import java.util.UUID;

import org.springframework.util.Assert;

/**
 * The account an erasure is for, as it was before its data was erased.
 *
 * @param userId the account
 * @param requestId the deletion request being carried out
 * @param email the address the account had, as stored (trimmed and NFC-normalised), for data keyed by address
 * @param erasedAt the time of the erasure
 */
public record ErasureContext(UUID userId, UUID requestId, String email, Instant erasedAt) {

	public ErasureContext {
		Assert.notNull(userId, "userId cannot be null");
		Assert.notNull(requestId, "requestId cannot be null");
		Assert.notNull(email, "email cannot be null");
		Assert.notNull(erasedAt, "erasedAt cannot be null");
	}

}
