/**
 * Configuration of staff accounts: the authority their access tokens carry and the addresses that make an account
 * staff.
 */
@NullMarked
package io.myuser.autoconfigure.admin;

import org.jspecify.annotations.NullMarked;
