// The four builds of invoker.properties ran: check failed on the drift, generate wrote the migration,
// check then passed on the application's own Hibernate 6.6, and on its own Hibernate 7.
def migrations = new File(basedir, 'src/main/resources/db/migration')
def upgrade = new File(migrations, 'V2__add_bio.sql')
assert upgrade.isFile() : "generate did not write ${upgrade}: ${migrations.list()}"
assert upgrade.text.contains('alter table person add column bio varchar(500)') : upgrade.text
assert new File(migrations, 'U2__add_bio.sql').text.contains('alter table person drop column bio')

def log = new File(basedir, 'build.log').text
assert log.count('No drift: the database matches the entities.') == 2 : 'the checks after generate did not pass'
assert log =~ /entities: read by Hibernate 6\.6\.\d+\.Final \(application class path\)/ : 'not read by the application\'s Hibernate'
assert log =~ /entities: read by Hibernate 7\.\d+\.\d+\.Final \(application class path\)/ : 'not read by the application\'s Hibernate 7'
return true
