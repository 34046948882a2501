package io.nbaprops.features;

/**
 * One feature of the vector: its column name, group, what it means, the window it looks at, where
 * it comes from, and its direction (how a larger value should move the player's points, as far as
 * we expect: "+", "-", or "?" when it depends). Documentation and code both read this.
 */
public record Feature(String name, String group, String meaning, String window, String source, String direction) {}
