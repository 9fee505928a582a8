/**
 * Registration and email verification over HTTP. A feature of its own because, with verification off, a new
 * account is logged in at once: it joins the account flows and token issuing.
 */
@NullMarked
package io.myuser.registration;

import org.jspecify.annotations.NullMarked;
