/**
 * Templated emails: every MyUser email is rendered by Thymeleaf (subject, HTML and plain text) from templates the
 * host can override by placing its own file at the same classpath path, with texts from message bundles the host
 * can translate. The landing pages that the links open when the host has no frontend of its own
 * ({@code pages/...}) are part of it.
 */
@NullMarked
package io.myuser.mail;

import org.jspecify.annotations.NullMarked;
