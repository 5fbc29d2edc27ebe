/**
 * psyscreen's bundled norms, as data: the files under {@code META-INF/psyscreen/norms/} and their index
 * {@code META-INF/psyscreen/norms.list}, which the engine's {@code Bundle.classPath} reads. No code and
 * no packages: the module exists so that an embedder can {@code requires} it (or {@code --add-modules}
 * it) without an automatic-module warning.
 */
module org.psyscreen.norms {}
