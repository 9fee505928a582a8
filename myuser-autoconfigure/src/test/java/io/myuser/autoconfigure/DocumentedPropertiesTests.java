package io.myuser.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration guide, {@code docs/configuration.md}, documents every {@code myuser.*} property of the
 * configuration metadata that the annotation processor generates (the additional metadata merged in), and only
 * those. A property counts as documented when it names a row of one of the guide's tables, in the first cell and
 * in backticks, as {@code | `myuser.web.base-path` | ...}; an indexed property is written with its index, as
 * {@code myuser.token.signing.previous-keys[n].key-id}, and stands for the list property
 * ({@code myuser.token.signing.previous-keys}). A mention in running text does not count.
 */
class DocumentedPropertiesTests {

	private static final String METADATA = "META-INF/spring-configuration-metadata.json";

	/** The guide, relative to this module's directory, where Maven runs its tests. */
	private static final Path GUIDE = Path.of("..", "docs", "configuration.md");

	/** The first cell of a table row naming a property: {@code | `myuser.a.b` |} or {@code | `myuser.a[n].b` |}. */
	private static final Pattern PROPERTY_ROW = Pattern
		.compile("^\\|\\s*`(myuser\\.[a-z0-9.\\-]+)((?:\\[[^\\]`]*\\][a-z0-9.\\-]*)?)`\\s*\\|", Pattern.MULTILINE);

	@Test
	void everyMyUserPropertyHasARowInTheConfigurationGuide() throws IOException {
		Set<String> properties = myUserProperties();
		Set<String> documented = documentedProperties();
		assertThat(properties).as("myuser.* properties in %s", METADATA).contains("myuser.enabled",
				"myuser.web.base-path", "myuser.token.signing.secret", "myuser.token.signing.previous-keys");

		Set<String> missing = new TreeSet<>(properties);
		missing.removeAll(documented);
		assertThat(missing).as("myuser.* properties of the configuration metadata that have no row in %s", GUIDE)
			.isEmpty();
	}

	@Test
	void everyPropertyTheConfigurationGuideListsExists() throws IOException {
		Set<String> unknown = new TreeSet<>(documentedProperties());
		unknown.removeAll(myUserProperties());
		assertThat(unknown)
			.as("properties with a row in %s that the configuration metadata does not declare (renamed or gone?)",
					GUIDE)
			.isEmpty();
	}

	@Test
	void aRowCountsOnlyWithThePropertyInItsFirstCell() {
		String guide = """
				| Property | Default |
				|---|---|
				| `myuser.a.b` | `1` |
				| `myuser.c.d[n].e` | none |
				| `myuser.f.enabled=false` | Everything |
				Running text naming `myuser.g.h` is not a row.
				| x | `myuser.i.j` |
				""";
		assertThat(propertiesIn(guide)).containsExactlyInAnyOrder("myuser.a.b", "myuser.c.d");
	}

	private static Set<String> documentedProperties() throws IOException {
		assertThat(GUIDE).as("the configuration guide, read from the module directory").isRegularFile();
		return propertiesIn(Files.readString(GUIDE, StandardCharsets.UTF_8));
	}

	private static Set<String> propertiesIn(String markdown) {
		Set<String> names = new TreeSet<>();
		Matcher matcher = PROPERTY_ROW.matcher(markdown);
		while (matcher.find()) {
			// The name up to an index: myuser.x.list[n].field stands for the list property myuser.x.list.
			names.add(matcher.group(1));
		}
		return names;
	}

	/**
	 * The names of the {@code myuser.*} properties of every metadata file on the classpath.
	 */
	private static Set<String> myUserProperties() throws IOException {
		JsonMapper mapper = JsonMapper.builder().build();
		Set<String> names = new TreeSet<>();
		for (URL url : Collections.list(DocumentedPropertiesTests.class.getClassLoader().getResources(METADATA))) {
			JsonNode metadata;
			try (InputStream in = url.openStream()) {
				metadata = mapper.readTree(in);
			}
			for (JsonNode property : metadata.path("properties")) {
				String name = property.path("name").asString("");
				if (name.startsWith("myuser.")) {
					names.add(name);
				}
			}
		}
		assertThat(names).as("myuser.* properties in %s on the classpath", METADATA).isNotEmpty();
		return names;
	}

}
