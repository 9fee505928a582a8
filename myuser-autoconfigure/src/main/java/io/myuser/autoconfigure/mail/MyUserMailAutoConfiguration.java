package io.myuser.autoconfigure.mail;

import java.time.Clock;

import io.myuser.account.AccountSettings;
import io.myuser.account.EmailLinkTokenService;
import io.myuser.account.UserAccountService;
import io.myuser.autoconfigure.MyUserAutoConfiguration;
import io.myuser.autoconfigure.MyUserProperties;
import io.myuser.autoconfigure.account.MyUserAccountAutoConfiguration;
import io.myuser.autoconfigure.jobs.MyUserJobsAutoConfiguration;
import io.myuser.gdpr.DeletionCancellation;
import io.myuser.gdpr.export.DataExportDownloads;
import io.myuser.jobs.JobScheduler;
import io.myuser.jobs.OneTimeJob;
import io.myuser.mail.AccountMailer;
import io.myuser.mail.DataExportLinkIssuer;
import io.myuser.mail.DeletionCancelLinkIssuer;
import io.myuser.mail.GdprMailer;
import io.myuser.mail.LandingPageController;
import io.myuser.mail.LoggingMailDelivery;
import io.myuser.mail.MailDelivery;
import io.myuser.mail.MailJobData;
import io.myuser.mail.MailJobHandler;
import io.myuser.mail.MailJobs;
import io.myuser.mail.MailLinks;
import io.myuser.mail.MailTemplateRenderer;
import io.myuser.mail.SessionAlertMailer;
import io.myuser.mail.SmtpMailDelivery;
import io.myuser.mail.SocialMailer;
import io.myuser.mail.ThymeleafMailTemplateRenderer;
import io.myuser.security.MyUserRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.thymeleaf.spring6.SpringTemplateEngine;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.env.Environment;

/**
 * Templated emails ({@code myuser.mail.*}): the renderer, the delivery and the mail job. Templates and texts ship
 * with MyUser and can be overridden or translated by the host. Emails go through the host's
 * {@link JavaMailSender} ({@code spring.mail.host}); without one, startup fails unless
 * {@code myuser.mail.log-delivery=true} asks for emails to be written to the log (development), or the host
 * declares a {@link MailDelivery} of its own.
 */
@AutoConfiguration(after = { MyUserAutoConfiguration.class, MyUserAccountAutoConfiguration.class,
		MyUserJobsAutoConfiguration.class },
		afterName = "org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration")
@ConditionalOnBooleanProperty(name = { "myuser.enabled", "myuser.mail.enabled" }, matchIfMissing = true)
@ConditionalOnClass(SpringTemplateEngine.class)
@EnableConfigurationProperties(MyUserMailProperties.class)
public final class MyUserMailAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(MyUserMailAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	MailTemplateRenderer myUserMailTemplateRenderer(ApplicationContext applicationContext,
			MyUserMailProperties properties, Environment environment) {
		// A message source of MyUser's own: the host's "messageSource" bean is left alone.
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename(properties.getMessagesBasename());
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return new ThymeleafMailTemplateRenderer(applicationContext, properties.getTemplatePrefix(), messages,
				siteName(properties, environment), properties.getZone());
	}

	@Bean
	@ConditionalOnMissingBean
	MailDelivery myUserMailDelivery(ObjectProvider<JavaMailSender> mailSender, MyUserMailProperties properties) {
		JavaMailSender sender = mailSender.getIfAvailable();
		if (sender != null) {
			return new SmtpMailDelivery(sender, properties.getFrom());
		}
		if (!properties.isLogDelivery()) {
			// Emails carry reset and download links: they are written to the log only when asked for.
			throw new MailServerMissingException();
		}
		logger.warn("No mail server (spring.mail.host is not set) and myuser.mail.log-delivery=true: MyUser writes "
				+ "its emails, links included, to the log instead of sending them. Use this in development only.");
		return new LoggingMailDelivery();
	}

	@Bean
	@ConditionalOnMissingBean
	MailLinks myUserMailLinks(MyUserMailProperties properties, MyUserProperties web) {
		String base = (properties.getFrontendUrl() != null) ? trim(properties.getFrontendUrl())
				: trim(properties.getLinkBaseUrl()) + web.getWeb().getBasePath() + "/pages";
		return new MailLinks(base + "/verify-email", base + "/reset-password", base + "/cancel-deletion");
	}

	@Bean
	@ConditionalOnMissingBean(name = "myUserMailJob")
	@ConditionalOnBean(JobScheduler.class)
	OneTimeJob<MailJobData> myUserMailJob(MailTemplateRenderer renderer, MailDelivery delivery,
			UserAccountService accounts, EmailLinkTokenService emailLinkTokens, AccountSettings accountSettings,
			MailLinks links, ObjectProvider<DataExportDownloads> downloads,
			ObjectProvider<DeletionCancellation> deletionCancellation, MyUserMailProperties properties,
			MyUserProperties web, ApplicationEventPublisher events) {
		MailJobHandler handler = new MailJobHandler(renderer, delivery, accounts, emailLinkTokens, accountSettings,
				links);
		handler.setEvents(events);
		downloads.ifAvailable((available) -> {
			// Downloads go to MyUser's endpoint, never to the frontend: the link itself is the credential.
			String base = trim(properties.getLinkBaseUrl()) + web.getWeb().getBasePath() + "/data-export/download/";
			handler.setDataExportLinks((exportFileId) -> available.issueToken(exportFileId)
				.map((issued) -> new DataExportLinkIssuer.Link(base + issued.token() + "/", issued.expiresAt())));
		});
		deletionCancellation.ifAvailable((available) -> handler.setDeletionCancelLinks((requestId) -> available
			.issueToken(requestId)
			.map((issued) -> new DeletionCancelLinkIssuer.Link(links.cancelDeletion(issued.token()),
					issued.expiresAt()))));
		return OneTimeJob.of(MailJobs.SEND, handler);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(JobScheduler.class)
	GdprMailer myUserGdprMailer(JobScheduler jobs) {
		return new GdprMailer(jobs);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(JobScheduler.class)
	AccountMailer myUserAccountMailer(JobScheduler jobs, Clock clock) {
		return new AccountMailer(jobs, clock);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(JobScheduler.class)
	SessionAlertMailer myUserSessionAlertMailer(JobScheduler jobs, UserAccountService accounts, Clock clock) {
		return new SessionAlertMailer(jobs, accounts, clock);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(JobScheduler.class)
	SocialMailer myUserSocialMailer(JobScheduler jobs, UserAccountService accounts) {
		return new SocialMailer(jobs, accounts);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	LandingPageController myUserLandingPageController(MyUserProperties web, MyUserMailProperties properties,
			Environment environment) {
		return new LandingPageController(web.getWeb().getBasePath(), siteName(properties, environment));
	}

	@Bean
	@ConditionalOnMissingBean(name = "myUserLandingPageRoutes")
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	MyUserRoutes myUserLandingPageRoutes() {
		return MyUserRoutes.of("landing pages")
			.permitAll(HttpMethod.GET, "/pages/verify-email", "/pages/reset-password")
			.build();
	}

	private static String siteName(MyUserMailProperties properties, Environment environment) {
		return (properties.getSiteName() != null) ? properties.getSiteName()
				: environment.getProperty("spring.application.name", "MyUser");
	}

	private static String trim(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
