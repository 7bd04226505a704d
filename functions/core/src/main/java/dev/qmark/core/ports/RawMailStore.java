package dev.qmark.core.ports;

/** Where received mail lies as raw MIME. */
public interface RawMailStore {
    /** The raw bytes at a location, e.g. {@code s3://bucket/key}. */
    byte[] read(String location);
}
