@NullMarked
package io.myuser.autoconfigure.social;

import org.jspecify.annotations.NullMarked;
