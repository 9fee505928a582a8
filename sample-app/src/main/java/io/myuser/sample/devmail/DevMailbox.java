package io.myuser.sample.devmail;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.myuser.mail.RenderedMail;

import org.springframework.util.Assert;

/**
 * The emails MyUser delivered in this run, newest first, kept in memory for the dev mailbox page. Bounded: past
 * {@code capacity} mails the oldest is forgotten, so a long-running sample cannot grow without end. Safe for
 * the job engine's threads delivering at the same time.
 */
public final class DevMailbox {

	private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+");

	private final Clock clock;

	private final int capacity;

	private final Deque<DevMail> mails = new ArrayDeque<>();

	private long lastId;

	public DevMailbox(Clock clock, int capacity) {
		Assert.notNull(clock, "clock cannot be null");
		Assert.isTrue(capacity > 0, "capacity must be positive");
		this.clock = clock;
		this.capacity = capacity;
	}

	/**
	 * Keep a delivered email.
	 * @param mail the email
	 * @return what was kept
	 */
	public DevMail add(RenderedMail mail) {
		List<String> links = links(mail.text());
		synchronized (this.mails) {
			DevMail kept = new DevMail(++this.lastId, mail.to(), mail.subject(), mail.text(), links,
					this.clock.instant());
			this.mails.addFirst(kept);
			while (this.mails.size() > this.capacity) {
				this.mails.removeLast();
			}
			return kept;
		}
	}

	/**
	 * The emails kept, newest first.
	 * @param to only those to this address (compared ignoring case), or {@code null} for all
	 * @return the emails
	 */
	public List<DevMail> list(String to) {
		List<DevMail> result = new ArrayList<>();
		String wanted = (to != null) ? to.trim().toLowerCase(Locale.ROOT) : null;
		synchronized (this.mails) {
			for (DevMail mail : this.mails) {
				if (wanted == null || mail.to().toLowerCase(Locale.ROOT).equals(wanted)) {
					result.add(mail);
				}
			}
		}
		return result;
	}

	private static List<String> links(String text) {
		Set<String> links = new LinkedHashSet<>();
		Matcher matcher = LINK.matcher(text);
		while (matcher.find()) {
			String link = matcher.group();
			// A link at the end of a sentence: the full stop or closing bracket is not part of it.
			while (link.endsWith(".") || link.endsWith(",") || link.endsWith(")")) {
				link = link.substring(0, link.length() - 1);
			}
			links.add(link);
		}
		return new ArrayList<>(links);
	}

}
