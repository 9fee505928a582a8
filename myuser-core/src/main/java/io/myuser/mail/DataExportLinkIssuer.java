package io.myuser.mail;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues the download link the "export ready" email carries, when the email is sent, so the link's token never
 * waits in the job table.
 */
@FunctionalInterface
public interface DataExportLinkIssuer {

	/**
	 * Issue a fresh link to an export archive (the link sent before stops working).
	 * @param exportFileId the archive
	 * @return the link and until when it works, or empty when the archive can no longer be downloaded
	 */
	Optional<Link> issue(UUID exportFileId);

	/**
	 * A download link.
	 *
	 * @param url the link
	 * @param expiresAt when it stops working
	 */
	record Link(String url, Instant expiresAt) {
	}

}
