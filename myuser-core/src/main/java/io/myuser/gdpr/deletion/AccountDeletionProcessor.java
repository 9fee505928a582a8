package io.myuser.gdpr.deletion;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.myuser.account.AccountHolder;
import io.myuser.account.UserAccountService;
import io.myuser.gdpr.DataExportFile;
import io.myuser.gdpr.DataExportFileRepository;
import io.myuser.gdpr.DataRequest;
import io.myuser.gdpr.DataRequestFailures;
import io.myuser.gdpr.DataRequestRepository;
import io.myuser.gdpr.DataRequestType;
import io.myuser.gdpr.GdprJobs;
import io.myuser.gdpr.export.ExportStorage;
import io.myuser.jobs.JobHandler;
import io.myuser.personaldata.ErasureContext;
import io.myuser.personaldata.UserDataEraser;
import io.myuser.support.persistence.RetryingTransactions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.Assert;

/**
 * Carries out a deletion request once its grace period is over, on the job engine, in one transaction that holds
 * the account's row lock throughout: the notes of the user's requests are forgotten and the export archives
 * expire (the GDPR feature's own data); every {@link UserDataEraser} runs in order, first those of MyUser's
 * features (the profile, the sessions' client data, the audit rows, the social accounts: each feature erases its
 * own), then the host's; and the account row is anonymised and soft-deleted, freeing the address, its one-time
 * tokens gone and its sessions ended. {@link AccountDeleted} is published for the audit row and the confirmation
 * email. A failure rolls it all back and the job engine retries it; the archives' files are deleted after the
 * commit.
 * <p>
 * A request that was withdrawn, or is no longer open, is left alone; the request row is locked, so a withdrawal
 * and the erasure never overlap.
 */
public final class AccountDeletionProcessor implements JobHandler<GdprJobs.DataRequestJob> {

	private static final Logger logger = LoggerFactory.getLogger(AccountDeletionProcessor.class);

	private final DataRequestRepository requests;

	private final UserAccountService accounts;

	private final DataExportFileRepository exportFiles;

	private final @Nullable ExportStorage exportStorage;

	private final List<UserDataEraser> erasers;

	private final ApplicationEventPublisher events;

	private final DataRequestFailures failures;

	private final RetryingTransactions transactions;

	private final Clock clock;

	/**
	 * Create the processor.
	 * @param requests the data requests
	 * @param accounts the accounts
	 * @param exportFiles the stored export archives
	 * @param exportStorage where the archives' files are, if exports were ever on
	 * @param erasers every feature's and the host's erasers, in order
	 * @param events publishes {@link AccountDeleted}
	 * @param failures ends a request whose retries ran out
	 * @param transactionManager runs the erasure
	 * @param clock the time
	 */
	public AccountDeletionProcessor(DataRequestRepository requests, UserAccountService accounts,
			DataExportFileRepository exportFiles, @Nullable ExportStorage exportStorage, List<UserDataEraser> erasers,
			ApplicationEventPublisher events, DataRequestFailures failures,
			PlatformTransactionManager transactionManager, Clock clock) {
		Assert.notNull(requests, "requests cannot be null");
		Assert.notNull(accounts, "accounts cannot be null");
		Assert.notNull(exportFiles, "exportFiles cannot be null");
		Assert.notNull(erasers, "erasers cannot be null");
		Assert.notNull(events, "events cannot be null");
		Assert.notNull(failures, "failures cannot be null");
		Assert.notNull(transactionManager, "transactionManager cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.requests = requests;
		this.accounts = accounts;
		this.exportFiles = exportFiles;
		this.exportStorage = exportStorage;
		this.erasers = List.copyOf(erasers);
		this.events = events;
		this.failures = failures;
		this.transactions = new RetryingTransactions(transactionManager);
		this.clock = clock;
	}

	@Override
	public void handle(GdprJobs.DataRequestJob job) {
		List<String> archives = this.transactions.execute(() -> erase(job));
		if (archives != null) {
			archives.forEach(this::deleteArchiveQuietly);
		}
	}

	@Override
	public void onGiveUp(GdprJobs.DataRequestJob job, Throwable lastFailure) {
		logger.error("Gave up deleting the account of request {}", job.requestId(), lastFailure);
		this.failures.giveUp(job.requestId(), lastFailure, (request) -> {
		});
	}

	private @Nullable List<String> erase(GdprJobs.DataRequestJob job) {
		Optional<UUID> owner = this.requests.findById(job.requestId()).map(DataRequest::getUserId);
		if (owner.isEmpty()) {
			logger.debug("Data request {} is gone; nothing to do", job.requestId());
			return null;
		}
		// The account's lock first, then the request's (the order of every writer of both): from here until the
		// commit no login, password change, profile or session write of the account can slip in, and each of them
		// waiting for the lock finds the account erased.
		Optional<AccountHolder> account = this.accounts.lockLiveHolder(owner.get());
		Optional<DataRequest> found = this.requests.findForUpdate(job.requestId());
		if (found.isEmpty() || found.get().getRequestType() != DataRequestType.DELETE || !found.get().isOpen()) {
			logger.debug("Data request {} is not an open deletion; nothing to do", job.requestId());
			return null;
		}
		DataRequest request = found.get();
		Instant now = this.clock.instant();
		if (request.getScheduledFor() != null && now.isBefore(request.getScheduledFor())) {
			throw new IllegalStateException("the grace period of deletion request " + request.getId()
					+ " ends at " + request.getScheduledFor());
		}
		request.startAttempt();
		if (account.isEmpty()) {
			request.complete(now);
			return List.of();
		}
		AccountHolder holder = account.get();
		ErasureContext context = new ErasureContext(holder.id(), request.getId(), holder.email(), now);
		List<String> archives = eraseRequestData(context);
		for (UserDataEraser eraser : this.erasers) {
			eraser.erase(context);
		}
		this.accounts.erase(holder.id());
		request.complete(now);
		this.events.publishEvent(new AccountDeleted(holder.id(), request.getId(), holder.email(),
				holder.firstName(), request.getLanguageTag(), now));
		logger.info("Erased the account {} (deletion request {})", holder.id(), request.getId());
		return archives;
	}

	/** The GDPR feature's own data: request notes and export archives. Returns the archives' keys. */
	private List<String> eraseRequestData(ErasureContext context) {
		for (DataRequest request : this.requests.findByUserIdOrderByCreatedAtDesc(context.userId())) {
			request.eraseNotes();
		}
		List<String> archives = new ArrayList<>();
		for (DataExportFile file : this.exportFiles.findByUserId(context.userId())) {
			file.expire(context.erasedAt());
			if (file.getFileDeletedAt() == null) {
				archives.add(file.getStorageKey());
			}
		}
		return archives;
	}

	private void deleteArchiveQuietly(String key) {
		ExportStorage storage = this.exportStorage;
		if (storage == null) {
			return;
		}
		try {
			storage.delete(key);
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Could not delete export archive {} of an erased account; the export clean-up will retry",
					key, ex);
		}
	}

}
