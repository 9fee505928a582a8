/**
 * A real OpenID Connect provider for MyUser's end-to-end tests: a Spring Authorization Server application that a
 * test class starts before its own context. Start with {@link io.myuser.sample.social.sas.TestAuthorizationServer}.
 */
@NullMarked
package io.myuser.sample.social.sas;

import org.jspecify.annotations.NullMarked;
