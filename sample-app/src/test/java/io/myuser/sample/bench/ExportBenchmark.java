package io.myuser.sample.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import javax.sql.DataSource;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.myuser.account.NewUser;
import io.myuser.account.UserAccountService;
import io.myuser.gdpr.DataRequest;
import io.myuser.gdpr.DataRequestRepository;
import io.myuser.gdpr.DataRequestType;
import io.myuser.gdpr.GdprJobs;
import io.myuser.gdpr.export.DataExportProcessor;
import io.myuser.gdpr.export.ExportStorage;
import io.myuser.sample.SampleApplication;
import io.myuser.support.ClientInfo;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The driver of {@code bench/gdpr-export-memory.sh}, not a test: exports one user with a given number of audit
 * rows and prints how fast it went and how much heap it took. Run it in a JVM of its own per size.
 * <p>
 * The rows live in an embedded PostgreSQL server, a separate process, so they are not in this JVM's heap; the
 * sample application runs on it as in production. The rows are inserted on the server with
 * {@code generate_series}. A smaller export of another user runs first to warm the JIT up, so that runs of
 * different sizes compare the same compiled code.
 * <p>
 * The export is measured by calling {@link DataExportProcessor#handle} on this thread, the very code the job engine
 * runs. The {@link DataRequest} is saved without enqueueing a job, so the job engine never runs the same export
 * alongside (going through {@code DataRequestService} would enqueue one, and the measured time would also hold
 * the engine's polling delay).
 * <p>
 * The export is measured in two ways:
 * <ol>
 * <li>timed, undisturbed (repeated up to five times within ten seconds when it is short, the median counting):
 * wall time, rows per second, and the heap's peaks as the collector left them (the sum of
 * the heap pools' peak usage, the highest used heap sampled every 10 ms, and the highest heap after a
 * collection). These depend on when the collector chose to run: garbage counts until it is collected.</li>
 * <li>the live set: the same export once more, while another thread forces a full collection at a steady pace (about 50
 * times over the export, at least 10 ms apart) and records the heap left after each. The highest of those is the
 * most memory the export actually held, whatever the collector's timing; it is the figure that shows whether
 * memory grows with the rows.</li>
 * </ol>
 * Usage: {@code ExportBenchmark <rows> [warm-up rows]}. The last line printed is
 * {@code RESULT key=value ...} for the script.
 */
public final class ExportBenchmark {

	private static final double MB = 1024.0 * 1024.0;

	private static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
			+ "Chrome/131.0.0.0 Safari/537.36";

	private final ConfigurableApplicationContext app;

	private final DataSource dataSource;

	private final DataExportProcessor processor;

	private final TransactionTemplate transaction;

	private ExportBenchmark(ConfigurableApplicationContext app) {
		this.app = app;
		this.dataSource = app.getBean(DataSource.class);
		this.processor = app.getBean(DataExportProcessor.class);
		this.transaction = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
	}

	public static void main(String[] args) throws Exception {
		if (args.length < 1) {
			System.err.println("usage: ExportBenchmark <rows> [warm-up rows]");
			System.exit(2);
		}
		int rows = Integer.parseInt(args[0]);
		int warmUpRows = (args.length > 1) ? Integer.parseInt(args[1]) : 50_000;
		Path exports = Files.createTempDirectory("myuser-export-bench");
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
				ConfigurableApplicationContext app = start(postgres, exports)) {
			new ExportBenchmark(app).run(rows, warmUpRows);
		}
		finally {
			try (Stream<Path> files = Files.walk(exports)) {
				files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
		}
	}

	private static ConfigurableApplicationContext start(EmbeddedPostgres postgres, Path exports) {
		// Arguments, not default properties: they must win over the sample's application.properties (H2).
		String[] arguments = { "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--server.port=0",
				"--myuser.token.signing.secret=base64:WLNoOHio2il1gNTRByT/rni6PBsPYRgx/Ndv+Xk8jOs=",
				"--sample.demo-user.enabled=false", "--myuser.mail.enabled=false",
				"--myuser.gdpr.export.location=" + exports, "--myuser.jobs.polling-interval=100ms",
				"--spring.main.banner-mode=off", "--logging.level.io.myuser=WARN" };
		return new SpringApplicationBuilder(SampleApplication.class).web(WebApplicationType.SERVLET)
			// This driver runs from the test classes: keep the tests' configurations out of the sample's scan.
			.initializers((context) -> context.getBeanFactory()
				.registerSingleton("benchmarkExcludesTestClasses", new ExcludeTestClasses()))
			.run(arguments);
	}

	private void run(int rows, int warmUpRows) throws Exception {
		try (Connection connection = this.dataSource.getConnection()) {
			String database = connection.getMetaData().getDatabaseProductName();
			if (!"PostgreSQL".equals(database)) {
				throw new IllegalStateException("expected the embedded PostgreSQL, got " + database);
			}
		}
		System.out.printf(Locale.ROOT, "jvm: %s %s, max heap %.0f MB, collectors %s, %d cores%n",
				System.getProperty("java.vm.name"), System.getProperty("java.version"),
				Runtime.getRuntime().maxMemory() / MB, ManagementFactory.getGarbageCollectorMXBeans()
					.stream()
					.map(GarbageCollectorMXBean::getName)
					.collect(Collectors.joining(", ")),
				Runtime.getRuntime().availableProcessors());

		UUID warmUp = createUser("warm-up@example.com");
		insertAuditRows(warmUp, warmUpRows);
		export(warmUp);
		System.out.printf(Locale.ROOT, "warmed up with an export of %d rows%n", warmUpRows);

		UUID user = createUser("bench@example.com");
		long inserting = System.nanoTime();
		int inserted = (int) (rows - countAuditRows(user)); // creating the account wrote one
		insertAuditRows(user, inserted);
		long stored = countAuditRows(user);
		System.out.printf(Locale.ROOT, "inserted %d audit rows in %.1f s: the user has %d%n", inserted,
				(System.nanoTime() - inserting) / 1e9, stored);

		// A short export is timed several times (the median counts); a long one, once.
		List<Timed> repetitions = new ArrayList<>();
		double total = 0;
		while (repetitions.isEmpty() || (repetitions.size() < 5 && total < 10)) {
			long expected = countAuditRows(user); // each completed export adds a row
			Timed timed = timedExport(user);
			long lines = verify(timed.requestId(), expected);
			System.out.printf(Locale.ROOT,
					"timed export: %d rows in %.3f s = %.0f rows/s, archive %.1f MB, %d audit lines verified%n",
					expected, timed.seconds(), expected / timed.seconds(), timed.archiveBytes() / MB, lines);
			System.out.printf(Locale.ROOT,
					"  heap as collected: pool peaks %.1f MB, sampled max used %.1f MB, max after a collection %s "
							+ "(%d collections, %d ms)%n",
					timed.poolPeaks() / MB, timed.sampledMax() / MB,
					(timed.collections() > 0) ? String.format(Locale.ROOT, "%.1f MB", timed.maxAfterGc() / MB)
							: "-",
					timed.collections(), timed.collectionMillis());
			repetitions.add(timed);
			total += timed.seconds();
		}
		Timed timed = repetitions.stream()
			.sorted(Comparator.comparingDouble(Timed::seconds))
			.toList()
			.get(repetitions.size() / 2);
		if (repetitions.size() > 1) {
			System.out.printf(Locale.ROOT, "median of %d: %.3f s = %.0f rows/s%n", repetitions.size(),
					timed.seconds(), stored / timed.seconds());
		}

		long interval = Math.max(10, Math.min(1000, Math.round(timed.seconds() * 1000 / 50)));
		long storedNow = countAuditRows(user); // a completed export adds a row
		Live live = liveSetExport(user, interval);
		verify(live.requestId(), storedNow);
		System.out.printf(Locale.ROOT,
				"live set: before the export %.1f MB, highest during it %.1f MB (+%.1f MB), %d full collections "
						+ "every %d ms%n",
				live.baseline() / MB, live.peak() / MB, (live.peak() - live.baseline()) / MB, live.samples(),
				interval);

		System.out.printf(Locale.ROOT,
				"RESULT rows=%d seconds=%.3f rows_per_s=%.0f archive_mb=%.1f pool_peaks_mb=%.1f sampled_max_mb=%.1f "
						+ "max_after_gc_mb=%.1f gcs=%d live_baseline_mb=%.1f live_peak_mb=%.1f live_samples=%d%n",
				stored, timed.seconds(), stored / timed.seconds(), timed.archiveBytes() / MB, timed.poolPeaks() / MB,
				timed.sampledMax() / MB, timed.maxAfterGc() / MB, timed.collections(), live.baseline() / MB,
				live.peak() / MB, live.samples());
	}

	private UUID createUser(String email) {
		return this.app.getBean(UserAccountService.class)
			.createUser(new NewUser(email, "a long and unusual passphrase", "Ada", "Lovelace", true, false),
					ClientInfo.NONE)
			.getId();
	}

	/**
	 * Insert rows on the server: one per 47 seconds from 2024 on, with the address, browser and details of a
	 * login.
	 */
	private void insertAuditRows(UUID userId, int rows) throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			try (PreparedStatement insert = connection.prepareStatement("""
					insert into myuser_audit_log
					    (id, user_id, event_type, ip_address, user_agent, details, created_at, updated_at)
					select gen_random_uuid(), ?,
					       (array['LOGIN', 'LOGOUT', 'LOGIN_FAILED', 'PROFILE_UPDATE'])[1 + i % 4],
					       '203.0.113.' || (1 + i % 254), ?,
					       '{"session_id":"' || md5(i::text) || '","method":"password"}',
					       timestamptz '2024-01-01 00:00:00+00' + i * interval '47 seconds',
					       timestamptz '2024-01-01 00:00:00+00' + i * interval '47 seconds'
					from generate_series(1, ?) as s(i)""")) {
				insert.setObject(1, userId);
				insert.setString(2, USER_AGENT);
				insert.setInt(3, rows);
				insert.executeUpdate();
			}
			try (Statement analyze = connection.createStatement()) {
				// As autovacuum would have done by the time a real user's history had grown that long.
				analyze.execute("analyze myuser_audit_log");
			}
		}
	}

	private long countAuditRows(UUID userId) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement count = connection.prepareStatement(
						"select count(*) from myuser_audit_log where user_id = ? and deleted_at is null")) {
			count.setObject(1, userId);
			try (ResultSet result = count.executeQuery()) {
				result.next();
				return result.getLong(1);
			}
		}
	}

	/** Save an export request without a job, so only this thread exports it. */
	private UUID newRequest(UUID userId) {
		Instant now = Instant.now();
		DataRequest request = new DataRequest(userId, DataRequestType.EXPORT, "", now.plus(30, ChronoUnit.DAYS), now,
				"en");
		this.transaction.executeWithoutResult((status) -> this.app.getBean(DataRequestRepository.class).save(request));
		return request.getId();
	}

	private UUID export(UUID userId) throws Exception {
		UUID requestId = newRequest(userId);
		this.processor.handle(new GdprJobs.DataRequestJob(requestId));
		return requestId;
	}

	private Timed timedExport(UUID userId) throws Exception {
		UUID requestId = newRequest(userId);
		List<MemoryPoolMXBean> heapPools = heapPools();
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		memory.gc();
		long collectionsBefore = collections();
		long collectionMillisBefore = collectionMillis();
		Collections afterGc = new Collections(false);
		heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
		Sampler sampler = new Sampler(10, () -> memory.getHeapMemoryUsage().getUsed());
		long start = System.nanoTime();
		this.processor.handle(new GdprJobs.DataRequestJob(requestId));
		long end = System.nanoTime();
		long sampledMax = sampler.stop();
		long poolPeaks = heapPools.stream().mapToLong((pool) -> pool.getPeakUsage().getUsed()).sum();
		long collections = collections() - collectionsBefore;
		long collectionMillis = collectionMillis() - collectionMillisBefore;
		afterGc.stop();
		return new Timed(requestId, (end - start) / 1e9, archiveBytes(requestId), poolPeaks, sampledMax,
				afterGc.maxHeapAfter(), collections, collectionMillis);
	}

	private Live liveSetExport(UUID userId, long intervalMillis) throws Exception {
		UUID requestId = newRequest(userId);
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		Collections before = new Collections(true);
		memory.gc();
		before.stop();
		Collections during = new Collections(true);
		Sampler sampler = new Sampler(intervalMillis, () -> {
			memory.gc();
			return 0;
		});
		this.processor.handle(new GdprJobs.DataRequestJob(requestId));
		sampler.stop();
		during.stop();
		return new Live(requestId, before.maxHeapAfter(), during.maxHeapAfter(), during.count());
	}

	private static long collections() {
		return ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.mapToLong(GarbageCollectorMXBean::getCollectionCount)
			.sum();
	}

	private static long collectionMillis() {
		return ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.mapToLong(GarbageCollectorMXBean::getCollectionTime)
			.sum();
	}

	private long archiveBytes(UUID requestId) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement query = connection.prepareStatement(
						"select file_size from myuser_data_export_file where data_request_id = ?")) {
			query.setObject(1, requestId);
			try (ResultSet result = query.executeQuery()) {
				if (!result.next()) {
					throw new IllegalStateException("request " + requestId + " has no archive: " + status(requestId));
				}
				return result.getLong(1);
			}
		}
	}

	private String status(UUID requestId) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement query = connection
					.prepareStatement("select status, notes from myuser_data_request where id = ?")) {
			query.setObject(1, requestId);
			try (ResultSet result = query.executeQuery()) {
				result.next();
				return result.getString(1) + " " + result.getString(2);
			}
		}
	}

	/**
	 * Read the stored archive back: {@code audit_logs.jsonl} must have one line per row stored when the export
	 * started, with the details as a JSON object.
	 */
	private long verify(UUID requestId, long expectedLines) throws Exception {
		String status = status(requestId);
		if (!status.startsWith("COMPLETED")) {
			throw new IllegalStateException("request " + requestId + " is " + status);
		}
		JsonMapper json = this.app.getBean(JsonMapper.class);
		long lines = 0;
		try (InputStream stored = this.app.getBean(ExportStorage.class)
			.open(DataExportProcessor.storageKey(this.app.getBean(DataRequestRepository.class)
				.findById(requestId)
				.orElseThrow()));
				ZipInputStream zip = new ZipInputStream(stored, StandardCharsets.UTF_8)) {
			ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null) {
				if (!entry.getName().equals("audit_logs.jsonl")) {
					continue;
				}
				BufferedReader reader = new BufferedReader(new InputStreamReader(zip, StandardCharsets.UTF_8));
				String line;
				while ((line = reader.readLine()) != null) {
					if (lines++ % 1000 == 0) {
						JsonNode details = json.readTree(line).get("details");
						// The oldest row is the first inserted one: a login with its session.
						if (!details.isObject() || (lines == 1 && details.get("session_id") == null)) {
							throw new IllegalStateException("unexpected audit line: " + line);
						}
					}
				}
			}
		}
		if (lines != expectedLines) {
			throw new IllegalStateException("audit_logs.jsonl has " + lines + " lines, expected " + expectedLines);
		}
		return lines;
	}

	private static List<MemoryPoolMXBean> heapPools() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP && pool.isValid())
			.toList();
	}

	private record Timed(UUID requestId, double seconds, long archiveBytes, long poolPeaks, long sampledMax,
			long maxAfterGc, long collections, long collectionMillis) {
	}

	private record Live(UUID requestId, long baseline, long peak, long samples) {
	}

	/**
	 * Listens to the collector's notifications and keeps the highest heap usage it reports right after a
	 * collection, exact whatever the other threads do meanwhile.
	 */
	private static final class Collections implements NotificationListener {

		private final boolean fullOnly;

		private final Set<String> heapPools = heapPools().stream()
			.map(MemoryPoolMXBean::getName)
			.collect(Collectors.toSet());

		private final List<NotificationEmitter> emitters = new ArrayList<>();

		private final AtomicLong max = new AtomicLong();

		private final AtomicLong count = new AtomicLong();

		/**
		 * Start listening.
		 * @param fullOnly whether to count only full collections (such as those of {@code System.gc()})
		 */
		Collections(boolean fullOnly) {
			this.fullOnly = fullOnly;
			for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
				NotificationEmitter emitter = (NotificationEmitter) collector;
				emitter.addNotificationListener(this, null, null);
				this.emitters.add(emitter);
			}
		}

		@Override
		public void handleNotification(Notification notification, Object handback) {
			if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
				return;
			}
			GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
				.from((CompositeData) notification.getUserData());
			if (this.fullOnly && !info.getGcAction().contains("major")) {
				return;
			}
			long used = info.getGcInfo()
				.getMemoryUsageAfterGc()
				.entrySet()
				.stream()
				.filter((pool) -> this.heapPools.contains(pool.getKey()))
				.mapToLong((pool) -> pool.getValue().getUsed())
				.sum();
			this.max.accumulateAndGet(used, Math::max);
			this.count.incrementAndGet();
		}

		/** Stop listening, once the notifications of the collections so far are delivered. */
		void stop() throws Exception {
			Thread.sleep(300); // they are delivered on a thread of their own
			for (NotificationEmitter emitter : this.emitters) {
				emitter.removeNotificationListener(this);
			}
		}

		long maxHeapAfter() {
			return this.max.get();
		}

		long count() {
			return this.count.get();
		}

	}

	/** Takes a reading at a steady pace on a thread of its own and keeps the highest. */
	private static final class Sampler {

		private final Thread thread;

		private final AtomicLong max = new AtomicLong();

		private volatile boolean running = true;

		Sampler(long intervalMillis, java.util.function.LongSupplier reading) {
			this.thread = new Thread(() -> {
				while (this.running) {
					this.max.accumulateAndGet(reading.getAsLong(), Math::max);
					try {
						Thread.sleep(intervalMillis);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}, "export-benchmark-sampler");
			this.thread.setDaemon(true);
			this.thread.start();
		}

		long stop() throws InterruptedException {
			this.running = false;
			this.thread.interrupt();
			this.thread.join();
			return this.max.get();
		}

	}

}
