package dev.qmark.emulators;

import com.almworks.sqlite4java.SQLiteJob;
import com.almworks.sqlite4java.SQLiteQueue;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * Makes DynamoDB Local (2.6.1) answer a write only once it is committed to its SQLite file.
 *
 * <p>Why: its {@code SQLiteDBAccess.commitTransaction} puts the {@code COMMIT} of a
 * TransactWriteItems on the database queue and returns without waiting for it (its
 * {@code beginTransaction} does wait). The HTTP answer, and so our {@code 202}, can leave
 * before the commit ran; a {@code kill -9} in that gap loses the transaction although the
 * client was told it succeeded. Seen as one accepted form post missing after a restart in
 * about one kill round in five.
 *
 * <p>How: the database queue is replaced, once at start-up, by one whose {@code execute}
 * waits for each job it was given (except on the database thread itself, which would wait
 * for itself). Every other caller already waits for its job, so only the commit changes:
 * it is done when DynamoDB Local answers. The fields are private, hence reflection; the
 * pinned version is checked by {@code EmbeddedDynamoDbTest}.
 */
final class DurableCommits {

    private DurableCommits() {
    }

    static void install(DynamoDBProxyServer proxy) throws ReflectiveOperationException, InterruptedException {
        Object serverHandler = field(proxy, "serverHandler");
        Object requestHandler = field(serverHandler, "primaryHandler");
        Method getHandler = requestHandler.getClass().getDeclaredMethod("getHandler", String.class);
        getHandler.setAccessible(true);
        // -sharedDb: whatever the credentials, the one shared database (created here if it is not yet)
        Object client = getHandler.invoke(requestHandler, "shared");
        Object access = field(client, "dbAccess");
        Field queueField = findField(access.getClass(), "queue");
        queueField.setAccessible(true);
        SQLiteQueue original = (SQLiteQueue) queueField.get(access);
        if (original instanceof WaitingQueue) {
            return;
        }
        File database = original.getDatabaseFile();
        original.stop(true).join();
        queueField.set(access, new WaitingQueue(database).start());
    }

    /** A database queue whose {@code execute} returns once the job has run. */
    static final class WaitingQueue extends SQLiteQueue {

        WaitingQueue(File database) {
            super(database);
        }

        @Override
        public <T, J extends SQLiteJob<T>> J execute(J job) {
            J queued = super.execute(job);
            if (!isDatabaseThread()) {
                // complete() waits and keeps a failure for the caller's own get(), as before
                queued.complete();
            }
            return queued;
        }
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        Field field = findField(owner.getClass(), name);
        field.setAccessible(true);
        return field.get(owner);
    }

    private static Field findField(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException next) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(type.getName() + "." + name);
    }
}
