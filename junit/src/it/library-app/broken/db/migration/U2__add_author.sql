-- the wrong column: the undo of V2 must drop author
alter table book drop column isbn;
