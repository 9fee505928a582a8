package io.myuser.sample.social.fake;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

/**
 * Answers a Graph API node with only the fields the call asked for, as the Graph API does: {@code id} always,
 * the fields named in {@code fields} (a nested selection such as {@code picture.type(large)} or
 * {@code picture{url}} counts as its top-level name), and {@code id} and {@code name} when {@code fields} is
 * missing.
 */
final class GraphFieldsTransformer implements ResponseDefinitionTransformerV2 {

	static final String NAME = "graph-fields";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public boolean applyGlobally() {
		return false;
	}

	@Override
	public ResponseDefinition transform(ServeEvent serveEvent) {
		ResponseDefinition response = serveEvent.getResponseDefinition();
		if (response.getBody() == null || response.getStatus() != 200) {
			return response;
		}
		Map<String, @Nullable Object> node = Stubs.JSON.readValue(response.getBody(),
				new TypeReference<LinkedHashMap<String, @Nullable Object>>() {
				});
		Set<String> wanted = wanted(Stubs.param(serveEvent.getRequest(), "fields"));
		Map<String, @Nullable Object> answer = new LinkedHashMap<>();
		node.forEach((key, value) -> {
			if (wanted.contains(key)) {
				answer.put(key, value);
			}
		});
		return ResponseDefinitionBuilder.like(response).withBody(Stubs.json(answer)).build();
	}

	private static Set<String> wanted(@Nullable String fields) {
		Set<String> wanted = new LinkedHashSet<>();
		wanted.add("id");
		if (fields == null) {
			wanted.add("name");
			return wanted;
		}
		int depth = 0;
		StringBuilder name = new StringBuilder();
		boolean inName = true;
		for (char c : (fields + ",").toCharArray()) {
			if (c == '{' || c == '(') {
				depth++;
				inName = false;
			}
			else if (c == '}' || c == ')') {
				depth--;
			}
			else if (c == ',' && depth == 0) {
				wanted.add(name.toString().trim());
				name.setLength(0);
				inName = true;
			}
			else if (c == '.' && depth == 0) {
				inName = false;
			}
			else if (inName && depth == 0) {
				name.append(c);
			}
		}
		return wanted;
	}

}
