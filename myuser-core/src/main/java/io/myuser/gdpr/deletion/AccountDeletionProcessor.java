package io.myuser.gdpr.deletion;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.myuser.account.EmailAddresses;
import io.myuser.account.User;
import io.myuser.account.UserAccountService;
import io.myuser.audit.AuditLogRepository;
import io.myuser.gdpr.DataExportFile;
import io.myuser.gdpr.DataExportFileRepository;
import io.myuser.gdpr.DataRequest;
import io.myuser.gdpr.DataRequestFailures;
import io.myuser.gdpr.DataRequestRepository;
import io.myuser.gdpr.DataRequestType;
import io.myuser.gdpr.GdprJobs;
import io.myuser.gdpr.export.ExportStorage;
import io.myuser.jobs.JobHandler;
import io.myuser.profile.ProfileService;
import io.myuser.session.SessionService;
import io.myuser.social.SocialAccountRepository;
import io.myuser.support.persistence.RetryingTransactions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.Assert;

/**
 * Carries out a deletion request once its grace period is over, on the job engine, in one transaction: every
 * session ends; session, consent and audit rows lose their client addresses and user agents (audit rows stay,
 * pseudonymised, under the account id); the profile, social accounts, one-time tokens and export archives go;
 * the notes of the user's requests are forgotten; the host's {@link UserDataEraser}s run; and the account row is
 * anonymised and soft-deleted, freeing the address. {@link AccountDeleted} is published for the audit row and
 * the confirmation email. A failure rolls it all back and the job engine retries it.
 * <p>
 * A request that was withdrawn, or is no longer open, is left alone; the request row is locked, so a withdrawal
 * and the erasure never overlap.
 */
public final class AccountDeletionProcessor implements JobHandler<GdprJobs.DataRequestJob> {

	private static final Logger logger = LoggerFactory.getLogger(AccountDeletionProcessor.class);

	private final DataRequestRepository requests;

	private final UserAccountService accounts;

	private final Collaborators collaborators;

	private final List<UserDataEraser> erasers;

	private final ApplicationEventPublisher events;

	private final DataRequestFailures failures;

	private final RetryingTransactions transactions;

	private final Clock clock;

	public AccountDeletionProcessor(DataRequestRepository requests, UserAccountService accounts,
			Collaborators collaborators, List<UserDataEraser> erasers, ApplicationEventPublisher events,
			DataRequestFailures failures, PlatformTransactionManager transactionManager, Clock clock) {
		Assert.notNull(requests, "requests cannot be null");
		Assert.notNull(accounts, "accounts cannot be null");
		Assert.notNull(collaborators, "collaborators cannot be null");
		Assert.notNull(erasers, "erasers cannot be null");
		Assert.notNull(events, "events cannot be null");
		Assert.notNull(failures, "failures cannot be null");
		Assert.notNull(transactionManager, "transactionManager cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.requests = requests;
		this.accounts = accounts;
		this.collaborators = collaborators;
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
		Optional<User> account = this.accounts.lockLive(owner.get());
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
		User user = account.get();
		String email = user.getEmail();
		String firstName = user.getFirstName();
		ErasureContext context = new ErasureContext(user.getId(), request.getId(), email, now);
		List<String> archives = eraseMyUserData(context);
		for (UserDataEraser eraser : this.erasers) {
			eraser.erase(context);
		}
		this.accounts.erase(user.getId());
		request.complete(now);
		this.events.publishEvent(new AccountDeleted(user.getId(), request.getId(), email, firstName,
				request.getLanguageTag(), now));
		logger.info("Erased the account {} (deletion request {})", user.getId(), request.getId());
		return archives;
	}

	private List<String> eraseMyUserData(ErasureContext context) {
		Collaborators c = this.collaborators;
		if (c.sessions() != null) {
			c.sessions().eraseClientData(context.userId());
		}
		if (c.profiles() != null) {
			c.profiles().eraseForUser(context.userId());
		}
		if (c.socialAccounts() != null) {
			c.socialAccounts().deleteAllByUserIdIncludingDeleted(context.userId());
		}
		for (DataRequest request : this.requests.findByUserIdOrderByCreatedAtDesc(context.userId())) {
			request.eraseNotes();
		}
		List<String> archives = new ArrayList<>();
		for (DataExportFile file : c.exportFiles().findByUserId(context.userId())) {
			file.expire(context.erasedAt());
			if (file.getFileDeletedAt() == null) {
				archives.add(file.getStorageKey());
			}
		}
		if (c.auditLogs() != null) {
			c.auditLogs().pseudonymiseByUserId(context.userId());
			c.auditLogs().pseudonymiseAnonymousRowsNaming(quotedForLike(context.email()));
		}
		return archives;
	}

	private void deleteArchiveQuietly(String key) {
		ExportStorage storage = this.collaborators.exportStorage();
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

	private static String quotedForLike(String email) {
		String lower = EmailAddresses.canonicalize(email).toLowerCase(Locale.ROOT);
		String escaped = lower.replace("!", "!!").replace("%", "!%").replace("_", "!_");
		return "\"" + escaped + "\"";
	}

	/**
	 * What the erasure works on besides the account and its requests. Features that are switched off are
	 * {@code null}.
	 *
	 * @param sessions the sessions, if the token feature is on
	 * @param profiles profiles and consent history, if the profile feature is on
	 * @param socialAccounts social accounts, if the social feature is on
	 * @param auditLogs the audit log, if the audit feature is on
	 * @param exportFiles the stored export archives
	 * @param exportStorage where the archives' files are, if exports are on
	 */
	public record Collaborators(@Nullable SessionService sessions, @Nullable ProfileService profiles,
			@Nullable SocialAccountRepository socialAccounts, @Nullable AuditLogRepository auditLogs,
			DataExportFileRepository exportFiles, @Nullable ExportStorage exportStorage) {

		public Collaborators {
			Assert.notNull(exportFiles, "exportFiles cannot be null");
		}

	}

}
