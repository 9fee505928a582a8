@NullMarked
package io.myuser.support;

import org.jspecify.annotations.NullMarked;
