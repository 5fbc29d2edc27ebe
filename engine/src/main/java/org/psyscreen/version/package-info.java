/** The engine's build version, recorded in every decision and run summary. */
package org.psyscreen.version;
