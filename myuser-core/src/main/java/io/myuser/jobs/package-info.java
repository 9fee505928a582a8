/**
 * The durable job engine every MyUser feature runs its background work on: jobs are rows in the host's database,
 * enqueued in the caller's transaction and executed by db-scheduler on any node, with retries and exponential
 * backoff. This package knows no feature; features contribute {@link io.myuser.jobs.OneTimeJob} and
 * {@link io.myuser.jobs.RecurringJob} beans and enqueue through {@link io.myuser.jobs.JobScheduler}.
 */
@NullMarked
package io.myuser.jobs;

import org.jspecify.annotations.NullMarked;
