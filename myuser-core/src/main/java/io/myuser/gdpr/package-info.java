@NullMarked
package io.myuser.gdpr;

import org.jspecify.annotations.NullMarked;
