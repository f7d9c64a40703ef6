create table book (
  id bigint not null primary key,
  title varchar(200) not null,
  isbn varchar(13)
);
