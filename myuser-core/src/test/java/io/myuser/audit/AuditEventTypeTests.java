package io.myuser.audit;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AuditEventType}: the stored names are a contract with every existing audit row and with the
 * reports a host builds on them, so they are pinned here.
 */
class AuditEventTypeTests {

	@Test
	void valuesWhenListedThenAreTheFourteenTypesOfDjangoMyUserThenMyUsersOwn() {
		assertThat(Arrays.stream(AuditEventType.values()).map(AuditEventType::name)).containsExactly("LOGIN",
				"LOGOUT", "LOGIN_FAILED", "PASSWORD_CHANGE", "PASSWORD_RESET", "EMAIL_CHANGE", "PROFILE_UPDATE",
				"ACCOUNT_CREATED", "ACCOUNT_DELETED", "DATA_EXPORT_REQUESTED", "DATA_DELETION_REQUESTED",
				"SOCIAL_ACCOUNT_CONNECTED", "SOCIAL_ACCOUNT_DISCONNECTED", "SUSPICIOUS_ACTIVITY", "ADMIN_ACTION");
	}

}
