/** A Java system embedding psyscreen as a named module: it requires the engine and nothing else. */
module org.psyscreen.examples.embed {
    requires org.psyscreen.engine;
}
