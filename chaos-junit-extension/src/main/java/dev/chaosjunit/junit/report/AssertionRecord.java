package dev.chaosjunit.junit.report;

/**
 * One assertion of the application as a matrix's report shows it.
 *
 * @param kind the {@code Assert} method, e.g. {@code sometimes}
 * @param message the assertion's message
 * @param location {@code File.java:12}, or where it was met when the catalogue did not list it
 * @param trueCount evaluations with a true condition over the matrix
 * @param falseCount evaluations with a false condition over the matrix
 * @param problem why it fails coverage (e.g. {@code never true}), empty when it does not or the matrix judges no
 *     coverage
 */
record AssertionRecord(String kind, String message, String location, long trueCount, long falseCount,
    String problem) {}
