package io.myuser.account;

import java.util.UUID;

/**
 * The account a successful password check found.
 *
 * @param userId the account id
 * @param email the account's address
 * @param emailVerified whether the address is verified
 */
public record AuthenticatedAccount(UUID userId, String email, boolean emailVerified) {
}
