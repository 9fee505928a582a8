package io.myuser.sample.openapi;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import io.myuser.support.web.MyUserApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MyUser's OpenAPI group, fetched over HTTP from the sample app: every route and method of the contract
 * ({@code CONTRACT.md}) and every route MyUser's controllers map is in it, with typed schemas (named component
 * schemas with properties), the bearer scheme on exactly the routes MyUser's chain guards, and problem answers.
 */
class OpenApiContractTests extends IntegrationTestSupport {

	/**
	 * The routes of {@code CONTRACT.md}, below the base path, whether they need a token, and problem answers the
	 * contract names for them.
	 */
	private static final List<ContractRoute> CONTRACT = List.of(
			new ContractRoute("POST", "/token", false, 400, 401, 429),
			new ContractRoute("POST", "/token/refresh", false, 401, 429),
			new ContractRoute("POST", "/token/verify", false, 401),
			new ContractRoute("POST", "/logout", true, 400, 401), new ContractRoute("GET", "/sessions", true, 401),
			new ContractRoute("DELETE", "/sessions/{id}", true, 401, 404),
			new ContractRoute("POST", "/registration", false, 400, 429),
			new ContractRoute("POST", "/registration/verify-email", false, 400),
			new ContractRoute("POST", "/registration/resend-email", false, 429),
			new ContractRoute("POST", "/password/reset", false, 429),
			new ContractRoute("POST", "/password/reset/confirm", false, 400),
			new ContractRoute("POST", "/password/change", true, 400, 401),
			new ContractRoute("GET", "/profile", true, 401), new ContractRoute("PUT", "/profile", true, 400, 401, 429),
			new ContractRoute("PATCH", "/profile", true, 400, 401, 429),
			new ContractRoute("GET", "/data-requests", true, 401),
			new ContractRoute("POST", "/data-requests", true, 400, 401, 429),
			new ContractRoute("GET", "/data-export/download/{token}", false, 404, 410),
			new ContractRoute("GET", "/social/accounts", true, 401),
			new ContractRoute("GET", "/social/accounts/status", true, 401),
			new ContractRoute("POST", "/social/accounts/{provider}/disconnect", true, 400, 401, 404),
			new ContractRoute("DELETE", "/social/accounts/{provider}/disconnect", true, 400, 401, 404),
			new ContractRoute("POST", "/social/{provider}", false, 400, 429),
			new ContractRoute("POST", "/social/{provider}/connect", true, 400, 401),
			new ContractRoute("GET", "/social/{provider}/authorize", false, 429),
			new ContractRoute("GET", "/social/{provider}/callback", false),
			new ContractRoute("POST", "/social/exchange", false, 400));

	private static final String BEARER = "bearerAuth";

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping handlerMapping;

	private JsonNode document;

	@BeforeEach
	void fetchDocument() {
		HttpResult answer = get(OpenApiDocument.PATH);
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		assertThat(answer.contentType()).startsWith("application/json");
		this.document = answer.json();
	}

	@Test
	void every_contract_route_and_method_is_documented() {
		List<String> missing = new ArrayList<>();
		for (ContractRoute route : CONTRACT) {
			if (operation(route.method(), BASE + route.path()) == null) {
				missing.add(route.method() + " " + route.path());
			}
		}
		assertThat(missing).as("contract routes missing from %s", OpenApiDocument.PATH).isEmpty();
	}

	@Test
	void documented_routes_are_exactly_the_routes_myuser_controllers_map() {
		Set<String> mapped = new TreeSet<>();
		this.handlerMapping.getHandlerMethods().forEach((info, method) -> {
			if (AnnotatedElementUtils.hasAnnotation(method.getBeanType(), MyUserApi.class)) {
				assertThat(info.getMethodsCondition().getMethods()).as("%s declares its HTTP methods", method)
					.isNotEmpty();
				for (String pattern : info.getPatternValues()) {
					for (RequestMethod requestMethod : info.getMethodsCondition().getMethods()) {
						mapped.add(requestMethod.name() + " " + pattern.replaceAll("\\{([^}:]+):[^}]*}", "{$1}"));
					}
				}
			}
		});
		assertThat(mapped).as("MyUser's mapped routes").isNotEmpty().contains("POST " + BASE + "/token");
		assertThat(documented()).as("documented routes, against the routes MyUser's controllers map")
			.containsExactlyElementsOf(mapped);
	}

