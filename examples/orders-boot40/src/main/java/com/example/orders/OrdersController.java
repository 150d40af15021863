package com.example.orders;

import java.net.URI;
import java.util.Map;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /orders}: 201 with the order's id, or 503 when the database fails. */
@RestController
public class OrdersController {

  private final Orders orders;

  public OrdersController(Orders orders) {
    this.orders = orders;
  }

  @PostMapping("/orders")
  public ResponseEntity<Map<String, Long>> place(@RequestBody String item) {
    long id = orders.place(item);
    return ResponseEntity.created(URI.create("/orders/" + id)).body(Map.of("id", id));
  }

  @ExceptionHandler(DataAccessException.class)
  public ResponseEntity<String> unavailable(DataAccessException e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(e.getMostSpecificCause().getMessage());
  }
}
