@NullMarked
package io.myuser.autoconfigure.gdpr;

import org.jspecify.annotations.NullMarked;
