@NullMarked
package io.myuser.autoconfigure.account;

import org.jspecify.annotations.NullMarked;
