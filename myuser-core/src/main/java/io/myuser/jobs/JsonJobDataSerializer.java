package io.myuser.jobs;

import com.github.kagkarlsson.scheduler.exceptions.SerializationException;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;

/**
 * Stores job data as JSON, written and read with Jackson 3. db-scheduler's own {@code JacksonSerializer} needs
 * Jackson 2, and its default Java serialization ties stored rows to class layouts; JSON keeps the rows readable in
 * the database and lets a data class gain or lose fields between releases.
 * <p>
 * The default mapper is MyUser's own rather than the application's {@code JsonMapper}, so that settings a host
 * makes for its HTTP API (naming strategies, say) cannot change the format of rows already stored.
 */
public final class JsonJobDataSerializer implements Serializer {

	private final JsonMapper mapper;

	/**
	 * Create a serializer with a mapper of its own that reads rows written by other versions of a data class:
	 * unknown properties are ignored and missing ones are left at their defaults (null, zero or false).
	 */
	public JsonJobDataSerializer() {
		this(JsonMapper.builder()
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.build());
	}

	/**
	 * Create a serializer that uses a given mapper.
	 * @param mapper the mapper
	 */
	public JsonJobDataSerializer(JsonMapper mapper) {
		Assert.notNull(mapper, "mapper cannot be null");
		this.mapper = mapper;
	}

	@Override
	public byte @Nullable [] serialize(@Nullable Object data) {
		if (data == null) {
			return null;
		}
		try {
			return this.mapper.writeValueAsBytes(data);
		}
		catch (JacksonException ex) {
			throw new SerializationException("Could not write job data of type " + data.getClass().getName()
					+ " as JSON", ex);
		}
	}

	@Override
	public <T> @Nullable T deserialize(Class<T> dataClass, byte @Nullable [] serializedData) {
		if (serializedData == null || dataClass == Void.class) {
			return null;
		}
		try {
			return this.mapper.readValue(serializedData, dataClass);
		}
		catch (JacksonException ex) {
			throw new SerializationException("Could not read job data as " + dataClass.getName(), ex);
		}
	}

}
