package io.myuser.autoconfigure.openapi;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.myuser.security.MyUserRoutes;
import io.myuser.security.MyUserRoutes.Access;
import io.myuser.security.MyUserRoutes.Route;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Completes MyUser's OpenAPI group: the bearer (JWT) scheme, applied to the routes MyUser's security chain guards
 * and to none it opens (read from the {@link MyUserRoutes} every feature contributes), their 401 and 403 problem
 * answers, the {@code Problem} schema and its headers, stable operation ids, and an object schema for empty
 * answers.
 */
final class MyUserOpenApiCustomizer implements OpenApiCustomizer {

	static final String BEARER_SCHEME = "bearerAuth";

	private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

	private final String basePath;

	private final Supplier<List<MyUserRoutes>> routes;

	MyUserOpenApiCustomizer(String basePath, Supplier<List<MyUserRoutes>> routes) {
		Assert.notNull(basePath, "basePath cannot be null");
		Assert.notNull(routes, "routes cannot be null");
		this.basePath = basePath;
		this.routes = routes;
	}

	@Override
	public void customise(OpenAPI openApi) {
		boolean openApi31 = openApi.getSpecVersion() == SpecVersion.V31;
		ModelConverters converters = ModelConverters.getInstance(openApi31);
		Components components = (openApi.getComponents() != null) ? openApi.getComponents() : new Components();
		openApi.setComponents(components);
		resolve(converters, ProblemBody.class).forEach(components::addSchemas);
		components.addHeaders(ProblemResponses.RETRY_AFTER,
				new Header().description("Seconds to wait before asking again.")
					.schema(schemaOf(converters, Integer.class)));
		components.addHeaders(ProblemResponses.WWW_AUTHENTICATE,
				new Header().description("Bearer, with error=\"invalid_token\" when a token was given but refused.")
					.schema(schemaOf(converters, String.class)));
		components.addSecuritySchemes(BEARER_SCHEME,
				new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("bearer")
					.bearerFormat("JWT")
					.description("A MyUser access token (token/ or social login), Authorization: Bearer <token>."));
		if (openApi.getInfo() == null) {
			openApi.setInfo(new Info());
		}
		openApi.getInfo()
			.title("MyUser")
			.description("The user-account routes of MyUser, under " + this.basePath + ". Every route also "
					+ "answers with a trailing slash. Errors are RFC 9457 problem JSON.");
		List<Route> routes = this.routes.get().stream().flatMap((feature) -> feature.routes().stream()).toList();
		if (openApi.getPaths() != null) {
			openApi.getPaths().forEach((path, item) -> secure(path, item, routes));
			uniqueOperationIds(openApi);
		}
		describeEmptySchemas(openApi, openApi31);
	}

	private void secure(String path, PathItem item, List<Route> routes) {
		item.readOperationsMap().forEach((method, operation) -> {
			Route route = routeOf(path, HttpMethod.valueOf(method.name()), routes);
			Access access = (route != null) ? route.access() : Access.AUTHENTICATED;
			if (operation.getResponses() == null) {
				operation.setResponses(new ApiResponses());
			}
			if (access == Access.PUBLIC) {
				operation.setSecurity(new ArrayList<>());
			}
			else {
				operation.setSecurity(new ArrayList<>(List.of(new SecurityRequirement().addList(BEARER_SCHEME))));
				operation.getResponses().addApiResponse("401", ProblemResponses.problem(401));
				if (access == Access.AUTHORITY) {
					operation.getResponses()
						.addApiResponse("403", ProblemResponses.problem(403)
							.description("The caller's token does not grant " + route.authority() + "."));
				}
			}
			sortResponses(operation);
		});
	}

	/**
	 * The route the security chain applies to a documented path: authority-guarded routes first, then the others in
	 * the order of their contributions, as the chain does.
	 */
	private @Nullable Route routeOf(String documentedPath, HttpMethod method, List<Route> routes) {
		if (!documentedPath.startsWith(this.basePath)) {
			return null;
		}
		// A path variable of the document ({id}) stands for one segment.
		PathContainer path = PathContainer
			.parsePath(documentedPath.substring(this.basePath.length()).replaceAll("\\{[^/}]+}", "x"));
		Route first = null;
		for (Route route : routes) {
			PathPattern pattern = PARSER.parse(route.path());
			if (route.method().equals(method) && pattern.matches(path)) {
				if (route.access() == Access.AUTHORITY) {
					return route;
				}
				if (first == null) {
					first = route;
				}
			}
		}
		return first;
	}

