package dev.chaosjunit.junit.internal.run;

import dev.chaosjunit.junit.Verdict;

/**
 * A verdict and why.
 *
 * @param verdict the verdict
 * @param reason a sentence for failure messages and reports
 */
record Judgement(Verdict verdict, String reason) {}
