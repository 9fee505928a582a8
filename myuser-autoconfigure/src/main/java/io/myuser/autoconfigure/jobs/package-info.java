/**
 * Auto-configuration of MyUser's durable job engine ({@code myuser.jobs.*}).
 */
@NullMarked
package io.myuser.autoconfigure.jobs;

import org.jspecify.annotations.NullMarked;
