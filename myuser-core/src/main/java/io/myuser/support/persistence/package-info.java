@NullMarked
package io.myuser.support.persistence;

import org.jspecify.annotations.NullMarked;
