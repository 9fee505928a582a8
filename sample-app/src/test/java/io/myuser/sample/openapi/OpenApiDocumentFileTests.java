package io.myuser.sample.openapi;

import java.nio.file.Path;

import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/openapi.json} is MyUser's OpenAPI document as the sample app serves it: a change of a route, a
 * body or an answer that is not in the committed copy fails here. Regenerate the copy with
 * {@code ./mvnw -pl sample-app -am test -Dtest=OpenApiDocumentFileTests -Dsurefire.failIfNoSpecifiedTests=false
 * -Dmyuser.openapi.write=true}, and commit it with the change.
 */
class OpenApiDocumentFileTests extends IntegrationTestSupport {

	@Test
	void committed_document_is_the_one_the_app_serves() {
		HttpResult answer = get(OpenApiDocument.PATH);
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		String rendered = OpenApiDocument.render(OpenApiDocument.parse(answer.body()));
		Path file = OpenApiDocument.committedFile();
		if (Boolean.getBoolean(OpenApiDocument.WRITE_PROPERTY)) {
			OpenApiDocument.write(file, rendered);
			return;
		}
		assertThat(OpenApiDocument.read(file))
			.as("%s is stale: regenerate it with ./mvnw -pl sample-app -am test -Dtest=OpenApiDocumentFileTests "
					+ "-Dsurefire.failIfNoSpecifiedTests=false -D%s=true and commit it", file,
					OpenApiDocument.WRITE_PROPERTY)
			.isEqualTo(rendered);
	}

}
