package dev.qmark.aws.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's root (where template.yaml is), for tests that read events/, config/ or the template. */
public final class RepositoryRoot {

    /** Found from the working directory up: Maven runs each module's tests in that module's folder. */
    public static final Path PATH = find();

    private RepositoryRoot() {
    }

    private static Path find() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("template.yaml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("tests must run inside the Qmark repository");
        }
        return dir;
    }
}
