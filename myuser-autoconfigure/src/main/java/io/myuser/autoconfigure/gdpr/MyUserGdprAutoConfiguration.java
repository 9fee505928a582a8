package io.myuser.autoconfigure.gdpr;

import java.time.Clock;

import io.myuser.account.EmailLinkTokenService;
import io.myuser.account.PasswordConfirmation;
import io.myuser.account.UserAccountService;
import io.myuser.autoconfigure.MyUserAutoConfiguration;
import io.myuser.autoconfigure.account.MyUserAccountAutoConfiguration;
import io.myuser.autoconfigure.audit.MyUserAuditAutoConfiguration;
import io.myuser.autoconfigure.jobs.MyUserJobsAutoConfiguration;
import io.myuser.autoconfigure.jobs.MyUserJobsProperties;
import io.myuser.autoconfigure.profile.MyUserProfileAutoConfiguration;
import io.myuser.autoconfigure.session.MyUserSessionAutoConfiguration;
import io.myuser.autoconfigure.social.MyUserSocialAutoConfiguration;
import io.myuser.autoconfigure.token.MyUserTokenAutoConfiguration;
import io.myuser.gdpr.DataExportFileRepository;
import io.myuser.gdpr.DataRequest;
import io.myuser.gdpr.DataRequestController;
import io.myuser.gdpr.DataRequestFailures;
import io.myuser.gdpr.DataRequestRepository;
import io.myuser.gdpr.DataRequestService;
import io.myuser.gdpr.DeletionCancellation;
import io.myuser.gdpr.DeletionCancellationController;
import io.myuser.gdpr.DeletionReauthentication;
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
import io.myuser.jobs.JobScheduler;
import io.myuser.jobs.OneTimeJob;
import io.myuser.jobs.RecurringJob;
import io.myuser.personaldata.ExportSection;
import io.myuser.personaldata.PersonalDataReader;
import io.myuser.personaldata.UserDataEraser;
import io.myuser.ratelimit.RateLimits;
import io.myuser.security.MyUserRoutes;
import io.myuser.session.SessionService;
import io.myuser.support.ClientInfoResolver;
import io.myuser.token.TokenService;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * GDPR data requests, exports and account deletion ({@code myuser.gdpr.*}). Requests are processed by MyUser's
 * job engine, so processing needs it ({@code myuser.jobs.enabled}); without it only the storage model is
 * registered. {@code myuser.gdpr.export.enabled} and {@code myuser.gdpr.deletion.enabled} switch each kind off.
 * <p>
 * Every feature contributes its own part of an export ({@link ExportSection} beans) and of an erasure
 * ({@link UserDataEraser} beans), declared by its own auto-configuration; a host contributes its data the same
 * way. The host replaces the {@link UserDataExporter} or the {@link ExportStorage} by declaring its own bean.
 */
@AutoConfiguration(before = HibernateJpaAutoConfiguration.class,
		after = { MyUserAutoConfiguration.class, MyUserAccountAutoConfiguration.class, MyUserJobsAutoConfiguration.class,
				MyUserSessionAutoConfiguration.class, MyUserTokenAutoConfiguration.class,
				MyUserProfileAutoConfiguration.class, MyUserAuditAutoConfiguration.class,
				MyUserSocialAutoConfiguration.class })
@ConditionalOnBooleanProperty(name = { "myuser.enabled", "myuser.gdpr.enabled" }, matchIfMissing = true)
@AutoConfigurationPackage(basePackageClasses = DataRequest.class)
@EnableConfigurationProperties({ MyUserGdprProperties.class, MyUserJobsProperties.class })
@Import({ MyUserGdprAutoConfiguration.ExportConfiguration.class,
		MyUserGdprAutoConfiguration.DeletionConfiguration.class, MyUserGdprAutoConfiguration.WebConfiguration.class })
