package io.myuser.jobs;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.exceptions.SerializationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link JsonJobDataSerializer}.
 */
class JsonJobDataSerializerTests {

	private final JsonJobDataSerializer serializer = new JsonJobDataSerializer();

	@Test
	void serializeWhenRecordThenJsonThatReadsBack() {
		Export export = new Export(UUID.fromString("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"),
				Instant.parse("2026-05-01T10:15:30Z"), 3);

		byte[] json = this.serializer.serialize(export);

		assertThat(new String(json, StandardCharsets.UTF_8))
			.isEqualTo("{\"userId\":\"0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b\","
					+ "\"requestedAt\":\"2026-05-01T10:15:30Z\",\"attempt\":3}");
		assertThat(this.serializer.deserialize(Export.class, json)).isEqualTo(export);
	}

	@Test
	void deserializeWhenFieldsWereAddedOrRemovedThenStillReads() {
		byte[] json = "{\"userId\":\"0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b\",\"gone\":true}"
			.getBytes(StandardCharsets.UTF_8);

		Export export = this.serializer.deserialize(Export.class, json);

		assertThat(export.userId()).isEqualTo(UUID.fromString("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"));
		assertThat(export.requestedAt()).isNull();
		assertThat(export.attempt()).isZero();
	}

	@Test
	void serializeWhenNullThenNull() {
		assertThat(this.serializer.serialize(null)).isNull();
		assertThat(this.serializer.deserialize(Export.class, null)).isNull();
		assertThat(this.serializer.deserialize(Void.class, new byte[0])).isNull();
	}

	@Test
	void deserializeWhenMalformedThenSerializationException() {
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> this.serializer.deserialize(Export.class, "{not json".getBytes(StandardCharsets.UTF_8)))
			.withMessageContaining(Export.class.getName());
	}

	record Export(UUID userId, Instant requestedAt, int attempt) {

	}

}
