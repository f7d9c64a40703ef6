// Run from the root of a multi-module build: every path was the module's, not the working directory's.
def app = new File(basedir, 'app')
def report = new File(app, 'target/autogen-diff.json').text
assert report =~ /"source"\s*:\s*"bundled"/ : "not read by the bundled Hibernate: ${report}"
assert report =~ /"kind"\s*:\s*"add_column"/ && report =~ /"column"\s*:\s*"isbn"/ : report
assert !report.contains('bookTitle') : 'naming=spring of autogen.properties not applied'

def baseline = new File(app, 'autogen-baseline.json')
assert baseline.isFile() : 'autogen:baseline wrote no autogen-baseline.json in the module'
assert baseline.text.contains('isbn comes with the next release')
assert new File(app, '.autogen/cache').isDirectory() : 'the cache is not in the module'
assert !new File(basedir, '.autogen').exists() : 'a cache in the working directory'
assert !new File(basedir, 'autogen-baseline.json').exists()

def log = new File(basedir, 'build.log').text
assert log.contains('autogen:diff skipped: books-parent is a pom project')
assert log.contains('No drift: the database matches the entities apart from the differences the baseline accepts.')
assert log.contains('--fail-on must be caution or dangerous, not \'sometimes\'')
assert log.contains('MojoExecutionException') : 'bad input is not an execution error'
assert log.contains('cannot connect to jdbc:postgresql://127.0.0.1:1/books as reader')
assert !log.contains('s3cret-from-settings') : 'the password was printed'
return true
