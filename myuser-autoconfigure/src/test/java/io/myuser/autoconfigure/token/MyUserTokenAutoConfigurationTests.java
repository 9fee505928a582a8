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
import io.myuser.autoconfigure.MyUserContextRunners;
import io.myuser.autoconfigure.MyUserTestUsers;
import io.myuser.autoconfigure.token.InvalidSigningKeyException.Reason;
import io.myuser.registration.RegistrationController;
import io.myuser.session.SessionController;
import io.myuser.session.SessionService;
import io.myuser.support.ClientInfo;
import io.myuser.token.EmailNotVerifiedException;
import io.myuser.token.InvalidTokenException;
import io.myuser.token.JjwtTokenCodec;
import io.myuser.token.JwkSetController;
import io.myuser.token.LogoutController;
import io.myuser.token.LoginRefusedException;
import io.myuser.token.PasswordLoginService;
import io.myuser.token.RefreshSettings;
import io.myuser.token.TokenClaims;
import io.myuser.token.TokenCodec;
import io.myuser.token.TokenController;
import io.myuser.token.TokenPair;
import io.myuser.token.TokenService;
import io.myuser.token.TokenSettings;
import io.myuser.token.TokenType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
			assertThat(context).hasSingleBean(TokenSettings.class)
				.hasSingleBean(TokenCodec.class)
				.hasSingleBean(TokenService.class)
				.hasSingleBean(SessionService.class)
				.hasSingleBean(PasswordLoginService.class)
				.hasSingleBean(TokenController.class)
				.hasSingleBean(SessionController.class)
				.hasSingleBean(RegistrationController.class);
			assertThat(context.getBean(TokenCodec.class)).isInstanceOf(JjwtTokenCodec.class);
			assertThat(context.getBean(TokenSettings.class)).isEqualTo(TokenSettings.defaults());
		});
	}

	@Test
	void tokenSettingsFollowProperties() {
		this.contextRunner
			.withPropertyValues("myuser.token.access-token-time-to-live=5m",
					"myuser.token.refresh-token-time-to-live=1d", "myuser.token.issuer=https://id.example.com",
					"myuser.token.audience=shop", "myuser.token.clock-skew=0s")
			.run((context) -> assertThat(context.getBean(TokenSettings.class))
				.isEqualTo(new TokenSettings(Duration.ofMinutes(5), Duration.ofDays(1), "https://id.example.com",
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
			TokenCodec other = new JjwtTokenCodec(otherSecret, null, TokenSettings.defaults(),
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
				TokenCodec sameKey = new JjwtTokenCodec(secret, null, TokenSettings.defaults(),
						JsonMapper.builder().build(), Clock.systemUTC());
				assertThat(sameKey.decode(codec.encode(claims), TokenType.ACCESS)).isEqualTo(claims);
			});
	}

	@Test
	void secretLengthIsCountedInUtf8Bytes() {
		// 16 characters, 32 bytes in UTF-8.
		this.contextRunnerWithoutSecret.withPropertyValues("myuser.token.signing.secret=" + "é".repeat(16))
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(TokenCodec.class));
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
				.doesNotHaveBean(TokenSettings.class)
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

	@Test
	void startupFailsWhenSecretIsShorterThan256Bits() {
		String secret31Bytes = MyUserContextRunners.SECRET.substring(1);
		assertThat(secret31Bytes.getBytes(StandardCharsets.UTF_8)).hasSize(31);
		this.contextRunnerWithoutSecret.withPropertyValues("myuser.token.signing.secret=" + secret31Bytes)
			.run((context) -> {
				FailureAnalysis analysis = assertSigningKeyFailure(context, Reason.TOO_SHORT);
				assertThat(analysis.getDescription()).contains("256 bits").contains("It has 248 bits");
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
		for (Reason reason : java.util.List.of(Reason.MISSING, Reason.TOO_SHORT, Reason.NOT_BASE64)) {
			FailureAnalysis analysis = new InvalidSigningKeyFailureAnalyzer()
				.analyze(new IllegalStateException(new InvalidSigningKeyException(reason, "test")));
			assertThat(analysis.getDescription()).as(reason.name()).contains("256 bits");
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
