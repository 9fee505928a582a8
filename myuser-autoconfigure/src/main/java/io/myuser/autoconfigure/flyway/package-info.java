/**
 * Auto-configuration of MyUser's own Flyway run ({@code myuser.flyway.*}): MyUser's tables, migrated with their own
 * schema history before the host's Flyway and JPA start.
 */
@NullMarked
package io.myuser.autoconfigure.flyway;

import org.jspecify.annotations.NullMarked;
