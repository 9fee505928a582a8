@NullMarked
package io.myuser.autoconfigure.session;

import org.jspecify.annotations.NullMarked;
