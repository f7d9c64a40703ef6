// The three builds of invoker.properties ran: mvn test passed on Hibernate 6.6, failed on the broken undo file
// naming it and the first catalog difference, and passed on Hibernate 7.
def log = new File(basedir, 'build.log').text
def runs = (log =~ /Tests run: (\d+), Failures: (\d+), Errors: (\d+), Skipped: (\d+)/).collect { it }
assert runs.size() >= 3 : "surefire did not run three times:\n${log}"
// the summary lines: history + 2 migrations x 4 checks + model = 10 tests, of which 3 skipped (V1 has no undo
// file, and no seed files)
assert log.contains('Tests run: 10, Failures: 0, Errors: 0, Skipped: 3') : 'the checks did not pass:\n' + log
assert log.contains('U2__add_author.sql does not restore the catalog before V2__add_author.sql') : 'the broken undo file was not named'
assert log.contains('column public.book.isbn: present before, missing after the undo') : 'the first difference was not named'
assert log.count('Tests run: 10, Failures: 0, Errors: 0, Skipped: 3') >= 4 : 'both Hibernate majors did not pass'
return true
