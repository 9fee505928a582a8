package io.myuser.autoconfigure.gdpr;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.myuser.account.User;
import io.myuser.autoconfigure.MyUserContextRunners;
import io.myuser.autoconfigure.MyUserTestUsers;
import io.myuser.gdpr.DataExportFile;
import io.myuser.gdpr.DataExportFileRepository;
import io.myuser.gdpr.DataRequest;
import io.myuser.gdpr.DataRequestController;
import io.myuser.gdpr.DeletionCancellation;
import io.myuser.gdpr.DeletionCancellationController;
import io.myuser.gdpr.DeletionReauthentication;
import io.myuser.gdpr.DataRequestRepository;
import io.myuser.gdpr.DataRequestService;
import io.myuser.gdpr.DataRequestType;
import io.myuser.gdpr.GdprJobs;
import io.myuser.gdpr.GdprSettings;
import io.myuser.gdpr.deletion.AccountDeletionProcessor;
import io.myuser.gdpr.export.DataExportDownloadController;
import io.myuser.gdpr.export.DataExportDownloads;
import io.myuser.gdpr.export.DataExportProcessor;
import io.myuser.gdpr.export.DataRequestExportSection;
import io.myuser.gdpr.export.DefaultUserDataExporter;
import io.myuser.gdpr.export.ExportFileCleanup;
import io.myuser.gdpr.export.ExportSettings;
import io.myuser.gdpr.export.ExportStorage;
import io.myuser.gdpr.export.FileSystemExportStorage;
import io.myuser.gdpr.export.UserDataExporter;
import io.myuser.jobs.OneTimeJob;
import io.myuser.jobs.RecurringJob;
import io.myuser.support.ClientInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.test.context.assertj.ApplicationContextAssertProvider;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MyUserGdprAutoConfiguration}: the GDPR storage model, the processing beans (which need the job
 * engine), the endpoints, the back-off to host beans and the switches of each part.
 */
class MyUserGdprAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = MyUserContextRunners.web();

	@Test
	void gdprEntitiesAndRepositoriesArePresentByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(AutoConfigurationPackages.get(context)).contains(DataRequest.class.getPackageName());
			assertThat(MyUserContextRunners.managedEntities(context)).contains(DataRequest.class, DataExportFile.class);
			assertThat(context).hasSingleBean(DataRequestRepository.class)
				.hasSingleBean(DataExportFileRepository.class);
		});
	}

	@Test
	void gdprEntitiesAndRepositoriesAreAbsentWhenGdprIsDisabled() {
		this.contextRunner.withPropertyValues("myuser.gdpr.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(AutoConfigurationPackages.get(context)).doesNotContain(DataRequest.class.getPackageName());
			assertThat(MyUserContextRunners.managedEntities(context)).doesNotContain(DataRequest.class,
					DataExportFile.class);
			assertThat(context).doesNotHaveBean(DataRequestRepository.class)
				.doesNotHaveBean(DataExportFileRepository.class);
		});
	}

	@Test
	void processingBeansAndEndpointsArePresentByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(DataRequestService.class)
				.hasSingleBean(DataRequestController.class)
				.hasSingleBean(DataExportProcessor.class)
				.hasSingleBean(DataExportDownloads.class)
				.hasSingleBean(DataExportDownloadController.class)
				.hasSingleBean(ExportFileCleanup.class)
				.hasSingleBean(AccountDeletionProcessor.class)
				.hasSingleBean(DeletionCancellation.class)
				.hasSingleBean(DeletionCancellationController.class)
				.hasSingleBean(DeletionReauthentication.class)
				.hasSingleBean(DataRequestExportSection.class);
			assertThat(context.getBean(DeletionReauthentication.class).window()).isEqualTo(Duration.ofMinutes(10));
			assertThat(context.getBean(UserDataExporter.class)).isExactlyInstanceOf(DefaultUserDataExporter.class);
			assertThat(context.getBean(ExportStorage.class)).isInstanceOfSatisfying(FileSystemExportStorage.class,
					(storage) -> assertThat(storage.getDirectory())
						.isEqualTo(Path.of("./var/myuser-exports").toAbsolutePath().normalize()));
			assertThat(context.getBean(GdprSettings.class)).isEqualTo(GdprSettings.defaults());
			assertThat(context.getBean(ExportSettings.class)).isEqualTo(ExportSettings.defaults());
			assertExportJobs(context, true);
			assertDeletionJob(context, true);
		});
	}

	@Test
	void processingBeansArePresentWithoutEndpointsOutsideAWebApplication() {
		MyUserContextRunners.nonWeb().run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(DataRequestService.class)
				.hasSingleBean(DataExportProcessor.class)
				.hasSingleBean(AccountDeletionProcessor.class)
				.doesNotHaveBean(DataRequestController.class)
				.doesNotHaveBean(DataExportDownloadController.class);
			assertExportJobs(context, true);
			assertDeletionJob(context, true);
		});
	}

	@Test
	void exportStorageKeepsArchivesAtTheConfiguredLocation(@TempDir Path directory) {
		Path location = directory.resolve("exports");
		this.contextRunner.withPropertyValues("myuser.gdpr.export.location=" + location).run((context) -> {
			FileSystemExportStorage storage = context.getBean(FileSystemExportStorage.class);
			assertThat(storage.getDirectory()).isEqualTo(location);
			User user = MyUserTestUsers.createUser(context);
			DataRequest request = requestExport(context, user);
			context.getBean(DataExportProcessor.class).handle(new GdprJobs.DataRequestJob(request.getId()));
			assertThat(location.resolve(DataExportProcessor.storageKey(request))).isRegularFile();
		});
	}

	@Test
	void exportStorageLocationMayBeAFileUrl(@TempDir Path directory) {
		// The contract writes the location as a file: URL (file:./var/myuser-exports).
		Path location = directory.resolve("exports");
		this.contextRunner.withPropertyValues("myuser.gdpr.export.location=file:" + location).run((context) -> {
			assertThat(context.getBean(FileSystemExportStorage.class).getDirectory()).isEqualTo(location);
		});
		this.contextRunner.withPropertyValues("myuser.gdpr.export.location=" + location.toUri()).run((context) -> {
			assertThat(context.getBean(FileSystemExportStorage.class).getDirectory()).isEqualTo(location);
		});
		this.contextRunner.withPropertyValues("myuser.gdpr.export.location=file:./var/exports").run((context) -> {
			assertThat(context.getBean(FileSystemExportStorage.class).getDirectory())
				.isEqualTo(Path.of("var/exports").toAbsolutePath());
		});
	}

	@Test
	void settingsAreMappedFromTheProperties() {
		this.contextRunner
			.withPropertyValues("myuser.gdpr.response-time=30d", "myuser.gdpr.deletion.grace-period=2d",
					"myuser.gdpr.export.retention=3d", "myuser.gdpr.export.max-downloads=2",
					"myuser.gdpr.export.page-size=50", "myuser.jobs.cleanup-interval=5m",
					"myuser.gdpr.deletion.reauthentication-window=90s")
			.run((context) -> {
				assertThat(context.getBean(DeletionReauthentication.class).window()).isEqualTo(Duration.ofSeconds(90));
				assertThat(context.getBean(GdprSettings.class))
					.isEqualTo(new GdprSettings(Period.ofDays(30), Duration.ofDays(2), true, true));
				assertThat(context.getBean(ExportSettings.class))
					.isEqualTo(new ExportSettings(Duration.ofDays(3), 2, 50));
				assertThat(context.getBean("myUserExportCleanupJob", RecurringJob.class).interval())
					.isEqualTo(Duration.ofMinutes(5));
			});
	}

	@Test
	void settingsMakeTheRequestsDueAndScheduleDeletionsAfterTheGracePeriod() {
		this.contextRunner
			.withPropertyValues("myuser.gdpr.response-time=30d", "myuser.gdpr.deletion.grace-period=2d")
			.run((context) -> {
				User user = MyUserTestUsers.createUser(context);
				DataRequest deletion = context.getBean(DataRequestService.class)
					.create(user.getId(), DataRequestType.DELETE, "", Locale.ENGLISH, ClientInfo.NONE)
					.orElseThrow();
				// Measured from the creation time, which the persistence layer takes a moment later.
				assertThat(Duration.between(deletion.getCreatedAt(), deletion.getDueAt()))
					.isCloseTo(Duration.ofDays(30), Duration.ofMinutes(1));
				assertThat(Duration.between(deletion.getCreatedAt(), deletion.getScheduledFor()))
					.isCloseTo(Duration.ofDays(2), Duration.ofMinutes(1));
			});
	}

	@Test
	void userDataExporterAndExportStorageBackOffWhenTheHostDefinesThem() {
		this.contextRunner.withUserConfiguration(HostExportConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(UserDataExporter.class)
				.hasBean("hostUserDataExporter")
				.doesNotHaveBean("myUserDataExporter")
				.hasSingleBean(ExportStorage.class)
				.hasBean("hostExportStorage")
				.doesNotHaveBean("myUserExportStorage")
				.doesNotHaveBean(FileSystemExportStorage.class);
			// The sections stay available to a host exporter that writes some of them.
			assertThat(context).hasSingleBean(DataRequestExportSection.class);

			// The export job writes the host's files into the host's storage, and links read from it.
			User user = MyUserTestUsers.createUser(context);
			DataRequest request = requestExport(context, user);
			context.getBean(DataExportProcessor.class).handle(new GdprJobs.DataRequestJob(request.getId()));
			InMemoryExportStorage storage = context.getBean(InMemoryExportStorage.class);
			byte[] archive = storage.committed.get(DataExportProcessor.storageKey(request));
			assertThat(archive).as("the archive in the host's storage").isNotNull();
			Map<String, String> entries = unzip(archive);
			assertThat(entries).containsOnlyKeys("host.json", "export_info.json");
			assertThat(entries.get("host.json")).contains(user.getId().toString());

			DataExportFile file = context.getBean(DataExportFileRepository.class)
				.findByDataRequestId(request.getId())
				.get(0);
			String token = context.getBean(DataExportDownloads.class).issueToken(file.getId()).orElseThrow().token();
			try (InputStream content = context.getBean(DataExportDownloads.class)
				.open(token, ClientInfo.NONE)
				.content()) {
				assertThat(content.readAllBytes()).isEqualTo(archive);
			}
		});
	}

	@Test
	void exportBeansAndTheDownloadEndpointAreAbsentWhenExportsAreDisabled() {
		this.contextRunner.withPropertyValues("myuser.gdpr.export.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(UserDataExporter.class)
				.doesNotHaveBean(DataRequestExportSection.class)
				.doesNotHaveBean(ExportSettings.class)
				.doesNotHaveBean(DataExportProcessor.class)
				.doesNotHaveBean(DataExportDownloads.class)
				.doesNotHaveBean(DataExportDownloadController.class);
			assertExportJobs(context, false);
			// Archives made before exports were switched off still expire and go with their account.
			assertThat(context).hasSingleBean(ExportStorage.class).hasSingleBean(ExportFileCleanup.class);
			assertCleanupJob(context);
			// Deletion, the requests API and the storage model stay.
			assertThat(context).hasSingleBean(DataRequestService.class)
				.hasSingleBean(DataRequestController.class)
				.hasSingleBean(AccountDeletionProcessor.class)
				.hasSingleBean(DataExportFileRepository.class);
			assertDeletionJob(context, true);
			assertThat(context.getBean(GdprSettings.class).exportEnabled()).isFalse();
			assertThat(context.getBean(GdprSettings.class).deletionEnabled()).isTrue();
		});
	}

	@Test
	void deletionBeansAreAbsentWhenDeletionIsDisabled() {
		this.contextRunner.withPropertyValues("myuser.gdpr.deletion.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(AccountDeletionProcessor.class)
				.doesNotHaveBean(DeletionCancellation.class)
				.doesNotHaveBean(DeletionCancellationController.class);
			assertDeletionJob(context, false);
			assertThat(context).hasSingleBean(DataRequestService.class)
				.hasSingleBean(DataRequestController.class)
				.hasSingleBean(DataExportProcessor.class)
				.hasSingleBean(DataExportDownloads.class)
				.hasSingleBean(DataExportDownloadController.class)
				.hasSingleBean(ExportStorage.class);
			assertExportJobs(context, true);
			assertThat(context.getBean(GdprSettings.class).exportEnabled()).isTrue();
			assertThat(context.getBean(GdprSettings.class).deletionEnabled()).isFalse();
		});
	}

	@Test
	void processingBeansAndEndpointsAreAbsentWithoutTheJobEngine() {
		this.contextRunner.withPropertyValues("myuser.jobs.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(DataRequestService.class)
				.doesNotHaveBean(DataRequestController.class)
				.doesNotHaveBean(DataExportProcessor.class)
				.doesNotHaveBean(DataExportDownloads.class)
				.doesNotHaveBean(DataExportDownloadController.class)
				.doesNotHaveBean(UserDataExporter.class)
				.doesNotHaveBean(AccountDeletionProcessor.class);
			assertExportJobs(context, false);
			assertDeletionJob(context, false);
			// The storage model is registered, and the archive clean-up for nodes where the engine runs.
			assertThat(context).hasSingleBean(ExportStorage.class).hasSingleBean(ExportFileCleanup.class);
			assertThat(context).hasSingleBean(DataRequestRepository.class)
				.hasSingleBean(DataExportFileRepository.class);
		});
	}

	private static <C extends ApplicationContext> void assertExportJobs(ApplicationContextAssertProvider<C> context,
			boolean present) {
		List<String> recurring = context.getBeansOfType(RecurringJob.class)
			.values()
			.stream()
			.map(RecurringJob::name)
			.toList();
		if (!present) {
			assertThat(context).doesNotHaveBean("myUserGdprExportJob");
			return;
		}
		OneTimeJob<?> export = context.getBean("myUserGdprExportJob", OneTimeJob.class);
		assertThat(export.type()).isEqualTo(GdprJobs.EXPORT);
		assertThat(export.handler()).isSameAs(context.getBean(DataExportProcessor.class));
		assertCleanupJob(context);
		assertThat(recurring).containsOnlyOnce("myuser-gdpr-export-cleanup");
	}

	private static <C extends ApplicationContext> void assertCleanupJob(ApplicationContextAssertProvider<C> context) {
		RecurringJob cleanup = context.getBean("myUserExportCleanupJob", RecurringJob.class);
		assertThat(cleanup.name()).isEqualTo("myuser-gdpr-export-cleanup");
	}

	private static <C extends ApplicationContext> void assertDeletionJob(ApplicationContextAssertProvider<C> context,
			boolean present) {
		if (!present) {
			assertThat(context).doesNotHaveBean("myUserGdprDeletionJob");
			assertThat(context.getBeansOfType(OneTimeJob.class).values()).extracting(OneTimeJob::type)
				.doesNotContain(GdprJobs.DELETION);
			return;
		}
		OneTimeJob<?> deletion = context.getBean("myUserGdprDeletionJob", OneTimeJob.class);
		assertThat(deletion.type()).isEqualTo(GdprJobs.DELETION);
		assertThat(deletion.handler()).isSameAs(context.getBean(AccountDeletionProcessor.class));
	}

	private static DataRequest requestExport(ApplicationContext context, User user) {
		return context.getBean(DataRequestService.class)
			.create(user.getId(), DataRequestType.EXPORT, "", Locale.ENGLISH, ClientInfo.NONE)
			.orElseThrow();
	}

	private static Map<String, String> unzip(byte[] zip) throws IOException {
		Map<String, String> entries = new java.util.LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		return entries;
	}

	@Configuration(proxyBeanMethods = false)
	static class HostExportConfiguration {

		@Bean
		UserDataExporter hostUserDataExporter() {
			return (context, archive) -> archive.json("host.json", Map.of("user", context.userId().toString()));
		}

		@Bean
		InMemoryExportStorage hostExportStorage() {
			return new InMemoryExportStorage();
		}

	}

	/** A host's storage: archives in a map, visible on commit. */
	static final class InMemoryExportStorage implements ExportStorage {

		final Map<String, byte[]> committed = new ConcurrentHashMap<>();

		@Override
		public Upload create(String key) {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			return new Upload() {

				@Override
				public OutputStream stream() {
					return bytes;
				}

				@Override
				public long commit() {
					InMemoryExportStorage.this.committed.put(key, bytes.toByteArray());
					return bytes.size();
				}

				@Override
				public void close() {
				}

			};
		}

		@Override
		public InputStream open(String key) throws IOException {
			byte[] content = this.committed.get(key);
			if (content == null) {
				throw new NoSuchFileException(key);
			}
			return new ByteArrayInputStream(content);
		}

		@Override
		public boolean delete(String key) {
			return this.committed.remove(key) != null;
		}

	}

}
