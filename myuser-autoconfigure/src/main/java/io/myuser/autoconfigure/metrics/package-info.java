/**
 * Auto-configuration of MyUser's meters, for hosts with Micrometer.
 */
@NullMarked
package io.myuser.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
