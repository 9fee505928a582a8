package io.myuser.autoconfigure.token;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.myuser.account.User;
import io.myuser.autoconfigure.BindingReports;
import io.myuser.autoconfigure.MyUserContextRunners;
import io.myuser.autoconfigure.MyUserTestUsers;
import io.myuser.autoconfigure.token.InvalidSigningKeyException.Reason;
import io.myuser.account.RegistrationController;
import io.myuser.session.SessionController;
import io.myuser.session.SessionService;
import io.myuser.session.SessionSettings;
import io.myuser.support.ClientInfo;
import io.myuser.token.EmailNotVerifiedException;
import io.myuser.token.InvalidTokenException;
import io.myuser.token.JjwtTokenCodec;
import io.myuser.token.JwkSetController;
import io.myuser.token.JwtSettings;
import io.myuser.token.LoginRefusedException;
import io.myuser.token.LogoutController;
import io.myuser.token.PasswordLoginService;
import io.myuser.token.RefreshSettings;
import io.myuser.token.TokenClaims;
import io.myuser.token.TokenCodec;
import io.myuser.token.TokenController;
import io.myuser.token.TokenPair;
import io.myuser.token.TokenService;
import io.myuser.token.TokenType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MyUserTokenAutoConfiguration}: password login, JWTs and sessions, and the startup failure when
 * the signing secret is missing or weak.
 */
class MyUserTokenAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = MyUserContextRunners.web();

	private final WebApplicationContextRunner contextRunnerWithoutSecret = MyUserContextRunners.webWithoutSecret();

	@Test
	void tokenBeansArePresentByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(JwtSettings.class)
				.hasSingleBean(TokenCodec.class)
				.hasSingleBean(TokenService.class)
				.hasSingleBean(SessionService.class)
				.hasSingleBean(PasswordLoginService.class)
				.hasSingleBean(TokenController.class)
				.hasSingleBean(SessionController.class)
				.hasSingleBean(RegistrationController.class);
			assertThat(context.getBean(TokenCodec.class)).isInstanceOf(JjwtTokenCodec.class);
			assertThat(context.getBean(JwtSettings.class)).isEqualTo(JwtSettings.defaults());
		});
	}

	@Test
	void tokenSettingsFollowProperties() {
		this.contextRunner
			.withPropertyValues("myuser.token.access-token-time-to-live=5m",
					"myuser.token.refresh-token-time-to-live=1d", "myuser.token.issuer=https://id.example.com",
					"myuser.token.audience=shop", "myuser.token.clock-skew=0s")
			.run((context) -> assertThat(context.getBean(JwtSettings.class))
				.isEqualTo(new JwtSettings(Duration.ofMinutes(5), Duration.ofDays(1), "https://id.example.com",
						"shop", Duration.ZERO)));
	}

	@Test
	void refreshSettingsDefaultToRotationWithATenSecondGracePeriod() {
		this.contextRunner.run((context) -> assertThat(context.getBean(RefreshSettings.class))
			.isEqualTo(RefreshSettings.defaults())
			.isEqualTo(new RefreshSettings(true, Duration.ofSeconds(10))));
	}

	@Test
	void refreshSettingsFollowProperties() {
		this.contextRunner
			.withPropertyValues("myuser.token.rotate-refresh-tokens=false", "myuser.token.reuse-grace-period=0s")
			.run((context) -> assertThat(context.getBean(RefreshSettings.class))
				.isEqualTo(new RefreshSettings(false, Duration.ZERO)));
		this.contextRunner.withPropertyValues("myuser.token.reuse-grace-period=3s")
			.run((context) -> assertThat(context.getBean(RefreshSettings.class))
				.isEqualTo(new RefreshSettings(true, Duration.ofSeconds(3))));
	}

	@Test
	void sessionCachesHoldTwoHundredThousandSessionsUnlessTheCacheSizeIsSet() {
		this.contextRunner.run((context) -> assertThat(context.getBean(SessionSettings.class).cacheSize())
			.isEqualTo(SessionSettings.DEFAULT_CACHE_SIZE)
			.isEqualTo(200_000));
		this.contextRunner.withPropertyValues("myuser.session.cache-size=5000")
			.run((context) -> assertThat(context.getBean(SessionSettings.class).cacheSize()).isEqualTo(5000));
	}

	@Test
	void aNegativeCacheSizeFailsStartupWithTheBindingReport() {
		BindingReports.assertRefused(this.contextRunner, "myuser.session.cache-size", "-1", "must not be negative");
		BindingReports.assertRefused(this.contextRunner, "myuser.token.verified-token-cache-size", "-1",
				"must not be negative");
	}

	@Test
	void accessTokensAreVerifiedWithTheVerifiedTokenCacheTurnedOff() {
		this.contextRunner.withPropertyValues("myuser.token.verified-token-cache-size=0").run((context) -> {
			String email = MyUserTestUsers.uniqueEmail();
			User user = MyUserTestUsers.createUser(context, email, "correct horse battery staple", true);
			TokenPair pair = context.getBean(PasswordLoginService.class)
				.login(email, "correct horse battery staple", Locale.ENGLISH, ClientInfo.NONE);
			TokenService tokens = context.getBean(TokenService.class);
			assertThat(tokens.verifyAccessToken(pair.access()).userId()).isEqualTo(user.getId());
			assertThat(tokens.verifyAccessToken(pair.access()).userId()).isEqualTo(user.getId());
			context.getBean(SessionService.class)
				.revoke(user.getId(), pair.sessionId(), SessionService.REASON_LOGOUT, ClientInfo.NONE);
			assertThatExceptionOfType(InvalidTokenException.class)
				.isThrownBy(() -> tokens.verifyAccessToken(pair.access()));
		});
	}

	@ParameterizedTest
	@CsvSource({ "mandatory, false, true", "mandatory, true, true", "optional, false, false", "none, false, false" })
	void passwordLoginFollowsEmailVerificationMode(String mode, boolean reveal, boolean refused) {
		this.contextRunner
			.withPropertyValues("myuser.account.email-verification=" + mode,
					"myuser.account.reveal-unverified-login=" + reveal)
			.run((context) -> {
			String email = MyUserTestUsers.uniqueEmail();
			User user = MyUserTestUsers.createUser(context, email, "correct horse battery staple", false);
			PasswordLoginService login = context.getBean(PasswordLoginService.class);
			if (refused) {
				// By default the right password of an unverified account is refused like a wrong one.
				assertThatExceptionOfType(reveal ? EmailNotVerifiedException.class : LoginRefusedException.class)
					.isThrownBy(() -> login.login(email, "correct horse battery staple", Locale.ENGLISH,
							ClientInfo.NONE));
			}
			else {
				TokenPair pair = login.login(email, "correct horse battery staple", Locale.ENGLISH, ClientInfo.NONE);
				assertThat(context.getBean(TokenService.class).verifyAccessToken(pair.access()).userId())
					.isEqualTo(user.getId());
			}
		});
	}

	@Test
	void tokenCodecSignsWithTheConfiguredSecretAndKeyId() {
		this.contextRunner.withPropertyValues("myuser.token.signing.key-id=key-2030").run((context) -> {
			TokenCodec codec = context.getBean(TokenCodec.class);
			TokenClaims claims = claims();
			String token = codec.encode(claims);
			assertThat(header(token)).contains("\"kid\":\"key-2030\"").contains("\"alg\":\"HS256\"");
			assertThat(codec.decode(token, TokenType.ACCESS)).isEqualTo(claims);
			// A codec with another secret must not accept the token.
			byte[] otherSecret = "another-secret-of-32-bytes-xxxxx".getBytes(StandardCharsets.UTF_8);
			TokenCodec other = new JjwtTokenCodec(otherSecret, null, JwtSettings.defaults(),
					JsonMapper.builder().build(), Clock.systemUTC());
			assertThatExceptionOfType(InvalidTokenException.class)
				.isThrownBy(() -> other.decode(token, TokenType.ACCESS));
		});
	}

	@Test
	void tokenCodecAcceptsBase64SecretOf32Bytes() {
		byte[] secret = new byte[32];
		for (int i = 0; i < secret.length; i++) {
			secret[i] = (byte) (i * 7 + 1);
		}
		String base64 = Base64.getEncoder().encodeToString(secret);
		this.contextRunnerWithoutSecret.withPropertyValues("myuser.token.signing.secret=base64:" + base64)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(TokenCodec.class);
				TokenCodec codec = context.getBean(TokenCodec.class);
				TokenClaims claims = claims();
				TokenCodec sameKey = new JjwtTokenCodec(secret, null, JwtSettings.defaults(),
						JsonMapper.builder().build(), Clock.systemUTC());
				assertThat(sameKey.decode(codec.encode(claims), TokenType.ACCESS)).isEqualTo(claims);
			});
	}

	@Test
	void tokenCodecUsesTheBytesOfTheSharedTestSecret() {
		byte[] secret = Base64.getDecoder().decode(MyUserContextRunners.SECRET.substring("base64:".length()));
		assertThat(secret).hasSize(32);
		this.contextRunner.run((context) -> {
			TokenClaims claims = claims();
			TokenCodec sameKey = new JjwtTokenCodec(secret, null, JwtSettings.defaults(),
					JsonMapper.builder().build(), Clock.systemUTC());
			assertThat(sameKey.decode(context.getBean(TokenCodec.class).encode(claims), TokenType.ACCESS))
				.isEqualTo(claims);
		});
	}

	@Test
	void base64SecretMayBeWrappedOverSeveralLinesAndSurroundedBySpaces() {
		// openssl rand -base64 64 wraps its output after 64 characters.
		byte[] secret = new byte[64];
		new java.security.SecureRandom().nextBytes(secret);
		String base64 = Base64.getEncoder().encodeToString(secret);
		String wrapped = "  base64:" + base64.substring(0, 64) + "\n" + base64.substring(64) + "\n";
		this.contextRunnerWithoutSecret.withPropertyValues("myuser.token.signing.secret=" + wrapped).run((context) -> {
			assertThat(context).hasNotFailed();
			TokenClaims claims = claims();
			TokenCodec sameKey = new JjwtTokenCodec(secret, null, JwtSettings.defaults(),
					JsonMapper.builder().build(), Clock.systemUTC());
			assertThat(sameKey.decode(context.getBean(TokenCodec.class).encode(claims), TokenType.ACCESS))
				.isEqualTo(claims);
		});
	}

	@Test
	void tokenCodecBacksOffWhenUserDefinesOne() {
		TokenCodec codec = new UnusableTokenCodec();
		// The user's codec brings its own keys, so no signing secret is needed.
		this.contextRunnerWithoutSecret.withBean("hostTokenCodec", TokenCodec.class, () -> codec).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(TokenCodec.class).hasBean("hostTokenCodec");
			assertThat(context.getBean(TokenCodec.class)).isSameAs(codec);
			assertThat(context).hasSingleBean(TokenService.class);
		});
	}

	@Test
	void sessionsApiIsAbsentWhenSessionsAreDisabledWhileSessionsAreStillKept() {
		this.contextRunner.withPropertyValues("myuser.session.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(SessionController.class)
				.hasSingleBean(SessionService.class)
				.hasSingleBean(TokenService.class)
				.hasSingleBean(TokenController.class)
				.hasSingleBean(LogoutController.class)
				.hasSingleBean(RegistrationController.class);
			String email = MyUserTestUsers.uniqueEmail();
			User user = MyUserTestUsers.createUser(context, email, "correct horse battery staple", true);
			TokenPair pair = context.getBean(PasswordLoginService.class)
				.login(email, "correct horse battery staple", Locale.ENGLISH, ClientInfo.NONE);
			assertThat(context.getBean(SessionService.class).liveSessions(user.getId()))
				.extracting(io.myuser.session.UserSession::getId)
				.containsExactly(pair.sessionId());
		});
	}

	@Test
	void registrationControllerIsAbsentWhenRegistrationIsDisabled() {
		this.contextRunner.withPropertyValues("myuser.account.registration-enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(RegistrationController.class)
				.hasSingleBean(TokenController.class)
				.hasSingleBean(SessionController.class)
				.hasSingleBean(LogoutController.class)
				.hasSingleBean(JwkSetController.class);
		});
	}

	@Test
	void tokenBeansAreAbsentWhenTokensAreDisabled() {
		// Without token support no signing secret is required either.
		this.contextRunnerWithoutSecret.withPropertyValues("myuser.token.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(MyUserTokenProperties.class)
				.doesNotHaveBean(JwtSettings.class)
				.doesNotHaveBean(TokenCodec.class)
				.doesNotHaveBean(TokenService.class)
				.doesNotHaveBean(SessionService.class)
				.doesNotHaveBean(PasswordLoginService.class)
				.doesNotHaveBean(TokenController.class)
				.doesNotHaveBean("myUserSecurityFilterChain")
				.doesNotHaveBean("myUserDefaultSecurityFilterChain");
			assertThat(context.getBeansOfType(SecurityFilterChain.class))
				.doesNotContainKeys("myUserSecurityFilterChain", "myUserDefaultSecurityFilterChain");
		});
	}

	@Test
	void startupFailsWhenSecretIsMissing() {
		this.contextRunnerWithoutSecret.run((context) -> {
			FailureAnalysis analysis = assertSigningKeyFailure(context, Reason.MISSING);
			assertThat(analysis.getDescription()).contains("no JWT signing secret is configured");
		});
	}

	@Test
	void startupFailsWhenSecretIsBlank() {
		this.contextRunnerWithoutSecret.withPropertyValues("myuser.token.signing.secret=   ")
			.run((context) -> assertSigningKeyFailure(context, Reason.MISSING));
	}

	@ParameterizedTest
	@ValueSource(strings = { "integration-test-secret-0123456789abcdef", "0123456789abcdef0123456789abcdef",
			"correct horse battery staple and then some more words to be long", "éééééééééééééééé",
			"BASE64:o/Rk3cAhrgeD5CGE+AJ6koFApFKPejX+sinnzyjjkxk=", "o/Rk3cAhrgeD5CGE+AJ6koFApFKPejX+sinnzyjjkxk=",
			"s3cr3t-passw0rd" })
	void startupFailsWhenSecretIsPlainText(String secret) {
		this.contextRunnerWithoutSecret.withPropertyValues("myuser.token.signing.secret=" + secret).run((context) -> {
			FailureAnalysis analysis = assertSigningKeyFailure(context, Reason.PLAIN_TEXT);
			assertThat(analysis.getDescription()).contains("is plain text").contains("'base64:'");
			assertThat(analysis.getAction()).contains("openssl rand -base64 32");
			assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain(secret);
		});
	}

	@Test
	void startupFailsWhenBase64SecretIsOneByteShort() {
		byte[] secret31Bytes = new byte[31];
		new java.security.SecureRandom().nextBytes(secret31Bytes);
		this.contextRunnerWithoutSecret
			.withPropertyValues(
					"myuser.token.signing.secret=base64:" + Base64.getEncoder().encodeToString(secret31Bytes))
			.run((context) -> {
				FailureAnalysis analysis = assertSigningKeyFailure(context, Reason.TOO_SHORT);
				assertThat(analysis.getDescription()).contains("256 bits").contains("It has 248 bits");
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "integration-test-secret-0123456789abcdef", "0123456789abcdef0123456789abcdef0123456789",
			"\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000"
					+ "\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000",
			"\u00ff\u00fe\u00ff\u00fe\u00ff\u00fe\u00ff\u00fe\u00ff\u00fe\u00ff\u00fe\u00ff\u00fe\u00ff\u00fe"
					+ "\u00ff\u00fe\u00ff\u00fe\u00ff\u00fe\u00ff\u00fe\u00ff\u00fe\u00ff\u00fe\u00ff\u00fe\u00ff\u00fe" })
	void startupFailsWhenBase64SecretIsTextOrRepeatsFewByteValues(String content) {
		// Each is 32 bytes or more, but readable text (someone ran a passphrase through base64) or one or two byte
		// values repeated: not random bytes.
		byte[] bytes = content.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		assertThat(bytes.length).isGreaterThanOrEqualTo(32);
		this.contextRunnerWithoutSecret
			.withPropertyValues("myuser.token.signing.secret=base64:" + Base64.getEncoder().encodeToString(bytes))
			.run((context) -> {
				FailureAnalysis analysis = assertSigningKeyFailure(context, Reason.NOT_RANDOM);
				assertThat(analysis.getDescription()).contains("not to random bytes");
			});
	}

	@Test
	void startupFailsWhenBase64SecretDecodesToFewerThan32Bytes() {
		String base64Of16Bytes = Base64.getEncoder().encodeToString(new byte[16]);
		this.contextRunnerWithoutSecret.withPropertyValues("myuser.token.signing.secret=base64:" + base64Of16Bytes)
			.run((context) -> {
				FailureAnalysis analysis = assertSigningKeyFailure(context, Reason.TOO_SHORT);
				assertThat(analysis.getDescription()).contains("256 bits").contains("It has 128 bits");
			});
	}

	@Test
	void startupFailsWhenBase64SecretIsNotBase64() {
		this.contextRunnerWithoutSecret
			.withPropertyValues("myuser.token.signing.secret=base64:this is not base64 at all, is it?!")
			.run((context) -> {
				FailureAnalysis analysis = assertSigningKeyFailure(context, Reason.NOT_BASE64);
				assertThat(analysis.getDescription()).contains("not valid base64");
			});
	}

	@Test
	void failureAnalysisStatesThe256BitRequirementForEveryReason() {
		for (Reason reason : java.util.List.of(Reason.MISSING, Reason.PLAIN_TEXT, Reason.TOO_SHORT, Reason.NOT_BASE64,
				Reason.NOT_RANDOM)) {
			FailureAnalysis analysis = new InvalidSigningKeyFailureAnalyzer()
				.analyze(new IllegalStateException(new InvalidSigningKeyException(reason, "test")));
			assertThat(analysis.getDescription()).as(reason.name())
				.contains("256 bits")
				.contains("'myuser.token.signing.secret'")
				.contains("'base64:'");
			assertThat(analysis.getAction()).as(reason.name())
				.contains("'myuser.token.signing.secret'")
				.contains("openssl rand -base64 32");
		}
	}

	@Test
	void failureAnalyzerIsRegisteredInSpringFactories() {
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
			.load(FailureAnalyzer.class, SpringFactoriesLoader.FailureHandler.handleMessage((message, ex) -> {
				// Boot's own analyzers need constructor arguments that this test does not supply.
			}));
		assertThat(analyzers).filteredOn(InvalidSigningKeyFailureAnalyzer.class::isInstance).hasSize(1);
	}

	@Test
	void failureAnalyzerIgnoresOtherFailures() {
		assertThat(new InvalidSigningKeyFailureAnalyzer().analyze(new IllegalStateException("unrelated"))).isNull();
	}

	/**
	 * Assert that the context failed because of the signing secret, and that the failure analysis explains it.
	 */
	private static FailureAnalysis assertSigningKeyFailure(AssertableWebApplicationContext context, Reason reason) {
		assertThat(context).hasFailed();
		Throwable failure = context.getStartupFailure();
		InvalidSigningKeyException exception = MyUserContextRunners.findCause(failure,
				InvalidSigningKeyException.class);
		assertThat(exception).as("InvalidSigningKeyException in the cause chain of %s", failure).isNotNull();
		assertThat(exception.getReason()).isEqualTo(reason);
		FailureAnalysis analysis = new InvalidSigningKeyFailureAnalyzer().analyze(failure);
		assertThat(analysis).isNotNull();
		assertThat(analysis.getCause()).isSameAs(exception);
		assertThat(analysis.getDescription()).contains("'myuser.token.signing.secret'");
		assertThat(analysis.getAction()).contains("Set 'myuser.token.signing.secret'")
			.contains("at least 32 random bytes")
			.contains("openssl rand -base64 32")
			.contains("MYUSER_TOKEN_SIGNING_SECRET=base64:");
		return analysis;
	}

	private static TokenClaims claims() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		return new TokenClaims(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID().toString(), TokenType.ACCESS,
				now, now.plus(Duration.ofMinutes(5)));
	}

	private static String header(String token) {
		return new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
				StandardCharsets.UTF_8);
	}

	static final class UnusableTokenCodec implements TokenCodec {

		@Override
		public String encode(TokenClaims claims) {
			throw new UnsupportedOperationException();
		}

		@Override
		public TokenClaims decode(String token, TokenType expectedType) {
			throw new UnsupportedOperationException();
		}

	}

}
