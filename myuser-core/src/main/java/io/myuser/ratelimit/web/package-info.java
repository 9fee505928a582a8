/**
 * The web edge of rate limiting: the {@code RateLimit-Policy} and {@code RateLimit} headers.
 */
@NullMarked
package io.myuser.ratelimit.web;

import org.jspecify.annotations.NullMarked;
