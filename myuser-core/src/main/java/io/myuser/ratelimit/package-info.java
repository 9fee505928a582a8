/**
 * Rate limiting: budgets of requests per key and window ({@link RateLimit}, written like {@code 10/min}), spent
 * through one {@link RateLimiter} whose store (memory, PostgreSQL, Redis) every node of an application shares.
 * Features ask for their budgets; this package knows no feature. Keys never hold a raw address or IP.
 */
@NullMarked
package io.myuser.ratelimit;

import org.jspecify.annotations.NullMarked;
