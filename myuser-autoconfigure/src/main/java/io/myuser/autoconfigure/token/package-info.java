@NullMarked
package io.myuser.autoconfigure.token;

import org.jspecify.annotations.NullMarked;
