@NullMarked
package io.myuser.profile;

import org.jspecify.annotations.NullMarked;
