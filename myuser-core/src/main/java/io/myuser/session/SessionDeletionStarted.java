package io.myuser.session;

import java.util.List;
import java.util.UUID;

import org.springframework.util.Assert;

/**
 * Published inside the transaction that is about to delete session rows (the clean-up of sessions that ended long
 * ago). Features that keep rows referring to a session delete them here, in the same transaction; MyUser's token
 * feature deletes the sessions' refresh tokens, which the database requires to go first.
 *
 * @param sessionIds the sessions being deleted
 */
public record SessionDeletionStarted(List<UUID> sessionIds) {

	public SessionDeletionStarted {
		Assert.notEmpty(sessionIds, "sessionIds cannot be empty");
		sessionIds = List.copyOf(sessionIds);
	}

}
