package org.psyscreen.batch;

import tools.jackson.databind.json.JsonMapper;

/**
 * The one mapper the run files' readers ({@link SummaryJson}, {@link ScoresJsonl}) parse with, made
 * when a file is first read: a run that only writes them needs none, and making one was tens of
 * milliseconds of every run's start-up.
 */
final class JsonReading {
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonReading() {}
}
