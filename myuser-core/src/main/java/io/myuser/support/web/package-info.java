@NullMarked
package io.myuser.support.web;

import org.jspecify.annotations.NullMarked;
