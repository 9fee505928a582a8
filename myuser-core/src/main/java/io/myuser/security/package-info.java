@NullMarked
package io.myuser.security;

import org.jspecify.annotations.NullMarked;
