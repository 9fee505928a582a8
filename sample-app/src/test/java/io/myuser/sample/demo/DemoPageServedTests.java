package io.myuser.sample.demo;

import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo page, its script and its style are served to anyone at the sample's root, without opening anything
 * else of the sample: its own API still asks for a token, and only reading the page's files is open.
 */
class DemoPageServedTests extends IntegrationTestSupport {

	@Test
	void the_root_url_is_the_demo_page() {
		HttpResult page = get("/");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.contentType()).startsWith("text/html");
		assertThat(page.body()).contains("<title>MyUser demo</title>")
			.contains("<script src=\"/demo/demo.js\" defer></script>")
			.contains("Content-Security-Policy");
		assertThat(get("/index.html").body()).isEqualTo(page.body());
	}

	@Test
	void its_script_and_style_are_served() {
		HttpResult script = get("/demo/demo.js");
		HttpResult style = get("/demo/demo.css");

		assertThat(script.status()).isEqualTo(200);
		assertThat(script.contentType()).contains("javascript");
		assertThat(script.body()).contains("const API = '/api/auth';").doesNotContain("localStorage.setItem");
		assertThat(style.status()).isEqualTo(200);
		assertThat(style.contentType()).startsWith("text/css");
	}

	@Test
	void nothing_else_of_the_sample_is_opened() {
		assertThat(get("/api/greeting").status()).isEqualTo(401);
		assertThat(get("/api/notes").status()).isEqualTo(401);
		assertThat(get("/demo/missing.js").status()).isEqualTo(404);
		assertThat(postJson("/demo/demo.js", "{}").status()).isEqualTo(401);
		assertThat(postJson("/index.html", "{}").status()).isEqualTo(401);
		assertThat(get("/dev/other").status()).isEqualTo(401);
	}

}
