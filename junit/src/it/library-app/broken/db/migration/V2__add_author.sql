alter table book add column author varchar(100);
