@NullMarked
package io.myuser.autoconfigure.audit;

import org.jspecify.annotations.NullMarked;
