@NullMarked
package io.myuser.session;

import org.jspecify.annotations.NullMarked;
