package io.myuser.mail;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

import io.myuser.support.web.MyUserApi;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code pages/verify-email}, {@code pages/reset-password} and {@code pages/cancel-deletion}: what the links in
 * MyUser's emails open when no frontend URL is configured. The pages never echo the key from the link (their
 * script reads it from the address and posts it to the API), forbid every script but their own (a per-response
 * CSP nonce), and send no referrer. Opening a page changes nothing except where that is the link's whole point
 * (confirming an address); withdrawing a deletion takes a click, so a mail scanner that follows links does not.
 */
@MyUserApi
@RestController
public class LandingPageController {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SpringTemplateEngine engine;

	private final String apiBasePath;

	private final String siteName;

	public LandingPageController(String apiBasePath, String siteName) {
		Assert.hasText(apiBasePath, "apiBasePath cannot be empty");
		Assert.hasText(siteName, "siteName cannot be empty");
		this.apiBasePath = apiBasePath;
		this.siteName = siteName;
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(getClass().getClassLoader());
		resolver.setPrefix("templates/myuser/pages/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding("UTF-8");
		this.engine = new SpringTemplateEngine();
		this.engine.setTemplateResolver(resolver);
	}

	@GetMapping(path = "/pages/verify-email", produces = MediaType.TEXT_HTML_VALUE)
	public ResponseEntity<String> verifyEmail(Locale locale) {
		return page("verify-email", locale);
	}

	@GetMapping(path = "/pages/reset-password", produces = MediaType.TEXT_HTML_VALUE)
	public ResponseEntity<String> resetPassword(Locale locale) {
		return page("reset-password", locale);
	}

	@GetMapping(path = "/pages/cancel-deletion", produces = MediaType.TEXT_HTML_VALUE)
	public ResponseEntity<String> cancelDeletion(Locale locale) {
		return page("cancel-deletion", locale);
	}

	private ResponseEntity<String> page(String name, Locale locale) {
		byte[] bytes = new byte[18];
		RANDOM.nextBytes(bytes);
		String nonce = Base64.getEncoder().encodeToString(bytes);
		Context context = new Context(locale, Map.of("apiBase", this.apiBasePath, "siteName", this.siteName, "nonce",
				nonce));
		String html = this.engine.process(name, context);
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noStore())
			.header("Content-Security-Policy", "default-src 'none'; script-src 'nonce-" + nonce
					+ "'; style-src 'unsafe-inline'; connect-src 'self'; form-action 'none'; base-uri 'none'; "
					+ "frame-ancestors 'none'")
			.header("Referrer-Policy", "no-referrer")
			.body(html);
	}

}
