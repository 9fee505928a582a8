@NullMarked
package io.myuser.autoconfigure;

import org.jspecify.annotations.NullMarked;
