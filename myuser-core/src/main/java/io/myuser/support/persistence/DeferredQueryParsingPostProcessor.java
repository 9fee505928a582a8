package io.myuser.support.persistence;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactoryBean;
import org.springframework.util.Assert;

/**
 * Gives the Spring Data repositories of one package (MyUser's own, under {@code io.myuser}, by default) a
 * {@link DeferredQueryEnhancerSelector}, so that Spring Data parses their {@code @Query} strings when first used
 * rather than at startup. Every other repository keeps the selector it is configured with.
 */
public final class DeferredQueryParsingPostProcessor implements BeanPostProcessor {

	private final String packagePrefix;

	/**
	 * Defer the query parsing of MyUser's repositories.
	 */
	public DeferredQueryParsingPostProcessor() {
		this("io.myuser.");
	}

	/**
	 * Defer the query parsing of the repositories whose interface's name starts with a prefix.
	 * @param packagePrefix the prefix, such as {@code "io.myuser."}
	 */
	public DeferredQueryParsingPostProcessor(String packagePrefix) {
		Assert.hasText(packagePrefix, "packagePrefix must not be empty");
		this.packagePrefix = packagePrefix;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof JpaRepositoryFactoryBean<?, ?, ?> factory) {
			Class<?> repository = factory.getObjectType();
			if (repository != null && repository.getName().startsWith(this.packagePrefix)) {
				factory.setQueryEnhancerSelectorSource(new DeferredQueryEnhancerSelector());
			}
		}
		return bean;
	}

}
