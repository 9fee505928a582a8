package io.myuser.autoconfigure.security;

import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Matches when the application declares no {@link SecurityFilterChain} other than MyUser's own.
 */
class OnNoHostSecurityFilterChainCondition extends SpringBootCondition implements ConfigurationCondition {

	@Override
	public ConfigurationPhase getConfigurationPhase() {
		return ConfigurationPhase.REGISTER_BEAN;
	}

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		if (beanFactory == null) {
			return ConditionOutcome.noMatch("no bean factory");
		}
		List<String> hostChains = Arrays.stream(beanFactory.getBeanNamesForType(SecurityFilterChain.class, true, false))
			.filter((name) -> !name.equals(MyUserSecurityAutoConfiguration.SECURITY_FILTER_CHAIN_BEAN_NAME)
					&& !name.equals(MyUserSecurityAutoConfiguration.DEFAULT_SECURITY_FILTER_CHAIN_BEAN_NAME))
			.toList();
		if (hostChains.isEmpty()) {
			return ConditionOutcome.match("the application declares no SecurityFilterChain of its own");
		}
		return ConditionOutcome.noMatch("the application declares SecurityFilterChain beans " + hostChains);
	}

}
