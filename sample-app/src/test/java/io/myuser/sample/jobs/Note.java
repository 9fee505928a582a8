package io.myuser.sample.jobs;

/**
 * The data of the test jobs, stored as JSON: the instance id the job was enqueued with, and a text.
 *
 * @param id the instance id
 * @param text some text
 */
record Note(String id, String text) {

}
