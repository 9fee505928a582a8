/**
 * MyUser's meters, for hosts that bring Micrometer: listeners that turn the events the features publish (logins,
 * refreshes, mails, exports, rate-limit refusals, job executions) into counters and timers, and a gauge of live
 * sessions read in the background. No feature knows this package, and no tag holds personal data. See
 * {@link io.myuser.metrics.MeterNames} for the names.
 */
@NullMarked
package io.myuser.metrics;

import org.jspecify.annotations.NullMarked;
