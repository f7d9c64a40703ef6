package dev.autogen.metadata.mapping.associations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.SecondaryTables;
import java.util.List;
import java.util.Set;

/** Many-to-many join tables, one-to-one, one-to-many with a join column, secondary tables. */
@Entity
@SecondaryTables({
    @SecondaryTable(name = "article_body"),
    @SecondaryTable(name = "article_stats", pkJoinColumns = @PrimaryKeyJoinColumn(name = "article"))})
public class Article {
  @Id
  Long id;

  String title;

  @Column(table = "article_body", length = 100000)
  String body;

  @Column(table = "article_stats")
  long views;

  @Column(table = "article_stats")
  Integer likes;

  /** A set: the default join table gets a primary key over both columns. */
  @ManyToMany
  Set<Label> labels;

  /** A list (a bag): explicit join table, no primary key. */
  @ManyToMany
  @JoinTable(name = "article_related", joinColumns = @JoinColumn(name = "article_id"),
      inverseJoinColumns = @JoinColumn(name = "related_id"))
  List<Article> related;

  /** An ordered list: primary key over the owner and the order column. */
  @ManyToMany
  @JoinTable(name = "article_reading_order")
  @OrderColumn(name = "rank")
  List<Label> readingOrder;

  /** One-to-one: the foreign key column is unique. */
  @OneToOne
  @JoinColumn(name = "cover_id")
  Picture cover;

  /** One-to-many with a join column: a foreign key on the picture table, no join table. */
  @OneToMany
  @JoinColumn(name = "gallery_article_id")
  List<Picture> gallery;

  /** One-to-many without a join column: a join table, the target column unique. */
  @OneToMany
  @JoinTable(name = "article_highlight")
  Set<Label> highlights;
}
