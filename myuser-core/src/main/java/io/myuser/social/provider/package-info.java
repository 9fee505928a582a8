/**
 * Talking to social providers: which providers are configured ({@link io.myuser.social.provider.SocialProviders}),
 * and proving who a caller is at one of them ({@link io.myuser.social.provider.ProviderVerification}) from an
 * access token, an authorization code or an id_token, checking before anything is trusted that the credential was
 * issued to this application. Nothing here knows accounts; {@code io.myuser.social} decides what an identity
 * logs in to.
 */
@NullMarked
package io.myuser.social.provider;

import org.jspecify.annotations.NullMarked;
