package io.myuser.autoconfigure.mail;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.myuser.autoconfigure.MyUserContextRunners;
import io.myuser.jobs.OneTimeJob;
import io.myuser.mail.AccountMailer;
import io.myuser.mail.LoggingMailDelivery;
import io.myuser.mail.MailDelivery;
import io.myuser.mail.MailLinks;
import io.myuser.mail.MailTemplate;
import io.myuser.mail.MailTemplateRenderer;
import io.myuser.mail.RenderedMail;
import io.myuser.mail.SmtpMailDelivery;
import io.myuser.mail.ThymeleafMailTemplateRenderer;
import io.myuser.mail.LandingPageController;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MyUserMailAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class MyUserMailAutoConfigurationTests {

	private static final AutoConfigurations MAIL = AutoConfigurations.of(MailSenderAutoConfiguration.class,
			MyUserMailAutoConfiguration.class);

	private final WebApplicationContextRunner contextRunner = MyUserContextRunners.web().withConfiguration(MAIL);

	/** A host that configured no mail: no mail server and no myuser.mail.log-delivery. */
	private final WebApplicationContextRunner withoutMailDelivery = MyUserContextRunners.webWithoutMailDelivery()
		.withConfiguration(MAIL);

	@Test
	void mailBeansArePresentWithTheirDefaults() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(ThymeleafMailTemplateRenderer.class)
				.hasSingleBean(MailDelivery.class)
				.hasSingleBean(MailLinks.class)
				.hasSingleBean(AccountMailer.class)
				.hasBean("myUserMailJob")
				.hasSingleBean(LandingPageController.class);
			assertThat(context.getBean("myUserMailJob", OneTimeJob.class).type().name()).isEqualTo("myuser-mail");
			MyUserMailProperties properties = context.getBean(MyUserMailProperties.class);
			assertThat(properties.isEnabled()).isTrue();
			assertThat(properties.getFrom()).isEqualTo("no-reply@localhost");
			assertThat(properties.getSiteName()).isNull();
			assertThat(properties.getLinkBaseUrl()).isEqualTo("http://localhost:8080");
			assertThat(properties.getFrontendUrl()).isNull();
			assertThat(properties.getTemplatePrefix()).isEqualTo("classpath:/templates/myuser/mail/");
			assertThat(properties.getMessagesBasename()).isEqualTo("myuser/mail/messages");
			assertThat(properties.getZone()).isEqualTo(ZoneId.of("UTC"));
			assertThat(context.getBean(MailLinks.class))
				.isEqualTo(new MailLinks("http://localhost:8080/api/auth/pages/verify-email",
						"http://localhost:8080/api/auth/pages/reset-password",
						"http://localhost:8080/api/auth/pages/cancel-deletion"));
			RenderedMail welcome = context.getBean(MailTemplateRenderer.class)
				.render(MailTemplate.WELCOME, "ada@example.com", Locale.ENGLISH, Map.of("recipientName", "Ada"));
			assertThat(welcome.subject()).as("no spring.application.name: the default site name")
				.isEqualTo("Welcome to MyUser");
			assertThat(welcome.text()).contains("Hello Ada,");
		});
	}

	@Test
	void linkBaseUrlAndBasePathMakeTheLinksToTheBuiltInPages() {
		this.contextRunner
			.withPropertyValues("myuser.mail.link-base-url=https://api.example.com/", "myuser.web.base-path=/auth")
			.run((context) -> assertThat(context.getBean(MailLinks.class))
				.isEqualTo(new MailLinks("https://api.example.com/auth/pages/verify-email",
						"https://api.example.com/auth/pages/reset-password",
						"https://api.example.com/auth/pages/cancel-deletion")));
	}

	@Test
	void frontendUrlTakesPrecedenceOverTheBuiltInPages() {
		this.contextRunner
			.withPropertyValues("myuser.mail.link-base-url=https://api.example.com",
					"myuser.mail.frontend-url=https://app.example.com/")
			.run((context) -> assertThat(context.getBean(MailLinks.class))
				.isEqualTo(new MailLinks("https://app.example.com/verify-email",
						"https://app.example.com/reset-password", "https://app.example.com/cancel-deletion")));
	}

	@Test
	void rendererReadsTemplatesFromTheTemplatePrefix() {
		this.contextRunner
			.withPropertyValues("myuser.mail.template-prefix=classpath:/io/myuser/autoconfigure/mail/templates/",
					"myuser.mail.site-name=Acme Shop")
			.run((context) -> {
				RenderedMail welcome = context.getBean(MailTemplateRenderer.class)
					.render(MailTemplate.WELCOME, "ada@example.com", Locale.ENGLISH, Map.of("recipientName", "Ada"));
				assertThat(welcome.html()).contains("data-test=\"custom-prefix\"").contains("Custom welcome for Ada");
				assertThat(welcome.text()).contains("Custom welcome for Ada at Acme Shop");
				assertThat(welcome.subject()).isEqualTo("Welcome to Acme Shop");
			});
	}

	@Test
	void mailIsLoggedWhenNoJavaMailSenderExistsAndLogDeliveryIsSwitchedOn(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(MyUserMailProperties.class).isLogDelivery()).isTrue();
			assertThat(context).doesNotHaveBean(JavaMailSender.class);
			assertThat(context.getBean(MailDelivery.class)).isInstanceOf(LoggingMailDelivery.class);
			assertThat(output).contains("myuser.mail.log-delivery=true")
				.contains("spring.mail.host is not set")
				.contains("development only");
		});
	}

	@Test
	void logDeliveryIsOffByDefault() {
		this.withoutMailDelivery.withPropertyValues("spring.mail.host=smtp.example.com")
			.run((context) -> assertThat(context.getBean(MyUserMailProperties.class).isLogDelivery()).isFalse());
	}

	@Test
	void startupFailsWithoutAMailServerAndWithoutLogDelivery() {
		this.withoutMailDelivery.run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			MailServerMissingException exception = MyUserContextRunners.findCause(failure,
					MailServerMissingException.class);
			assertThat(exception).as("MailServerMissingException in the cause chain of %s", failure).isNotNull();
			FailureAnalysis analysis = new MailServerMissingFailureAnalyzer().analyze(failure);
			assertThat(analysis).isNotNull();
			assertThat(analysis.getCause()).isSameAs(exception);
			assertThat(analysis.getDescription()).contains("'spring.mail.host' is not set")
				.contains("no JavaMailSender bean");
			assertThat(analysis.getAction()).contains("Set 'spring.mail.host'")
				.contains("'myuser.mail.log-delivery=true'")
				.contains("'myuser.mail.enabled=false'");
		});
	}

	@Test
	void startupFailsWhenLogDeliveryIsSwitchedOffExplicitly() {
		this.withoutMailDelivery.withPropertyValues("myuser.mail.log-delivery=false")
			.run((context) -> assertThat(MyUserContextRunners.findCause(context.getStartupFailure(),
					MailServerMissingException.class))
				.isNotNull());
	}

	@Test
	void mailIsSentOverSmtpWithoutLogDeliveryWhenSpringMailHostIsSet() {
		this.withoutMailDelivery.withPropertyValues("spring.mail.host=smtp.example.com").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(MailDelivery.class)).isInstanceOf(SmtpMailDelivery.class);
		});
	}

	@Test
	void mailIsSentOverSmtpEvenWithLogDeliveryWhenSpringMailHostIsSet() {
		this.withoutMailDelivery
			.withPropertyValues("spring.mail.host=smtp.example.com", "myuser.mail.log-delivery=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(MailDelivery.class)).isInstanceOf(SmtpMailDelivery.class);
			});
	}

	@Test
	void aHostJavaMailSenderBeanIsEnoughWithoutLogDelivery() {
		this.withoutMailDelivery.withUserConfiguration(RecordingMailSenderConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(MailDelivery.class)).isInstanceOf(SmtpMailDelivery.class);
		});
	}

	@Test
	void aHostMailDeliveryIsEnoughWithoutAMailServer() {
		this.withoutMailDelivery.withUserConfiguration(HostMailConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(MailDelivery.class).hasBean("hostMailDelivery");
		});
	}

	@Test
	void startupSucceedsWithoutAMailServerWhenMailIsDisabled() {
		this.withoutMailDelivery.withPropertyValues("myuser.mail.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(MailDelivery.class).doesNotHaveBean("myUserMailJob");
		});
	}

	@Test
	void startupSucceedsWithoutAMailServerWhenMyUserIsDisabled() {
		this.withoutMailDelivery.withPropertyValues("myuser.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MailDelivery.class));
	}

	@Test
	void mailServerMissingFailureAnalyzerIsRegisteredInSpringFactories() {
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
			.load(FailureAnalyzer.class, SpringFactoriesLoader.FailureHandler.handleMessage((message, ex) -> {
				// Boot's own analyzers need constructor arguments that this test does not supply.
			}));
		assertThat(analyzers).filteredOn(MailServerMissingFailureAnalyzer.class::isInstance).hasSize(1);
	}

	@Test
	void mailServerMissingFailureAnalyzerIgnoresOtherFailures() {
		assertThat(new MailServerMissingFailureAnalyzer().analyze(new IllegalStateException("unrelated"))).isNull();
	}

	@Test
	void mailIsSentOverSmtpWhenSpringMailHostIsSet() {
		this.contextRunner.withPropertyValues("spring.mail.host=smtp.example.com").run((context) -> {
			assertThat(context).hasSingleBean(JavaMailSender.class);
			assertThat(context.getBean(MailDelivery.class)).isInstanceOf(SmtpMailDelivery.class);
		});
	}

	@Test
	void mailGoesThroughTheHostsJavaMailSenderFromTheConfiguredAddress() {
		this.contextRunner.withUserConfiguration(RecordingMailSenderConfiguration.class)
			.withPropertyValues("myuser.mail.from=Acme <no-reply@acme.example>")
			.run((context) -> {
				context.getBean(MailDelivery.class)
					.deliver(new RenderedMail("ada@example.com", "Hello", "<p>Hello</p>", "Hello"));
				List<MimeMessage> sent = context.getBean(RecordingMailSender.class).sent;
				assertThat(sent).hasSize(1);
				assertThat(sent.get(0).getFrom()[0].toString()).isEqualTo("Acme <no-reply@acme.example>");
				assertThat(sent.get(0).getRecipients(Message.RecipientType.TO)[0].toString())
					.isEqualTo("ada@example.com");
				assertThat(sent.get(0).getSubject()).isEqualTo("Hello");
			});
	}

	@Test
	void mailBeansBackOffWhenTheHostDefinesThem() {
		this.contextRunner.withUserConfiguration(HostMailConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(MailTemplateRenderer.class).hasBean("hostMailTemplateRenderer");
			assertThat(context).doesNotHaveBean("myUserMailTemplateRenderer");
			assertThat(context).hasSingleBean(MailDelivery.class).hasBean("hostMailDelivery");
			assertThat(context).hasSingleBean(MailLinks.class).hasBean("hostMailLinks");
			assertThat(context).hasSingleBean(AccountMailer.class).hasBean("myUserMailJob");
		});
	}

	@Test
	void mailBeansAreAbsentWhenMailIsDisabled() {
		this.contextRunner.withPropertyValues("myuser.mail.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(MailTemplateRenderer.class)
				.doesNotHaveBean(MailDelivery.class)
				.doesNotHaveBean(AccountMailer.class)
				.doesNotHaveBean("myUserMailJob")
				.doesNotHaveBean(LandingPageController.class);
		});
	}

	@Test
	void landingPagesAreAbsentOutsideAWebApplication() {
		MyUserContextRunners.nonWeb().withConfiguration(MAIL).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(MailTemplateRenderer.class).hasSingleBean(AccountMailer.class);
			assertThat(context).doesNotHaveBean(LandingPageController.class);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class HostMailConfiguration {

		@Bean
		MailTemplateRenderer hostMailTemplateRenderer() {
			return (template, to, locale, variables) -> new RenderedMail(to, "host", "<p>host</p>", "host");
		}

		@Bean
		MailDelivery hostMailDelivery() {
			return (mail) -> {
			};
		}

		@Bean
		MailLinks hostMailLinks() {
			return new MailLinks("https://host.example/v", "https://host.example/r", "https://host.example/c");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingMailSenderConfiguration {

		@Bean
		RecordingMailSender recordingMailSender() {
			return new RecordingMailSender();
		}

	}

	/**
	 * A real {@link JavaMailSenderImpl} that keeps the messages instead of connecting to a server.
	 */
	static class RecordingMailSender extends JavaMailSenderImpl {

		final List<MimeMessage> sent = new CopyOnWriteArrayList<>();

		@Override
		protected void doSend(MimeMessage[] mimeMessages, Object[] originalMessages) {
			this.sent.addAll(List.of(mimeMessages));
		}

	}

}
