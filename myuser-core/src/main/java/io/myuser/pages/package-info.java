/**
 * The small pages that email links open when the host has no frontend of its own: confirm an email address and
 * set a new password. They are static HTML with a script that calls MyUser's JSON API.
 */
@NullMarked
package io.myuser.pages;

import org.jspecify.annotations.NullMarked;
