package io.myuser.sample.openapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * MyUser's OpenAPI document as the tests read it, and its committed copy {@code docs/openapi.json}: rendered with
 * the keys of every object sorted and the host-specific parts (the server URL) removed, so the text depends only
 * on the routes.
 */
final class OpenApiDocument {

	/** Where springdoc serves MyUser's group in the sample app. */
	static final String PATH = "/v3/api-docs/myuser";

	/** Set to {@code true} to write {@code docs/openapi.json} instead of comparing it. */
	static final String WRITE_PROPERTY = "myuser.openapi.write";

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private OpenApiDocument() {
	}

	static JsonNode parse(String body) {
		return JSON.readTree(body);
	}

	/**
	 * The committed form of a document: no {@code servers}, keys sorted, two-space indentation, a final newline.
	 * @param document the document as served
	 * @return its text
	 */
	static String render(JsonNode document) {
		ObjectNode copy = ((ObjectNode) document).deepCopy();
		copy.remove("servers");
		return JSON.writeValueAsString(sorted(copy)) + "\n";
	}

	private static JsonNode sorted(JsonNode node) {
		if (node.isObject()) {
			Map<String, JsonNode> fields = new TreeMap<>();
			node.properties().forEach((entry) -> fields.put(entry.getKey(), sorted(entry.getValue())));
			ObjectNode result = JsonNodeFactory.instance.objectNode();
			fields.forEach(result::set);
			return result;
		}
		if (node.isArray()) {
			ArrayNode result = JsonNodeFactory.instance.arrayNode();
			node.forEach((element) -> result.add(sorted(element)));
			return result;
		}
		return node;
	}

	/**
	 * {@code docs/openapi.json} of this checkout, found from the module's directory upwards.
	 * @return the path
	 */
	static Path committedFile() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.isRegularFile(dir.resolve("docs/index.md"))) {
			dir = dir.getParent();
		}
		if (dir == null) {
			throw new IllegalStateException("No docs/index.md above " + Path.of("").toAbsolutePath());
		}
		return dir.resolve("docs/openapi.json");
	}

	static String read(Path file) {
		try {
			return Files.exists(file) ? Files.readString(file) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void write(Path file, String text) {
		try {
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
