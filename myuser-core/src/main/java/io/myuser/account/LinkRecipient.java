package io.myuser.account;

import java.util.UUID;

/**
 * What an anonymous link request (resend verification, password reset) needs of the account an address names,
 * read as a projection: no entity is loaded or tracked, so the work for a registered address differs from the
 * work for an unknown one by a few copied columns only.
 *
 * @param id the account
 * @param email its address as entered
 * @param emailVerified whether the address is verified
 * @param active whether the account is active
 */
public record LinkRecipient(UUID id, String email, boolean emailVerified, boolean active) {

}
