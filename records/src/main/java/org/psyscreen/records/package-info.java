/**
 * Records across years (一生一档) and the three-tier warning database (三级预警动态数据库): scored
 * runs imported into one SQLite file or a PostgreSQL database, each student's history with reliable
 * change, tier transitions and coverage between waves, warning cases with follow-up events, the
 * upward report, and deletion. Students are keyed pseudonyms only; every query takes the caller's
 * {@link org.psyscreen.records.Scope}.
 */
package org.psyscreen.records;
