alter table book drop column author;
