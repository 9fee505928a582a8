/**
 * What every feature that stores personal data contributes to the GDPR feature, and what a host contributes the
 * same way: {@link io.myuser.personaldata.ExportSection} beans write their part of a user's export archive,
 * {@link io.myuser.personaldata.UserDataEraser} beans erase their part of a deleted account. The GDPR feature
 * loops over the beans in order and knows no feature's tables; this package depends on no feature.
 */
@NullMarked
package io.myuser.personaldata;

import org.jspecify.annotations.NullMarked;
