package io.myuser.autoconfigure;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import io.myuser.account.UserRepository;
import io.myuser.session.TokenRevocationRepository;
import io.myuser.support.persistence.DeferredQueryEnhancerSelector;
import io.myuser.support.persistence.DeferredQueryParsingPostProcessor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactoryBean;
import org.springframework.data.repository.Repository;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DeferredQueryParsingPostProcessor}, as MyUser's auto-configuration registers it: MyUser's repositories get the deferred query enhancers, a
 * host's keep theirs. The selector a factory bean was given is read from its field (Spring Data has no getter).
 */
class DeferredQueryParsingPostProcessorTests {

	@Test
	void myUsersRepositoriesInTheContextParseTheirQueriesWhenFirstUsed() {
		MyUserContextRunners.nonWeb().run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(DeferredQueryParsingPostProcessor.class);
			for (String name : new String[] { "&userRepository", "&tokenRevocationRepository" }) {
				assertThat(selector(context.getBean(name, JpaRepositoryFactoryBean.class), context))
					.as(name)
					.isInstanceOf(DeferredQueryEnhancerSelector.class);
			}
			// The repositories work: the derived query that every startup runs, and a @Query.
			assertThat(context.getBean(TokenRevocationRepository.class)
				.findRevokedSince(java.time.Instant.EPOCH, java.time.Instant.now())).isEmpty();
			assertThat(context.getBean(UserRepository.class).findById(UUID.randomUUID())).isEmpty();
		});
	}

	@Test
	void aHostsRepositoryKeepsItsSelector() {
		JpaRepositoryFactoryBean<HostRepository, Object, UUID> host = new JpaRepositoryFactoryBean<>(
				HostRepository.class);
		JpaRepositoryFactoryBean<UserRepository, ?, ?> myUser = new JpaRepositoryFactoryBean<>(UserRepository.class);
		// This test's own interface sits under io.myuser too: the prefix here is that of the account feature.
		DeferredQueryParsingPostProcessor processor = new DeferredQueryParsingPostProcessor("io.myuser.account.");
		processor.postProcessBeforeInitialization(host, "hostRepository");
		processor.postProcessBeforeInitialization(myUser, "userRepository");
		// No selector given: Spring Data uses its configured one.
		assertThat(ReflectionTestUtils.getField(host, "queryEnhancerSelectorSource")).isNull();
		assertThat(selector(myUser, null)).isInstanceOf(DeferredQueryEnhancerSelector.class);
	}

	@SuppressWarnings("unchecked")
	private static Object selector(JpaRepositoryFactoryBean<?, ?, ?> factory, BeanFactory beanFactory) {
		Object source = ReflectionTestUtils.getField(factory, "queryEnhancerSelectorSource");
		assertThat(source).isNotNull();
		return ((Function<BeanFactory, Object>) source).apply(beanFactory);
	}

	interface HostRepository extends Repository<Object, UUID> {

		Optional<Object> findById(UUID id);

	}

}
