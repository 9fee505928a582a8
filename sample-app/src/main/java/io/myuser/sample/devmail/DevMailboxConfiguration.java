package io.myuser.sample.devmail;

import java.time.Clock;

import io.myuser.mail.MailDelivery;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The sample's dev mailbox ({@code sample.dev-mailbox.enabled}, on in the default H2 configuration, off with the
 * {@code postgres} profile): every email MyUser delivers is also kept in memory and shown at
 * {@code /dev/mailbox}, so the demo page can be walked through without an SMTP server. MyUser's own delivery is
 * kept (the log, or SMTP when {@code spring.mail.host} is set): this only decorates it, and leaves a delivery the
 * application declares instead of MyUser's as it is. Development only: the page shows working links to anyone.
 * Switched off, none of this exists, and {@code /dev/mailbox} falls to the sample's own chain, which asks for a
 * token, and then answers 404.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("sample.dev-mailbox.enabled")
class DevMailboxConfiguration {

	/** How many emails the mailbox keeps; older ones are forgotten. */
	static final int CAPACITY = 200;

	/** The name of MyUser's own delivery bean ({@code MyUserMailAutoConfiguration.myUserMailDelivery}). */
	static final String MYUSER_MAIL_DELIVERY = "myUserMailDelivery";

	@Bean
	DevMailbox devMailbox(ObjectProvider<Clock> clock) {
		return new DevMailbox(clock.getIfAvailable(Clock::systemUTC), CAPACITY);
	}

	/**
	 * Wraps the {@link MailDelivery} bean MyUser made (SMTP, or the log), so that what it delivers is kept too. A
	 * delivery the application (or a test) declares instead replaces MyUser's and is left alone, keeping its own
	 * type. Static: a post-processor must exist before the beans it processes.
	 * @param mailbox the mailbox, looked up when the delivery bean is made
	 * @return the post-processor
	 */
	@Bean
	static BeanPostProcessor devMailboxRecorder(ObjectProvider<DevMailbox> mailbox) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (MYUSER_MAIL_DELIVERY.equals(beanName) && bean instanceof MailDelivery
						&& !(bean instanceof RecordingMailDelivery)) {
					return new RecordingMailDelivery((MailDelivery) bean, mailbox.getObject());
				}
				return bean;
			}

		};
	}

	/**
	 * The mailbox's pages are open (reading only), on a chain of their own that matches nothing else, so the
	 * sample's chain stays as strict as it is.
	 * @param http the builder
	 * @return the chain
	 * @throws Exception when the chain cannot be built
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 200)
	SecurityFilterChain devMailboxSecurityFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/dev/mailbox", "/dev/mailbox/**")
			.csrf(AbstractHttpConfigurer::disable)
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.GET, "/dev/mailbox",
					"/dev/mailbox/messages")
				.permitAll()
				.anyRequest()
				.denyAll())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

}
