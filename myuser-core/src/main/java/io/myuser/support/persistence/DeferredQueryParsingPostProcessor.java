package io.myuser.support.persistence;

import java.net.URL;
import java.security.CodeSource;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.MutablePropertyValues;
import org.springframework.beans.PropertyValue;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.data.jpa.repository.query.QueryEnhancerSelector;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactoryBean;
import org.springframework.util.ClassUtils;

/**
 * Gives MyUser's own Spring Data repositories (the interfaces shipped with this class, in {@code myuser-core}) a
 * {@link DeferredQueryEnhancerSelector}, so that Spring Data parses their {@code @Query} strings when first used
 * rather than at startup. It works on bean definitions, before any repository exists: a repository factory that was
 * given a selector other than Spring Data's default ({@code @EnableJpaRepositories(queryEnhancerSelector = ...)})
 * keeps it, and every repository of the host keeps what it is configured with.
 */
public final class DeferredQueryParsingPostProcessor implements BeanFactoryPostProcessor {

	private static final String FACTORY_BEAN = JpaRepositoryFactoryBean.class.getName();

	private static final String SELECTOR = "queryEnhancerSelector";

	private static final String SELECTOR_SOURCE = "queryEnhancerSelectorSource";

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		ClassLoader classLoader = beanFactory.getBeanClassLoader();
		for (String name : beanFactory.getBeanDefinitionNames()) {
			BeanDefinition definition = beanFactory.getBeanDefinition(name);
			if (!FACTORY_BEAN.equals(definition.getBeanClassName())) {
				continue;
			}
			String repository = repositoryInterface(definition);
			if (repository == null || !isMyUsers(repository, classLoader)) {
				continue;
			}
			MutablePropertyValues properties = definition.getPropertyValues();
			PropertyValue selector = properties.getPropertyValue(SELECTOR);
			if (selector != null && !isDefault(selector.getValue())) {
				continue;
			}
			properties.removePropertyValue(SELECTOR);
			properties.add(SELECTOR_SOURCE, new DeferredQueryEnhancerSelector());
		}
	}

	private static @Nullable String repositoryInterface(BeanDefinition definition) {
		ValueHolder argument = definition.getConstructorArgumentValues().getIndexedArgumentValue(0, null);
		if (argument == null) {
			argument = definition.getConstructorArgumentValues().getGenericArgumentValue(null);
		}
		Object value = (argument != null) ? argument.getValue() : null;
		if (value instanceof Class<?> type) {
			return type.getName();
		}
		return (value instanceof String text) ? text : null;
	}

	private static boolean isDefault(@Nullable Object selector) {
		if (selector == null) {
			return true;
		}
		String type = (selector instanceof Class<?> clazz) ? clazz.getName() : selector.toString();
		return type.equals(QueryEnhancerSelector.DefaultQueryEnhancerSelector.class.getName());
	}

	/** Whether the interface is one of MyUser's: it comes from where this class comes from. */
	private static boolean isMyUsers(String repository, @Nullable ClassLoader classLoader) {
		if (!repository.startsWith("io.myuser.") || !ClassUtils.isPresent(repository, classLoader)) {
			return false;
		}
		URL ours = location(DeferredQueryParsingPostProcessor.class);
		URL theirs = location(ClassUtils.resolveClassName(repository, classLoader));
		return ours != null && ours.equals(theirs);
	}

	private static @Nullable URL location(Class<?> type) {
		CodeSource source = type.getProtectionDomain().getCodeSource();
		return (source != null) ? source.getLocation() : null;
	}

}
