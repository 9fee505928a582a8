package io.myuser.autoconfigure.social;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.myuser.autoconfigure.MyUserContextRunners;
import io.myuser.autoconfigure.security.MyUserSecurityAutoConfiguration;
import io.myuser.jobs.RecurringJob;
import io.myuser.security.MyUserRoutes;
import io.myuser.social.SocialAccount;
import io.myuser.social.SocialAccountController;
import io.myuser.social.SocialAccountEraser;
import io.myuser.social.SocialAccountExportSection;
import io.myuser.social.SocialAccountRepository;
import io.myuser.social.SocialAccountService;
import io.myuser.social.SocialLoginController;
import io.myuser.social.SocialLoginService;
import io.myuser.social.SocialSettings;
import io.myuser.social.provider.IdTokenReplayStore;
import io.myuser.social.provider.JdbcIdTokenReplayStore;
import io.myuser.social.provider.ProviderCalls;
import io.myuser.social.provider.ProviderKind;
import io.myuser.social.provider.ProviderSettings;
import io.myuser.social.provider.ProviderVerification;
import io.myuser.social.provider.SocialProvider;
import io.myuser.social.provider.SocialProviders;
import io.myuser.token.PasswordLoginService.LoginSettings;
import io.myuser.token.TokenService;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.AutoConfigureOrder;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link MyUserSocialAutoConfiguration}: the social account storage model, the providers read from the
 * host's Spring client registrations (through Boot's own {@link OAuth2ClientAutoConfiguration}), Facebook's retired
 * Graph version replaced, the checks that fail startup (reserved ids, an OpenID Connect provider without issuer,
 * symmetric id_token algorithms, redirect URIs that are not https or loopback), back-off for every bean, the
 * switches (social, MyUser, token authentication), and no Boot {@code oauth2SecurityFilterChain} beside MyUser's
 * chains.
 */
class MyUserSocialAutoConfigurationTests {

	/** The name of the chain Boot's servlet OAuth2 client auto-configuration adds when the host has none. */
	private static final String BOOT_OAUTH2_CHAIN = "oauth2SecurityFilterChain";

	private static final String REGISTRATION = "spring.security.oauth2.client.registration.";

	private static final String PROVIDER = "spring.security.oauth2.client.provider.";

	private static final String[] GOOGLE = { REGISTRATION + "google.client-id=google-client",
			REGISTRATION + "google.client-secret=google-secret" };

	private static final String[] GITHUB = { REGISTRATION + "github.client-id=github-client",
			REGISTRATION + "github.client-secret=github-secret" };

	private static final String[] FACEBOOK = { REGISTRATION + "facebook.client-id=facebook-app",
			REGISTRATION + "facebook.client-secret=facebook-secret" };

	/** A generic OpenID Connect registration with a JWK set and no issuer URI (so no discovery at startup). */
	private static final String[] CORP = { REGISTRATION + "corp.client-id=corp-client",
			REGISTRATION + "corp.client-secret=corp-secret",
			REGISTRATION + "corp.authorization-grant-type=authorization_code",
			REGISTRATION + "corp.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
			REGISTRATION + "corp.scope=openid,email",
			PROVIDER + "corp.authorization-uri=https://id.corp.example/authorize",
			PROVIDER + "corp.token-uri=https://id.corp.example/token",
			PROVIDER + "corp.jwk-set-uri=https://id.corp.example/jwks" };

	private final WebApplicationContextRunner contextRunner = MyUserContextRunners.web()
		.withConfiguration(AutoConfigurations.of(OAuth2ClientAutoConfiguration.class,
				OAuth2ClientWebSecurityAutoConfiguration.class));

