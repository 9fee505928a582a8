package io.myuser.mail;

import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link MailTemplate}. A replaceable strategy; the default {@link ThymeleafMailTemplateRenderer} uses
 * Thymeleaf templates and message bundles.
 */
@FunctionalInterface
public interface MailTemplateRenderer {

	/**
	 * Render an email.
	 * @param template which email
	 * @param to the recipient address
	 * @param locale the language to write in
	 * @param variables the template's variables ({@link MailTemplate#variables()}), plus {@code recipientName}
	 * @return the rendered email
	 */
	RenderedMail render(MailTemplate template, String to, Locale locale, Map<String, ?> variables);

}
