/**
 * Auto-configuration of the OpenAPI document of MyUser's routes, for hosts that bring springdoc-openapi.
 */
@NullMarked
package io.myuser.autoconfigure.openapi;

import org.jspecify.annotations.NullMarked;
