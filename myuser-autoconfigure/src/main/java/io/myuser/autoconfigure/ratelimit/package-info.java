@NullMarked
package io.myuser.autoconfigure.ratelimit;

import org.jspecify.annotations.NullMarked;
