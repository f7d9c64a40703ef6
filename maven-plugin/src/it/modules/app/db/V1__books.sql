create table book (
  id bigint not null primary key,
  book_title varchar(200) not null
);
