package io.myuser.sample.host;

import java.util.Map;

import io.myuser.gdpr.export.UserDataExporter;
import io.myuser.personaldata.ExportSection;
import io.myuser.personaldata.UserDataEraser;
import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import io.myuser.support.SecretTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample host, which contributes its notes to exports and erasures, with MyUser's GDPR feature switched off:
 * it starts (its contributions need nothing of the GDPR feature), and the GDPR routes are gone, not open: the
 * download link and the withdrawal link, public while the feature is on, answer 401 to anonymous callers like
 * any other path under the base path.
 */
@TestPropertySource(properties = "myuser.gdpr.enabled=false")
abstract class GdprSwitchedOffTests extends IntegrationTestSupport {

	private static final String PASSWORD = "gdpr switched off passphrase";

	@Autowired
	private ApplicationContext context;

	@Test
	void the_host_starts_with_its_contributions_and_without_the_gdpr_feature() {
		assertThat(this.context.getBeansOfType(ExportSection.class)).containsKey("noteExportSection");
		assertThat(this.context.getBeansOfType(UserDataEraser.class)).containsKey("noteEraser");
		assertThat(this.context.getBeanNamesForType(UserDataExporter.class)).isEmpty();
		String access = accessToken(createUser(uniqueEmail(), PASSWORD).getEmail(), PASSWORD);
		assertThat(postJson("/api/notes", json(Map.of("text", "still here")), "Authorization", "Bearer " + access)
			.status()).isEqualTo(201);
	}

	@Test
	void the_public_gdpr_routes_are_not_reachable_anonymously() {
		String token = SecretTokens.generate();
		for (HttpResult answer : new HttpResult[] { get(BASE + "/data-export/download/" + token + "/"),
				postJson(BASE + "/data-requests/cancel/", json(Map.of("token", token))),
				get(BASE + "/pages/cancel-deletion?token=" + token, "Accept", "text/html") }) {
			assertThat(answer.status()).as(answer.body()).isEqualTo(401);
			assertThat(answer.isProblem()).isTrue();
		}
	}

	@Test
	void with_a_token_the_gdpr_routes_are_not_found() {
		String access = accessToken(createUser(uniqueEmail(), PASSWORD).getEmail(), PASSWORD);

		HttpResult requests = getWithToken(BASE + "/data-requests/", access);

		assertThat(requests.status()).as(requests.body()).isEqualTo(404);
		assertThat(requests.isProblem()).isTrue();
	}

}
