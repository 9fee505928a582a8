package io.myuser.sample.devmail;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.myuser.mail.MailDelivery;
import io.myuser.mail.RenderedMail;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What the dev mailbox keeps of an email, how many it keeps, and that only delivered emails are kept.
 */
class DevMailboxStoreTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T10:15:30Z"), ZoneOffset.UTC);

	@Test
	void an_email_is_kept_with_its_links_in_order_each_once() {
		DevMailbox mailbox = new DevMailbox(CLOCK, 10);

		DevMail kept = mailbox.add(new RenderedMail("Ada@Example.com", "Confirm your email address", "<p>html</p>",
				"Hello Ada,\nconfirm: https://app.example/verify?key=abc_D-1.\n(or http://app.example/help),\n"
						+ "again https://app.example/verify?key=abc_D-1 and mailto:nobody@example.com"));

		assertThat(kept.id()).isEqualTo(1);
		assertThat(kept.to()).isEqualTo("Ada@Example.com");
		assertThat(kept.subject()).isEqualTo("Confirm your email address");
		assertThat(kept.deliveredAt()).isEqualTo(CLOCK.instant());
		assertThat(kept.links()).containsExactly("https://app.example/verify?key=abc_D-1", "http://app.example/help");
	}

	@Test
	void emails_are_listed_newest_first_and_filtered_by_recipient_ignoring_case() {
		DevMailbox mailbox = new DevMailbox(CLOCK, 10);
		mailbox.add(mail("ada@example.com", "first"));
		mailbox.add(mail("grace@example.com", "second"));
		mailbox.add(mail("ada@example.com", "third"));

		assertThat(mailbox.list(null)).extracting(DevMail::subject).containsExactly("third", "second", "first");
		assertThat(mailbox.list(" ADA@example.com ")).extracting(DevMail::subject).containsExactly("third", "first");
		assertThat(mailbox.list("nobody@example.com")).isEmpty();
	}

	@Test
	void past_its_capacity_the_oldest_emails_are_forgotten() {
		DevMailbox mailbox = new DevMailbox(CLOCK, 3);
		for (int i = 1; i <= 5; i++) {
			mailbox.add(mail("ada@example.com", "mail " + i));
		}

		List<DevMail> kept = mailbox.list(null);

		assertThat(kept).extracting(DevMail::subject).containsExactly("mail 5", "mail 4", "mail 3");
		assertThat(kept).extracting(DevMail::id).containsExactly(5L, 4L, 3L);
	}

	@Test
	void emails_delivered_by_many_threads_at_once_are_all_kept_with_distinct_numbers() throws Exception {
		DevMailbox mailbox = new DevMailbox(CLOCK, 1000);
		List<Thread> threads = new java.util.ArrayList<>();
		for (int t = 0; t < 8; t++) {
			int thread = t;
			Thread worker = new Thread(() -> {
				for (int i = 0; i < 100; i++) {
					mailbox.add(mail("ada@example.com", thread + "-" + i));
				}
			});
			worker.start();
			threads.add(worker);
		}
		for (Thread thread : threads) {
			thread.join();
		}

		assertThat(mailbox.list(null)).hasSize(800).extracting(DevMail::id).doesNotHaveDuplicates();
	}

	@Test
	void an_email_is_kept_once_delivered_and_not_when_the_delivery_fails() throws Exception {
		DevMailbox mailbox = new DevMailbox(CLOCK, 10);
		List<RenderedMail> sent = new java.util.ArrayList<>();
		MailDelivery working = new RecordingMailDelivery(sent::add, mailbox);
		MailDelivery failing = new RecordingMailDelivery((mail) -> {
			throw new IllegalStateException("SMTP server down");
		}, mailbox);

		working.deliver(mail("ada@example.com", "delivered"));
		assertThatIllegalStateException().isThrownBy(() -> failing.deliver(mail("ada@example.com", "failed")));

		assertThat(sent).extracting(RenderedMail::subject).containsExactly("delivered");
		assertThat(mailbox.list(null)).extracting(DevMail::subject).containsExactly("delivered");
	}

	private static RenderedMail mail(String to, String subject) {
		return new RenderedMail(to, subject, "<p>" + subject + "</p>", subject);
	}

}
