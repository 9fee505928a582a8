package io.myuser.gdpr.export;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.myuser.account.AccountHolder;
import io.myuser.account.UserAccountService;
import io.myuser.gdpr.DataExportFile;
import io.myuser.gdpr.DataExportFileRepository;
import io.myuser.gdpr.DataRequest;
import io.myuser.gdpr.DataRequestEvents;
import io.myuser.gdpr.DataRequestFailures;
import io.myuser.gdpr.DataRequestRepository;
import io.myuser.gdpr.DataRequestType;
import io.myuser.gdpr.GdprJobs;
import io.myuser.jobs.JobHandler;
import io.myuser.personaldata.ExportContext;
import io.myuser.support.SecretTokens;
import io.myuser.support.persistence.RetryingTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.Assert;

/**
 * Answers an export request on the job engine: builds the archive with the {@link UserDataExporter}, stores it
 * through {@link ExportStorage} and records it with a download link that expires. The request is
 * {@code PROCESSING} meanwhile. An attempt that fails discards its partial archive and is retried by the job
 * engine with backoff; when the retries run out the request is {@code FAILED} with the reason in its notes.
 * <p>
 * Every attempt writes the same storage key (the request's id), so what a crashed attempt left is replaced by the
 * next one and a request never leaves more than one archive. A request that is no longer open is left alone, so
 * the job may run again safely.
 */
public final class DataExportProcessor implements JobHandler<GdprJobs.DataRequestJob> {

	/** Version of the archive's layout, in {@code export_info.json}. */
	public static final String FORMAT_VERSION = "1.0";

	private static final Logger logger = LoggerFactory.getLogger(DataExportProcessor.class);

	private final DataRequestRepository requests;

	private final DataExportFileRepository files;

	private final UserAccountService accounts;

	private final UserDataExporter exporter;

	private final ExportStorage storage;

	private final ExportSettings settings;

	private final ApplicationEventPublisher events;

	private final JsonMapper jsonMapper;

	private final DataRequestFailures failures;

	private final RetryingTransactions transactions;

	private final Clock clock;

