package com.example.orders;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Stores orders in PostgreSQL; caches each in Redis on a best-effort basis. */
@Service
public class Orders {

  private static final Logger LOG = LoggerFactory.getLogger(Orders.class);

  private final JdbcClient db;
  private final StringRedisTemplate cache;

  public Orders(JdbcClient db, StringRedisTemplate cache) {
    this.db = db;
    this.cache = cache;
  }

  /** Inserts the order (failing when the database does) and caches it (a cache failure is logged only). */
  public long place(String item) {
    long id = db.sql("INSERT INTO orders (item) VALUES (?) RETURNING id").param(item).query(Long.class).single();
    try {
      cache.opsForValue().set("order:" + id, item);
    } catch (DataAccessException e) {
      LOG.warn("order {} not cached: {}", id, e.getMessage());
    }
    return id;
  }
}
