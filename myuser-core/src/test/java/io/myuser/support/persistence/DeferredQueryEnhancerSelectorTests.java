package io.myuser.support.persistence;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.query.DeclaredQuery;
import org.springframework.data.jpa.repository.query.QueryEnhancer;
import org.springframework.data.jpa.repository.query.QueryEnhancerSelector;
import org.springframework.data.repository.Repository;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DeferredQueryEnhancerSelector}: for every {@code @Query} of MyUser's repositories, the deferred
 * enhancer parses nothing until asked, then answers what Spring Data's own enhancer answers.
 */
class DeferredQueryEnhancerSelectorTests {

	private final DeferredQueryEnhancerSelector deferred = new DeferredQueryEnhancerSelector();

	@Test
	void createParsesNothingAndKeepsTheQueryAsWritten() {
		DeclaredQuery query = DeclaredQuery.jpqlQuery("select u from User u where u.email = :email");
		QueryEnhancer enhancer = this.deferred.select(query).create(query);
		assertThat(enhancer).isInstanceOf(DeferredQueryEnhancerSelector.DeferredQueryEnhancer.class);
		assertThat(((DeferredQueryEnhancerSelector.DeferredQueryEnhancer) enhancer).isParsed()).isFalse();
		assertThat(enhancer.getQuery().getQueryString()).isEqualTo(query.getQueryString());
		assertThat(((DeferredQueryEnhancerSelector.DeferredQueryEnhancer) enhancer).isParsed()).isFalse();
		assertThat(enhancer.detectAlias()).isEqualTo("u");
		assertThat(((DeferredQueryEnhancerSelector.DeferredQueryEnhancer) enhancer).isParsed()).isTrue();
	}

	@Test
	void everyQueryOfMyUsersRepositoriesAnswersAsSpringDatasOwnEnhancer() throws Exception {
		List<String> queries = myUserQueries();
		assertThat(queries).hasSizeGreaterThan(20);
		for (String text : queries) {
			DeclaredQuery query = DeclaredQuery.jpqlQuery(text);
			QueryEnhancer expected = QueryEnhancerSelector.DEFAULT_SELECTOR.select(query).create(query);
			QueryEnhancer actual = this.deferred.select(query).create(query);
			assertThat(actual.isSelectQuery()).as(text).isEqualTo(expected.isSelectQuery());
			assertThat(actual.hasConstructorExpression()).as(text).isEqualTo(expected.hasConstructorExpression());
			assertThat(actual.detectAlias()).as(text).isEqualTo(expected.detectAlias());
			assertThat(actual.getProjection()).as(text).isEqualTo(expected.getProjection());
			assertThat(actual.getQuery().getQueryString()).as(text)
				.isEqualTo(expected.getQuery().getQueryString());
			if (expected.isSelectQuery()) {
				assertThat(actual.createCountQueryFor(null)).as(text).isEqualTo(expected.createCountQueryFor(null));
			}
		}
	}

	@Test
	void everyMethodOfTheEnhancerIsDelegated() throws NoSuchMethodException {
		// A method Spring Data adds to QueryEnhancer later, with a default, would otherwise answer the default
		// instead of the parsed query's answer.
		for (Method method : QueryEnhancer.class.getMethods()) {
			if (java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
				continue;
			}
			assertThat(DeferredQueryEnhancerSelector.DeferredQueryEnhancer.class
				.getMethod(method.getName(), method.getParameterTypes())
				.getDeclaringClass()).as(method.getName()).isEqualTo(DeferredQueryEnhancerSelector.DeferredQueryEnhancer.class);
		}
	}

	@Test
	void sortedRewriteIsSpringDatas() {
		DeclaredQuery query = DeclaredQuery.jpqlQuery("select a from AuditLog a where a.userId = :userId");
		QueryEnhancer expected = QueryEnhancerSelector.DEFAULT_SELECTOR.select(query).create(query);
		QueryEnhancer actual = this.deferred.select(query).create(query);
		QueryEnhancer.QueryRewriteInformation sorted = new QueryEnhancer.QueryRewriteInformation() {

			@Override
			public Sort getSort() {
				return Sort.by(Sort.Direction.DESC, "createdAt");
			}

			@Override
			public org.springframework.data.repository.query.ReturnedType getReturnedType() {
				return null;
			}

		};
		assertThat(actual.rewrite(sorted)).isEqualTo(expected.rewrite(sorted)).contains("order by");
	}

	/** The JPQL of every {@code @Query} (not native) of the repository interfaces under {@code io.myuser}. */
	private static List<String> myUserQueries() throws ClassNotFoundException {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {

			@Override
			protected boolean isCandidateComponent(
					org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
				return definition.getMetadata().isInterface();
			}

		};
		scanner.addIncludeFilter(new AssignableTypeFilter(Repository.class));
		List<String> queries = new ArrayList<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents("io.myuser")) {
			Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), null);
			for (Method method : type.getDeclaredMethods()) {
				Query query = method.getAnnotation(Query.class);
				if (query != null && !query.nativeQuery() && !query.value().isEmpty()) {
					queries.add(query.value());
					if (!query.countQuery().isEmpty()) {
						queries.add(query.countQuery());
					}
				}
			}
		}
		return queries;
	}

}
