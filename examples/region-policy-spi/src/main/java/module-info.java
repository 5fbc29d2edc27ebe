/** An example regional policy written in Java, registered with the engine's SPI. */
module org.psyscreen.examples.regionpolicy {
    requires org.psyscreen.engine;

    provides org.psyscreen.spi.CutoffPolicyProvider with
            org.psyscreen.examples.regionpolicy.CountingPolicyProvider;
}
