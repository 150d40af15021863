package com.example.greetings;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class GreetingsApplication {

  public static void main(String[] args) {
    SpringApplication.run(GreetingsApplication.class, args);
  }
}
