package dev.chaosjunit.samples.orders;

/**
 * What the upstreams decided for an order before it is stored.
 *
 * @param region geo-config's region
 * @param currency geo-config's currency
 * @param reservationId balance-api's reservation
 */
record Quote(String region, String currency, String reservationId) {}