	private static void sortResponses(Operation operation) {
		ApiResponses sorted = new ApiResponses();
		operation.getResponses()
			.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
			.forEach((entry) -> sorted.addApiResponse(entry.getKey(), entry.getValue()));
		operation.setResponses(sorted);
	}

	/**
	 * A record without components (an answer of {@code {}}) comes out as the schema {@code {}}, which allows
	 * anything: it is an empty object. A sealed answer type is documented inline as a {@code oneOf} of its
	 * permitted subtypes, each with an {@code allOf} of the sealed type's empty schema: that part goes, and so does
	 * the sealed type's schema once nothing refers to it.
	 */
	@SuppressWarnings("rawtypes")
	private static void describeEmptySchemas(OpenAPI openApi, boolean openApi31) {
		Map<String, Schema> schemas = openApi.getComponents().getSchemas();
		if (schemas == null) {
			return;
		}
		List<String> empty = schemas.entrySet()
			.stream()
			.filter((entry) -> isEmpty(entry.getValue()))
			.map(Map.Entry::getKey)
			.toList();
		if (empty.isEmpty()) {
			return;
		}
		for (String name : empty) {
			String ref = "#/components/schemas/" + name;
			// swagger-core gives each permitted subtype of a sealed answer an allOf of the (empty) sealed type and
			// its own properties: the subtype is its own properties.
			for (Map.Entry<String, Schema> entry : schemas.entrySet()) {
				List<Schema> allOf = entry.getValue().getAllOf();
				if (allOf != null && allOf.removeIf((part) -> ref.equals(part.get$ref())) && allOf.size() == 1) {
					Schema own = allOf.get(0);
					if (own.getDescription() == null) {
						own.setDescription(entry.getValue().getDescription());
					}
					entry.setValue(own);
				}
			}
		}
		String text = (openApi31 ? Json31.pretty(openApi) : Json.pretty(openApi));
		for (String name : empty) {
			if (!text.contains("\"#/components/schemas/" + name + "\"")) {
				schemas.remove(name);
			}
			else {
				Schema<?> object = schemas.get(name);
				if (openApi31) {
					object.setTypes(new LinkedHashSet<>(Set.of("object")));
				}
				else {
					object.setType("object");
				}
				object.setMaxProperties(0);
				object.setDescription("An empty object.");
			}
		}
	}

	@SuppressWarnings("rawtypes")
	private static boolean isEmpty(Schema schema) {
		return schema.get$ref() == null && schema.getType() == null
				&& (schema.getTypes() == null || schema.getTypes().isEmpty()) && schema.getProperties() == null
				&& schema.getOneOf() == null && schema.getAllOf() == null && schema.getAnyOf() == null
				&& schema.getItems() == null && schema.getAdditionalProperties() == null;
	}

	/**
	 * Operation ids from the handler methods, made unique with the HTTP method where one handler serves several
	 * (springdoc would number them in the order it meets them, which is not stable).
	 */
	private static void uniqueOperationIds(OpenAPI openApi) {
		Map<String, List<Operation>> byId = new HashMap<>();
		// Operations compare by value (PUT and PATCH of one handler are equal): by identity here.
		Map<Operation, String> methods = new IdentityHashMap<>();
		openApi.getPaths().values().forEach((item) -> item.readOperationsMap().forEach((method, operation) -> {
			if (operation.getOperationId() != null) {
				String id = operation.getOperationId().replaceFirst("_\\d+$", "");
				operation.setOperationId(id);
				byId.computeIfAbsent(id, (key) -> new ArrayList<>()).add(operation);
				methods.put(operation, method.name());
			}
		}));
		byId.values().stream().filter((operations) -> operations.size() > 1).forEach((operations) -> operations
			.forEach((operation) -> operation.setOperationId(operation.getOperationId()
					+ StringUtils.capitalize(methods.get(operation).toLowerCase(Locale.ROOT)))));
	}

	@SuppressWarnings("rawtypes")
	private static Map<String, Schema> resolve(ModelConverters converters, Type type) {
		return converters.readAll(new AnnotatedType(type));
	}

	@SuppressWarnings("rawtypes")
	private static Schema schemaOf(ModelConverters converters, Type type) {
		return converters.resolveAsResolvedSchema(new AnnotatedType(type)).schema;
	}

}