	@Test
	void socialEntityAndRepositoryArePresentByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(AutoConfigurationPackages.get(context)).contains(SocialAccount.class.getPackageName());
			assertThat(MyUserContextRunners.managedEntities(context)).contains(SocialAccount.class);
			assertThat(context).hasSingleBean(SocialAccountRepository.class);
		});
	}

	@Test
	void socialEntityAndRepositoryAreAbsentWhenSocialIsDisabled() {
		this.contextRunner.withPropertyValues("myuser.social.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(AutoConfigurationPackages.get(context)).doesNotContain(SocialAccount.class.getPackageName());
			assertThat(MyUserContextRunners.managedEntities(context)).doesNotContain(SocialAccount.class);
			assertThat(context).doesNotHaveBean(SocialAccountRepository.class);
		});
	}

	@Test
	void withoutClientRegistrationsThereIsNoProvider() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(ClientRegistrationRepository.class);
			assertThat(context).hasSingleBean(SocialProviders.class)
				.hasSingleBean(ProviderVerification.class)
				.hasSingleBean(SocialLoginService.class)
				.hasSingleBean(SocialAccountService.class)
				.hasSingleBean(SocialLoginController.class)
				.hasSingleBean(SocialAccountController.class);
			SocialProviders providers = context.getBean(SocialProviders.class);
			assertThat(providers.all()).isEmpty();
			assertThat(providers.find("google")).isEmpty();
			assertThat(context.getBean(IdTokenReplayStore.class)).isInstanceOf(JdbcIdTokenReplayStore.class);
		});
	}

	@Test
	void googleGithubAndFacebookRegistrationsBecomeProvidersOfTheirKind() {
		this.contextRunner.withPropertyValues(GOOGLE).withPropertyValues(GITHUB).withPropertyValues(FACEBOOK)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(ClientRegistrationRepository.class);
				SocialProviders providers = context.getBean(SocialProviders.class);
				assertThat(providers.all()).extracting(SocialProvider::id)
					.containsExactlyInAnyOrder("google", "github", "facebook");
				assertThat(provider(providers, "google").kind()).isEqualTo(ProviderKind.GOOGLE);
				assertThat(provider(providers, "github").kind()).isEqualTo(ProviderKind.GITHUB);
				assertThat(provider(providers, "facebook").kind()).isEqualTo(ProviderKind.FACEBOOK);
				SocialProvider google = provider(providers, "google");
				assertThat(google.clientId()).isEqualTo("google-client");
				assertThat(google.issuer()).isEqualTo("https://accounts.google.com");
				assertThat(google.idTokenAlgorithms()).containsExactly(SignatureAlgorithm.RS256);
				assertThat(google.displayName()).isEqualTo("Google");
				assertThat(provider(providers, "github").issuer()).isNull();
				assertThat(provider(providers, "facebook").issuer()).isNull();
			});
	}

	@Test
	void facebookEndpointsOnTheRetiredGraphVersionMoveToTheConfiguredOne() {
		this.contextRunner.withPropertyValues(FACEBOOK)
			.withPropertyValues("myuser.social.facebook.graph-api-uri=https://graph.facebook.com/v19.0",
					PROVIDER + "facebook.user-info-uri=https://graph.facebook.com/v2.8/me?fields=id,email")
			.run((context) -> {
				ClientRegistration.ProviderDetails spring = context.getBean(ClientRegistrationRepository.class)
					.findByRegistrationId("facebook")
					.getProviderDetails();
				assertThat(spring.getTokenUri()).isEqualTo("https://graph.facebook.com/v2.8/oauth/access_token");
				assertThat(spring.getAuthorizationUri()).isEqualTo("https://www.facebook.com/v2.8/dialog/oauth");
				ClientRegistration.ProviderDetails effective = provider(context.getBean(SocialProviders.class),
						"facebook")
					.registration()
					.getProviderDetails();
				assertThat(effective.getTokenUri()).isEqualTo("https://graph.facebook.com/v19.0/oauth/access_token");
				assertThat(effective.getAuthorizationUri()).isEqualTo("https://www.facebook.com/v19.0/dialog/oauth");
				assertThat(effective.getUserInfoEndpoint().getUri())
					.isEqualTo("https://graph.facebook.com/v19.0/me?fields=id,email");
			});
	}

	@Test
	void facebookEndpointsMoveToTheDefaultGraphVersionWhenNoneIsConfigured() {
		this.contextRunner.withPropertyValues(FACEBOOK).run((context) -> {
			ClientRegistration.ProviderDetails effective = provider(context.getBean(SocialProviders.class), "facebook")
				.registration()
				.getProviderDetails();
			assertThat(effective.getTokenUri()).isEqualTo(ProviderSettings.FACEBOOK_GRAPH_API + "/oauth/access_token")
				.isEqualTo("https://graph.facebook.com/v23.0/oauth/access_token");
			assertThat(effective.getAuthorizationUri()).isEqualTo("https://www.facebook.com/v23.0/dialog/oauth");
			// Spring Security's default user-info URI names no version; it is left alone.
			assertThat(effective.getUserInfoEndpoint().getUri())
				.isEqualTo("https://graph.facebook.com/me?fields=id,name,email");
		});
	}

	@Test
	void facebookEndpointsTheHostSetStay() {
		this.contextRunner.withPropertyValues(FACEBOOK)
			.withPropertyValues("myuser.social.facebook.graph-api-uri=https://graph.facebook.com/v19.0",
					PROVIDER + "facebook.token-uri=https://graph.facebook.com/v21.0/oauth/access_token",
					PROVIDER + "facebook.authorization-uri=https://www.facebook.com/v21.0/dialog/oauth",
					PROVIDER + "facebook.user-info-uri=https://graph.facebook.com/v21.0/me?fields=id,email")
			.run((context) -> {
				ClientRegistration.ProviderDetails effective = provider(context.getBean(SocialProviders.class),
						"facebook")
					.registration()
					.getProviderDetails();
				assertThat(effective.getTokenUri()).isEqualTo("https://graph.facebook.com/v21.0/oauth/access_token");
				assertThat(effective.getAuthorizationUri()).isEqualTo("https://www.facebook.com/v21.0/dialog/oauth");
				assertThat(effective.getUserInfoEndpoint().getUri())
					.isEqualTo("https://graph.facebook.com/v21.0/me?fields=id,email");
			});
	}

	@Test
	void anOpenIdConnectProviderWithAJwkSetButNoIssuerFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues(CORP).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("myuser.social.corp.issuer")
				.hasMessageContaining("spring.security.oauth2.client.provider.corp.issuer-uri");
		});
	}

	@Test
	void anOpenIdConnectProviderWithAJwkSetAndAConfiguredIssuerIsAProvider() {
		this.contextRunner.withPropertyValues(CORP)
			.withPropertyValues("myuser.social.corp.issuer=https://id.corp.example",
					"myuser.social.corp.redirect-uris=https://app.example/cb",
					"myuser.social.corp.id-token-algorithms=ES256")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				SocialProvider corp = provider(context.getBean(SocialProviders.class), "corp");
				assertThat(corp.kind()).isEqualTo(ProviderKind.OIDC);
				assertThat(corp.issuer()).isEqualTo("https://id.corp.example");
				assertThat(corp.clientId()).isEqualTo("corp-client");
				assertThat(corp.idTokenAlgorithms()).containsExactlyInAnyOrder(SignatureAlgorithm.RS256,
						SignatureAlgorithm.ES256);
				assertThat(corp.allowsRedirectUri("https://app.example/cb")).isTrue();
				assertThat(corp.allowsRedirectUri("https://app.example/cb/")).isFalse();
			});
	}

	@Test
	void registrationIdsWithUnderscoresOrCapitalsTakeTheirOptionsToo() {
		// Boot and Spring Security accept such ids; MyUser's options are bound under myuser.social.<id>.
		for (String id : List.of("corp_sso", "MyCorp")) {
			String registration = REGISTRATION + id + ".";
			String provider = PROVIDER + id + ".";
			this.contextRunner
				.withPropertyValues(registration + "client-id=corp-client", registration + "client-secret=secret",
						registration + "authorization-grant-type=authorization_code",
						registration + "redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
						provider + "authorization-uri=https://id.corp.example/authorize",
						provider + "token-uri=https://id.corp.example/token",
						provider + "jwk-set-uri=https://id.corp.example/jwks",
						"myuser.social." + id + ".issuer=https://id.corp.example",
						"myuser.social." + id + ".redirect-uris=https://app.example/cb")
				.run((context) -> {
					assertThat(context).as(id).hasNotFailed();
					SocialProvider corp = provider(context.getBean(SocialProviders.class), id);
					assertThat(corp.kind()).as(id).isEqualTo(ProviderKind.OIDC);
					assertThat(corp.issuer()).as(id).isEqualTo("https://id.corp.example");
					assertThat(corp.redirectUris()).as(id).containsExactly("https://app.example/cb");
				});
		}
	}

	@Test
	void reservedRegistrationIdsFailStartup() {
		for (String id : List.of("accounts", "exchange")) {
			this.contextRunner
				.withPropertyValues(REGISTRATION + id + ".provider=google", REGISTRATION + id + ".client-id=client",
						REGISTRATION + id + ".client-secret=secret")
				.run((context) -> {
					assertThat(context).as(id).hasFailed();
					assertThat(context.getStartupFailure()).as(id)
						.rootCause()
						.isInstanceOf(IllegalStateException.class)
						.hasMessageContaining("'" + id + "' is reserved")
						.hasMessageContaining("spring.security.oauth2.client.registration." + id);
				});
		}
	}

	@Test
	void symmetricIdTokenAlgorithmsFailStartup() {
		this.contextRunner.withPropertyValues(CORP)
			.withPropertyValues("myuser.social.corp.issuer=https://id.corp.example",
					"myuser.social.corp.id-token-algorithms=HS256")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(IllegalStateException.class)
					.hasMessageContaining("myuser.social.corp.id-token-algorithms")
					.hasMessageContaining("'HS256'");
			});
	}

	@Test
	void redirectUrisThatAreNeitherHttpsNorLoopbackFailStartupNamingTheProperty() {
		for (String uri : List.of("http://evil.example/cb", "http://localhost.evil.example/cb",
				"https://app.example/cb#fragment", "/cb", "app.example/cb", "javascript:alert(1)")) {
			this.contextRunner.withPropertyValues("myuser.social.google.redirect-uris=" + uri).run((context) -> {
				assertThat(context).as(uri).hasFailed();
				assertThat(context.getStartupFailure()).as(uri)
					.rootCause()
					.isInstanceOf(IllegalStateException.class)
					.hasMessageContaining("myuser.social.google.redirect-uris")
					.hasMessageContaining("'" + uri + "'");
			});
		}
	}

	@Test
	void httpsAndLoopbackRedirectUrisAreAccepted() {
		this.contextRunner.withPropertyValues(GOOGLE)
			.withPropertyValues("myuser.social.google.redirect-uris=http://localhost:3000/cb,https://app.example/cb,"
					+ "http://127.0.0.1:8080/cb")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				SocialProvider google = provider(context.getBean(SocialProviders.class), "google");
				assertThat(google.redirectUris()).containsExactly("http://localhost:3000/cb", "https://app.example/cb",
						"http://127.0.0.1:8080/cb");
				assertThat(google.allowsRedirectUri("http://localhost:3000/cb")).isTrue();
				assertThat(google.allowsRedirectUri("https://app.example/cb")).isTrue();
				assertThat(google.allowsRedirectUri("https://app.example/other")).isFalse();
			});
	}

	@Test
	void redirectUrisOfAnOpenIdConnectRegistrationAreCheckedToo() {
		this.contextRunner.withPropertyValues(CORP)
			.withPropertyValues("myuser.social.corp.issuer=https://id.corp.example",
					"myuser.social.corp.redirect-uris=http://evil.example/cb")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("myuser.social.corp.redirect-uris")
					.hasMessageContaining("'http://evil.example/cb'");
			});
	}

	@Test
	void googleAuthorizedPartiesReachTheProvider() {
		this.contextRunner.withPropertyValues(GOOGLE)
			.withPropertyValues("myuser.social.google.authorized-parties=android-client,ios-client")
			.run((context) -> assertThat(provider(context.getBean(SocialProviders.class), "google").authorizedParties())
				.containsExactly("android-client", "ios-client"));
	}

	@Test
	void timeoutsAndEndpointsReachTheProviderSettings() {
		this.contextRunner
			.withPropertyValues("myuser.social.connect-timeout=2s", "myuser.social.read-timeout=3s",
					"myuser.social.clock-skew=30s", "myuser.social.github.api-uri=https://github.corp.example/api/v3",
					"myuser.social.google.tokeninfo-uri=http://localhost:9999/tokeninfo")
			.run((context) -> {
				ProviderSettings settings = context.getBean(ProviderSettings.class);
				assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
				assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(settings.clockSkew()).isEqualTo(Duration.ofSeconds(30));
				assertThat(settings.githubApiUri()).hasToString("https://github.corp.example/api/v3");
				assertThat(settings.googleTokeninfoUri()).hasToString("http://localhost:9999/tokeninfo");
			});
	}

	@Test
	void aTimeoutThatIsNotPositiveFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("myuser.social.read-timeout=0s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("myuser.social.read-timeout");
		});
	}

	@Test
	void everyBeanBacksOffWhenTheHostDefinesOne() {
		backsOff(SocialProviders.class, SocialProviders::none);
		backsOff(ProviderSettings.class, () -> ProviderSettings.defaults(Map.of()));
		backsOff(ProviderCalls.class, () -> new ProviderCalls(Duration.ofSeconds(1), Duration.ofSeconds(1)));
		backsOff(IdTokenReplayStore.class, NoReplayStore::new);
		backsOff(ProviderVerification.class, () -> new ProviderVerification(Map.of()));
		backsOff(SocialSettings.class,
				() -> new SocialSettings(true, new LoginSettings(false, false, Duration.ofMinutes(5)), true));
		backsOff(SocialLoginService.class, () -> mock(SocialLoginService.class));
		backsOff(SocialAccountService.class, () -> mock(SocialAccountService.class));
		backsOff(SocialLoginController.class, () -> mock(SocialLoginController.class));
		backsOff(SocialAccountController.class, () -> mock(SocialAccountController.class));
		backsOff(SocialAccountExportSection.class, () -> mock(SocialAccountExportSection.class));
		backsOff(SocialAccountEraser.class, () -> mock(SocialAccountEraser.class));
	}

	@Test
	void aHostProvidersBeanIsUsedEvenWithRegistrations() {
		SocialProviders host = SocialProviders.none();
		this.contextRunner.withPropertyValues(GOOGLE)
			.withBean("hostSocialProviders", SocialProviders.class, () -> host)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(SocialProviders.class);
				assertThat(context.getBean(SocialProviders.class)).isSameAs(host);
				assertThat(context.getBean(SocialProviders.class).find("google")).isEmpty();
			});
	}

	@Test
	void theCleanupJobAndTheRoutesBackOffByName() {
		RecurringJob job = RecurringJob.every("host-cleanup", Duration.ofHours(1), () -> {
		});
		MyUserRoutes routes = MyUserRoutes.of("social").permitAll(HttpMethod.POST, "/social/{provider}").build();
		this.contextRunner.withBean("myUserIdTokenReplayCleanupJob", RecurringJob.class, () -> job)
			.withBean("myUserSocialRoutes", MyUserRoutes.class, () -> routes)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean("myUserIdTokenReplayCleanupJob")).isSameAs(job);
				assertThat(context.getBean("myUserSocialRoutes")).isSameAs(routes);
			});
	}

	@Test
	void theCleanupJobAndTheRoutesAreDefinedByDefault() {
		this.contextRunner.run((context) -> {
			RecurringJob job = context.getBean("myUserIdTokenReplayCleanupJob", RecurringJob.class);
			assertThat(job.name()).isEqualTo("myuser-social-id-token-cleanup");
			MyUserRoutes routes = context.getBean("myUserSocialRoutes", MyUserRoutes.class);
			assertThat(routes.routes()).extracting(MyUserRoutes.Route::path, MyUserRoutes.Route::access)
				.contains(tuple("/social/{provider}", MyUserRoutes.Access.PUBLIC),
						tuple("/social/{provider}/connect", MyUserRoutes.Access.AUTHENTICATED),
						tuple("/social/accounts", MyUserRoutes.Access.AUTHENTICATED));
		});
	}

	@Test
	void disabledThereIsNoSocialBeanEvenWithRegistrations() {
		this.contextRunner.withPropertyValues(GOOGLE).withPropertyValues("myuser.social.enabled=false")
			.run(MyUserSocialAutoConfigurationTests::hasNoSocialBean);
	}

	@Test
	void myUserDisabledThereIsNoSocialBean() {
		this.contextRunner.withPropertyValues(GOOGLE).withPropertyValues("myuser.enabled=false")
			.run(MyUserSocialAutoConfigurationTests::hasNoSocialBean);
	}

	@Test
	void withoutTokenAuthenticationTheContextStartsWithoutSocialLoginNorItsRoutes() {
		this.contextRunner.withPropertyValues(GOOGLE).withPropertyValues("myuser.token.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(TokenService.class)
					.doesNotHaveBean(SocialLoginService.class)
					.doesNotHaveBean(SocialLoginController.class)
					.doesNotHaveBean(SocialAccountController.class)
					.doesNotHaveBean("myUserSocialRoutes")
					.hasSingleBean(SocialAccountService.class);
				assertThat(provider(context.getBean(SocialProviders.class), "google").kind())
					.isEqualTo(ProviderKind.GOOGLE);
			});
	}

	@Test
	void outsideAWebApplicationTheServicesExistButNotTheControllersNorTheRoutes() {
		ApplicationContextRunner nonWeb = MyUserContextRunners.nonWeb()
			.withConfiguration(AutoConfigurations.of(OAuth2ClientAutoConfiguration.class))
			.withPropertyValues(GOOGLE);
		nonWeb.run((AssertableApplicationContext context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(SocialLoginService.class)
				.hasSingleBean(SocialAccountService.class)
				.doesNotHaveBean(SocialLoginController.class)
				.doesNotHaveBean(SocialAccountController.class)
				.doesNotHaveBean("myUserSocialRoutes");
			assertThat(provider(context.getBean(SocialProviders.class), "google").kind())
				.isEqualTo(ProviderKind.GOOGLE);
		});
	}

	@Test
	void oneRegistrationAndNoHostChainGiveNoBootOAuth2Chain() {
		this.contextRunner.withPropertyValues(GOOGLE).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(ClientRegistrationRepository.class);
			assertThat(context).doesNotHaveBean(BOOT_OAUTH2_CHAIN);
			assertThat(context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys(
					MyUserSecurityAutoConfiguration.SECURITY_FILTER_CHAIN_BEAN_NAME,
					MyUserSecurityAutoConfiguration.DEFAULT_SECURITY_FILTER_CHAIN_BEAN_NAME);
		});
	}

	@Test
	void myUsersChainsComeFirstEvenWhenAnotherAutoConfigurationPullsBootsOAuth2SecurityEarly() {
		// The sorter breaks ties alphabetically, so io.myuser comes before org.springframework anyway; an
		// auto-configuration ordered first and after Boot's OAuth2 web security makes the declared order decide.
		this.contextRunner.withConfiguration(AutoConfigurations.of(AfterBootsOAuth2ClientWebSecurity.class))
			.withPropertyValues(GOOGLE)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(ClientRegistrationRepository.class);
				assertThat(context).doesNotHaveBean(BOOT_OAUTH2_CHAIN);
				assertThat(context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys(
						MyUserSecurityAutoConfiguration.SECURITY_FILTER_CHAIN_BEAN_NAME,
						MyUserSecurityAutoConfiguration.DEFAULT_SECURITY_FILTER_CHAIN_BEAN_NAME);
			});
	}

	@Test
	void bootsOAuth2ChainIsInTheRunnerWhenMyUsersChainsAreOff() {
		// The control of the test above: the runner does hold Boot's servlet OAuth2 client security.
		this.contextRunner.withPropertyValues(GOOGLE).withPropertyValues("myuser.token.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(MyUserSecurityAutoConfiguration.SECURITY_FILTER_CHAIN_BEAN_NAME)
					.hasBean(BOOT_OAUTH2_CHAIN);
			});
	}

	private <T> void backsOff(Class<T> type, Supplier<T> host) {
		T bean = host.get();
		this.contextRunner.withPropertyValues(GOOGLE).withBean("host" + type.getSimpleName(), type, () -> bean)
			.run((AssertableWebApplicationContext context) -> {
				assertThat(context).as(type.getSimpleName()).hasNotFailed();
				assertThat(context).as(type.getSimpleName()).hasSingleBean(type);
				assertThat(context.getBean(type)).as(type.getSimpleName()).isSameAs(bean);
			});
	}

	private static void hasNoSocialBean(AssertableWebApplicationContext context) {
		assertThat(context).hasNotFailed();
		for (Class<?> type : List.of(SocialProviders.class, ProviderSettings.class, ProviderCalls.class,
				IdTokenReplayStore.class, ProviderVerification.class, SocialSettings.class, SocialLoginService.class,
				SocialAccountService.class, SocialLoginController.class, SocialAccountController.class,
				SocialAccountExportSection.class, SocialAccountEraser.class, SocialAccountRepository.class)) {
			assertThat(context).as(type.getSimpleName()).doesNotHaveBean(type);
		}
		assertThat(context).doesNotHaveBean("myUserSocialRoutes").doesNotHaveBean("myUserIdTokenReplayCleanupJob");
	}

	private static SocialProvider provider(SocialProviders providers, String id) {
		return providers.find(id).orElseThrow(() -> new AssertionError("no provider '" + id + "'"));
	}

	/**
	 * An auto-configuration sorted first that must come after Boot's servlet OAuth2 client security, as a library's
	 * might: Boot's then comes before every MyUser auto-configuration that does not declare otherwise.
	 */
	@AutoConfiguration(after = OAuth2ClientWebSecurityAutoConfiguration.class)
	@AutoConfigureOrder(Ordered.HIGHEST_PRECEDENCE)
	static class AfterBootsOAuth2ClientWebSecurity {

	}

	/** A host's replay store that never refuses (it only needs to be a different bean). */
	private static final class NoReplayStore implements IdTokenReplayStore {

		@Override
		public boolean markUsed(String tokenHash, Instant expiresAt) {
			return true;
		}

		@Override
		public int forgetExpired(Instant now) {
			return 0;
		}

	}

}