	public DataExportProcessor(DataRequestRepository requests, DataExportFileRepository files,
			UserAccountService accounts, UserDataExporter exporter, ExportStorage storage, ExportSettings settings,
			ApplicationEventPublisher events, JsonMapper jsonMapper, DataRequestFailures failures,
			PlatformTransactionManager transactionManager, Clock clock) {
		Assert.notNull(requests, "requests cannot be null");
		Assert.notNull(files, "files cannot be null");
		Assert.notNull(accounts, "accounts cannot be null");
		Assert.notNull(exporter, "exporter cannot be null");
		Assert.notNull(storage, "storage cannot be null");
		Assert.notNull(settings, "settings cannot be null");
		Assert.notNull(events, "events cannot be null");
		Assert.notNull(jsonMapper, "jsonMapper cannot be null");
		Assert.notNull(failures, "failures cannot be null");
		Assert.notNull(transactionManager, "transactionManager cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.requests = requests;
		this.files = files;
		this.accounts = accounts;
		this.exporter = exporter;
		this.storage = storage;
		this.settings = settings;
		this.events = events;
		this.jsonMapper = jsonMapper;
		this.failures = failures;
		this.transactions = new RetryingTransactions(transactionManager);
		this.clock = clock;
	}

	/**
	 * The storage key of a request's archive.
	 * @param request the request
	 * @return the key
	 */
	public static String storageKey(DataRequest request) {
		return "export-" + request.getId() + ".zip";
	}

	@Override
	public void handle(GdprJobs.DataRequestJob job) throws Exception {
		long startedAt = System.nanoTime();
		Optional<DataRequest> started;
		try {
			started = this.transactions.execute(() -> start(job));
		}
		catch (RuntimeException ex) {
			attempted(DataExportAttempted.Result.FAILED, startedAt, 0);
			throw ex;
		}
		if (started == null || started.isEmpty()) {
			return;
		}
		long size;
		try {
			size = export(started.get());
		}
		catch (Exception | Error ex) {
			attempted(DataExportAttempted.Result.FAILED, startedAt, 0);
			throw ex;
		}
		attempted((size >= 0) ? DataExportAttempted.Result.COMPLETED : DataExportAttempted.Result.DISCARDED,
				startedAt, Math.max(size, 0));
	}

	private void attempted(DataExportAttempted.Result result, long startedAt, long size) {
		try {
			this.events.publishEvent(
					new DataExportAttempted(result, Duration.ofNanos(System.nanoTime() - startedAt), size));
		}
		catch (RuntimeException ex) {
			logger.warn("A listener of DataExportAttempted failed", ex);
		}
	}

	/**
	 * Build, store and record the archive of a started request.
	 * @return the archive's size, or -1 when the account went away meanwhile and the archive was discarded
	 */
	private long export(DataRequest request) throws Exception {
		Instant exportedAt = this.clock.instant();
		String key = storageKey(request);
		long size;
		try (ExportStorage.Upload upload = this.storage.create(key)) {
			ZipExportArchive archive = new ZipExportArchive(upload.stream(), this.jsonMapper, exportedAt);
			this.exporter.export(new ExportContext(request.getId(), request.getUserId(), request.getCreatedAt(),
					exportedAt, this.settings.pageSize()), archive);
			archive.json("export_info.json", exportInfo(request, exportedAt, archive.entryNames()));
			archive.finish();
			size = upload.commit();
		}
		boolean recorded;
		try {
			recorded = Boolean.TRUE.equals(this.transactions.execute(() -> record(request, key, size)));
		}
		catch (RuntimeException ex) {
			deleteQuietly(key);
			throw ex;
		}
		if (!recorded) {
			deleteQuietly(key);
			return -1;
		}
		return size;
	}

	@Override
	public void onGiveUp(GdprJobs.DataRequestJob job, Throwable lastFailure) {
		logger.error("Gave up exporting the data of request {}", job.requestId(), lastFailure);
		this.failures.giveUp(job.requestId(), lastFailure, (request) -> deleteQuietly(storageKey(request)));
	}

	private Optional<DataRequest> start(GdprJobs.DataRequestJob job) {
		Optional<UUID> owner = this.requests.findById(job.requestId()).map(DataRequest::getUserId);
		if (owner.isEmpty()) {
			logger.debug("Data request {} is gone; nothing to do", job.requestId());
			return Optional.empty();
		}
		// The account's lock first, then the request's: the order every writer of both keeps.
		Optional<AccountHolder> account = this.accounts.lockLiveHolder(owner.get()).filter(AccountHolder::active);
		Optional<DataRequest> found = this.requests.findForUpdate(job.requestId());
		if (found.isEmpty() || !found.get().isOpen() || found.get().getRequestType() != DataRequestType.EXPORT) {
			logger.debug("Data request {} is not an open export; nothing to do", job.requestId());
			return Optional.empty();
		}
		DataRequest request = found.get();
		if (account.isEmpty()) {
			failAccountGone(request);
			return Optional.empty();
		}
		request.startAttempt();
		return Optional.of(request);
	}

	private void failAccountGone(DataRequest request) {
		request.fail("the account no longer exists or is inactive", this.clock.instant());
		this.events.publishEvent(new DataRequestEvents.Failed(request.getUserId(), request.getId(),
				request.getRequestType(), "account gone"));
	}

	/**
	 * Record the finished archive, under the account's lock: an account erased or deactivated while the archive
	 * was written gets no archive (the request fails and the caller deletes the file).
	 * @return whether the archive was recorded
	 */
	private boolean record(DataRequest detached, String key, long size) {
		Optional<AccountHolder> account = this.accounts.lockLiveHolder(detached.getUserId())
			.filter(AccountHolder::active);
		DataRequest request = this.requests.findForUpdate(detached.getId())
			.filter(DataRequest::isOpen)
			.orElseThrow(() -> new IllegalStateException("data request " + detached.getId() + " ended meanwhile"));
		if (account.isEmpty()) {
			failAccountGone(request);
			return false;
		}
		AccountHolder holder = account.get();
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(this.settings.retention());
		// The real download token is issued when the email is sent; until then the link is a random one nobody has.
		DataExportFile file = this.files.save(new DataExportFile(request.getUserId(), request.getId(),
				SecretTokens.hash(SecretTokens.generate()), key, size, expiresAt, this.settings.maxDownloads()));
		request.complete(now);
		this.events.publishEvent(new DataExportCompleted(request.getUserId(), request.getId(), file.getId(),
				holder.email(), request.getLanguageTag(), expiresAt));
		return true;
	}

	private Map<String, Object> exportInfo(DataRequest request, Instant exportedAt, List<String> entries) {
		Map<String, Object> info = new LinkedHashMap<>();
		info.put("request_id", request.getId().toString());
		info.put("user_id", request.getUserId().toString());
		info.put("request_date", request.getCreatedAt());
		info.put("export_date", exportedAt);
		info.put("format_version", FORMAT_VERSION);
		info.put("files", entries);
		return info;
	}

	private void deleteQuietly(String key) {
		try {
			this.storage.delete(key);
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Could not delete export archive {}", key, ex);
		}
	}

}
