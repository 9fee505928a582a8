@NullMarked
package io.myuser.autoconfigure.security;

import org.jspecify.annotations.NullMarked;