public final class MyUserGdprAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	GdprSettings myUserGdprSettings(MyUserGdprProperties properties) {
		return new GdprSettings(properties.getResponseTime(), properties.getDeletion().getGracePeriod(),
				properties.getExport().isEnabled(), properties.getDeletion().isEnabled());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(JobScheduler.class)
	DataRequestService myUserDataRequestService(DataRequestRepository requests, UserAccountService accounts,
			JobScheduler jobs, ApplicationEventPublisher events, GdprSettings settings,
			PlatformTransactionManager transactionManager, Clock clock) {
		return new DataRequestService(requests, accounts, jobs, events, settings, transactionManager, clock);
	}

	@Bean
	@ConditionalOnMissingBean
	DataRequestFailures myUserDataRequestFailures(DataRequestRepository requests, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager, Clock clock) {
		return new DataRequestFailures(requests, events, transactionManager, clock);
	}

	/**
	 * Where archives are kept, and the clean-up of expired ones: registered whenever the GDPR feature is on, so
	 * that archives made before exports were switched off still expire and are deleted with their account.
	 */
	@Bean
	@ConditionalOnMissingBean
	ExportStorage myUserExportStorage(MyUserGdprProperties properties) {
		return new FileSystemExportStorage(properties.getExport().directory());
	}

	@Bean
	@ConditionalOnMissingBean
	ExportFileCleanup myUserExportFileCleanup(DataExportFileRepository files, ExportStorage storage,
			PlatformTransactionManager transactionManager, Clock clock) {
		return new ExportFileCleanup(files, storage, transactionManager, clock);
	}

	@Bean
	@ConditionalOnMissingBean(name = "myUserExportCleanupJob")
	RecurringJob myUserExportCleanupJob(ExportFileCleanup cleanup, MyUserJobsProperties jobs) {
		return RecurringJob.every(ExportFileCleanup.JOB_NAME, jobs.getCleanupInterval(), cleanup::run);
	}

	private static JsonMapper jsonMapper(ObjectProvider<JsonMapper> jsonMapper) {
		return jsonMapper.getIfAvailable(() -> JsonMapper.builder().build());
	}

