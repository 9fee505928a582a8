@NullMarked
package io.myuser.token;

import org.jspecify.annotations.NullMarked;
