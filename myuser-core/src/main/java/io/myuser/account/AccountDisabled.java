package io.myuser.account;

import java.util.UUID;

/**
 * Published in the transaction that deactivated or soft-deleted an account: from then on none of its tokens may
 * work. The session feature ends its sessions in the same transaction.
 *
 * @param userId the account
 * @param deleted whether the account was deleted (rather than deactivated)
 */
public record AccountDisabled(UUID userId, boolean deleted) {
}
