/**
 * Local stand-ins for the AWS services Qmark uses, all in one JVM and without Docker: DynamoDB Local,
 * ElasticMQ (SQS), SubEthaSMTP for inbound mail, and small S3 and SES v2 servers that answer exactly
 * the calls Qmark makes (and a loud error to any other). They are reached through the real AWS SDK
 * v2 clients, so the code under test is the code that runs on Lambda.
 *
 * <p>Every server binds 127.0.0.1 only, takes a fixed port or 0 (any free one), and closes cleanly.
 * {@link dev.qmark.emulators.EmbeddedAws} starts them together for {@code ./qmark up} and for tests.
 */
package dev.qmark.emulators;
