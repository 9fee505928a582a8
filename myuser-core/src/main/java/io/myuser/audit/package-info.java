@NullMarked
package io.myuser.audit;

import org.jspecify.annotations.NullMarked;
