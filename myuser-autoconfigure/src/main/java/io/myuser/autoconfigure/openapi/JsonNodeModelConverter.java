package io.myuser.autoconfigure.openapi;

import java.util.Iterator;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Documents Jackson 3's {@link JsonNode} (a free-form value such as an audit entry's details) as any JSON value.
 * springdoc's schemas come from swagger-core, which knows Jackson 2's tree type only and would describe Jackson 3's
 * as a bean with {@code isArray}-style properties. Jackson's annotations ({@code @JsonProperty},
 * {@code @JsonInclude}) are one package for both versions and need nothing.
 */
final class JsonNodeModelConverter implements ModelConverter {

	@Override
	@SuppressWarnings("rawtypes")
	public @Nullable Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
		JavaType javaType = Json.mapper().constructType(type.getType());
		if (javaType != null && JsonNode.class.isAssignableFrom(javaType.getRawClass())) {
			return new Schema<>().description("Any JSON value.");
		}
		return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
	}

}
