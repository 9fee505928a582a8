package io.myuser.autoconfigure;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.myuser.account.UserRepository;
import io.myuser.session.TokenRevocationRepository;
import io.myuser.support.persistence.DeferredQueryEnhancerSelector;
import io.myuser.support.persistence.DeferredQueryParsingPostProcessor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.data.jpa.repository.query.DeclaredQuery;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactory;
import org.springframework.data.jpa.repository.query.QueryEnhancerSelector;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactoryBean;
import org.springframework.data.repository.Repository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DeferredQueryParsingPostProcessor}, as MyUser's auto-configuration registers it: MyUser's
 * repositories get the deferred query enhancers; a host's repositories, and MyUser's when the host chose a selector
 * of its own, keep theirs.
 */
class DeferredQueryParsingPostProcessorTests {

	@Test
	void myUsersRepositoriesInTheContextParseTheirQueriesWhenFirstUsed() {
		MyUserContextRunners.nonWeb().run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(DeferredQueryParsingPostProcessor.class);
			for (String name : new String[] { "userRepository", "tokenRevocationRepository" }) {
				assertThat(context.getBeanFactory().getBeanDefinition(name).getPropertyValues()
					.get("queryEnhancerSelectorSource")).as(name).isInstanceOf(DeferredQueryEnhancerSelector.class);
			}
			// The repositories work: the derived query that every startup runs, and a @Query.
			assertThat(context.getBean(TokenRevocationRepository.class).findRevokedSince(Instant.EPOCH, Instant.now()))
				.isEmpty();
			assertThat(context.getBean(UserRepository.class).findById(UUID.randomUUID())).isEmpty();
		});
	}

	@Test
	void aHostsRepositoryAndAChosenSelectorAreLeftAlone() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerBeanDefinition("userRepository", factory(UserRepository.class.getName(), null));
		// A repository of the host: its interface is not one of those shipped with MyUser (even under io.myuser).
		beanFactory.registerBeanDefinition("hostRepository", factory(HostRepository.class.getName(), null));
		beanFactory.registerBeanDefinition("chosenRepository",
				factory(TokenRevocationRepository.class.getName(), HostSelector.class));
		beanFactory.registerBeanDefinition("defaultRepository", factory(TokenRevocationRepository.class.getName(),
				QueryEnhancerSelector.DefaultQueryEnhancerSelector.class));
		new DeferredQueryParsingPostProcessor().postProcessBeanFactory(beanFactory);
		assertThat(source(beanFactory, "userRepository")).isInstanceOf(DeferredQueryEnhancerSelector.class);
		assertThat(source(beanFactory, "defaultRepository")).isInstanceOf(DeferredQueryEnhancerSelector.class);
		assertThat(beanFactory.getBeanDefinition("defaultRepository").getPropertyValues().get("queryEnhancerSelector"))
			.isNull();
		assertThat(source(beanFactory, "hostRepository")).isNull();
		assertThat(source(beanFactory, "chosenRepository")).isNull();
		assertThat(beanFactory.getBeanDefinition("chosenRepository").getPropertyValues().get("queryEnhancerSelector"))
			.isEqualTo(HostSelector.class);
	}

	private static RootBeanDefinition factory(String repository, Class<?> selector) {
		RootBeanDefinition definition = new RootBeanDefinition(JpaRepositoryFactoryBean.class);
		definition.getConstructorArgumentValues().addIndexedArgumentValue(0, repository);
		if (selector != null) {
			definition.getPropertyValues().add("queryEnhancerSelector", selector);
		}
		return definition;
	}

	private static Object source(DefaultListableBeanFactory beanFactory, String name) {
		return beanFactory.getBeanDefinition(name).getPropertyValues().get("queryEnhancerSelectorSource");
	}

	interface HostRepository extends Repository<Object, UUID> {

		Optional<Object> findById(UUID id);

	}

	static final class HostSelector implements QueryEnhancerSelector {

		@Override
		public QueryEnhancerFactory select(DeclaredQuery query) {
			return QueryEnhancerSelector.DEFAULT_SELECTOR.select(query);
		}

	}

}