	@Test
	void bodies_are_named_schemas_with_properties() {
		List<String> failures = new ArrayList<>();
		forEachOperation((key, operation) -> {
			JsonNode requestBody = operation.path("requestBody").path("content");
			requestBody.properties().forEach((media) -> {
				if (isJson(media.getKey())) {
					checkTyped(key + " request " + media.getKey(), media.getValue().path("schema"), failures);
				}
			});
			operation.path("responses").properties().forEach((response) -> {
				if (response.getKey().startsWith("2")) {
					response.getValue().path("content").properties().forEach((media) -> {
						if (isJson(media.getKey())) {
							checkTyped(key + " " + response.getKey() + " " + media.getKey(),
									media.getValue().path("schema"), failures);
						}
						else {
							assertThat(media.getKey()).as(key).isIn("text/html", "*/*");
						}
					});
				}
			});
		});
		assertThat(failures).isEmpty();
		JsonNode profile = schema("ProfileView");
		assertThat(profile.path("properties").has("marketing_consent")).as("snake_case names").isTrue();
		assertThat(profile.path("properties").has("marketingConsent")).isFalse();
	}

	@Test
	void bearer_scheme_is_applied_to_the_guarded_routes_only() {
		JsonNode scheme = this.document.path("components").path("securitySchemes").path(BEARER);
		assertThat(scheme.path("type").asString()).isEqualTo("http");
		assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");
		assertThat(scheme.path("bearerFormat").asString()).isEqualTo("JWT");
		assertThat(this.document.has("security")).as("no document-wide requirement").isFalse();
		List<String> failures = new ArrayList<>();
		for (ContractRoute route : CONTRACT) {
			JsonNode operation = operation(route.method(), BASE + route.path());
			if (operation != null && isGuarded(operation) != route.needsToken()) {
				failures.add(route.method() + " " + route.path() + ": guarded " + isGuarded(operation)
						+ ", contract says " + route.needsToken());
			}
		}
		// Every documented route, the contract's and the others: guarded in the document exactly when MyUser's
		// chain refuses an anonymous call with 401 and WWW-Authenticate: Bearer.
		forEachOperation((key, operation) -> {
			String[] parts = key.split(" ", 2);
			HttpResult anonymous = call(parts[0], parts[1].replaceAll("\\{[^}]+}", "unknown"));
			boolean refused = anonymous.status() == 401 && anonymous.header("WWW-Authenticate") != null
					&& anonymous.header("WWW-Authenticate").startsWith("Bearer");
			if (isGuarded(operation) != refused) {
				failures.add(key + ": guarded " + isGuarded(operation) + ", anonymously " + anonymous.status());
			}
			if (isGuarded(operation) && !operation.path("responses").has("401")) {
				failures.add(key + ": guarded without a 401 answer");
			}
		});
		assertThat(failures).isEmpty();
	}

