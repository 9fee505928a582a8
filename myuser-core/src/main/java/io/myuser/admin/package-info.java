/**
 * The administration API under {@code admin/}: staff find accounts, see one account's sessions, social identities
 * and open data requests, deactivate and reactivate accounts, end their sessions, send the verification mail
 * again and read any account's audit trail. Every route needs the admin authority on the access token and, at the
 * time of the request, a live, active staff account; every action is audited with the acting admin's id.
 */
@NullMarked
package io.myuser.admin;

import org.jspecify.annotations.NullMarked;
