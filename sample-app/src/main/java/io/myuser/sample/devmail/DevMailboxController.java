package io.myuser.sample.devmail;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code GET /dev/mailbox}: the emails MyUser sent in this run, newest first, as a page listing each one's
 * recipient, subject and links ({@code ?to=} keeps one address's), and {@code GET /dev/mailbox/messages} as
 * JSON for the demo page's script. Development only: it shows working verification, reset and download links
 * to anyone who can reach it. Found by component scan, under the same switch as {@link DevMailboxConfiguration}.
 */
@RestController
@ConditionalOnBooleanProperty("sample.dev-mailbox.enabled")
@RequestMapping("/dev/mailbox")
class DevMailboxController {

	private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
			+ "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	private final DevMailbox mailbox;

	DevMailboxController(DevMailbox mailbox) {
		this.mailbox = mailbox;
	}

	@GetMapping(produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> page(@RequestParam(name = "to", required = false) String to) {
		List<DevMail> mails = this.mailbox.list(blankToNull(to));
		StringBuilder html = new StringBuilder(2048);
		html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"UTF-8\">\n")
			.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
			.append("<meta name=\"robots\" content=\"noindex\">\n<title>Dev mailbox</title>\n<style>\n")
			.append("body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 52rem; ")
			.append("padding: 0 1rem; color: #1f2328; }\n")
			.append(".warning { background: #fff8c5; border: 1px solid #d4a72c; padding: .5rem .75rem; }\n")
			.append(".mail { border: 1px solid #d0d7de; border-radius: 6px; padding: .5rem 1rem; ")
			.append("margin: .75rem 0; list-style: none; }\n")
			.append(".subject { font-weight: 600; } .meta { color: #57606a; font-size: .9em; }\n")
			.append("pre { white-space: pre-wrap; background: #f6f8fa; padding: .5rem; }\n")
			.append("ol { padding: 0; } a { word-break: break-all; }\n</style>\n</head>\n<body>\n")
			.append("<h1>Dev mailbox</h1>\n")
			.append("<p class=\"warning\">Development only: the emails MyUser sent since the sample app started, ")
			.append("kept in memory. Their links work, so this page must never be reachable in production ")
			.append("(<code>sample.dev-mailbox.enabled=false</code>).</p>\n")
			.append("<form method=\"get\" action=\"/dev/mailbox\"><label>Recipient <input name=\"to\" value=\"")
			.append(escape((to != null) ? to : ""))
			.append("\"></label> <button type=\"submit\">Show</button> <a href=\"/dev/mailbox\">all</a> · ")
			.append("<a href=\"/\">back to the demo</a></form>\n")
			.append("<p id=\"count\">")
			.append(mails.size())
			.append((mails.size() == 1) ? " email" : " emails")
			.append("</p>\n<ol id=\"mails\">\n");
		for (DevMail mail : mails) {
			html.append("<li class=\"mail\" id=\"mail-")
				.append(mail.id())
				.append("\">\n<p class=\"subject\">")
				.append(escape(mail.subject()))
				.append("</p>\n<p class=\"meta\">To <span class=\"to\">")
				.append(escape(mail.to()))
				.append("</span> at <time>")
				.append(mail.deliveredAt())
				.append("</time></p>\n<ul class=\"links\">\n");
			for (String link : mail.links()) {
				html.append("<li><a rel=\"noreferrer\" href=\"")
					.append(escape(link))
					.append("\">")
					.append(escape(link))
					.append("</a></li>\n");
			}
			html.append("</ul>\n<details><summary>Text</summary><pre>")
				.append(escape(mail.text()))
				.append("</pre></details>\n</li>\n");
		}
		html.append("</ol>\n</body>\n</html>\n");
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noStore())
			.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
			.header("Referrer-Policy", "no-referrer")
			.body(html.toString());
	}

	@GetMapping(path = "/messages", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<List<Message>> messages(@RequestParam(name = "to", required = false) String to) {
		List<Message> messages = this.mailbox.list(blankToNull(to))
			.stream()
			.map((mail) -> new Message(mail.id(), mail.to(), mail.subject(), mail.links(), mail.deliveredAt()))
			.toList();
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(messages);
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

	/**
	 * One email as {@code GET /dev/mailbox/messages} shows it.
	 *
	 * @param id its number in this run
	 * @param to the recipient
	 * @param subject the subject line
	 * @param links the links of its plain-text body
	 * @param deliveredAt when it was delivered
	 */
	record Message(long id, String to, String subject, List<String> links,
			@JsonProperty("delivered_at") Instant deliveredAt) {
	}

}
