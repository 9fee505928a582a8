package io.myuser.sample.gdpr;

import java.util.UUID;

import io.myuser.sample.test.HttpResult;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A grace period of zero: a deletion request is carried out as soon as the job engine picks it up, without the
 * clock moving on, and cannot be withdrawn afterwards (so no withdrawal link is ever sent).
 */
@TestPropertySource(properties = "myuser.gdpr.deletion.grace-period=0s")
class ImmediateAccountDeletionTests extends GdprTestSupport {

	@Test
	void with_no_grace_period_the_account_is_erased_at_once() {
		String email = uniqueEmail();
		String access = userWithToken(email);

		HttpResult created = requestData(access, "DELETE");
		UUID requestId = requestId(created);

		assertThat(created.json().get("scheduled_for").asString()).isEqualTo(created.json().get("created_at").asString());
		awaitStatus(requestId, "COMPLETED");
		assertThat(login(email, PASSWORD).status()).isEqualTo(401);
		assertThat(this.accounts.findByEmail(email)).isEmpty();
		assertThat(awaitMail(email, 1)).extracting(GdprTestSupport::subjectOf)
			.contains("Your myuser-sample account was deleted");
		assertThat(postJson(BASE + "/data-requests/" + requestId + "/cancel/", "", "Authorization",
				"Bearer " + access).status()).as("the token of an erased account").isEqualTo(401);
		// Nothing could be withdrawn, so the "deletion scheduled" notice, sent or not, carried no link.
		await().atMost(PATIENCE).until(() -> count("select count(*) from myuser_scheduled_tasks where task_name = "
				+ "'myuser-mail' and task_instance = ?", "account-deletion-scheduled:" + requestId) == 0);
		assertThat(mailTo(email)).extracting(GdprTestSupport::subjectOf).noneMatch((subject) -> subject.contains(
				"will be deleted"));
	}

}
