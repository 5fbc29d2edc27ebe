/**
 * Strict reading of YAML and JSON into a small tree whose every node knows its line and column.
 * Not exported: loaders bind the tree to definition records and collect every problem.
 */
package org.psyscreen.internal.tree;
