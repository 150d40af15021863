package dev.chaosjunit.samples.orders;

import java.time.Instant;

/**
 * A stored order.
 *
 * @param id database id
 * @param userId the token subject who placed it
 * @param item what was ordered
 * @param amountCents the price, in cents of {@code currency}
 * @param currency the currency geo-config chose for the country
 * @param region the region geo-config chose for the country
 * @param reservationId balance-api's reservation
 * @param createdAt when it was stored
 */
public record Order(long id, String userId, String item, long amountCents, String currency,
    String region, String reservationId, Instant createdAt) {

  /**
   * What a client posts.
   *
   * @param item what to order
   * @param amountCents the price in cents
   * @param country ISO country code it ships to
   */
  public record Request(String item, long amountCents, String country) {

    /** Rejects a request that cannot become an order, naming the field. */
    void validate() {
      if (item == null || item.isBlank()) {
        throw new BadRequest("Field [item] is required");
      }
      if (amountCents <= 0) {
        throw new BadRequest("Field [amountCents] must be positive, was [" + amountCents + "]");
      }
      if (country == null || country.length() != 2) {
        throw new BadRequest("Field [country] must be a two-letter ISO code, was [" + country + "]");
      }
    }
  }
}
