package io.myuser.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.myuser.support.ClientInfo;

import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

/**
 * Starts, lists and ends sessions.
 */
public class SessionService {

	private final UserSessionRepository sessions;

	private final Clock clock;

	public SessionService(UserSessionRepository sessions, Clock clock) {
		Assert.notNull(sessions, "sessions cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.sessions = sessions;
		this.clock = clock;
	}

	/**
	 * Start a session for a login, in the caller's transaction.
	 * @param userId the user who logged in
	 * @param client where the login came from
	 * @param loginMethod how ({@code password} or a social provider id)
	 * @param lifetime the absolute lifetime of the session
	 * @return the new session
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public UserSession start(UUID userId, ClientInfo client, String loginMethod, Duration lifetime) {
		Assert.notNull(userId, "userId cannot be null");
		Assert.notNull(client, "client cannot be null");
		Assert.hasText(loginMethod, "loginMethod cannot be empty");
		Instant now = this.clock.instant();
		return this.sessions.save(new UserSession(userId, client, loginMethod, now, now.plus(lifetime)));
	}

	/**
	 * List the live sessions of a user, newest first.
	 * @param userId the user
	 * @return the sessions
	 */
	@Transactional(readOnly = true)
	public List<UserSession> liveSessions(UUID userId) {
		Assert.notNull(userId, "userId cannot be null");
		return this.sessions.findLiveByUserId(userId, this.clock.instant());
	}

}
