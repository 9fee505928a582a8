package io.myuser.mail;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.templatemode.TemplateMode;

import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.util.Assert;

/**
 * Renders MyUser emails with a Thymeleaf engine of its own (the host's web templates are not touched): for
 * template {@code x}, {@code <prefix>x.html} in HTML mode, {@code <prefix>x.txt} in text mode, and the subject from
 * the message {@code mail.x.subject} (arguments: the site name, then the template's variables in order). Templates are resolved as Spring resources, so a host overrides one by
 * putting its own file at the same classpath path, which comes before MyUser's jar on the class path. Times are
 * written in the recipient's locale and the configured zone.
 */
public final class ThymeleafMailTemplateRenderer implements MailTemplateRenderer {

	private final SpringTemplateEngine htmlEngine;

	private final SpringTemplateEngine textEngine;

	private final MessageSource messages;

	private final String siteName;

	private final ZoneId zone;

	/**
	 * Create a renderer.
	 * @param applicationContext where templates are loaded from
	 * @param prefix the template location, such as {@code classpath:/templates/myuser/mail/}
	 * @param messages the texts, including subjects
	 * @param siteName the name of the site, shown in every email
	 * @param zone the zone times are shown in
	 */
	public ThymeleafMailTemplateRenderer(ApplicationContext applicationContext, String prefix, MessageSource messages,
			String siteName, ZoneId zone) {
		Assert.notNull(applicationContext, "applicationContext cannot be null");
		Assert.hasText(prefix, "prefix cannot be empty");
		Assert.notNull(messages, "messages cannot be null");
		Assert.hasText(siteName, "siteName cannot be empty");
		Assert.notNull(zone, "zone cannot be null");
		this.messages = messages;
		this.siteName = siteName;
		this.zone = zone;
		this.htmlEngine = engine(applicationContext, prefix, ".html", TemplateMode.HTML, messages);
		this.textEngine = engine(applicationContext, prefix, ".txt", TemplateMode.TEXT, messages);
	}

	private static SpringTemplateEngine engine(ApplicationContext context, String prefix, String suffix,
			TemplateMode mode, MessageSource messages) {
		SpringResourceTemplateResolver resolver = new SpringResourceTemplateResolver();
		resolver.setApplicationContext(context);
		resolver.setPrefix(prefix.endsWith("/") ? prefix : prefix + "/");
		resolver.setSuffix(suffix);
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		engine.setTemplateEngineMessageSource(messages);
		engine.setEnableSpringELCompiler(true);
		return engine;
	}

	@Override
	public RenderedMail render(MailTemplate template, String to, Locale locale, Map<String, ?> variables) {
		Assert.notNull(template, "template cannot be null");
		Assert.hasText(to, "to cannot be empty");
		Assert.notNull(locale, "locale cannot be null");
		Assert.notNull(variables, "variables cannot be null");
		for (String required : template.variables()) {
			Assert.isTrue(variables.containsKey(required),
					() -> "template " + template.templateName() + " needs variable '" + required + "'");
		}
		Map<String, Object> model = new HashMap<>();
		DateTimeFormatter times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(locale)
			.withZone(this.zone);
		variables.forEach((name, value) -> model.put(name,
				(value instanceof Instant instant) ? times.format(instant) + " (" + this.zone.getId() + ")" : value));
		model.put("siteName", this.siteName);
		model.put("recipientEmail", to);
		model.putIfAbsent("recipientName", "");
		Context context = new Context(locale, model);
		String name = template.templateName();
		Object[] subjectArguments = new Object[template.variables().size() + 1];
		subjectArguments[0] = this.siteName;
		for (int i = 0; i < template.variables().size(); i++) {
			subjectArguments[i + 1] = model.get(template.variables().get(i));
		}
		String subject = this.messages.getMessage("mail." + name + ".subject", subjectArguments, locale);
		return new RenderedMail(to, subject, this.htmlEngine.process(name, context),
				this.textEngine.process(name, context));
	}

}
