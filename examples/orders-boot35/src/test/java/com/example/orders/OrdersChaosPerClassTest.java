package com.example.orders;

import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

/** The same matrix with one test instance for the class: Spring's context is built before {@code @BeforeAll}. */
@TestInstance(Lifecycle.PER_CLASS)
class OrdersChaosPerClassTest extends OrdersChaosTest {}
