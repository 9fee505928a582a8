package io.myuser.mail;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues the withdrawal link the "deletion scheduled" email carries, when the email is sent, so the link's token
 * never waits in the job table.
 */
@FunctionalInterface
public interface DeletionCancelLinkIssuer {

	/**
	 * Issue a fresh link that withdraws a deletion request (a link sent before stops working).
	 * @param requestId the deletion request
	 * @return the link and until when it works, or empty when the request can no longer be withdrawn
	 */
	Optional<Link> issue(UUID requestId);

	/**
	 * A withdrawal link.
	 *
	 * @param url the link
	 * @param expiresAt when it stops working (when the account is erased)
	 */
	record Link(String url, Instant expiresAt) {
	}

}
