@NullMarked
package io.myuser.autoconfigure.profile;

import org.jspecify.annotations.NullMarked;
