/**
 * The student: grade, sex and dates ({@link org.psyscreen.student.StudentProfile}), and the readers
 * every front end uses to turn cells as schools write them into these ({@link
 * org.psyscreen.student.StudentReaders}, {@link org.psyscreen.student.Cells}).
 */
package org.psyscreen.student;
