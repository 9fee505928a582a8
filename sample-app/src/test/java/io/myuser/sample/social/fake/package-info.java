/**
 * Fake social-login providers for MyUser's end-to-end tests: Google, GitHub, Facebook and a generic OpenID
 * Connect provider ({@code acme}) on one WireMock server, speaking the calls of {@code docs/design/social-login.md}
 * sections 3 and 4. Start with {@link io.myuser.sample.social.fake.FakeProviders}.
 */
@NullMarked
package io.myuser.sample.social.fake;

import org.jspecify.annotations.NullMarked;
