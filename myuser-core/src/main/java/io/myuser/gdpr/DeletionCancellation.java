package io.myuser.gdpr;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import io.myuser.account.AccountHolder;
import io.myuser.account.EmailLinkTokenPurpose;
import io.myuser.account.EmailLinkTokenService;
import io.myuser.account.UserAccountService;
import io.myuser.support.ClientInfo;
import io.myuser.support.InvalidInputException;
import io.myuser.support.persistence.RetryingTransactions;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.Assert;

/**
 * The one-click withdrawal of a deletion request from the email sent when it was made. The link's token is a
 * one-time token of purpose {@link EmailLinkTokenPurpose#DELETION_CANCEL}: it names the request it withdraws (its
 * first 22 characters are the request id), carries 256 random bits, is stored as the SHA-256 hash of the whole
 * token only, is issued when the email is sent, works once, and expires when the grace period ends.
 * <p>
 * Locks are taken in the order every deletion path uses: the account's row, the data request's, then the one-time
 * tokens.
 * A withdrawal that is refused (the request is no longer pending) rolls back whole, so its token stays unused; one
 * that lost a race for a lock (to the erasure, say) runs again and decides on what the winner left.
 */
public class DeletionCancellation {

	/** The JSON field that carries the token. */
	public static final String TOKEN_FIELD = "token";

	/** Length of the request id at the start of a token: 16 bytes in unpadded base64url. */
	private static final int ID_LENGTH = 22;

	/** What a token looks like: the request id, then base64url random bits. */
	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{" + ID_LENGTH + "}[A-Za-z0-9_-]{32,128}");

	private final DataRequestRepository requests;

	private final DataRequestService service;

	private final UserAccountService accounts;

	private final EmailLinkTokenService emailLinkTokens;

	private final ApplicationEventPublisher events;

	private final RetryingTransactions transactions;

	private final Clock clock;

	public DeletionCancellation(DataRequestRepository requests, DataRequestService service,
			UserAccountService accounts, EmailLinkTokenService emailLinkTokens, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager, Clock clock) {
		Assert.notNull(requests, "requests cannot be null");
		Assert.notNull(service, "service cannot be null");
		Assert.notNull(accounts, "accounts cannot be null");
		Assert.notNull(emailLinkTokens, "emailLinkTokens cannot be null");
		Assert.notNull(events, "events cannot be null");
		Assert.notNull(transactionManager, "transactionManager cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.requests = requests;
		this.service = service;
		this.accounts = accounts;
		this.emailLinkTokens = emailLinkTokens;
		this.events = events;
		this.transactions = new RetryingTransactions(transactionManager);
		this.clock = clock;
	}

	/**
	 * Announce a new deletion request, in the transaction that stored it: publishes {@link AccountDeletionScheduled}, for
	 * the email that tells the user the date and carries the withdrawal link.
	 * @param event the new request
	 */
	@EventListener
	public void onCreated(DataRequestEvents.Created event) {
		if (event.requestType() != DataRequestType.DELETE) {
			return;
		}
		Optional<DataRequest> request = this.requests.findById(event.requestId());
		Optional<AccountHolder> holder = this.accounts.findLiveHolder(event.userId());
		if (request.isEmpty() || holder.isEmpty() || request.get().getScheduledFor() == null) {
			return;
		}
		this.events.publishEvent(new AccountDeletionScheduled(event.userId(), event.requestId(), holder.get().email(),
				request.get().getLanguageTag(), request.get().getScheduledFor()));
	}

	/**
	 * Issue the withdrawal token of a deletion request, for the email being sent now; a token issued before for
	 * the same user stops working.
	 * @param requestId the deletion request
	 * @return the token, which expires when the grace period ends, or empty when the request is no longer pending,
	 * its grace period is over (a zero grace period), or the account is gone
	 */
	public Optional<EmailLinkTokenService.IssuedToken> issueToken(UUID requestId) {
		Assert.notNull(requestId, "requestId cannot be null");
		Optional<UUID> owner = this.requests.findById(requestId).map(DataRequest::getUserId);
		if (owner.isEmpty()) {
			return Optional.empty();
		}
		// The account's lock first, then the request's: the order every writer of both keeps.
		Optional<EmailLinkTokenService.IssuedToken> issued = this.transactions.execute(() -> {
			Instant now = this.clock.instant();
			Optional<AccountHolder> holder = this.accounts.lockLiveHolder(owner.get()).filter(AccountHolder::active);
			if (holder.isEmpty()) {
				return Optional.empty();
			}
			Optional<DataRequest> request = this.requests.findForUpdate(requestId)
				.filter((candidate) -> candidate.getRequestType() == DataRequestType.DELETE
						&& candidate.getStatus() == DataRequestStatus.PENDING && candidate.getScheduledFor() != null
						&& candidate.getScheduledFor().isAfter(now));
			if (request.isEmpty()) {
				return Optional.empty();
			}
			Instant expiresAt = request.get().getScheduledFor();
			Assert.state(expiresAt != null, "a pending deletion has a start");
			return this.emailLinkTokens.issue(holder.get().id(), holder.get().email(),
					EmailLinkTokenPurpose.DELETION_CANCEL, expiresAt, encode(requestId));
		});
		return (issued != null) ? issued : Optional.empty();
	}

	/**
	 * Withdraw the deletion request a token names, using the token up.
	 * @param token the token from the link
	 * @param client who withdraws it
	 * @return the withdrawn request
	 * @throws InvalidInputException (400, naming {@code token}) when the token is unknown, used or expired
	 * @throws DataRequestNotCancellableException (409) when the request is no longer pending; the token stays
	 * unused
	 */
	public DataRequest cancel(String token, ClientInfo client) {
		Assert.notNull(token, "token cannot be null");
		Assert.notNull(client, "client cannot be null");
		UUID requestId = decode(token).orElseThrow(DeletionCancellation::invalidToken);
		UUID owner = this.requests.findById(requestId).map(DataRequest::getUserId)
			.orElseThrow(DeletionCancellation::invalidToken);
		DataRequest cancelled = this.transactions.execute(() -> {
			// The account's lock first, then the request's, then the token's.
			this.accounts.lockLiveHolder(owner).orElseThrow(DeletionCancellation::invalidToken);
			DataRequest request = this.requests.findForUpdate(requestId).orElseThrow(DeletionCancellation::invalidToken);
			UUID tokenOwner = this.emailLinkTokens.consumeForOwner(token, EmailLinkTokenPurpose.DELETION_CANCEL)
				.orElseThrow(DeletionCancellation::invalidToken);
			if (!tokenOwner.equals(request.getUserId())) {
				throw invalidToken();
			}
			return this.service.cancel(request.getUserId(), requestId, client)
				.orElseThrow(DeletionCancellation::invalidToken);
		});
		Assert.state(cancelled != null, "no request");
		return cancelled;
	}

	static String encode(UUID requestId) {
		ByteBuffer bytes = ByteBuffer.allocate(16);
		bytes.putLong(requestId.getMostSignificantBits()).putLong(requestId.getLeastSignificantBits());
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
	}

	static Optional<UUID> decode(String token) {
		if (!TOKEN.matcher(token).matches()) {
			return Optional.empty();
		}
		try {
			ByteBuffer bytes = ByteBuffer.wrap(Base64.getUrlDecoder().decode(token.substring(0, ID_LENGTH)));
			return Optional.of(new UUID(bytes.getLong(), bytes.getLong()));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static InvalidInputException invalidToken() {
		return InvalidInputException.forField(TOKEN_FIELD, "Invalid value: the link is unknown, used or expired.");
	}

}