	/**
	 * Exports: the archive, its storage and download links, the export job and the clean-up of expired archives.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "myuser.gdpr.export.enabled", matchIfMissing = true)
	@ConditionalOnBean(JobScheduler.class)
	static class ExportConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ExportSettings myUserExportSettings(MyUserGdprProperties properties) {
			MyUserGdprProperties.Export export = properties.getExport();
			Integer maxDownloads = export.getMaxDownloads();
			return new ExportSettings(export.getRetention(),
					(maxDownloads == null || maxDownloads == MyUserGdprProperties.Export.NO_LIMIT) ? null : maxDownloads,
					export.getPageSize());
		}

		@Bean
		@ConditionalOnMissingBean
		DataRequestExportSection myUserDataRequestExportSection(DataRequestRepository requests,
				PersonalDataReader reader) {
			return new DataRequestExportSection(requests, reader);
		}

		@Bean
		@ConditionalOnMissingBean
		UserDataExporter myUserDataExporter(ObjectProvider<ExportSection> sections) {
			return new DefaultUserDataExporter(sections.orderedStream().toList());
		}

		@Bean
		@ConditionalOnMissingBean
		DataExportProcessor myUserDataExportProcessor(DataRequestRepository requests, DataExportFileRepository files,
				UserAccountService accounts, UserDataExporter exporter, ExportStorage storage,
				ExportSettings settings, ApplicationEventPublisher events, ObjectProvider<JsonMapper> jsonMapper,
				DataRequestFailures failures, PlatformTransactionManager transactionManager, Clock clock) {
			return new DataExportProcessor(requests, files, accounts, exporter, storage, settings, events,
					jsonMapper(jsonMapper), failures, transactionManager, clock);
		}

		@Bean
		@ConditionalOnMissingBean(name = "myUserGdprExportJob")
		OneTimeJob<GdprJobs.DataRequestJob> myUserGdprExportJob(DataExportProcessor processor) {
			return OneTimeJob.of(GdprJobs.EXPORT, processor);
		}

		@Bean
		@ConditionalOnMissingBean
		DataExportDownloads myUserDataExportDownloads(DataExportFileRepository files, ExportStorage storage,
				ApplicationEventPublisher events, PlatformTransactionManager transactionManager, Clock clock) {
			return new DataExportDownloads(files, storage, events, transactionManager, clock);
		}

	}

	/**
	 * Account deletion: the job that erases an account once its request's grace period is over.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "myuser.gdpr.deletion.enabled", matchIfMissing = true)
	@ConditionalOnBean(JobScheduler.class)
	static class DeletionConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AccountDeletionProcessor myUserAccountDeletionProcessor(DataRequestRepository requests,
				UserAccountService accounts, DataExportFileRepository exportFiles,
				ObjectProvider<ExportStorage> exportStorage, ObjectProvider<UserDataEraser> erasers,
				ApplicationEventPublisher events, DataRequestFailures failures,
				PlatformTransactionManager transactionManager, Clock clock) {
			return new AccountDeletionProcessor(requests, accounts, exportFiles, exportStorage.getIfAvailable(),
					erasers.orderedStream().toList(), events, failures, transactionManager, clock);
		}

		@Bean
		@ConditionalOnMissingBean
		DeletionCancellation myUserDeletionCancellation(DataRequestRepository requests, DataRequestService service,
				UserAccountService accounts, EmailLinkTokenService emailLinkTokens, ApplicationEventPublisher events,
				PlatformTransactionManager transactionManager, Clock clock) {
			return new DeletionCancellation(requests, service, accounts, emailLinkTokens, events, transactionManager,
					clock);
		}

		@Bean
		@ConditionalOnMissingBean(name = "myUserGdprDeletionJob")
		OneTimeJob<GdprJobs.DataRequestJob> myUserGdprDeletionJob(AccountDeletionProcessor processor) {
			return OneTimeJob.of(GdprJobs.DELETION, processor);
		}

	}

	/**
	 * The endpoints. {@code data-requests/} needs MyUser's token authentication; the download link is its own
	 * credential.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnBean(JobScheduler.class)
	static class WebConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(SessionService.class)
		DeletionReauthentication myUserDeletionReauthentication(PasswordConfirmation passwords,
				SessionService sessions, MyUserGdprProperties properties, Clock clock) {
			return new DeletionReauthentication(passwords, sessions,
					properties.getDeletion().getReauthenticationWindow(), clock);
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(TokenService.class)
		DataRequestController myUserDataRequestController(DataRequestService requests,
				ClientInfoResolver clientInfoResolver, DeletionReauthentication reauthentication,
				ObjectProvider<RateLimits> rateLimits) {
			return new DataRequestController(requests, clientInfoResolver, reauthentication,
					rateLimits.getIfAvailable(RateLimits::disabled));
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBooleanProperty(name = "myuser.gdpr.deletion.enabled", matchIfMissing = true)
		DeletionCancellationController myUserDeletionCancellationController(DeletionCancellation cancellation,
				ClientInfoResolver clientInfoResolver) {
			return new DeletionCancellationController(cancellation, clientInfoResolver);
		}

		@Bean
		@ConditionalOnMissingBean(name = "myUserDeletionRoutes")
		@ConditionalOnBooleanProperty(name = "myuser.gdpr.deletion.enabled", matchIfMissing = true)
		MyUserRoutes myUserDeletionRoutes() {
			return MyUserRoutes.of("gdpr deletion")
				.permitAll(HttpMethod.POST, "/data-requests/cancel")
				.permitAll(HttpMethod.GET, "/pages/cancel-deletion")
				.build();
		}

		@Bean
		@ConditionalOnMissingBean(name = "myUserExportDownloadRoutes")
		@ConditionalOnBooleanProperty(name = "myuser.gdpr.export.enabled", matchIfMissing = true)
		MyUserRoutes myUserExportDownloadRoutes() {
			return MyUserRoutes.of("gdpr export").permitAll(HttpMethod.GET, "/data-export/download/{token}").build();
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBooleanProperty(name = "myuser.gdpr.export.enabled", matchIfMissing = true)
		DataExportDownloadController myUserDataExportDownloadController(DataExportDownloads downloads,
				ClientInfoResolver clientInfoResolver, MyUserGdprProperties properties) {
			return new DataExportDownloadController(downloads, clientInfoResolver,
					properties.getExport().getFileNamePrefix());
		}

	}

}
