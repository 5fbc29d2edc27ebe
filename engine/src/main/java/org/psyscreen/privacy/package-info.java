/** Disclosure control for published aggregates: small-cell suppression with complementary suppression. */
package org.psyscreen.privacy;
