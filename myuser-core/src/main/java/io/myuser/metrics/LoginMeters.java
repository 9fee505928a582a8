package io.myuser.metrics;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.myuser.token.LoginFailed;
import io.myuser.token.RefreshTokenReuseDetected;
import io.myuser.token.TokenRefreshAttempted;
import io.myuser.token.UserLoggedIn;

import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.util.Assert;

/**
 * Counts logins ({@value MeterNames#LOGINS}), refreshes ({@value MeterNames#REFRESHES}) and refresh-token reuse
 * ({@value MeterNames#REFRESH_REUSE}) from the token feature's events, once the transaction that published them
 * commits (at once for events published outside one).
 */
public class LoginMeters {

	private final MeterRegistry registry;

	private final Counter reuse;

	private final Map<TokenRefreshAttempted.Result, Counter> refreshes = new EnumMap<>(
			TokenRefreshAttempted.Result.class);

	public LoginMeters(MeterRegistry registry) {
		Assert.notNull(registry, "registry cannot be null");
		this.registry = registry;
		this.reuse = Counter.builder(MeterNames.REFRESH_REUSE)
			.description("Sessions revoked because a rotated refresh token was presented again")
			.register(registry);
		for (TokenRefreshAttempted.Result result : TokenRefreshAttempted.Result.values()) {
			this.refreshes.put(result, Counter.builder(MeterNames.REFRESHES)
				.description("Calls of token/refresh/ by result")
				.tag(MeterNames.RESULT, result.tagValue())
				.register(registry));
		}
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	public void onLogin(UserLoggedIn event) {
		Quietly.record(MeterNames.LOGINS, () -> logins("success", event.method(), "none").increment());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	public void onLoginFailed(LoginFailed event) {
		Quietly.record(MeterNames.LOGINS, () -> logins("failure", event.method(), event.reason()).increment());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	public void onRefresh(TokenRefreshAttempted event) {
		Quietly.record(MeterNames.REFRESHES, () -> refreshes(event.result()).increment());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	public void onReuse(RefreshTokenReuseDetected event) {
		Quietly.record(MeterNames.REFRESH_REUSE, this.reuse::increment);
	}

	private Counter logins(String result, String method, String reason) {
		return Counter.builder(MeterNames.LOGINS)
			.description("Logins by result, method and reason of failure")
			.tag(MeterNames.RESULT, result)
			.tag(MeterNames.METHOD, method)
			.tag(MeterNames.REASON, reason)
			.register(this.registry);
	}

	private Counter refreshes(TokenRefreshAttempted.Result result) {
		// Registered once, in the constructor: a refresh is frequent enough that a registry lookup per call shows.
		return this.refreshes.get(result);
	}

}
