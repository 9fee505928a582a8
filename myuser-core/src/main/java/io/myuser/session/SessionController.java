package io.myuser.session;

import java.util.List;
import java.util.UUID;

import io.myuser.security.AuthenticatedUser;
import io.myuser.support.ClientInfoResolver;
import io.myuser.support.RefusedException;
import io.myuser.support.web.MyUserApi;
import io.myuser.support.web.PathIds;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code sessions/}: the caller's live sessions; {@code sessions/{id}/}: end one of them at once.
 */
@MyUserApi
@RestController
public class SessionController {

	private final SessionService sessions;

	private final ClientInfoResolver clientInfoResolver;

	public SessionController(SessionService sessions, ClientInfoResolver clientInfoResolver) {
		Assert.notNull(sessions, "sessions cannot be null");
		Assert.notNull(clientInfoResolver, "clientInfoResolver cannot be null");
		this.sessions = sessions;
		this.clientInfoResolver = clientInfoResolver;
	}

	@GetMapping("/sessions")
	public List<SessionView> list(@AuthenticationPrincipal AuthenticatedUser user) {
		return this.sessions.liveSessions(user.userId())
			.stream()
			.map((session) -> SessionView.of(session, user.sessionId()))
			.toList();
	}

	@DeleteMapping("/sessions/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	public ResponseEntity<Void> revoke(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable String id,
			HttpServletRequest request) {
		UUID sessionId = parse(id);
		if (!this.sessions.revoke(user.userId(), sessionId, SessionService.REASON_REVOKED,
				this.clientInfoResolver.resolve(request))) {
			throw new SessionNotFoundException();
		}
		return ResponseEntity.noContent().build();
	}

	private static UUID parse(String id) {
		return PathIds.parse(id).orElseThrow(SessionNotFoundException::new);
	}

	/**
	 * No live session of the caller has that id (it may be another user's).
	 */
	static final class SessionNotFoundException extends RefusedException {

		SessionNotFoundException() {
			super(Reason.NOT_FOUND, "session-not-found", "Session not found",
					"You have no live session with that id.");
		}

	}

}
