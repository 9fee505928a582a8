package io.myuser.session;

import io.myuser.personaldata.ErasureContext;
import io.myuser.personaldata.PersonalDataOrder;
import io.myuser.personaldata.UserDataEraser;

import org.springframework.core.Ordered;
import org.springframework.util.Assert;

/**
 * The sessions' part of an erasure: every session, ended ones included, loses its client address and user
 * agent (the sessions end when the account is deleted).
 */
public class SessionEraser implements UserDataEraser, Ordered {

	private final SessionService sessions;

	public SessionEraser(SessionService sessions) {
		Assert.notNull(sessions, "sessions cannot be null");
		this.sessions = sessions;
	}

	@Override
	public void erase(ErasureContext context) {
		this.sessions.eraseClientData(context.userId());
	}

	@Override
	public int getOrder() {
		return PersonalDataOrder.SESSIONS;
	}

}
