package io.nbaprops.cli;

/** Entry point of the {@code nbaprops} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(0);
    }
}
