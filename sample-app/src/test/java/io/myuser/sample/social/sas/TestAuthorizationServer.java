package io.myuser.sample.social.sas;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.util.Assert;

/**
 * A Spring Authorization Server on a random port of this JVM, as a real OpenID Connect provider for the social
 * login tests: discovery at {@code /.well-known/openid-configuration}, the authorization endpoint behind Spring
 * Security's form login, the token endpoint, the JWK set and userinfo. One client is registered,
 * {@value #CLIENT_ID}: {@code client_secret_basic}, {@code authorization_code} with PKCE required and no consent
 * page, scopes {@code openid}, {@code email} and {@code profile}, and the redirect URIs given to {@link #start}.
 * Its users are in memory, each with the password {@link #PASSWORD} and the address {@link #emailOf(String)},
 * which its id_tokens carry as {@code email} with {@code email_verified} true. The issuer is
 * {@link #issuer()}, {@code http://localhost:<port>}.
 * <p>
 * The application stands alone, whatever else the test classpath holds: {@link Application} is not a
 * {@code @Configuration} nor any {@code @Component} (this package lies under the component scan of
 * {@code io.myuser.sample.SampleApplication}, which would otherwise pick it up), it scans nothing, imports only the
 * web and security auto-configurations it names, and reads no {@code application.properties}.
 */
public final class TestAuthorizationServer implements AutoCloseable {

	/** The registered client's id. */
	public static final String CLIENT_ID = "myuser";

	/** The registered client's secret. */
	public static final String CLIENT_SECRET = "myuser-test-client-secret";

	/** The password of every user. */
	public static final String PASSWORD = "sas-test-password";

	private static final String REDIRECT_URIS = "test-authorization-server.redirect-uris";

	private static final String USERS = "test-authorization-server.users";

	private final ConfigurableApplicationContext context;

	private final String issuer;

	private TestAuthorizationServer(ConfigurableApplicationContext context) {
		this.context = context;
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		this.issuer = "http://localhost:" + port;
	}

	/**
	 * Start a server.
	 * @param redirectUris the redirect URIs of the client {@value #CLIENT_ID}
	 * @param usernames its users
	 * @return the running server
	 */
	public static TestAuthorizationServer start(List<String> redirectUris, List<String> usernames) {
		Assert.notEmpty(redirectUris, "redirectUris must not be empty");
		Assert.notEmpty(usernames, "usernames must not be empty");
		ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
			.web(WebApplicationType.SERVLET)
			.properties("server.port=0", "spring.main.banner-mode=off",
					// No application.properties of the classpath (the sample app's) applies to this application.
					// No spring.application.name either: the first application of a JVM to name itself names
					// every later one in the log pattern.
					"spring.config.name=myuser-test-authorization-server",
					REDIRECT_URIS + "=" + String.join(",", redirectUris), USERS + "=" + String.join(",", usernames))
			.run();
		return new TestAuthorizationServer(context);
	}

	/**
	 * Return the issuer, also the base URL of every endpoint.
	 * @return {@code http://localhost:<port>}
	 */
	public String issuer() {
		return this.issuer;
	}

	/**
	 * Return the address the id_tokens of a user carry.
	 * @param username the user
	 * @return the address
	 */
	public static String emailOf(String username) {
		return username.toLowerCase(Locale.ROOT) + "@sas.example.test";
	}

	/**
	 * Return the running application.
	 * @return its context
	 */
	public ConfigurableApplicationContext context() {
		return this.context;
	}

	@Override
	public void close() {
		this.context.close();
	}

	/**
	 * The application. Spring reads its {@code @Bean} methods in lite mode, as the source of the application, so
	 * that it need not be a {@code @Configuration}.
	 */
	@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class,
			TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
			WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class, SecurityAutoConfiguration.class,
			ServletWebSecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class })
	static class Application {

		/** The authorization server's endpoints; a browser not logged in goes to the login page. */
		@Bean
		@Order(1)
		SecurityFilterChain authorizationServerSecurityFilterChain(HttpSecurity http) throws Exception {
			OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
			MediaTypeRequestMatcher browser = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
			browser.setIgnoredMediaTypes(Set.of(MediaType.ALL));
			http.securityMatcher(authorizationServer.getEndpointsMatcher())
				.with(authorizationServer, (server) -> server.oidc(Customizer.withDefaults()))
				.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()))
				.exceptionHandling((exceptions) -> exceptions
					.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), browser));
			return http.build();
		}

		/** Everything else, the login page included: form login. */
		@Bean
		@Order(2)
		SecurityFilterChain loginSecurityFilterChain(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.formLogin(Customizer.withDefaults());
			return http.build();
		}

		@Bean
		UserDetailsService users(Environment environment) {
			List<UserDetails> users = new ArrayList<>();
			for (String username : environment.getRequiredProperty(USERS, String[].class)) {
				users.add(User.withUsername(username).password("{noop}" + PASSWORD).roles("USER").build());
			}
			return new InMemoryUserDetailsManager(users);
		}

		@Bean
		RegisteredClientRepository registeredClients(Environment environment) {
			RegisteredClient.Builder client = RegisteredClient.withId(UUID.randomUUID().toString())
				.clientId(CLIENT_ID)
				.clientSecret("{noop}" + CLIENT_SECRET)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.scope(OidcScopes.OPENID)
				.scope(OidcScopes.EMAIL)
				.scope(OidcScopes.PROFILE)
				.clientSettings(
						ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build());
			for (String redirectUri : environment.getRequiredProperty(REDIRECT_URIS, String[].class)) {
				client.redirectUri(redirectUri);
			}
			return new InMemoryRegisteredClientRepository(client.build());
		}

		/** The issuer is left to the request: {@code http://localhost:<port>} for every caller here. */
		@Bean
		AuthorizationServerSettings authorizationServerSettings() {
			return AuthorizationServerSettings.builder().build();
		}

		@Bean
		JWKSource<SecurityContext> jwkSource() {
			try {
				RSAKey key = new RSAKeyGenerator(2048).keyID("sas-" + UUID.randomUUID()).generate();
				return new ImmutableJWKSet<>(new JWKSet(key));
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
		}

		/** For the userinfo endpoint, which takes the server's own access tokens. */
		@Bean
		JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
			return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
		}

		/** Id_tokens carry the user's address, verified. */
		@Bean
		OAuth2TokenCustomizer<JwtEncodingContext> idTokenAddress() {
			return (context) -> {
				if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
					context.getClaims()
						.claim(StandardClaimNames.EMAIL, emailOf(context.getPrincipal().getName()))
						.claim(StandardClaimNames.EMAIL_VERIFIED, true);
				}
			};
		}

	}

}
