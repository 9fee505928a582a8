/**
 * Auto-configuration of MyUser's health contributor, for hosts with Spring Boot's health support (Actuator).
 */
@NullMarked
package io.myuser.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