	@Test
	void problem_answers_are_listed_route_by_route() {
		JsonNode problem = schema("Problem");
		assertThat(problem.path("properties").propertyNames()).contains("type", "title", "status", "detail",
				"errors");
		List<String> failures = new ArrayList<>();
		forEachOperation((key, operation) -> {
			JsonNode responses = operation.path("responses");
			if (!responses.has("400")) {
				failures.add(key + ": no 400");
			}
			responses.properties().forEach((response) -> {
				if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
					JsonNode content = response.getValue().path("content");
					if (!content.path("application/problem+json")
						.path("schema")
						.path("$ref")
						.asString("")
						.equals("#/components/schemas/Problem") || content.size() != 1) {
						failures.add(key + " " + response.getKey() + ": not problem JSON: " + content);
					}
				}
			});
			if (responses.has("429") && !responses.path("429").path("headers").has("Retry-After")) {
				failures.add(key + " 429: no Retry-After");
			}
		});
		for (ContractRoute route : CONTRACT) {
			JsonNode operation = operation(route.method(), BASE + route.path());
			if (operation == null) {
				continue;
			}
			for (int status : route.problems()) {
				if (!operation.path("responses").has(String.valueOf(status))) {
					failures.add(route.method() + " " + route.path() + ": no " + status);
				}
			}
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void swagger_ui_lists_the_group() {
		assertThat(get("/swagger-ui/index.html").status()).isEqualTo(200);
		HttpResult config = get("/v3/api-docs/swagger-config");
		assertThat(config.status()).isEqualTo(200);
		assertThat(config.body()).contains(OpenApiDocument.PATH);
	}

	@Test
	void records_answer_the_json_the_maps_did() {
		String email = uniqueEmail();
		createUser(email, "openapi contract passphrase");
		HttpResult login = login(email, "openapi contract passphrase");
		HttpResult verified = postJson(BASE + "/token/verify/",
				json(Map.of("token", login.json().get("access").asString())));
		assertThat(verified.status()).isEqualTo(200);
		assertThat(verified.body()).isEqualTo("{}");
		HttpResult reset = postJson(BASE + "/password/reset/", json(Map.of("email", email)));
		assertThat(reset.status()).isEqualTo(200);
		assertThat(reset.json().propertyNames()).containsExactly("detail");
		HttpResult registered = postJson(BASE + "/registration/", json(Map.of("email", uniqueEmail(),
				"password1", "openapi contract passphrase", "password2", "openapi contract passphrase")));
		assertThat(registered.status()).isEqualTo(201);
		assertThat(registered.json().propertyNames()).containsExactly("detail");
	}

	private void checkTyped(String where, JsonNode schema, List<String> failures) {
		if (schema.has("items")) {
			checkTyped(where + " items", schema.path("items"), failures);
			return;
		}
		if (schema.has("oneOf")) {
			schema.path("oneOf").forEach((option) -> checkTyped(where + " oneOf", option, failures));
			return;
		}
		String ref = schema.path("$ref").asString("");
		if (!ref.startsWith("#/components/schemas/")) {
			failures.add(where + ": not a named schema: " + schema);
			return;
		}
		JsonNode named = schema(ref.substring("#/components/schemas/".length()));
		boolean emptyObject = named.path("maxProperties").asInt(-1) == 0;
		if (named.path("properties").isEmpty() && !emptyObject) {
			failures.add(where + ": " + ref + " has no properties: " + named);
		}
	}

	private static boolean isJson(String mediaType) {
		return mediaType.equals("application/json") || mediaType.endsWith("+json");
	}

	private static boolean isGuarded(JsonNode operation) {
		for (JsonNode requirement : operation.path("security")) {
			if (requirement.has(BEARER)) {
				return true;
			}
		}
		return false;
	}

	private HttpResult call(String method, String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
		if (method.equals("GET") || method.equals("DELETE")) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{}"));
		}
		return send(request);
	}

	private JsonNode schema(String name) {
		JsonNode schema = this.document.path("components").path("schemas").path(name);
		assertThat(schema.isMissingNode()).as("schema %s", name).isFalse();
		return schema;
	}

	private JsonNode operation(String method, String path) {
		JsonNode operation = this.document.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
		return operation.isMissingNode() ? null : operation;
	}

	private Set<String> documented() {
		Set<String> documented = new TreeSet<>();
		forEachOperation((key, operation) -> documented.add(key));
		return documented;
	}

	private void forEachOperation(java.util.function.BiConsumer<String, JsonNode> action) {
		this.document.path("paths").properties().forEach((path) -> path.getValue().properties().forEach((method) -> {
			if (Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace").contains(method.getKey())) {
				action.accept(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), method.getValue());
			}
		}));
	}

	private record ContractRoute(String method, String path, boolean needsToken, int... problems) {

	}

}
