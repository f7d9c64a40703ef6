package com.example.library;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Book {

  @Id
  Long id;

  @Column(nullable = false, length = 200)
  String title;

  @Column(length = 13)
  String isbn;

  @Column(length = 100)
  String author;
}
