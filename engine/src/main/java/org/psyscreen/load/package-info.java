/**
 * Loading definitions from YAML or JSON: strict parsing, binding, bean constraints and semantic
 * rules, with every problem collected and located by file, line, column and field.
 */
package org.psyscreen.load;
