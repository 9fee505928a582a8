package io.myuser.gdpr;

import java.time.Instant;
import java.util.UUID;

/**
 * A deletion request was accepted and waits for its grace period to end, published in the transaction that
 * stored it. The mail feature tells the user at once when the account will be erased, with a link that withdraws
 * the request; the link's token is issued when the email is sent ({@link DeletionCancellation#issueToken}).
 *
 * @param userId the account to be erased
 * @param requestId the deletion request
 * @param email where to send the notice
 * @param languageTag the language of the notice
 * @param scheduledFor when the account will be erased
 */
public record AccountDeletionScheduled(UUID userId, UUID requestId, String email, String languageTag,
		Instant scheduledFor) {

	@Override
	public String toString() {
		return "AccountDeletionScheduled[userId=" + this.userId + ", requestId=" + this.requestId + ", scheduledFor="
				+ this.scheduledFor + "]";
	}

}
