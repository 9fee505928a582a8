package io.myuser.autoconfigure.mail;

import io.myuser.autoconfigure.MyUserAutoConfiguration;
import io.myuser.mail.MailTemplateRenderer;
import io.myuser.mail.ThymeleafMailTemplateRenderer;
import org.thymeleaf.spring6.SpringTemplateEngine;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.env.Environment;

/**
 * Templated emails ({@code myuser.mail.*}): the renderer. Templates and texts ship with MyUser and can be
 * overridden or translated by the host.
 */
@AutoConfiguration(after = MyUserAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = { "myuser.enabled", "myuser.mail.enabled" }, matchIfMissing = true)
@ConditionalOnClass(SpringTemplateEngine.class)
@EnableConfigurationProperties(MyUserMailProperties.class)
public final class MyUserMailAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MailTemplateRenderer myUserMailTemplateRenderer(ApplicationContext applicationContext,
			MyUserMailProperties properties, Environment environment) {
		// A message source of MyUser's own: the host's "messageSource" bean is left alone.
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename(properties.getMessagesBasename());
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		String siteName = (properties.getSiteName() != null) ? properties.getSiteName()
				: environment.getProperty("spring.application.name", "MyUser");
		return new ThymeleafMailTemplateRenderer(applicationContext, properties.getTemplatePrefix(), messages,
				siteName, properties.getZone());
	}

}
