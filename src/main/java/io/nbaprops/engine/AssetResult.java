package io.nbaprops.engine;

/** What one materialisation produced. */
public record AssetResult(long rowsWritten, String message) {
    public static AssetResult rows(long n) {
        return new AssetResult(n, null);
    }

    public static AssetResult of(long n, String message) {
        return new AssetResult(n, message);
    }
}
