package com.example.greetings;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

/** Remembers the last greeting per name in Redis, through Spring Data Redis on Lettuce. */
@Service
public class GreetingCache {

  private final StringRedisTemplate redis;

  public GreetingCache(StringRedisTemplate redis) {
    this.redis = redis;
  }

  public String greet(String name) {
    String greeting = "Hello, " + name + "!";
    redis.opsForValue().set("greeting:" + name, greeting);
    return greeting;
  }

  public String last(String name) {
    return redis.opsForValue().get("greeting:" + name);
  }
}
