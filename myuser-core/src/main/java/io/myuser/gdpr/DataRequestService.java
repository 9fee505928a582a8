package io.myuser.gdpr;

import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.myuser.account.AccountHolder;
import io.myuser.account.UserAccountService;
import io.myuser.jobs.JobScheduler;
import io.myuser.support.ClientInfo;
import io.myuser.support.persistence.RetryingTransactions;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * Accepts, lists and withdraws data requests. Creating one enqueues its processing on the job engine in the same
 * transaction: an export starts at once, a deletion at the end of its grace period. A user has at most one open
 * request of each type, which the database enforces even for requests arriving at the same moment.
 */
public class DataRequestService {

	private final DataRequestRepository requests;

	private final UserAccountService accounts;

	private final JobScheduler jobs;

	private final ApplicationEventPublisher events;

	private final GdprSettings settings;

	private final TransactionTemplate transaction;

	private final RetryingTransactions transactions;

	private final Clock clock;

	public DataRequestService(DataRequestRepository requests, UserAccountService accounts, JobScheduler jobs,
			ApplicationEventPublisher events, GdprSettings settings, PlatformTransactionManager transactionManager,
			Clock clock) {
		Assert.notNull(requests, "requests cannot be null");
		Assert.notNull(accounts, "accounts cannot be null");
		Assert.notNull(jobs, "jobs cannot be null");
		Assert.notNull(events, "events cannot be null");
		Assert.notNull(settings, "settings cannot be null");
		Assert.notNull(transactionManager, "transactionManager cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.requests = requests;
		this.accounts = accounts;
		this.jobs = jobs;
		this.events = events;
		this.settings = settings;
		this.transaction = new TransactionTemplate(transactionManager);
		this.transactions = new RetryingTransactions(transactionManager);
		this.clock = clock;
	}

	/**
	 * Return the settings requests are handled with.
	 * @return the settings
	 */
	public GdprSettings settings() {
		return this.settings;
	}

	/**
	 * Accept a request and enqueue its processing, in one transaction.
	 * @param userId the data subject
	 * @param type what they ask for
	 * @param notes their notes (may be empty)
	 * @param locale the language of the emails the request causes
	 * @param client who asks
	 * @return the new request, or empty when the account no longer exists or is inactive
	 * @throws OpenDataRequestException when the user already has an open request of that type
	 */
	public Optional<DataRequest> create(UUID userId, DataRequestType type, String notes, Locale locale,
			ClientInfo client) {
		Assert.notNull(userId, "userId cannot be null");
		Assert.notNull(type, "type cannot be null");
		Assert.notNull(notes, "notes cannot be null");
		Assert.notNull(locale, "locale cannot be null");
		Assert.notNull(client, "client cannot be null");
		try {
			return this.transactions.execute(() -> createInTransaction(userId, type, notes, locale, client));
		}
		catch (DataIntegrityViolationException ex) {
			// Another request of the same type committed between the check and the insert.
			UUID open = this.transaction.execute((status) -> findOpen(userId, type).map(DataRequest::getId)
				.orElse(null));
			throw new OpenDataRequestException(type, open);
		}
	}

	private Optional<DataRequest> createInTransaction(UUID userId, DataRequestType type, String notes,
			Locale locale, ClientInfo client) {
		// The account's lock first: an erasure that committed meanwhile leaves nothing to ask for.
		Optional<AccountHolder> user = this.accounts.lockLiveHolder(userId).filter(AccountHolder::active);
		if (user.isEmpty()) {
			return Optional.empty();
		}
		Optional<DataRequest> open = findOpen(userId, type);
		if (open.isPresent()) {
			throw new OpenDataRequestException(type, open.get().getId());
		}
		String language = locale.toLanguageTag();
		DataRequest request = DataRequest.create(userId, type, notes, this.settings.responseTime(),
				(type == DataRequestType.DELETE) ? this.settings.deletionGracePeriod() : Duration.ZERO,
				(language.length() <= 35 && !"und".equals(language)) ? language : "en");
		this.requests.saveAndFlush(request);
		Instant start = request.getScheduledFor();
		Assert.state(start != null, "a new request has a start");
		this.jobs.enqueue(GdprJobs.forType(type), request.getId().toString(),
				new GdprJobs.DataRequestJob(request.getId()), start);
		this.events.publishEvent(new DataRequestEvents.Created(userId, request.getId(), type, client));
		return Optional.of(request);
	}

	/**
	 * List a user's requests, newest first.
	 * @param userId the user
	 * @return the requests
	 */
	@Transactional(readOnly = true)
	public List<DataRequest> list(UUID userId) {
		Assert.notNull(userId, "userId cannot be null");
		return this.requests.findByUserIdOrderByCreatedAtDesc(userId);
	}

	/**
	 * Find one of a user's requests.
	 * @param userId the user
	 * @param requestId the request
	 * @return the request, or empty when there is none of that id or it is another user's
	 */
	@Transactional(readOnly = true)
	public Optional<DataRequest> find(UUID userId, UUID requestId) {
		Assert.notNull(userId, "userId cannot be null");
		Assert.notNull(requestId, "requestId cannot be null");
		return this.requests.findByIdAndUserId(requestId, userId);
	}

	/**
	 * Withdraw a deletion request during its grace period. The row is locked, so a withdrawal and the start of
	 * the erasure never overlap: whichever comes first wins. A withdrawal that lost a race for the locks runs
	 * again and decides on what the winner left.
	 * @param userId the user
	 * @param requestId the request
	 * @param client who withdraws it
	 * @return the withdrawn request, or empty when there is none of that id or it is another user's
	 * @throws DataRequestNotCancellableException when the request is no pending deletion
	 */
	public Optional<DataRequest> cancel(UUID userId, UUID requestId, ClientInfo client) {
		Assert.notNull(userId, "userId cannot be null");
		Assert.notNull(requestId, "requestId cannot be null");
		Assert.notNull(client, "client cannot be null");
		return this.transactions.execute(() -> cancelInTransaction(userId, requestId, client));
	}

	private Optional<DataRequest> cancelInTransaction(UUID userId, UUID requestId, ClientInfo client) {
		if (this.accounts.lockLiveHolder(userId).isEmpty()) {
			return Optional.empty();
		}
		Optional<DataRequest> found = this.requests.findForUpdate(requestId)
			.filter((request) -> request.getUserId().equals(userId));
		if (found.isEmpty()) {
			return Optional.empty();
		}
		DataRequest request = found.get();
		if (request.getRequestType() != DataRequestType.DELETE || request.getStatus() != DataRequestStatus.PENDING) {
			throw new DataRequestNotCancellableException(request);
		}
		request.cancel(this.clock.instant());
		this.events.publishEvent(new DataRequestEvents.Cancelled(userId, requestId, client));
		return Optional.of(request);
	}

	private Optional<DataRequest> findOpen(UUID userId, DataRequestType type) {
		return this.requests
			.findByUserIdAndRequestTypeAndStatusIn(userId, type,
					List.of(DataRequestStatus.PENDING, DataRequestStatus.PROCESSING))
			.stream()
			.findFirst();
	}

}
