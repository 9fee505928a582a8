package io.myuser.gdpr;

/**
 * What a data subject asks for.
 */
public enum DataRequestType {

	/** A copy of their data (GDPR Art. 15 and 20). */
	EXPORT,
	/** Erasure of their account and data (GDPR Art. 17). */
	DELETE

}
