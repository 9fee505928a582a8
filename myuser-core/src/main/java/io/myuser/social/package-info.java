@NullMarked
package io.myuser.social;

import org.jspecify.annotations.NullMarked;
