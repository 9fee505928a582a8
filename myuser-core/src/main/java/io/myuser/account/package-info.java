@NullMarked
package io.myuser.account;

import org.jspecify.annotations.NullMarked;
