@NullMarked
package io.myuser.autoconfigure.mail;

import org.jspecify.annotations.NullMarked;
