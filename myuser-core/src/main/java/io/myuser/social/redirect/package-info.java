/**
 * The redirect flow of social login, for browser apps without a provider SDK: {@code social/{provider}/authorize}
 * sends the browser to the provider with a state, PKCE and (OpenID Connect) a nonce kept server-side;
 * {@code social/{provider}/callback} checks the state, exchanges the code and logs in, then sends the browser back
 * to the app with a one-time code; {@code social/exchange/} trades that code for the login answer. No cookie, no
 * HTTP session, and every node can take every step.
 */
@NullMarked
package io.myuser.social.redirect;

import org.jspecify.annotations.NullMarked;
